import { createLocalReq, type Payload, type PayloadRequest, type Where } from 'payload'

import { demandesDuFil, readMessages } from '../access/messages'
import { idDe, utilisateurDe } from '../access/roles'

/**
 * Unread messages: those of the threads the user reads (access/messages.ts), written by anyone but the user (a
 * colleague of the same structure counts: the thread is shared and the user has not seen what was written in it),
 * newer than the user's read marker on that demande (collection lectures; no marker: all of them).
 */

/** The server's own query with the reader's access filter written in (Payload would cap a user's read at 500). */
async function messagesDuLecteur(req: PayloadRequest, where: Where) {
  const acces = await readMessages({ req })
  if (acces === false) return []
  const r = await req.payload.find({
    collection: 'messages',
    where: acces === true ? where : { and: [acces, where] },
    overrideAccess: true,
    pagination: false,
    depth: 0,
    sort: 'createdAt',
    select: { demande: true, createdAt: true, auteur: true, texte: true },
  })
  return r.docs
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

/**
 * The unread messages of the signed-in user, grouped by demande (latest first). Three queries whatever the number
 * of demandes: the user's markers, the messages the user may read, the demandes concerned.
 */
export async function compterNonLus(
  req: PayloadRequest,
): Promise<{ total: number; demandes: DemandeNonLue[] }> {
  const user = utilisateurDe(req)
  const vide = { total: 0, demandes: [] }
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
  const demandes = await req.payload.find({
    collection: 'demandes',
    where: { id: { in: [...parDemande.values()].map((g) => g.id) } },
    overrideAccess: true,
    pagination: false,
    depth: 1,
    select: { numero: true, etablissementConcerne: true },
    populate: { etablissements: { nom: true, uai: true } },
  })
  const infos = new Map(demandes.docs.map((d) => [String(d.id), d]))
  const liste = [...parDemande.values()]
    .map((g) => {
      const d = infos.get(String(g.id))
      const e = d?.etablissementConcerne
      return {
        id: g.id,
        numero: d?.numero ?? null,
        etablissement: e && typeof e === 'object' ? `${e.nom} (${e.uai})` : '',
        nonLus: g.nonLus,
        dernierMessageLe: g.dernier,
      }
    })
    .sort((a, b) => b.dernierMessageLe.localeCompare(a.dernierMessageLe))
  return { total: liste.reduce((s, d) => s + d.nonLus, 0), demandes: liste }
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
  const docs = await messagesDuLecteur(req, {
    and: [
      { auteur: { not_equals: compte.id } },
      { createdAt: { greater_than: depuis.toISOString() } },
      { createdAt: { less_than_equal: jusqua.toISOString() } },
    ],
  })
  return docs.map((m) => ({
    demande: idDe(m.demande)!,
    auteur: idDe(m.auteur),
    texte: m.texte,
    createdAt: m.createdAt,
  }))
}
