import type { FlattenedField, PayloadRequest } from 'payload'
import { collectionDe } from '../src/collectionParSlug'

/**
 * What a query may name (SECURITY 4, 5, 25): in `where`, `sort`, `select`, `populate`, `joins` and the export's
 * filter, only fields the caller may read, and a path through a relationship only into a collection whose every
 * document the caller may read (its read access answers `true`, not a filter). Sorting through a relationship into
 * documents one may not read orders one's own rows by their hidden values: an oracle that `where` alone does not
 * close. So schools neither sort nor filter through `demandeLiee` (other schools' drafts), `validePar` or any
 * relationship into `users`; the admin, who reads every demande and every account, may. The rule is derived from
 * the collections' and fields' read access: no second list of who reads what to keep in step.
 *
 * Fields of accounts that nobody reads through the API (credentials, lockout counters, sessions) are never named,
 * by anyone, even on one's own account.
 */
export const CHAMPS_SECRETS: Record<string, string> = {
  hash: 'Mot de passe (empreinte)',
  salt: 'Mot de passe (sel)',
  resetPasswordToken: 'Jeton de réinitialisation du mot de passe',
  resetPasswordExpiration: 'Expiration de la réinitialisation du mot de passe',
  apiKey: "Clé d'API",
  apiKeyIndex: "Index de la clé d'API",
  loginAttempts: 'Tentatives de connexion',
  lockUntil: "Verrouillé jusqu'au",
  sessions: 'Sessions',
}

/** Labels of the fields Payload adds itself (no label of ours to show). */
const LIBELLES_TECHNIQUES: Record<string, string> = {
  id: 'Identifiant',
  createdAt: 'Créé le',
  updatedAt: 'Modifié le',
  email: 'Adresse mail',
  username: 'Identifiant',
  enableAPIKey: "Clé d'API activée",
  parent: 'Document (historique)',
  version: 'Version',
  latest: 'Dernière version',
  filename: 'Nom du fichier',
  mimeType: 'Type de fichier',
  filesize: 'Taille du fichier',
  url: 'Adresse du fichier',
  thumbnailURL: 'Vignette',
  width: 'Largeur',
  height: 'Hauteur',
  autosave: 'Enregistrement automatique',
}

/** Fields of a version record besides `version.<field>` (SECURITY 2: versions obey the same rule). */
const CHAMPS_VERSION = new Set([
  'latest',
  'autosave',
  'snapshot',
  'publishedLocale',
  'createdAt',
  'updatedAt',
  'id',
])

/** Page size cap outside the export (SECURITY 28); `limit=0` ("no limit") and `pagination=false` get it too. */
export const LIMITE_MAX = 500
/**
 * The diplôme chooser of the form reads the open diplômes at once (four short fields each): a list of the BCN's
 * size, which 500 would cut silently.
 */
const LIMITES: Record<string, number> = { diplomes: 3000 }
export const limiteMax = (slug: string): number => LIMITES[slug] ?? LIMITE_MAX
/** Beyond this, a page is not a list anyone reads but an offset that overflows the database's integers. */
export const PAGE_MAX = 100_000

export type Usage = 'tri' | 'filtre' | 'selection'
const USAGES: Record<Usage, string> = {
  tri: 'Tri impossible',
  filtre: 'Filtre impossible',
  selection: 'Sélection impossible',
}

/** `inconnu`: the path names nothing of the collection (its name is the caller's text, not a label of ours). */
export type Refus = { chemin: string; libelle: string; message: string; inconnu?: true }

const configDe = (req: PayloadRequest, slug: string) => collectionDe(req.payload, slug)?.config

type Contexte = {
  req: PayloadRequest
  lectures: Map<string, Promise<boolean>>
  champs: Map<FlattenedField, Promise<boolean>>
}

export function contexte(req: PayloadRequest): Contexte {
  return { req, lectures: new Map(), champs: new Map() }
}

function libelleDe(champ: FlattenedField | undefined, nom: string): string {
  if (CHAMPS_SECRETS[nom]) return CHAMPS_SECRETS[nom]
  const label = champ && 'label' in champ ? champ.label : undefined
  if (typeof label === 'string' && label) return label
  if (label && typeof label === 'object') {
    const l = (label as Record<string, string>).fr ?? Object.values(label as Record<string, string>)[0]
    if (l) return l
  }
  return LIBELLES_TECHNIQUES[nom] ?? nom.slice(0, 60)
}

/** Every document of the collection readable by the caller: its read access says `true`, not a filter. */
function litTout(ctx: Contexte, slug: string): Promise<boolean> {
  let p = ctx.lectures.get(slug)
  if (!p) {
    const config = configDe(ctx.req, slug)
    const lire = config?.access?.read
    p = !config
      ? Promise.resolve(false)
      : !lire
        ? Promise.resolve(Boolean(ctx.req.user))
        : Promise.resolve(lire({ req: ctx.req })).then(
            (r) => r === true,
            () => false,
          )
    ctx.lectures.set(slug, p)
  }
  return p
}

/** The field's own read access, asked without a document: a rule that depends on the document answers no. */
function litChamp(ctx: Contexte, champ: FlattenedField): Promise<boolean> {
  let p = ctx.champs.get(champ)
  if (!p) {
    const lire = 'access' in champ ? champ.access?.read : undefined
    p = !lire
      ? Promise.resolve(true)
      : Promise.resolve(lire({ req: ctx.req, data: {}, siblingData: {} } as never)).then(
          (r) => r === true,
          () => false,
        )
    ctx.champs.set(champ, p)
  }
  return p
}

const estRelation = (c: FlattenedField) =>
  c.type === 'relationship' || c.type === 'upload' || c.type === 'join'
const cible = (c: FlattenedField): string | null => {
  if (c.type === 'join') return typeof c.collection === 'string' ? c.collection : null
  if (c.type === 'relationship' || c.type === 'upload')
    return typeof c.relationTo === 'string' ? c.relationTo : null
  return null
}

/** Why a path through a related document is refused, in the words of what the caller was doing. */
const A_TRAVERS: Record<Usage, string> = {
  tri: 'on ne peut trier à travers un document lié que vous ne pouvez pas lire en entier.',
  filtre: 'on ne peut filtrer à travers un document lié que vous ne pouvez pas lire en entier.',
  selection:
    'on ne peut sélectionner de champ à travers un document lié que vous ne pouvez pas lire en entier.',
}

/** Where a path ends: the last field and the collection it lives in (to check a nested query against it). */
export type Fin = { champ: FlattenedField | null; collection: string }

/**
 * Checks one path (`demandeLiee.rapportOpportunite`, `responsable.email`, `version.statut`, GraphQL's
 * `responsable__email`) against the rule; null when allowed. `fin` receives where the path ends.
 */
export async function refusChemin(
  ctx: Contexte,
  slug: string,
  brut: string,
  usage: Usage,
  fin?: Fin[],
): Promise<Refus | null> {
  // GraphQL names nested fields with `__`; `_id` is MongoDB's name of `id`.
  const chemin = brut === '_id' ? 'id' : brut.replace(/__/g, '.')
  const segments = chemin.split('.')
  const libelles: string[] = []
  const refuser = (raison: string): Refus => {
    const libelle = libelles.join(' › ')
    return { chemin, libelle, message: `${USAGES[usage]} sur « ${libelle} » : ${raison}` }
  }
  let collection = slug
  let config = configDe(ctx.req, slug)
  if (!config)
    return { chemin, libelle: chemin, message: `${USAGES[usage]} : collection inconnue.`, inconnu: true }
  let champs: FlattenedField[] = config.flattenedFields
  let i = 0
  // A version record: `version.<field>` is the document's field; `parent` the document itself.
  if (config.versions) {
    if (segments[0] === 'version' && segments.length > 1) i = 1
    else if (CHAMPS_VERSION.has(segments[0]!) && segments.length === 1) return null
    else if (segments[0] === 'parent') {
      libelles.push(LIBELLES_TECHNIQUES.parent!)
      if (segments.length === 1 || (segments.length === 2 && segments[1] === 'id')) return null
      if (!(await litTout(ctx, slug))) return refuser(A_TRAVERS[usage])
      i = 1
    }
  }
  let auth = Boolean(config.auth)
  let champ: FlattenedField | null = null
  for (; i < segments.length; i++) {
    const nom = segments[i]!
    if (nom === 'id' && i === segments.length - 1) {
      libelles.push(LIBELLES_TECHNIQUES.id!)
      fin?.push({ champ: null, collection })
      return null
    }
    champ = champs.find((c) => c.name === nom) ?? null
    libelles.push(libelleDe(champ ?? undefined, nom))
    if ((auth && nom in CHAMPS_SECRETS) || (champ && 'hidden' in champ && champ.hidden === true))
      return refuser("ce champ n'est lisible par personne.")
    if (!champ) return { ...refuser(`ce champ n'existe pas.`), inconnu: true }
    // A virtual field is not stored: Payload answers in English that it cannot be queried.
    if (usage !== 'selection' && 'virtual' in champ && champ.virtual === true)
      return refuser("ce champ n'est pas enregistré : on ne peut ni trier ni filtrer sur lui.")
    // A selected field the caller may not read is removed from the answer by its own read access, as if not
    // selected (the export selects its columns whoever asks): only sorting and filtering on it would tell its value.
    if (usage !== 'selection' && !(await litChamp(ctx, champ)))
      return refuser("vous n'avez pas accès à ce champ.")
    if (i === segments.length - 1) break
    if (champ.type === 'group' || champ.type === 'array' || champ.type === 'tab') {
      champs = champ.flattenedFields
      continue
    }
    if (estRelation(champ)) {
      // A join lists the documents pointing here: Payload can neither sort nor filter on their fields.
      if (champ.type === 'join' && usage !== 'selection') {
        const jointe = cible(champ)
        const ensuite = jointe
          ? configDe(ctx.req, jointe)?.flattenedFields.find((c) => c.name === segments[i + 1])
          : undefined
        libelles.push(libelleDe(ensuite, segments[i + 1]!))
        return refuser(
          `on ne peut ${usage === 'tri' ? 'trier' : 'filtrer'} sur les champs d'une liste de documents liés.`,
        )
      }
      const suivante = cible(champ)
      // `relation.id` is the relation's own value.
      if (segments[i + 1] === 'id' && i + 1 === segments.length - 1) {
        fin?.push({ champ, collection })
        return null
      }
      if (!suivante || !(await litTout(ctx, suivante))) {
        // Named as the user would read it: the relationship, then the field of the related document.
        const ensuite = suivante
          ? configDe(ctx.req, suivante)?.flattenedFields.find((c) => c.name === segments[i + 1])
          : undefined
        libelles.push(libelleDe(ensuite, segments[i + 1]!))
        return refuser(A_TRAVERS[usage])
      }
      collection = suivante
      config = configDe(ctx.req, suivante)
      if (!config) return refuser(A_TRAVERS[usage])
      champs = config.flattenedFields
      auth = Boolean(config.auth)
      continue
    }
    libelles.push(
      segments
        .slice(i + 1)
        .join('.')
        .slice(0, 60),
    )
    return { ...refuser(`ce champ n'a pas de sous-champ.`), inconnu: true }
  }
  // A list of values (`durees`, several choices, a JSON document) has no order of its own: the databases fail on it.
  if (
    usage === 'tri' &&
    champ &&
    (('hasMany' in champ && champ.hasMany === true) || champ.type === 'json' || champ.type === 'richText')
  )
    return refuser('ce champ contient plusieurs valeurs : on ne peut pas trier sur lui.')
  // A group is not a value: one sorts or filters on one of its fields (it may be selected whole).
  if (
    usage !== 'selection' &&
    champ &&
    (champ.type === 'group' || champ.type === 'array' || champ.type === 'tab')
  ) {
    return refuser('ce champ se compose de sous-champs : indiquez lequel.')
  }
  fin?.push({ champ, collection })
  return null
}

const estObjet = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/** Every path of a `where`, and(s)/or(s) included; a nested query (`contains` on a has-many) in its own collection. */
export async function refusFiltre(
  ctx: Contexte,
  slug: string,
  where: unknown,
  profondeur = 0,
): Promise<Refus | null> {
  if (!estObjet(where) || profondeur > 32) return null
  for (const [cle, contrainte] of Object.entries(where)) {
    if ((cle.toLowerCase() === 'and' || cle.toLowerCase() === 'or') && Array.isArray(contrainte)) {
      for (const w of contrainte) {
        const r = await refusFiltre(ctx, slug, w, profondeur + 1)
        if (r) return r
      }
      continue
    }
    const fin: Fin[] = []
    const r = await refusChemin(ctx, slug, cle, 'filtre', fin)
    if (r) return r
    if (!estObjet(contrainte)) continue
    for (const valeur of Object.values(contrainte)) {
      const champ = fin[0]?.champ
      if (!estObjet(valeur) || !champ || !estRelation(champ)) continue
      const suivante = cible(champ)
      if (!suivante || !(await litTout(ctx, suivante))) {
        return {
          chemin: cle,
          libelle: libelleDe(champ, champ.name),
          message: `${USAGES.filtre} sur « ${libelleDe(champ, champ.name)} » : on ne peut filtrer à travers un document lié que vous ne pouvez pas lire en entier.`,
        }
      }
      const n = await refusFiltre(ctx, suivante, valeur, profondeur + 1)
      if (n) return n
    }
  }
  return null
}

/** `sort` as REST (`a,-b`, or an array) and GraphQL (`"a,-b"`) give it. */
export function cheminsTri(sort: unknown): string[] {
  const liste = Array.isArray(sort) ? sort : typeof sort === 'string' ? [sort] : []
  return liste
    .flatMap((s) => (typeof s === 'string' ? s.split(',') : []))
    .map((s) => s.trim().replace(/^[-+]/, ''))
    .filter(Boolean)
}

export async function refusTri(ctx: Contexte, slug: string, sort: unknown): Promise<Refus | null> {
  for (const chemin of cheminsTri(sort)) {
    const r = await refusChemin(ctx, slug, chemin, 'tri')
    if (r) return r
  }
  return null
}

/** `select` names fields (nested for groups and `version`): known ones, never an account's secret. */
export async function refusSelection(
  ctx: Contexte,
  slug: string,
  select: unknown,
  prefixe = '',
  profondeur = 0,
): Promise<Refus | null> {
  if (!estObjet(select) || profondeur > 16) return null
  for (const [cle, valeur] of Object.entries(select)) {
    const chemin = `${prefixe}${cle}`
    if (estObjet(valeur) && (cle === 'version' || (await estGroupe(ctx, slug, chemin)))) {
      if (cle !== 'version') {
        const r = await refusChemin(ctx, slug, chemin, 'selection')
        if (r) return r
      }
      const r = await refusSelection(ctx, slug, valeur, `${chemin}.`, profondeur + 1)
      if (r) return r
      continue
    }
    const r = await refusChemin(ctx, slug, chemin, 'selection')
    if (r) return r
    // A relationship selected with sub-fields (`validePar.apiKey`): Payload ignores them, but a path naming a
    // secret, or a document the caller may not read, is refused as anywhere else, not silently dropped.
    if (estObjet(valeur) && profondeur < 16) {
      for (const sous of Object.keys(valeur)) {
        if (sous === 'relationTo' || sous === 'value') continue
        const s = await refusChemin(ctx, slug, `${chemin}.${sous}`, 'selection')
        if (s) return s
      }
    }
  }
  return null
}

async function estGroupe(ctx: Contexte, slug: string, chemin: string): Promise<boolean> {
  const fin: Fin[] = []
  if (await refusChemin(ctx, slug, chemin, 'selection', fin)) return false
  const t = fin[0]?.champ?.type
  return t === 'group' || t === 'array' || t === 'tab'
}

export type Requete = {
  where?: unknown
  sort?: unknown
  select?: unknown
  populate?: unknown
  joins?: unknown
  field?: unknown
}

/** The whole query of one operation: its filter, its sort, its selection, its populate and its joins. */
export async function refusRequete(
  req: PayloadRequest,
  slug: string,
  q: Requete,
  ctx: Contexte = contexte(req),
): Promise<Refus | null> {
  const r =
    (await refusFiltre(ctx, slug, q.where)) ??
    (await refusTri(ctx, slug, q.sort)) ??
    (await refusSelection(ctx, slug, q.select)) ??
    (typeof q.field === 'string' ? await refusChemin(ctx, slug, q.field, 'tri') : null)
  if (r) return r
  // populate: { <collection>: select } — the related documents' fields, each in its own collection.
  if (estObjet(q.populate)) {
    for (const [collection, select] of Object.entries(q.populate)) {
      if (!configDe(ctx.req, collection)) continue
      const p = await refusSelection(ctx, collection, select)
      if (p) return p
    }
  }
  // joins: { <join field>: { where, sort } } — a query on the joined collection.
  if (estObjet(q.joins)) {
    for (const [nom, jointure] of Object.entries(q.joins)) {
      const fin: Fin[] = []
      const j = await refusChemin(ctx, slug, nom, 'filtre', fin)
      if (j) return j
      const champ = fin[0]?.champ
      if (!estObjet(jointure) || !champ || champ.type !== 'join' || typeof champ.collection !== 'string')
        continue
      const n =
        (await refusFiltre(ctx, champ.collection, jointure.where)) ??
        (await refusTri(ctx, champ.collection, jointure.sort))
      if (n) return n
    }
  }
  return null
}

/**
 * The admin's list page reads its own address (`/admin/collections/<slug>?where[…]&sort=…`): a condition or a sort
 * the reader may not use there is dropped, not fatal. Payload's list view renders its filter builder from the same
 * query object, and crashes on a condition whose field the reader cannot see (HTTP 500); a refusal would leave the
 * list empty without a word, and a refused sort, kept in the list preferences, would empty every later visit.
 * The conditions are removed from `where` in place (so the page's own copy loses them too); the refusals are
 * returned to be shown (src/admin/FiltresIgnores.tsx). The other channels keep refusing with a 400.
 */
export async function retirerConditionsRefusees(
  ctx: Contexte,
  slug: string,
  where: unknown,
  profondeur = 0,
): Promise<Refus[]> {
  const refus: Refus[] = []
  if (!estObjet(where) || profondeur > 32) return refus
  for (const [cle, contrainte] of Object.entries(where)) {
    if ((cle.toLowerCase() === 'and' || cle.toLowerCase() === 'or') && Array.isArray(contrainte)) {
      for (const w of contrainte)
        refus.push(...(await retirerConditionsRefusees(ctx, slug, w, profondeur + 1)))
      // An and/or left with empty conditions would match everything or nothing depending on the adapter.
      const restes = contrainte.filter((w) => !estObjet(w) || Object.keys(w).length > 0)
      if (restes.length > 0) where[cle] = restes
      else delete where[cle]
      continue
    }
    const r = await refusFiltre(ctx, slug, { [cle]: contrainte })
    if (r) {
      refus.push(r)
      delete where[cle]
    }
  }
  return refus
}

/** The list page's sort without the paths the reader may not sort on (see retirerConditionsRefusees). */
export async function triSansRefus(
  ctx: Contexte,
  slug: string,
  sort: unknown,
): Promise<{ sort: string | undefined; refus: Refus[] }> {
  const refus: Refus[] = []
  const gardes: string[] = []
  const liste = Array.isArray(sort) ? sort : typeof sort === 'string' ? [sort] : []
  for (const s of liste.flatMap((x) => (typeof x === 'string' ? x.split(',') : []))) {
    const chemin = s.trim().replace(/^[-+]/, '')
    if (!chemin) continue
    const r = await refusChemin(ctx, slug, chemin, 'tri')
    if (r) refus.push(r)
    else gardes.push(s.trim())
  }
  return { sort: gardes.length ? gardes.join(',') : undefined, refus }
}

/** Whether the request is the admin's list page of this collection (its address, not an API call). */
export function estPageListe(req: PayloadRequest, slug: string): boolean {
  if (req.payloadAPI !== 'local') return false
  const url = (req as { url?: string }).url
  if (!url) return false
  try {
    const chemin = new URL(url, 'http://x').pathname.toLowerCase().replace(/\/+$/, '')
    return chemin === `/admin/collections/${slug}`
  } catch {
    return false
  }
}
