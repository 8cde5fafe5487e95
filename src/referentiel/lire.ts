import { parse } from 'csv-parse'

import type { Diplome, Etablissement } from '../payload-types'
import { verifierUai } from '../uai'
import { ceder, LIGNES_PAR_TOUR } from './cooperer'
import {
  academieDe,
  cleEntete,
  dateIso,
  departementDe,
  dureesDiplome,
  dureesValides,
  DUREE_USUELLE,
  fermeDe,
  ministereDe,
  natureDansLeChamp,
  natureDe,
  ouvertLe,
  secteurDe,
  typeEtablissementDe,
} from './deriver'

export { dateIso, DUREE_USUELLE }

export type Rejet = { ligne: number; raison: string }
/**
 * `absents`: the fields whose column the file lacks; the import leaves them untouched on existing rows.
 * `horsChamp`: rows of natures (or diplôme niveaux) the platform does not carry, counted, neither read nor refused.
 * `cles`: every key the export names (hors champ and refused rows too): an existing row not among them is
 * « absent de l'export ». `sansCreation`: the files cannot describe a new row (BCN tables without
 * N_FORMATION_DIPLOME): only existing rows are updated.
 */
export type Lecture<T> = {
  lignes: T[]
  rejets: Rejet[]
  absents?: (keyof T & string)[]
  horsChamp?: number
  cles?: string[]
  sansCreation?: boolean
}

/** A row of the file, as the collection types its fields: each one present, `null` when the file leaves it empty. */
export type EtablissementRef = Required<
  Pick<
    Etablissement,
    'uai' | 'nom' | 'type' | 'secteur' | 'ministere' | 'commune' | 'departement' | 'academie' | 'ferme'
  >
> & { ferme: boolean }

export type DiplomeRef = Required<
  Pick<
    Diplome,
    | 'cfd'
    | 'libelle'
    | 'typeDiplome'
    | 'niveau'
    | 'codesRncp'
    | 'durees'
    | 'ouvert'
    | 'dateOuverture'
    | 'dateFermeture'
  >
> & { codesRncp: string[]; ouvert: boolean }

const RAISONS_CSV: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'un guillemet est ouvert et jamais fermé',
  CSV_INVALID_CLOSING_QUOTE:
    'un guillemet est au milieu d’une valeur (entourez la valeur de guillemets et doublez ceux qu’elle contient)',
  INVALID_OPENING_QUOTE:
    'un guillemet est au milieu d’une valeur (entourez la valeur de guillemets et doublez ceux qu’elle contient)',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'un caractère suit le guillemet fermant une valeur',
}

/** A CSV the parser cannot read: the line where it failed and why, in French (the import answers 400). */
async function illisible(err: unknown, texte: string): Promise<Rejet> {
  const e = err as { code?: string; lines?: number }
  let ligne = typeof e.lines === 'number' && e.lines > 0 ? e.lines : 1
  // The parser stops at the end of the file: name the line where the quote left open was opened.
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') ligne = (await ligneDuGuillemetOuvert(texte)) ?? ligne
  return {
    ligne,
    raison: `fichier illisible ligne ${ligne} : ${RAISONS_CSV[e.code ?? ''] ?? 'structure CSV invalide'}`,
  }
}

/** Scans line by line (no split of a 20 MB text into an array), with a pause every LIGNES_PAR_TOUR lines. */
async function ligneDuGuillemetOuvert(texte: string): Promise<number | null> {
  let ouverte: number | null = null
  // One pass: `guillemet` only moves forward (searching from each line start would be quadratic).
  let guillemet = texte.indexOf('"')
  for (let debut = 0, numero = 1; debut <= texte.length; numero++) {
    if (numero % LIGNES_PAR_TOUR === 0) await ceder()
    let fin = texte.indexOf('\n', debut)
    if (fin < 0) fin = texte.length
    let guillemets = 0
    for (; guillemet >= 0 && guillemet < fin; guillemet = texte.indexOf('"', guillemet + 1)) guillemets++
    if (guillemets % 2 === 1) ouverte = ouverte === null ? numero : null
    debut = fin + 1
  }
  return ouverte
}

/** Bytes handed to the parser per event-loop turn (about 240 lines): a few ms of parsing between two turns. */
export const OCTETS_PAR_TOUR = 16 * 1024

/**
 * The records, parsed chunk by chunk with a turn of the event loop between chunks: a 200,000-line file parsed at
 * once would hold every other request (and /api/health) for seconds. Rejects with csv-parse's error.
 */
async function enregistrementsCsv(texte: string): Promise<string[][]> {
  const octets = Buffer.from(texte)
  const parser = parse({ relax_column_count: true, skip_empty_lines: true })
  const lignes: string[][] = []
  let erreur: unknown = null
  // After an error the parser never ends: the error settles the wait too.
  const fin = new Promise<void>((resolve) => {
    parser.on('data', (l: string[]) => lignes.push(l))
    parser.on('error', (e) => {
      erreur = e
      resolve()
    })
    parser.on('end', resolve)
  })
  for (let debut = 0; debut < octets.length && erreur === null; debut += OCTETS_PAR_TOUR) {
    parser.write(octets.subarray(debut, debut + OCTETS_PAR_TOUR))
    await ceder()
  }
  if (erreur === null) parser.end()
  await fin
  if (erreur !== null) throw erreur
  return lignes
}

export async function lireCsv(
  texte: string,
): Promise<{ entetes: string[]; enregistrements: string[][] } | Rejet> {
  const sansBom = texte.replace(/^\uFEFF/, '')
  let lignes: string[][]
  try {
    lignes = await enregistrementsCsv(sansBom)
  } catch (err) {
    return illisible(err, sansBom)
  }
  const [entetes = [], ...enregistrements] = lignes
  return { entetes: entetes.map(cleEntete), enregistrements }
}

/** Runs `lire` on every record, yielding to the event loop every LIGNES_PAR_TOUR records. */
export async function parTours(enregistrements: string[][], lire: (valeurs: string[], i: number) => unknown) {
  for (let i = 0; i < enregistrements.length; i++) {
    if (i > 0 && i % LIGNES_PAR_TOUR === 0) await ceder()
    lire(enregistrements[i]!, i)
  }
}

/** Fields fed by columns: a field is absent when none of its columns is in the file. */
function absents<T>(
  index: Record<string, number>,
  sources: Partial<Record<keyof T & string, string[]>>,
): (keyof T & string)[] {
  return (Object.entries(sources) as [keyof T & string, string[]][])
    .filter(([, cols]) => cols.every((c) => index[c] === undefined))
    .map(([champ]) => champ)
}

function colonnes(
  entetes: string[],
  alias: Record<string, string[]>,
  obligatoires: string[],
): Record<string, number> | string {
  const index: Record<string, number> = {}
  for (const [champ, noms] of Object.entries(alias)) {
    const i = entetes.findIndex((e) => noms.includes(e))
    if (i >= 0) index[champ] = i
  }
  const manquantes = obligatoires.filter((c) => index[c] === undefined)
  if (manquantes.length)
    return `colonnes manquantes dans l'en-tête : ${manquantes.map((c) => alias[c]![0]).join(', ')}`
  return index
}

const ALIAS_ETABLISSEMENTS: Record<string, string[]> = {
  uai: ['uai', 'identifiant_de_l_etablissement', 'numero_uai', 'code_uai'],
  nom: ['nom', 'nom_etablissement', 'appellation_officielle', 'denomination'],
  type: ['type', 'sigle'],
  nature: ['nature_uai', 'code_nature'],
  etat: ['etat', 'etat_etablissement'],
  secteur: ['secteur', 'statut_public_prive', 'secteur_public_prive'],
  ministere: ['ministere_tutelle', 'ministere'],
  agricole: ['lycee_agricole'],
  commune: ['commune', 'nom_commune', 'libelle_commune'],
  departement: ['code_departement', 'departement'],
  academie: ['code_academie', 'academie', 'libelle_academie'],
}

/**
 * Reads an annuaire export: the project's file or the Annuaire de l'éducation's own columns (derived fields are
 * derived here, as at build time). Natures out of scope are counted, not read.
 */
export async function lireEtablissements(texte: string): Promise<Lecture<EtablissementRef>> {
  const csv = await lireCsv(texte)
  if ('raison' in csv) return { lignes: [], rejets: [csv] }
  const { entetes, enregistrements } = csv
  const index = colonnes(entetes, ALIAS_ETABLISSEMENTS, ['uai', 'nom', 'academie'])
  if (typeof index === 'string') return { lignes: [], rejets: [{ ligne: 1, raison: index }] }
  const lignes: EtablissementRef[] = []
  const rejets: Rejet[] = []
  const vus = new Map<string, number>()
  const cles = new Set<string>()
  let horsChamp = 0
  const lire = (valeurs: string[], i: number) => {
    const ligne = i + 2
    const champ = (nom: string) => (index[nom] === undefined ? '' : (valeurs[index[nom]!] ?? '').trim())
    const brut = champ('uai').toUpperCase()
    if (brut) cles.add(brut)
    const nature = natureDe(champ('nature'))
    // An école or a collège is neither refused nor created: the report counts it.
    if (!natureDansLeChamp(nature)) return horsChamp++
    const uai = verifierUai(champ('uai'))
    if (!uai.valide) return rejets.push({ ligne, raison: uai.message })
    if (vus.has(uai.uai))
      return rejets.push({ ligne, raison: `UAI ${uai.uai} déjà présent ligne ${vus.get(uai.uai)}.` })
    const nom = champ('nom')
    if (!nom) return rejets.push({ ligne, raison: `UAI ${uai.uai} : nom manquant.` })
    const academie = academieDe(champ('academie'))
    if (!academie)
      return rejets.push({
        ligne,
        raison: `UAI ${uai.uai} : académie « ${champ('academie')} » hors Occitanie (attendu : 11 Montpellier ou 16 Toulouse).`,
      })
    const departement = departementDe(champ('departement'))
    if (departement === null) {
      return rejets.push({
        ligne,
        raison: `UAI ${uai.uai} : département « ${champ('departement')} » invalide.`,
      })
    }
    vus.set(uai.uai, ligne)
    lignes.push({
      uai: uai.uai,
      nom,
      type: typeEtablissementDe(nature, champ('type')),
      secteur: secteurDe(champ('secteur')),
      ministere: ministereDe(champ('ministere'), champ('agricole')),
      commune: champ('commune') || null,
      departement: departement || null,
      academie,
      ferme: fermeDe(champ('etat')),
    })
  }
  await parTours(enregistrements, lire)
  return {
    lignes,
    rejets,
    horsChamp,
    cles: [...cles],
    absents: absents<EtablissementRef>(index, {
      type: ['type', 'nature'],
      secteur: ['secteur'],
      ministere: ['ministere', 'agricole'],
      commune: ['commune'],
      departement: ['departement'],
      ferme: ['etat'],
    }),
  }
}

const ALIAS_DIPLOMES: Record<string, string[]> = {
  cfd: ['cfd', 'formation_diplome', 'code_diplome'],
  type: ['type_diplome', 'libelle_court'],
  libelle: ['libelle_long', 'libelle_long_200'],
  niveau: ['niveau_qualification_rncp'],
  ouverture: ['date_ouverture'],
  fermeture: ['date_fermeture'],
  dureesOuvertes: ['durees_mef_ouverts'],
  dureesToutes: ['durees_mef_toutes'],
  rncp: ['codes_rncp'],
}

export async function lireDiplomes(
  texte: string,
  aujourdhui = new Date().toISOString().slice(0, 10),
): Promise<Lecture<DiplomeRef>> {
  const csv = await lireCsv(texte)
  if ('raison' in csv) return { lignes: [], rejets: [csv] }
  const { entetes, enregistrements } = csv
  const index = colonnes(entetes, ALIAS_DIPLOMES, ['cfd', 'type', 'libelle'])
  if (typeof index === 'string') return { lignes: [], rejets: [{ ligne: 1, raison: index }] }
  const lignes: DiplomeRef[] = []
  const rejets: Rejet[] = []
  const vus = new Map<string, number>()
  const cles = new Set<string>()
  const lire = (valeurs: string[], i: number) => {
    const ligne = i + 2
    const champ = (nom: string) => (index[nom] === undefined ? '' : (valeurs[index[nom]!] ?? '').trim())
    const cfd = champ('cfd').toUpperCase()
    if (cfd) cles.add(cfd)
    if (!/^[0-9A-Z]{8}$/.test(cfd))
      return rejets.push({
        ligne,
        raison: `code formation diplôme « ${champ('cfd')} » invalide (8 caractères attendus).`,
      })
    if (vus.has(cfd)) return rejets.push({ ligne, raison: `CFD ${cfd} déjà présent ligne ${vus.get(cfd)}.` })
    const typeDiplome = champ('type')
    const libelle = champ('libelle')
    if (!typeDiplome || !libelle)
      return rejets.push({ ligne, raison: `CFD ${cfd} : type ou libellé manquant.` })
    const dateOuverture = dateIso(champ('ouverture'))
    const dateFermeture = dateIso(champ('fermeture'))
    if (dateOuverture === undefined || dateFermeture === undefined) {
      return rejets.push({ ligne, raison: `CFD ${cfd} : date illisible (attendu jj/mm/aaaa ou aaaa-mm-jj).` })
    }
    const liste = dureesDiplome(
      dureesValides(champ('dureesOuvertes').split('|')),
      dureesValides(champ('dureesToutes').split('|')),
      typeDiplome,
    )
    if (!liste.length)
      return rejets.push({
        ligne,
        raison: `CFD ${cfd} : aucune durée connue pour le type « ${typeDiplome} ».`,
      })
    vus.set(cfd, ligne)
    lignes.push({
      cfd,
      libelle,
      typeDiplome,
      niveau: champ('niveau') || null,
      codesRncp: champ('rncp')
        ? [
            ...new Set(
              champ('rncp')
                .split('|')
                .map((c) => c.trim())
                .filter(Boolean),
            ),
          ]
        : [],
      durees: liste,
      ouvert: ouvertLe(dateFermeture, aujourdhui),
      dateOuverture,
      dateFermeture,
    })
  }
  await parTours(enregistrements, lire)
  return {
    lignes,
    rejets,
    cles: [...cles],
    absents: absents<DiplomeRef>(index, {
      niveau: ['niveau'],
      codesRncp: ['rncp'],
      durees: ['dureesOuvertes', 'dureesToutes'],
      ouvert: ['fermeture'],
      dateFermeture: ['fermeture'],
      dateOuverture: ['ouverture'],
    }),
  }
}
