import { parse } from 'csv-parse'

import type { Diplome, Etablissement } from '../payload-types'
import { verifierUai } from '../uai'
import { ceder, LIGNES_PAR_TOUR } from './cooperer'

export type Rejet = { ligne: number; raison: string }
/** `absents`: the fields whose column the file lacks; the import leaves them untouched on existing rows. */
export type Lecture<T> = { lignes: T[]; rejets: Rejet[]; absents?: (keyof T & string)[] }

/** A row of the file, as the collection types its fields: each one present, `null` when the file leaves it empty. */
export type EtablissementRef = Required<
  Pick<
    Etablissement,
    'uai' | 'nom' | 'type' | 'secteur' | 'ministere' | 'commune' | 'departement' | 'academie'
  >
>

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

/** Header names compared without case, accents or punctuation, so a re-export with other casing still reads. */
function cleEntete(entete: string): string {
  return entete
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
}

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

async function lireCsv(texte: string): Promise<{ entetes: string[]; enregistrements: string[][] } | Rejet> {
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
async function parTours(enregistrements: string[][], lire: (valeurs: string[], i: number) => unknown) {
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
  secteur: ['secteur', 'statut_public_prive', 'secteur_public_prive'],
  ministere: ['ministere_tutelle', 'ministere'],
  agricole: ['lycee_agricole'],
  commune: ['commune', 'nom_commune', 'libelle_commune'],
  departement: ['code_departement', 'departement'],
  academie: ['code_academie', 'academie', 'libelle_academie'],
}

function academieDe(valeur: string): EtablissementRef['academie'] | null {
  const v = cleEntete(valeur)
  if (v === '11' || v === 'montpellier') return 'montpellier'
  if (v === '16' || v === 'toulouse') return 'toulouse'
  return null
}

function secteurDe(valeur: string): EtablissementRef['secteur'] {
  const v = cleEntete(valeur)
  if (v === 'pu' || v === 'public') return 'public'
  if (v === 'pr' || v === 'prive') return 'prive'
  return null
}

function ministereDe(tutelle: string, agricole: string): EtablissementRef['ministere'] {
  const v = cleEntete(tutelle)
  if (v.includes('agriculture') || cleEntete(agricole) === 'oui') return 'agriculture'
  if (v.includes('education_nationale')) return 'education-nationale'
  return 'autre'
}

/** Reads an annuaire export (the project's file or the Annuaire de l'éducation's columns). */
export async function lireEtablissements(texte: string): Promise<Lecture<EtablissementRef>> {
  const csv = await lireCsv(texte)
  if ('raison' in csv) return { lignes: [], rejets: [csv] }
  const { entetes, enregistrements } = csv
  const index = colonnes(entetes, ALIAS_ETABLISSEMENTS, ['uai', 'nom', 'academie'])
  if (typeof index === 'string') return { lignes: [], rejets: [{ ligne: 1, raison: index }] }
  const lignes: EtablissementRef[] = []
  const rejets: Rejet[] = []
  const vus = new Map<string, number>()
  const lire = (valeurs: string[], i: number) => {
    const ligne = i + 2
    const champ = (nom: string) => (index[nom] === undefined ? '' : (valeurs[index[nom]!] ?? '').trim())
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
    // The annuaire writes départements on 3 characters (034): keep the 2-character code.
    const departement = champ('departement')
      .replace(/^0(\d{2})$/, '$1')
      .padStart(2, '0')
    if (departement !== '00' && !/^(\d{2}|2A|2B)$/.test(departement)) {
      return rejets.push({
        ligne,
        raison: `UAI ${uai.uai} : département « ${champ('departement')} » invalide.`,
      })
    }
    vus.set(uai.uai, ligne)
    lignes.push({
      uai: uai.uai,
      nom,
      type: champ('type') || null,
      secteur: secteurDe(champ('secteur')),
      ministere: ministereDe(champ('ministere'), champ('agricole')),
      commune: champ('commune') || null,
      departement: departement === '00' ? null : departement,
      academie,
    })
  }
  await parTours(enregistrements, lire)
  return {
    lignes,
    rejets,
    absents: absents<EtablissementRef>(index, {
      type: ['type'],
      secteur: ['secteur'],
      ministere: ['ministere', 'agricole'],
      commune: ['commune'],
      departement: ['departement'],
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

/** Usual length of a diplôme when the BCN gives none (DUREE_DISPOSITIF 9 = not specified). */
export const DUREE_USUELLE: Record<string, number> = {
  CAP: 2,
  CAPA: 2,
  'BAC PRO': 3,
  'BAC PRO AG': 3,
  BP: 2,
  BPA4: 2,
  BPA5: 2,
  BTS: 2,
  BTSA: 2,
  BMA: 2,
  DMA: 2,
  DNMADE: 3,
  MC: 1,
  'MC AG': 1,
  'CS 3': 1,
  'CS 4': 1,
  'CSA NIV3': 1,
  'CSA NIV4': 1,
  'CSA NIV5': 1,
}

function durees(texte: string): number[] {
  return [
    ...new Set(
      texte
        .split('|')
        .map((d) => Number.parseInt(d, 10))
        .filter((d) => d >= 1 && d <= 4),
    ),
  ].sort()
}

/** dd/mm/yyyy (BCN) or yyyy-mm-dd → yyyy-mm-dd; null when empty; undefined when unreadable. */
export function dateIso(texte: string): string | null | undefined {
  if (!texte) return null
  const bcn = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(texte)
  if (bcn) return `${bcn[3]}-${bcn[2]}-${bcn[1]}`
  if (/^\d{4}-\d{2}-\d{2}$/.test(texte)) return texte
  return undefined
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
  const lire = (valeurs: string[], i: number) => {
    const ligne = i + 2
    const champ = (nom: string) => (index[nom] === undefined ? '' : (valeurs[index[nom]!] ?? '').trim())
    const cfd = champ('cfd').toUpperCase()
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
    let liste = durees(champ('dureesOuvertes'))
    if (!liste.length) liste = durees(champ('dureesToutes'))
    if (!liste.length && DUREE_USUELLE[typeDiplome]) liste = [DUREE_USUELLE[typeDiplome]!]
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
      ouvert: !dateFermeture || dateFermeture >= aujourdhui,
      dateOuverture,
      dateFermeture,
    })
  }
  await parTours(enregistrements, lire)
  return {
    lignes,
    rejets,
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
