import type {
  CollectionBeforeValidateHook,
  Endpoint,
  Field,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'
import { APIError, ValidationError } from 'payload'

import { MESSAGE_PARTAGE } from '../access/comptes'
import { ecartsDuFiltreEnregistre } from './admin/adresseListe'

/**
 * Payload's own collections (filter presets, preferences, jobs) are added while it sanitizes the config, after
 * ours: what they answer in English or with a 500 is put right here, on the sanitized config (payload.config.ts).
 */

// ---------------------------------------------------------------------------------------------------------------
// Saved filters (payload-query-presets): Payload gives their fields English labels (« Title », « Sharing settings
// > Read > Specify who can read this Preset »), and only the collection's own labels can be configured.

const OPERATIONS: Record<string, { nom: string; verbe: string }> = {
  read: { nom: 'Lecture', verbe: 'lire' },
  update: { nom: 'Modification', verbe: 'modifier' },
  delete: { nom: 'Suppression', verbe: 'supprimer' },
}
const LIBELLES: Record<string, string> = {
  title: 'Titre',
  isShared: 'Partagé',
  access: 'Partage',
  where: 'Filtres',
  columns: 'Colonnes',
  groupBy: 'Regrouper par',
  relatedCollection: 'Liste concernée',
  isTemp: 'Temporaire',
  users: 'Comptes',
}
const OPTIONS_PARTAGE: Record<string, string> = {
  everyone: 'Tout le monde',
  onlyMe: 'Moi seulement',
  specificUsers: 'Comptes choisis de ma structure',
}

function franciserChamps(champs: Field[], operation?: string): void {
  for (const champ of champs) {
    const nom = 'name' in champ ? champ.name : undefined
    if (champ.type === 'collapsible') {
      // One per operation, around its group (read, update, delete).
      const groupe = champ.fields.find((f) => 'name' in f && f.name in OPERATIONS)
      const op = groupe && 'name' in groupe ? groupe.name : undefined
      if (op) champ.label = OPERATIONS[op]!.nom
      franciserChamps(champ.fields, op)
      continue
    }
    if (nom === 'constraint' && operation && 'label' in champ) {
      champ.label = `Qui peut ${OPERATIONS[operation]!.verbe} ce filtre enregistré`
      if (champ.type === 'select')
        champ.options = champ.options.map((o) =>
          typeof o === 'object' && o.value in OPTIONS_PARTAGE
            ? { ...o, label: OPTIONS_PARTAGE[o.value]! }
            : o,
        )
    } else if (nom && nom in LIBELLES && 'label' in champ && champ.label !== false)
      champ.label = LIBELLES[nom]
    if ('fields' in champ) franciserChamps(champ.fields, operation)
  }
}

/**
 * « Specific users » naming an account that does not exist: the database refused the link (a 500), while an
 * account of another structure got a 400 — the difference told which identifiers exist. Both get the same 400
 * now, worded as access/comptes.ts words the other one.
 */
const comptesInexistants: CollectionBeforeValidateHook = async ({ data, req }) => {
  const acces = (data as { access?: Record<string, { constraint?: unknown; users?: unknown }> } | undefined)
    ?.access
  if (!acces || typeof acces !== 'object') return data
  for (const [operation, regle] of Object.entries(acces)) {
    if (!regle || regle.constraint !== 'specificUsers' || !Array.isArray(regle.users)) continue
    const ids = regle.users
      .map((u) =>
        u && typeof u === 'object'
          ? ((u as { value?: unknown; id?: unknown }).value ?? (u as { id?: unknown }).id)
          : u,
      )
      .filter((id): id is number | string => typeof id === 'number' || typeof id === 'string')
    if (ids.length === 0) continue
    const trouves = await req.payload.find({
      collection: 'users',
      where: { id: { in: ids } },
      depth: 0,
      pagination: false,
      select: {},
      overrideAccess: true,
      req,
    })
    if (new Set(trouves.docs.map((d) => String(d.id))).size < new Set(ids.map(String)).size)
      throw new ValidationError({
        collection: 'payload-query-presets',
        errors: [
          {
            path: `access.${operation}.users`,
            message: MESSAGE_PARTAGE,
          },
        ],
      })
  }
  return data
}

/**
 * A saved filter holds a `where` the list applies whenever it is chosen, and its editor draws it with Payload's
 * filter builder: one the list could not apply or draw for its author (a field the author may not read, `exists`
 * through a relationship, a value of the wrong type — src/admin/adresseListe.ts) is refused at saving, in French,
 * rather than breaking the author's list at every visit.
 */
const filtreApplicable: CollectionBeforeValidateHook = async ({ data, req }) => {
  const d = data as { where?: unknown; relatedCollection?: unknown } | undefined
  if (!req.user || !d || typeof d.relatedCollection !== 'string' || !('where' in d)) return data
  const textes = await ecartsDuFiltreEnregistre(req, d.relatedCollection, d.where)
  if (textes.length)
    throw new ValidationError({
      collection: 'payload-query-presets',
      errors: [{ path: 'where', message: `Ce filtre ne peut pas être enregistré. ${textes.join(' ')}` }],
    })
  return data
}

export function franciserFiltresEnregistres(c: SanitizedCollectionConfig): void {
  c.labels = { singular: 'Filtre enregistré', plural: 'Filtres enregistrés' }
  franciserChamps(c.fields)
  c.hooks.beforeValidate = [...(c.hooks.beforeValidate ?? []), comptesInexistants, filtreApplicable]
}

// ---------------------------------------------------------------------------------------------------------------
// Preferences: Payload's DELETE /api/payload-preferences/<key> deletes through the adapter's deleteOne, which
// fails in SQL (a 500) when the key does not exist. Looked up first, as its GET does: an unknown key is a 404.

export function preferenceInconnue404(c: SanitizedCollectionConfig): void {
  if (!Array.isArray(c.endpoints)) return
  const original = c.endpoints.find((e) => e.method === 'delete' && e.path === '/:key')
  if (!original) return
  const verifie: Endpoint = {
    ...original,
    handler: async (req: PayloadRequest) => {
      if (req.user) {
        const { docs } = await req.payload.db.find({
          collection: c.slug,
          where: {
            and: [
              { key: { equals: req.routeParams?.key } },
              { 'user.value': { equals: req.user.id } },
              { 'user.relationTo': { equals: req.user.collection } },
            ],
          },
          limit: 1,
          pagination: false,
          req,
        })
        if (docs.length === 0)
          throw new APIError(
            `Préférence introuvable : « ${String(req.routeParams?.key ?? '').slice(0, 80)} » n'est pas enregistrée pour votre compte.`,
            404,
            null,
            true,
          )
      }
      return original.handler(req)
    },
  }
  c.endpoints = [verifie, ...c.endpoints.filter((e) => e !== original)]
}

// ---------------------------------------------------------------------------------------------------------------
// Jobs: GET /api/payload-jobs/run answers 401 « vous devez être connecté » to a signed-in account without the
// right: that is a 403.

export function tachesInterdites403(c: SanitizedCollectionConfig): void {
  if (!Array.isArray(c.endpoints)) return
  c.endpoints = c.endpoints.map((e) =>
    e.path === '/run' || e.path === '/handle-schedules'
      ? {
          ...e,
          handler: async (req: PayloadRequest) => {
            const reponse = await e.handler(req)
            if (reponse.status !== 401 || !req.user) return reponse
            return Response.json(
              {
                errors: [
                  {
                    name: 'Forbidden',
                    message:
                      "Votre compte n'a pas le droit de lancer les tâches de la plateforme : elles sont lancées par le serveur.",
                  },
                ],
              },
              { status: 403 },
            )
          },
        }
      : e,
  )
}

// ---------------------------------------------------------------------------------------------------------------
// A document's permissions (`POST /api/demandes/access/12`, `POST /api/globals/campagne/access`): signed out,
// Payload answered 200 with the map of the fields one may write, for any identifier. Signed out, a 401 instead,
// as for `GET /api/access` (hooks/requetes/accesAnonyme.ts).

export function accesDocumentConnecte(entite: { endpoints: Endpoint[] | false }): void {
  if (!Array.isArray(entite.endpoints)) return
  entite.endpoints = entite.endpoints.map((e) =>
    e.method === 'post' && (e.path === '/access/:id?' || e.path === '/access')
      ? {
          ...e,
          handler: async (req: PayloadRequest) =>
            req.user
              ? e.handler(req)
              : Response.json(
                  {
                    errors: [
                      {
                        name: 'Unauthorized',
                        message: 'Vous devez être connecté pour consulter vos droits sur ce document.',
                      },
                    ],
                  },
                  { status: 401 },
                ),
        }
      : e,
  )
}
