import type { FlattenedField, Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'
import * as qs from 'qs-esm'

import { contexte, type Fin, refusChemin, type Usage } from '../../access/requetes'
import { identifiantValide } from '../../hooks/requetes/garderRequetes'

/**
 * An admin list address (`/admin/collections/<slug>[/trash]?where[…]&sort=…`) is client input that Payload's list
 * view reads twice: to fetch (where a refused condition gives an empty list without a word, and a malformed one —
 * a date `abc`, `near` on a number, a version field — a blank page) and to draw its filter builder (which fails, an
 * « Application error » HTTP 500, on `exists` over a field it does not list: one the reader may not read, or a path
 * through a relationship). The admin page sends the reader to the same list without what it would not apply, and
 * names it (src/admin/FiltresIgnores.tsx). Access is the rule of access/requetes.ts; the rest is what Payload's list
 * view can draw (its WhereBuilder's operators per field type, mirrored below).
 */

/** The list address's parameter naming what was taken off it (`acces-filtre:avis.avis,valeur-tri:x,inconnu`). */
export const PARAMETRE_IGNORES = 'filtresIgnores'

type Parametres = Record<string, string | string[] | undefined>
type Genre = 'acces' | 'valeur'
type Ecart = { genre: Genre; usage: Usage; chemin: string } | { genre: 'inconnu' }

const EGAL = ['equals', 'not_equals']
const BASE = [...EGAL, 'in', 'not_in', 'exists']
const TEXTE = [...BASE, 'like', 'not_like', 'contains']
const NUMERIQUE = [...BASE, 'greater_than', 'less_than', 'less_than_equal', 'greater_than_equal']
/** The operators Payload's filter builder offers per field type (@payloadcms/ui WhereBuilder/field-types). */
const OPERATEURS: Record<string, string[]> = {
  checkbox: [...EGAL, 'exists'],
  code: TEXTE,
  date: NUMERIQUE,
  email: [...BASE, 'contains'],
  json: ['exists'],
  number: NUMERIQUE,
  radio: BASE,
  relationship: BASE,
  richText: ['exists'],
  select: BASE,
  text: TEXTE,
  textarea: TEXTE,
  upload: BASE,
}
const OPERATEURS_ID = [...EGAL, 'in', 'not_in']
const VERSION = new Set(['version', 'parent', 'latest', 'autosave', 'snapshot', 'publishedLocale', '_id'])
const TRIABLES = new Set([
  'checkbox',
  'date',
  'email',
  'number',
  'radio',
  'select',
  'text',
  'textarea',
  'code',
])

/** Whether a list address filters, sorts or groups at all (the only ones to check). */
export const filtreOuTrie = (parametres: Parametres): boolean =>
  Object.keys(parametres).some((k) => /^(where|sort|queryByGroup|groupBy)($|\[)/.test(k))

/** The address's query as Payload's admin parses it (views/Root): nested `where[a][b]` objects. */
const analyser = (parametres: Parametres) =>
  qs.parse(qs.stringify(parametres), { depth: 10 }) as Record<string, unknown> & {
    where?: unknown
    sort?: unknown
  }

const estObjet = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
const liste = (v: unknown): unknown[] =>
  Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : estObjet(v) ? Object.values(v) : [v]
const estBooleen = (v: unknown) => v === true || v === false || v === 'true' || v === 'false'
const cibleDe = (c: FlattenedField): string | null =>
  (c.type === 'relationship' || c.type === 'upload') && typeof c.relationTo === 'string' ? c.relationTo : null

/** Whether the value suits the field for this operator (as the database will be asked). */
function valeurConvient(req: PayloadRequest, fin: Fin, operateur: string, valeur: unknown): boolean {
  if (operateur === 'exists') return estBooleen(valeur)
  const plusieurs = operateur === 'in' || operateur === 'not_in'
  const valeurs = plusieurs ? liste(valeur) : [valeur]
  if (valeurs.length === 0 || valeurs.some((v) => estObjet(v) || Array.isArray(v))) return false
  const champ = fin.champ
  if (!champ) return valeurs.every((v) => identifiantValide(req, fin.collection, v))
  switch (champ.type) {
    case 'number':
      return valeurs.every(
        (v) => typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)),
      )
    case 'date':
      return valeurs.every((v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)))
    case 'checkbox':
      return valeurs.every(estBooleen)
    case 'relationship':
    case 'upload': {
      const cible = cibleDe(champ)
      return !cible || valeurs.every((v) => identifiantValide(req, cible, v))
    }
    default:
      return valeurs.every((v) => typeof v === 'string' || typeof v === 'number')
  }
}

/** Where a path ends, and whether it crossed a relationship (`etablissementConcerne.uai`, `diplome.id`). */
async function resoudre(
  req: PayloadRequest,
  slug: string,
  chemin: string,
  usage: Usage,
): Promise<{ ecart: Ecart } | { fin: Fin; traverse: boolean }> {
  const fins: Fin[] = []
  const r = await refusChemin(contexte(req), slug, chemin, usage, fins)
  if (r) return { ecart: r.inconnu ? { genre: 'inconnu' } : { genre: 'acces', usage, chemin } }
  // A version record's own fields (`latest`, `parent`, `version.x`) are no field of the list itself.
  if (VERSION.has(chemin.replace(/__/g, '.').split('.')[0]!)) return { ecart: { genre: 'inconnu' } }
  // The rule answers a versioned collection's `createdAt`, `updatedAt` and `id` as a version record's fields (no end
  // given): on the list they are the document's own.
  const propre = ['createdAt', 'updatedAt', 'id'].includes(chemin)
    ? (
        req.payload.collections as Record<
          string,
          { config: { flattenedFields: FlattenedField[] } } | undefined
        >
      )[slug]?.config.flattenedFields.find((c) => c.name === chemin)
    : undefined
  const fin =
    fins[0] ??
    (chemin === 'id'
      ? { champ: null, collection: slug }
      : propre
        ? { champ: propre, collection: slug }
        : undefined)
  // A version record's own fields (`latest`, `parent`, `version.x`) are no field of the list itself.
  if (!fin) return { ecart: { genre: 'inconnu' } }
  const traverse =
    fin.collection !== slug || (fin.champ !== null && cibleDe(fin.champ) !== null && chemin.endsWith('.id'))
  return { fin, traverse }
}

async function ecartCondition(
  req: PayloadRequest,
  slug: string,
  chemin: string,
  contrainte: unknown,
): Promise<Ecart | null> {
  const r = await resoudre(req, slug, chemin, 'filtre')
  if ('ecart' in r) return r.ecart
  const valeur: Ecart = { genre: 'valeur', usage: 'filtre', chemin }
  if (!estObjet(contrainte) || Object.keys(contrainte).length === 0) return valeur
  const { fin, traverse } = r
  const permis = fin.champ ? (OPERATEURS[fin.champ.type] ?? []) : OPERATEURS_ID
  for (const [operateur, v] of Object.entries(contrainte)) {
    if (!permis.includes(operateur)) return valeur
    // The filter builder lists only the collection's own fields: `exists` over another one breaks it.
    if (operateur === 'exists' && traverse) return valeur
    if (!valeurConvient(req, fin, operateur, v)) return valeur
  }
  return null
}

/** Removes, in place, the conditions the list would not apply; returns why. */
async function nettoyerWhere(
  req: PayloadRequest,
  slug: string,
  where: Record<string, unknown>,
  ecarts: Ecart[],
  profondeur = 0,
) {
  for (const [cle, contrainte] of Object.entries(where)) {
    const groupe = cle.toLowerCase() === 'and' || cle.toLowerCase() === 'or'
    if (groupe && (Array.isArray(contrainte) || estObjet(contrainte)) && profondeur < 8) {
      // qs makes an object of a list beyond 20 elements: its conditions are read all the same.
      const membres = (Array.isArray(contrainte) ? contrainte : Object.values(contrainte)).filter(estObjet)
      for (const m of membres) await nettoyerWhere(req, slug, m, ecarts, profondeur + 1)
      const restes = membres.filter((m) => Object.keys(m).length > 0)
      delete where[cle]
      if (restes.length > 0) where[cle.toLowerCase()] = restes
      continue
    }
    const e = groupe ? ({ genre: 'inconnu' } as const) : await ecartCondition(req, slug, cle, contrainte)
    if (e) {
      ecarts.push(e)
      delete where[cle]
    }
  }
}

async function nettoyerTri(
  req: PayloadRequest,
  slug: string,
  sort: unknown,
  ecarts: Ecart[],
): Promise<string | undefined> {
  const gardes: string[] = []
  for (const brut of liste(sort).flatMap((x) => (typeof x === 'string' ? x.split(',') : [null]))) {
    if (brut === null) {
      ecarts.push({ genre: 'inconnu' })
      continue
    }
    const s = brut.trim()
    const chemin = s.replace(/^[-+]/, '')
    if (!chemin) continue
    const r = await resoudre(req, slug, chemin, 'tri')
    if ('ecart' in r) ecarts.push(r.ecart)
    else if (r.traverse || (r.fin.champ && !TRIABLES.has(r.fin.champ.type)))
      ecarts.push({ genre: 'valeur', usage: 'tri', chemin })
    else gardes.push(s)
  }
  return gardes.length ? gardes.join(',') : undefined
}

const coder = (e: Ecart) => (e.genre === 'inconnu' ? 'inconnu' : `${e.genre}-${e.usage}:${e.chemin}`)

/**
 * The list address without what the list would not apply, or null when there is nothing to take off (or the page is
 * no list: the redirect is made only for a collection's list or its trash).
 */
export async function adresseSansRefus(
  payload: Payload,
  user: PayloadRequest['user'],
  chemin: string,
  slug: string,
  parametres: Parametres,
): Promise<string | null> {
  const collection = (
    payload.collections as Record<string, { config: { admin?: { groupBy?: boolean } } } | undefined>
  )[slug]
  if (!user || !filtreOuTrie(parametres) || !collection) return null
  const groupe = Boolean(collection.config.admin?.groupBy)
  const req = await createLocalReq({ user }, payload)
  const requete = analyser(parametres)
  const ecarts: Ecart[] = []
  let change = false
  if ('where' in requete) {
    if (estObjet(requete.where)) await nettoyerWhere(req, slug, requete.where, ecarts)
    else ecarts.push({ genre: 'inconnu' })
    if (!estObjet(requete.where) || Object.keys(requete.where).length === 0) delete requete.where
  }
  if ('sort' in requete) {
    const sort = await nettoyerTri(req, slug, requete.sort, ecarts)
    if (sort === undefined) delete requete.sort
    else if (sort !== requete.sort) {
      requete.sort = sort
      change = true
    }
  }
  // Payload parses `queryByGroup` as JSON on every list, and groups only a collection that enables it.
  if ('queryByGroup' in requete) {
    let valide = false
    try {
      valide = typeof requete.queryByGroup === 'string' && estObjet(JSON.parse(requete.queryByGroup))
    } catch {
      valide = false
    }
    if (!valide || !groupe) {
      delete requete.queryByGroup
      change = true
    }
  }
  if ('groupBy' in requete && !groupe) {
    delete requete.groupBy
    change = true
  }
  if (ecarts.length === 0 && !change) return null
  const deja =
    typeof requete[PARAMETRE_IGNORES] === 'string' ? String(requete[PARAMETRE_IGNORES]).split(',') : []
  const codes = [...new Set([...deja, ...ecarts.map(coder)])].slice(0, 20)
  if (codes.length) requete[PARAMETRE_IGNORES] = codes.join(',')
  return `${chemin}${qs.stringify(requete, { addQueryPrefix: true })}`
}

/** What the notice says of one thing taken off: a label of ours and the reason, never the address's own text. */
async function texteEcart(req: PayloadRequest, slug: string, code: string): Promise<string | null> {
  const inconnu = 'Un filtre ou un tri porte sur une information que cette liste ne contient pas.'
  if (code === 'inconnu') return inconnu
  const m = /^(acces|valeur)-(filtre|tri):(.{1,200})$/.exec(code)
  if (!m) return null
  const [, genre, usage, chemin] = m as unknown as [string, Genre, Usage, string]
  const fins: Fin[] = []
  const r = await refusChemin(contexte(req), slug, chemin, usage, fins)
  const quoi = usage === 'tri' ? 'Tri' : 'Filtre'
  if (genre === 'acces')
    return r && !r.inconnu
      ? `${quoi} sur « ${r.libelle} » : vous n'avez pas accès à cette information.`
      : r
        ? inconnu
        : null
  if (r) return inconnu
  const champ = fins[0]?.champ ?? null
  if (!fins[0] && !['createdAt', 'updatedAt', 'id'].includes(chemin)) return inconnu
  const libelle =
    champ && 'label' in champ && typeof champ.label === 'string' && champ.label
      ? champ.label
      : (({ createdAt: 'Créé le', updatedAt: 'Modifié le' } as Record<string, string>)[chemin] ??
        'Identifiant')
  return usage === 'tri'
    ? `Tri sur « ${libelle} » : la liste ne peut pas être triée ainsi.`
    : `Filtre sur « ${libelle} » : sa condition ou sa valeur n'est pas valide.`
}

/**
 * The notice's lines: what the address says was taken off, checked again (the parameter is client input: only what
 * this reader could not use is named, by our labels), and a sort kept in the list preferences that it may not use.
 */
export async function refusNommes(
  req: PayloadRequest,
  slug: string,
  parametres: Parametres,
  triPrefere: unknown,
): Promise<string[]> {
  const brut = parametres[PARAMETRE_IGNORES]
  const codes = (Array.isArray(brut) ? brut.join(',') : (brut ?? '')).split(',').slice(0, 20)
  const textes: string[] = []
  for (const code of codes) {
    const t = await texteEcart(req, slug, code)
    if (t && !textes.includes(t)) textes.push(t)
  }
  if (parametres.sort === undefined && triPrefere) {
    const ecarts: Ecart[] = []
    await nettoyerTri(req, slug, triPrefere, ecarts)
    for (const e of ecarts) {
      const t = await texteEcart(req, slug, coder(e))
      if (t && !textes.includes(t)) textes.push(t)
    }
  }
  return textes
}

/**
 * Why a saved filter (« Filtre enregistré ») may not be saved: the conditions of its `where` the list would not
 * apply for its author (the same rule as the list address), in the notice's words; empty when it may.
 */
export async function ecartsDuFiltreEnregistre(
  req: PayloadRequest,
  slug: string,
  where: unknown,
): Promise<string[]> {
  if (where === null || where === undefined) return []
  if (!estObjet(where))
    return ['Un filtre ou un tri porte sur une information que cette liste ne contient pas.']
  const ecarts: Ecart[] = []
  await nettoyerWhere(req, slug, structuredClone(where), ecarts)
  const textes: string[] = []
  for (const e of ecarts) {
    const t = await texteEcart(req, slug, coder(e))
    if (t && !textes.includes(t)) textes.push(t)
  }
  return textes
}
