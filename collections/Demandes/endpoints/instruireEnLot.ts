import type { Endpoint, PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'
import { z } from 'zod'

import { demandeAdmise, filtrePortee } from '../../../access/demandes'
import { type Action, portee } from '../../../access/permissions'
import { utilisateurDe } from '../../../access/roles'
import { verifierTexte } from '../../../hooks/texte'
import { lireCorpsJson } from '../../../src/corpsJson'
import { journaliser } from '../../../src/journal'
import { AVIS, DECISIONS, libelle } from '../../../src/regles/enums'
import { appliquer, type Evenement } from '../../../src/regles/machine'

/** More would hold the request for minutes (each demande is one update with its hooks, versions and journal). */
export const LOT_MAX = 500

type Groupe = 'avis' | 'decision'

/** Each kind of batch: its group and field, the action whose scope allows it, the event of the statut machine. */
const SORTES: Record<
  Groupe,
  {
    action: Action
    evenement: Evenement
    valeurs: readonly { value: string; label: string }[]
    libelle: string
    commentaire: string
  }
> = {
  avis: {
    action: 'donnerAvis',
    evenement: 'avis-donne',
    valeurs: AVIS,
    libelle: 'Avis',
    commentaire: "Commentaire de l'avis",
  },
  decision: {
    action: 'decider',
    evenement: 'decision-enregistree',
    valeurs: DECISIONS,
    libelle: 'Décision',
    commentaire: 'Commentaire de la décision',
  },
}

const MESSAGE_IDENTIFIANT =
  '« Demandes sélectionnées » : chaque identifiant est un nombre entier positif ou un texte de 1 à 40 caractères.'
const identifiant = z.unknown().superRefine((v, ctx) => {
  const ok =
    (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) ||
    (typeof v === 'string' && v.length >= 1 && v.length <= 40)
  if (!ok) ctx.addIssue({ code: 'custom', message: MESSAGE_IDENTIFIANT })
}) as z.ZodType<number | string>

const groupe = (g: Groupe) => {
  const s = SORTES[g]
  return z.strictObject(
    {
      [g]: z.enum(s.valeurs.map((v) => v.value) as [string, ...string[]], {
        error: `« ${s.libelle} » : attendu ${s.valeurs.map((v) => `« ${v.value} » (${v.label})`).join(', ')}.`,
      }),
      commentaire: z
        .unknown()
        .optional()
        .superRefine((v, ctx) => {
          const ok = verifierTexte(s.commentaire, v, { multiligne: true, maxLength: 5000 })
          if (ok !== true) ctx.addIssue({ code: 'custom', message: ok })
        }),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `« ${s.libelle} » : seuls « ${g} » et « commentaire » peuvent être donnés (l'auteur et la date sont posés par le serveur).`
          : `« ${s.libelle} » : attendu un objet {"${g}": "…", "commentaire": "…"}.`,
    },
  )
}

const corps = z
  .strictObject({
    ids: z
      .array(identifiant, {
        error: '« Demandes sélectionnées » : attendu une liste d’identifiants de demandes.',
      })
      .min(1, { error: '« Demandes sélectionnées » : sélectionnez au moins une demande.' })
      .max(LOT_MAX, {
        error: `« Demandes sélectionnées » : ${LOT_MAX} demandes au plus par lot.`,
      }),
    avis: groupe('avis').optional(),
    decision: groupe('decision').optional(),
  })
  .refine((c) => (c.avis === undefined) !== (c.decision === undefined), {
    error: 'Donnez soit « avis » (Avis), soit « decision » (Décision), pas les deux ni aucun.',
    path: ['avis'],
  })

type Faite = { id: number | string; numero: number | null }
type Refusee = { id: number | string; numero?: number | null; motif: string }

const erreur = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/** Why the machine refuses the instruction from this statut, in the words of the list (the statut's label). */
function motifDuStatut(statut: string | null | undefined, refus: string): string {
  if (statut === 'brouillon') return 'demande en cours de saisie'
  if (statut === 'a-corriger') return 'demande renvoyée à sa structure pour correction'
  return refus
}

/** A French message from a failed update (Payload's validation errors name the field). */
function messageDe(err: unknown): string {
  const e = err as { message?: string; data?: { errors?: { message?: string }[] } }
  return e?.data?.errors?.[0]?.message ?? e?.message ?? "l'enregistrement n'a pas abouti"
}

/**
 * One demande of the batch, in its own transaction: the check, the update through Payload (access, field access,
 * hooks: horodaterInstruction signs, dates and moves the statut through the machine, journaliserInstruction
 * records it, a version is written) and the re-read either all commit or all roll back. A transaction per demande
 * and not for the batch: the batch is many independent decisions, one refused or failing must not undo the others,
 * and the answer says which were done.
 */
async function instruireUne(
  req: PayloadRequest,
  id: number | string,
  champ: Groupe,
  donnees: { valeur: string; commentaire: string | null },
  filtreAction: Awaited<ReturnType<typeof filtrePortee>>,
  dejaVues: Set<string>,
): Promise<{ faite: Faite } | { refusee: Refusee } | { doublon: true }> {
  const sorte = SORTES[champ]
  const lue = await req.payload
    .findByID({ collection: 'demandes', id, depth: 0, req, user: req.user, overrideAccess: false })
    .catch(() => null)
  // Unreadable or unknown: said the same way, without its numero (the caller must not learn it).
  if (!lue) {
    await journaliser(req, {
      action: 'refus',
      resume: `Instruction en lot refusée : demande ${String(id).slice(0, 40)} inexistante ou hors périmètre`,
      collection: 'demandes',
      documentId: id,
    })
    return { refusee: { id, motif: 'demande introuvable ou hors de votre périmètre' } }
  }
  // The same demande written another way (12 and "012" on SQLite): once only.
  if (dejaVues.has(String(lue.id))) return { doublon: true }
  dejaVues.add(String(lue.id))
  const numero = lue.numero ?? null
  if (!(await demandeAdmise(req, lue.id, filtreAction))) {
    await journaliser(req, {
      action: 'refus',
      resume: `Instruction en lot refusée sur la demande n° ${numero} : hors périmètre`,
      collection: 'demandes',
      documentId: lue.id,
    })
    return { refusee: { id: lue.id, numero, motif: 'hors de votre périmètre' } }
  }
  // The machine decides on the stored statut (an authority reads it; the read above may show a view of it).
  const stockee = await req.payload.db.findOne<{ id: number | string; statut?: string | null }>({
    collection: 'demandes',
    where: { id: { equals: lue.id } },
    req,
  })
  const issue = appliquer(stockee?.statut, sorte.evenement)
  if ('refus' in issue)
    return { refusee: { id: lue.id, numero, motif: motifDuStatut(stockee?.statut, issue.refus) } }

  const debut = await initTransaction(req)
  try {
    const ecrite = await req.payload.update({
      collection: 'demandes',
      id: lue.id,
      data: { [champ]: { [champ]: donnees.valeur, commentaire: donnees.commentaire } } as never,
      req,
      user: req.user,
      overrideAccess: false,
      depth: 0,
    })
    // Field access drops a group silently where it may not be written: then nothing of it is kept.
    const ecrit = (ecrite as unknown as Record<Groupe, Record<string, unknown> | null | undefined>)[champ]
    if (ecrit?.[champ] !== donnees.valeur) throw new Error('hors de votre périmètre')
    if (debut) await commitTransaction(req)
    return { faite: { id: lue.id, numero } }
  } catch (err) {
    if (debut) await killTransaction(req)
    return { refusee: { id: lue.id, numero, motif: messageDe(err) } }
  }
}

/**
 * POST /api/demandes/instruire-en-lot {"ids": [...], "avis": {"avis", "commentaire"}} or {"ids", "decision":
 * {"decision", "commentaire"}}: the committee's avis or décision on many demandes at once, each written as a single
 * PATCH would write it; the answer lists those done and those refused, with why.
 */
export const instruireEnLot: Endpoint = {
  path: '/instruire-en-lot',
  method: 'post',
  handler: async (req) => {
    const user = utilisateurDe(req)
    if (!user) return erreur(401, 'Vous devez être connecté pour donner un avis ou une décision.')
    if (portee(user.role, 'donnerAvis') === 'non' && portee(user.role, 'decider') === 'non')
      return erreur(403, "Vous n'êtes pas autorisé à donner un avis ni à enregistrer une décision.")
    const lu = await lireCorpsJson(
      req,
      corps,
      '{"ids": [1, 2], "avis": {"avis": "favorable", "commentaire": "…"}} ou {"ids": [1, 2], "decision": {"decision": "retenue", "commentaire": "…"}}',
      'ids',
    )
    if (lu.reponse) return lu.reponse
    const champ: Groupe = lu.donnees.avis ? 'avis' : 'decision'
    const sorte = SORTES[champ]
    if (portee(user.role, sorte.action) === 'non')
      return erreur(
        403,
        champ === 'avis'
          ? "Vous n'êtes pas autorisé à donner un avis."
          : "Vous n'êtes pas autorisé à enregistrer une décision.",
      )
    const groupeLu = (lu.donnees[champ] ?? {}) as Record<string, unknown>
    const donnees = {
      valeur: String(groupeLu[champ]),
      commentaire: typeof groupeLu.commentaire === 'string' ? groupeLu.commentaire : null,
    }
    const filtreAction = await filtrePortee(req, portee(user.role, sorte.action), 'validee')
    const faites: Faite[] = []
    const refusees: Refusee[] = []
    const vus = new Set<string>()
    const dejaVues = new Set<string>()
    for (const id of lu.donnees.ids) {
      if (vus.has(String(id))) continue
      vus.add(String(id))
      const r = await instruireUne(req, id, champ, donnees, filtreAction, dejaVues)
      if ('faite' in r) faites.push(r.faite)
      else if ('refusee' in r) refusees.push(r.refusee)
    }
    req.payload.logger.info({
      msg: `${sorte.libelle} « ${libelle(sorte.valeurs, donnees.valeur)} » en lot : ${faites.length} faite(s), ${refusees.length} refusée(s)`,
    })
    return Response.json({ faites, refusees }, { status: 200 })
  },
}
