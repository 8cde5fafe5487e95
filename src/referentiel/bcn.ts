import { ceder, LIGNES_PAR_TOUR } from './cooperer'
import {
  cfdDe,
  codeRncpDe,
  dateIso,
  dureesDiplome,
  dureesValides,
  DUREE_USUELLE,
  ouvertLe,
  TYPE_PAR_NIVEAU,
} from './deriver'
import { type DiplomeRef, type Lecture, lireCsv, lireDiplomes, type Rejet } from './lire'

/** A file as the editor sent it: its name (for the messages) and its text. */
export type FichierSource = { nom: string; texte: string }

type Table = 'formations' | 'mef' | 'rncp' | 'derive'

/** Which file is which, by its header (names vary: nFormationDiplome_.csv, N_FORMATION_DIPLOME.csv…). */
export function tableDe(entetes: string[]): Table | null {
  const a = (...noms: string[]) => noms.every((n) => entetes.includes(n))
  if (a('mef', 'formation_diplome', 'duree_dispositif')) return 'mef'
  if (a('formation_diplome', 'libelle_long_200')) return 'formations'
  if (a('code_diplome', 'code_rncp')) return 'rncp'
  if (a('cfd')) return 'derive'
  return null
}

export const NOMS_TABLES: Record<Exclude<Table, 'derive'>, string> = {
  formations: 'N_FORMATION_DIPLOME',
  mef: 'N_MEF',
  rncp: 'correspondance CFD → RNCP',
}

type Lue = { nom: string; entetes: string[]; enregistrements: string[][] }

function colonne(t: Lue, nom: string) {
  const i = t.entetes.indexOf(nom)
  return (valeurs: string[]) => (i < 0 ? '' : (valeurs[i] ?? '').trim())
}

async function parcourir(t: Lue, lire: (valeurs: string[], ligne: number) => void) {
  for (let i = 0; i < t.enregistrements.length; i++) {
    if (i > 0 && i % LIGNES_PAR_TOUR === 0) await ceder()
    lire(t.enregistrements[i]!, i + 2)
  }
}

/** Lengths of each CFD's MEFs (DUREE_DISPOSITIF), those open on `jour` apart. */
async function dureesParCfd(t: Lue, jour: string) {
  const cfd = colonne(t, 'formation_diplome')
  const duree = colonne(t, 'duree_dispositif')
  const fermeture = colonne(t, 'date_fermeture')
  const parCfd = new Map<string, { ouvertes: string[]; toutes: string[] }>()
  await parcourir(t, (v) => {
    const code = cfd(v).toUpperCase()
    if (!code) return
    const d = parCfd.get(code) ?? { ouvertes: [], toutes: [] }
    d.toutes.push(duree(v))
    if (ouvertLe(dateIso(fermeture(v)) ?? null, jour)) d.ouvertes.push(duree(v))
    parCfd.set(code, d)
  })
  return new Map(
    [...parCfd].map(([code, d]) => [
      code,
      { ouvertes: dureesValides(d.ouvertes), toutes: dureesValides(d.toutes) },
    ]),
  )
}

/** RNCP codes of each CFD, the union over the files given (Kit apprentissage, DGESCO list). */
async function rncpParCfd(tables: Lue[]) {
  const parCfd = new Map<string, Set<string>>()
  for (const t of tables) {
    const cfd = colonne(t, 'code_diplome')
    const rncp = colonne(t, 'code_rncp')
    await parcourir(t, (v) => {
      const code = cfdDe(cfd(v))
      const r = codeRncpDe(rncp(v))
      if (code.length !== 8 || !r) return
      parCfd.set(code, (parCfd.get(code) ?? new Set()).add(r))
    })
  }
  return parCfd
}

const trier = (codes: Iterable<string>) => [...codes].sort()

/**
 * The BCN's own tables, read together: N_FORMATION_DIPLOME gives the diplômes (niveaux out of scope counted
 * « hors champ »), N_MEF their lengths, the CFD → RNCP files their RNCP codes. A table not given leaves its
 * fields untouched on existing diplômes; without N_FORMATION_DIPLOME nothing is created.
 */
export async function lireTablesBcn(
  fichiers: FichierSource[],
  aujourdhui = new Date().toISOString().slice(0, 10),
): Promise<Lecture<DiplomeRef>> {
  const tables: Partial<Record<Table, Lue[]>> = {}
  for (const f of fichiers) {
    const csv = await lireCsv(f.texte)
    if ('raison' in csv) return { lignes: [], rejets: [{ ...csv, raison: `${f.nom} : ${csv.raison}` }] }
    const table = tableDe(csv.entetes)
    if (!table || table === 'derive')
      return {
        lignes: [],
        rejets: [
          {
            ligne: 1,
            raison: `${f.nom} : en-tête non reconnu (attendu : la table N_FORMATION_DIPLOME, N_MEF ou une correspondance CFD → RNCP de la BCN).`,
          },
        ],
      }
    ;(tables[table] ??= []).push({ nom: f.nom, ...csv })
  }
  for (const t of ['formations', 'mef'] as const)
    if ((tables[t]?.length ?? 0) > 1)
      return {
        lignes: [],
        rejets: [
          {
            ligne: 1,
            raison: `${tables[t]!.map((f) => f.nom).join(', ')} : une seule table ${NOMS_TABLES[t]} à la fois.`,
          },
        ],
      }
  const mef = tables.mef ? await dureesParCfd(tables.mef[0]!, aujourdhui) : null
  const rncp = tables.rncp ? await rncpParCfd(tables.rncp) : null
  const absents: (keyof DiplomeRef & string)[] = []
  if (!mef) absents.push('durees')
  if (!rncp) absents.push('codesRncp')
  const formations = tables.formations?.[0]
  if (!formations) return lignesSansFormations(mef, rncp, absents)

  const lignes: DiplomeRef[] = []
  const rejets: Rejet[] = []
  const cles = new Set<string>()
  const vus = new Map<string, number>()
  let horsChamp = 0
  const c = (nom: string) => colonne(formations, nom)
  const [cfdDe_, niveauDe, libelleDe, rncpNiveau, ouverture, fermeture] = [
    c('formation_diplome'),
    c('niveau_formation_diplome'),
    c('libelle_long_200'),
    c('niveau_qualification_rncp'),
    c('date_ouverture'),
    c('date_fermeture'),
  ]
  await parcourir(formations, (v, ligne) => {
    const cfd = cfdDe_(v).toUpperCase()
    if (cfd) cles.add(cfd)
    const typeDiplome = TYPE_PAR_NIVEAU[niveauDe(v) || cfd.slice(0, 3)]
    // CPGE, SES, licences…: counted, neither refused nor created.
    if (!typeDiplome) return horsChamp++
    if (!/^[0-9A-Z]{8}$/.test(cfd))
      return rejets.push({
        ligne,
        raison: `${formations.nom} : code formation diplôme « ${cfdDe_(v)} » invalide (8 caractères attendus).`,
      })
    if (vus.has(cfd))
      return rejets.push({
        ligne,
        raison: `${formations.nom} : CFD ${cfd} déjà présent ligne ${vus.get(cfd)}.`,
      })
    const libelle = libelleDe(v)
    if (!libelle) return rejets.push({ ligne, raison: `${formations.nom} : CFD ${cfd} : libellé manquant.` })
    const dateOuverture = dateIso(ouverture(v))
    const dateFermeture = dateIso(fermeture(v))
    if (dateOuverture === undefined || dateFermeture === undefined)
      return rejets.push({
        ligne,
        raison: `${formations.nom} : CFD ${cfd} : date illisible (attendu jj/mm/aaaa).`,
      })
    vus.set(cfd, ligne)
    const d = mef?.get(cfd)
    lignes.push({
      cfd,
      libelle,
      typeDiplome,
      niveau: rncpNiveau(v) || null,
      codesRncp: trier(rncp?.get(cfd) ?? []),
      // Without N_MEF the usual length only serves a new diplôme (the field is absent for existing ones).
      durees: mef
        ? dureesDiplome(d?.ouvertes ?? [], d?.toutes ?? [], typeDiplome)
        : [DUREE_USUELLE[typeDiplome]!],
      ouvert: ouvertLe(dateFermeture, aujourdhui),
      dateOuverture,
      dateFermeture,
    })
  })
  return { lignes, rejets, absents, horsChamp, cles: [...cles] }
}

/**
 * N_MEF and/or the RNCP files alone: updates of the lengths and RNCP codes of diplômes already known. Each row
 * carries only the fields its tables give (the others are left out, so left untouched).
 */
function lignesSansFormations(
  mef: Map<string, { ouvertes: number[]; toutes: number[] }> | null,
  rncp: Map<string, Set<string>> | null,
  absentsTables: (keyof DiplomeRef & string)[],
): Lecture<DiplomeRef> {
  const cfds = new Set([...(mef?.keys() ?? []), ...(rncp?.keys() ?? [])])
  const lignes: Partial<DiplomeRef>[] = []
  for (const cfd of cfds) {
    const ligne: Partial<DiplomeRef> = { cfd }
    const d = mef?.get(cfd)
    const durees = d ? dureesDiplome(d.ouvertes, d.toutes, '') : []
    if (durees.length) ligne.durees = durees
    if (rncp) ligne.codesRncp = trier(rncp.get(cfd) ?? [])
    if (Object.keys(ligne).length > 1) lignes.push(ligne)
  }
  const autres: (keyof DiplomeRef & string)[] = [
    'libelle',
    'typeDiplome',
    'niveau',
    'ouvert',
    'dateOuverture',
    'dateFermeture',
  ]
  return {
    // Partial rows: the import never creates from them (sansCreation) and skips the fields they leave out.
    lignes: lignes as DiplomeRef[],
    rejets: [],
    absents: [...absentsTables, ...autres],
    sansCreation: true,
  }
}

/** One derived file (formations_diplomes_pro.csv) or the BCN's tables: each read as what it is. */
export async function lireFichiersDiplomes(
  fichiers: FichierSource[],
  aujourdhui = new Date().toISOString().slice(0, 10),
): Promise<Lecture<DiplomeRef>> {
  if (fichiers.length === 1) {
    const csv = await lireCsv(fichiers[0]!.texte)
    if ('raison' in csv || tableDe(csv.entetes) === 'derive' || tableDe(csv.entetes) === null)
      return lireDiplomes(fichiers[0]!.texte, aujourdhui)
  }
  return lireTablesBcn(fichiers, aujourdhui)
}
