import { createLocalReq, type Payload, type PayloadRequest, type Where } from 'payload'

import { demandesDuFil, readMessages } from '../access/messages'
import { idDe, utilisateurDe } from '../access/roles'

/**
 * Unread messages: those of the threads the user reads (access/messages.ts), written by anyone but the user (a
 * colleague of the same structure counts: the thread is shared and the user has not seen what was written in it),
 * newer than the user's read marker on that demande (collection lectures; no marker: all of them).
 */

type MessageLu = { demande: unknown; auteur?: unknown; createdAt: string; texte?: unknown }

/**
 * The messages the reader may read: the access filter written into the server's own query, straight to the
 * database (no hooks: counting reads thousands of rows, and a user's read through Payload is capped at 500).
 */
async function messagesDuLecteur(req: PayloadRequest, where: Where, avecTexte = false): Promise<MessageLu[]> {
  const acces = await readMessages({ req })
  if (acces === false) return []
  const r = await req.payload.db.find<MessageLu>({
    collection: 'messages',
    where: acces === true ? where : { and: [acces, where] },
    pagination: false,
    sort: 'createdAt',
    select: { demande: true, createdAt: true, auteur: true, ...(avecTexte ? { texte: true as const } : {}) },
  })
  return r.docs.map((m) => ({ ...m, createdAt: new Date(m.createdAt).toISOString() }))
}

/** Marks the demande's thread read up to now for the signed-in user (nothing for who is not in the thread). */
export async function marquerLu(req: PayloadRequest, demande: number | string): Promise<void> {
  const user = utilisateurDe(req)
  if (!user || (await demandesDuFil(req)) === false) return
  const maintenant = new Date().toISOString()
  const where: Where = { and: [{ user: { equals: user.id } }, { demande: { equals: demande } }] }
  const mettreAJour = async () => {
    const r = await req.payload.update({
      collection: 'lectures',
      where,
      data: { luJusquA: maintenant },
      overrideAccess: true,
      depth: 0,
      req,
    })
    return r.docs.length > 0
  }
  try {
    if (await mettreAJour()) return
    await req.payload.create({
      collection: 'lectures',
      // Ids are strings on MongoDB; the generated types know SQLite's numbers.
      data: { user: user.id as number, demande: demande as number, luJusquA: maintenant },
      overrideAccess: true,
      depth: 0,
      req,
    })
  } catch (err) {
    // Two pages opened at once: the other one created the marker (unique user × demande).
    if (!(await mettreAJour().catch(() => false)))
      req.payload.logger.warn({ err, msg: `Lecture de la demande ${demande} non enregistrée` })
  }
}

export type DemandeNonLue = {
  id: number | string
  numero: number | null
  etablissement: string
  nonLus: number
  dernierMessageLe: string
}

/** Demandes listed by the dashboard's notice (the others are only counted). */
export const DEMANDES_NON_LUES_MAX = 20

/**
 * The unread messages of the signed-in user, grouped by demande (latest first; the first `max` described, all
 * counted). Three queries whatever the number of demandes: the user's markers, the messages the user may read, the
 * demandes described.
 */
export async function compterNonLus(
  req: PayloadRequest,
  max = DEMANDES_NON_LUES_MAX,
): Promise<{ total: number; nombreDeDemandes: number; demandes: DemandeNonLue[] }> {
  const user = utilisateurDe(req)
  const vide = { total: 0, nombreDeDemandes: 0, demandes: [] }
  if (!user) return vide
  const [marqueurs, messages] = await Promise.all([
    req.payload.find({
      collection: 'lectures',
      where: { user: { equals: user.id } },
      overrideAccess: true,
      pagination: false,
      depth: 0,
      select: { demande: true, luJusquA: true },
    }),
    messagesDuLecteur(req, { auteur: { not_equals: user.id } }),
  ])
  const luJusquA = new Map(marqueurs.docs.map((m) => [String(idDe(m.demande)), m.luJusquA ?? '']))
  const parDemande = new Map<string, { id: number | string; nonLus: number; dernier: string }>()
  for (const m of messages) {
    const id = idDe(m.demande)
    if (id === null) continue
    const lu = luJusquA.get(String(id))
    if (lu && Date.parse(m.createdAt) <= Date.parse(lu)) continue
    const g = parDemande.get(String(id)) ?? { id, nonLus: 0, dernier: m.createdAt }
    g.nonLus++
    if (m.createdAt > g.dernier) g.dernier = m.createdAt
    parDemande.set(String(id), g)
  }
  if (parDemande.size === 0) return vide
  const groupes = [...parDemande.values()].sort((a, b) => b.dernier.localeCompare(a.dernier))
  const decrits = groupes.slice(0, max)
  const demandes = await req.payload.find({
    collection: 'demandes',
    where: { id: { in: decrits.map((g) => g.id) } },
    overrideAccess: true,
    pagination: false,
    depth: 1,
    select: { numero: true, etablissementConcerne: true },
    populate: { etablissements: { nom: true, uai: true } },
  })
  const infos = new Map(demandes.docs.map((d) => [String(d.id), d]))
  return {
    total: groupes.reduce((s, g) => s + g.nonLus, 0),
    nombreDeDemandes: groupes.length,
    demandes: decrits.map((g) => {
      const d = infos.get(String(g.id))
      const e = d?.etablissementConcerne
      return {
        id: g.id,
        numero: d?.numero ?? null,
        etablissement: e && typeof e === 'object' ? `${e.nom} (${e.uai})` : '',
        nonLus: g.nonLus,
        dernierMessageLe: g.dernier,
      }
    }),
  }
}

export type MessageDuResume = {
  demande: number | string
  auteur: number | string | null
  texte: string
  createdAt: string
}

/** The messages written by others in `compte`'s threads after `depuis`, up to `jusqua` (the daily digest). */
export async function nouveauxMessages(
  payload: Payload,
  compte: { id: number | string },
  depuis: Date,
  jusqua: Date,
): Promise<MessageDuResume[]> {
  const req = await createLocalReq({ user: { ...compte, collection: 'users' } as never }, payload)
  const docs = await messagesDuLecteur(
    req,
    {
      and: [
        { auteur: { not_equals: compte.id } },
        { createdAt: { greater_than: depuis.toISOString() } },
        { createdAt: { less_than_equal: jusqua.toISOString() } },
      ],
    },
    true,
  )
  return docs.map((m) => ({
    demande: idDe(m.demande)!,
    auteur: idDe(m.auteur),
    texte: String(m.texte ?? ''),
    createdAt: m.createdAt,
  }))
}
