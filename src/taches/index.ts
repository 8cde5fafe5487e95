import type { JobsConfig, Payload, PayloadRequest, TaskConfig } from 'payload'

import { configuration } from '../env'
import { actualiserStatistiques } from '../adaptateur'
import { idDe, peut } from '../../access/roles'
import { formaterDate } from '../campagne'
import { destinataires, nomDeLaStructure, prendLeResume } from '../courriels/destinataires'
import { lienAdmin, adresseSupport } from '../courriels/envois'
import { expedier, type MessageEnFile, TACHE_COURRIEL } from '../courriels/file'
import {
  decisionsPubliees,
  type DemandeDuResume,
  type LigneDecision,
  rappelCloture,
  resumeMessages,
} from '../courriels/modeles'
import { dateHeureFr } from '../formatsDates'
import { nouveauxMessages } from '../messagesNonLus'
import { AVIS, DECISIONS, libelle } from '../regles/enums'
import { parStructure } from '../regles/publication'
import { envoisDecisions } from '../publicationDecisions'

export const TACHE_RAPPEL = 'rappelerCloture'
export const TACHE_PURGE = 'purgerJournal'
export const TACHE_DECISIONS = 'publierDecisions'
export const TACHE_RESUME = 'resumerMessages'

const tacheCourriel: TaskConfig = {
  slug: TACHE_COURRIEL,
  label: 'Envoyer un courriel',
  inputSchema: [{ name: 'message', type: 'json', required: true }],
  // An SMTP server down for a while: 6 attempts over ~10 minutes.
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 20_000 } },
  handler: async ({ input, req }) => {
    await expedier(req.payload, (input as { message: MessageEnFile }).message)
    return { output: {} }
  },
}

/** Once-only sends (a reminder for a given day, the decisions of a rentrée) are marked in `compteurs`. */
async function dejaFait(payload: Payload, cle: string): Promise<boolean> {
  const r = await payload.find({
    collection: 'compteurs',
    where: { nom: { equals: cle } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return r.docs.length > 0
}
async function marquerFait(payload: Payload, cle: string, valeur: number) {
  await payload.create({
    collection: 'compteurs',
    data: { nom: cle, valeur },
    overrideAccess: true,
    depth: 0,
  })
}

/** Creates a once-only mark; false when it exists already (made by another run). */
async function marquer(payload: Payload, cle: string): Promise<boolean> {
  if (await dejaFait(payload, cle)) return false
  try {
    await marquerFait(payload, cle, 1)
    return true
  } catch {
    return false
  }
}

const jourParis = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d)
/** Calendar days (Paris time) from `aujourdhui` to `cloture`. */
export function joursAvant(cloture: Date, aujourdhui: Date): number {
  return Math.round((Date.parse(jourParis(cloture)) - Date.parse(jourParis(aujourdhui))) / 86_400_000)
}

export function joursDeRappel(): number[] {
  return configuration()
    .RAPPEL_JOURS.split(',')
    .map((j) => Number(j.trim()))
    .filter((j) => Number.isInteger(j) && j >= 0)
}

const tacheRappel: TaskConfig = {
  slug: TACHE_RAPPEL,
  label: 'Rappeler la clôture aux structures qui ont des demandes non validées',
  inputSchema: [{ name: 'aujourdhui', type: 'date' }],
  retries: 2,
  handler: async ({ input, req }) => {
    const { payload } = req
    await planifierQuotidien(payload, TACHE_RAPPEL)
    const campagne = await payload.findGlobal({ slug: 'campagne', depth: 0, overrideAccess: true })
    if (!campagne.cloture) return { output: { envoyes: 0, raison: 'pas de date de clôture' } }
    const aujourdhui = (input as { aujourdhui?: string } | undefined)?.aujourdhui
      ? new Date((input as { aujourdhui: string }).aujourdhui)
      : new Date()
    const jours = joursAvant(new Date(campagne.cloture), aujourdhui)
    if (!joursDeRappel().includes(jours))
      return { output: { envoyes: 0, raison: `J-${jours} n'est pas un jour de rappel` } }
    const cle = `rappel:${campagne.rentree}:${jourParis(new Date(campagne.cloture))}:J-${jours}`
    if (await dejaFait(payload, cle)) return { output: { envoyes: 0, raison: 'rappel déjà envoyé' } }

    const brouillons = await payload.find({
      collection: 'demandes',
      where: { and: [{ statut: { equals: 'brouillon' } }, { rentree: { equals: campagne.rentree } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      sort: 'numero',
      select: { numero: true, titre: true, structureDeposante: true, responsable: true },
    })
    let envoyes = 0
    for (const [structure, demandes] of parStructure(brouillons.docs)) {
      const a = await destinataires(payload, structure, demandes)
      if (a.length === 0) continue
      const message = rappelCloture({
        structure: await nomDeLaStructure(payload, structure),
        cloture: campagne.cloture,
        joursRestants: jours,
        brouillons: demandes.map((d) => ({ numero: d.numero ?? d.id, titre: d.titre ?? 'Demande' })),
        lien: lienAdmin(req, '/collections/demandes?where[statut][equals]=brouillon'),
        support: adresseSupport(campagne),
      })
      await payload.sendEmail({ to: a, ...message })
      envoyes++
    }
    await marquerFait(payload, cle, envoyes)
    return { output: { envoyes } }
  },
}

const tacheDecisions: TaskConfig = {
  slug: TACHE_DECISIONS,
  label: 'Informer les structures des décisions publiées',
  inputSchema: [{ name: 'rentree', type: 'number', required: true }],
  retries: 2,
  handler: async ({ input, req }) => {
    const { payload } = req
    const rentree = (input as { rentree: number }).rentree
    const campagne = await payload.findGlobal({ slug: 'campagne', depth: 0, overrideAccess: true })
    // Publication withdrawn before the job ran (a worker that was down): nothing leaves; a new publication queues again.
    if (!campagne.decisionsPubliees) return { output: { envoyes: 0, raison: 'décisions non publiées' } }
    let envoyes = 0
    for (const envoi of (await envoisDecisions(payload, rentree)).envois) {
      // Marked before sending (the mark is unique): two runs at once, or a retry after a failure halfway, never
      // write twice to a structure; the mail itself is queued with its own retries (src/courriels/file.ts).
      if (!(await marquer(payload, envoi.marque))) continue
      const lignes: LigneDecision[] = envoi.demandes.map((d) => ({
        numero: d.numero ?? d.id ?? '',
        titre: d.titre ?? 'Demande',
        avis: libelle(AVIS, d.avis?.avis),
        decision: libelle(DECISIONS, d.decision?.decision),
        commentaire: d.decision?.commentaire ?? '',
      }))
      await payload.sendEmail({
        to: envoi.adresses,
        ...decisionsPubliees({
          rentree,
          structure: await nomDeLaStructure(payload, envoi.structure),
          demandes: lignes,
          lien: lienAdmin(req, '/collections/demandes'),
          support: adresseSupport(campagne),
          miseAJour: envoi.miseAJour,
        }),
      })
      envoyes++
    }
    return { output: { envoyes } }
  },
}

/** Next 06:00 UTC (07:00 or 08:00 in Paris), strictly after `apres`. */
export function prochainMatin(apres = new Date()): Date {
  const d = new Date(Date.UTC(apres.getUTCFullYear(), apres.getUTCMonth(), apres.getUTCDate(), 6))
  if (d <= apres) d.setUTCDate(d.getUTCDate() + 1)
  return d
}

const heureParis = (d: Date) =>
  Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(
      d,
    ),
  )

/** Next 06:00 in Paris (05:00 UTC in winter, 04:00 in summer), strictly after `apres`. */
export function prochainMatinParis(apres = new Date()): Date {
  let jour = Date.parse(jourParis(apres))
  for (;;) {
    const iso = new Date(jour).toISOString().slice(0, 10)
    const candidats = [5, 4].map((h) => new Date(`${iso}T0${h}:00:00Z`))
    const six = candidats.find((d) => heureParis(d) === 6) ?? candidats[0]!
    if (six > apres) return six
    jour += 86_400_000
  }
}

type TacheQuotidienne = typeof TACHE_RAPPEL | typeof TACHE_PURGE | typeof TACHE_RESUME
const PROCHAINE_FOIS: Record<TacheQuotidienne, (apres?: Date) => Date> = {
  [TACHE_RAPPEL]: prochainMatin,
  [TACHE_PURGE]: prochainMatin,
  // Read over breakfast, Paris time whatever the season.
  [TACHE_RESUME]: prochainMatinParis,
}

/**
 * Keeps one job of a daily task waiting for the next morning. Payload's `schedule` would add a global that any
 * logged-in user may read and write, and bring back the document-locking collection: a job that requeues itself
 * does the same.
 */
export async function planifierQuotidien(payload: Payload, tache: TacheQuotidienne): Promise<void> {
  const enAttente = await payload.count({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: tache } },
        { completedAt: { exists: false } },
        { waitUntil: { greater_than: new Date().toISOString() } },
      ],
    },
    overrideAccess: true,
  })
  if (enAttente.totalDocs === 0)
    await payload.jobs.queue({ task: tache, input: {}, waitUntil: PROCHAINE_FOIS[tache]() })
}

/** Audit entries are kept JOURNAL_RETENTION_JOURS days (CNIL: 6 to 12 months for access logs), then deleted. */
export function retentionJournal(): number {
  return configuration().JOURNAL_RETENTION_JOURS
}

const tachePurge: TaskConfig = {
  slug: TACHE_PURGE,
  label: "Supprimer les entrées du journal d'audit plus anciennes que la durée de conservation",
  inputSchema: [{ name: 'aujourdhui', type: 'date' }],
  retries: 2,
  handler: async ({ input, req }) => {
    const { payload } = req
    await planifierQuotidien(payload, TACHE_PURGE)
    const aujourdhui = (input as { aujourdhui?: string } | undefined)?.aujourdhui
      ? new Date((input as { aujourdhui: string }).aujourdhui)
      : new Date()
    const limite = new Date(aujourdhui.getTime() - retentionJournal() * 86_400_000).toISOString()
    const where = { createdAt: { less_than: limite } }
    const { totalDocs } = await payload.count({ collection: 'journal', where, overrideAccess: true })
    if (totalDocs > 0) await payload.db.deleteMany({ collection: 'journal', where, req })
    payload.logger.info(
      `Journal d'audit : ${totalDocs} entrée(s) antérieure(s) au ${limite.slice(0, 10)} supprimée(s).`,
    )
    // Once a day, refresh SQLite's query-planner statistics as the tables grow.
    await actualiserStatistiques(payload).catch((err) =>
      payload.logger.warn({ err, msg: 'Statistiques de la base non actualisées' }),
    )
    return { output: { supprimees: totalDocs, avant: limite } }
  },
}

/** When the account's last digest covered up to (a mark in `compteurs`, milliseconds). */
const cleResume = (id: number | string) => `resume-messages:${id}`

async function marquerResume(payload: Payload, id: number | string, jusqua: Date) {
  const nom = cleResume(id)
  const r = await payload.update({
    collection: 'compteurs',
    where: { nom: { equals: nom } },
    data: { valeur: jusqua.getTime() },
    overrideAccess: true,
    depth: 0,
  })
  if (r.docs.length === 0) await marquerFait(payload, nom, jusqua.getTime())
}

/** The new messages of `compte`'s threads since its last digest (the first one: the last 24 hours), by demande. */
async function demandesDuResume(
  req: PayloadRequest,
  compte: { id: number | string },
  jusqua: Date,
): Promise<DemandeDuResume[]> {
  const { payload } = req
  const marque = await payload.find({
    collection: 'compteurs',
    where: { nom: { equals: cleResume(compte.id) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const depuis = marque.docs[0] ? new Date(marque.docs[0].valeur) : new Date(jusqua.getTime() - 86_400_000)
  const messages = await nouveauxMessages(payload, compte, depuis, jusqua)
  if (messages.length === 0) return []
  const ids = [...new Set(messages.map((m) => m.demande))]
  const auteursIds = [...new Set(messages.map((m) => m.auteur).filter((a) => a !== null))]
  const [demandes, auteurs] = await Promise.all([
    payload.find({
      collection: 'demandes',
      where: { id: { in: ids } },
      overrideAccess: true,
      pagination: false,
      depth: 1,
      sort: 'numero',
      select: { numero: true, etablissementConcerne: true },
      populate: { etablissements: { nom: true, uai: true } },
    }),
    auteursIds.length
      ? payload.find({
          collection: 'users',
          where: { id: { in: auteursIds } },
          overrideAccess: true,
          pagination: false,
          depth: 0,
          select: { nom: true, username: true },
        })
      : { docs: [] },
  ])
  // Only the author's name, as the consultation shows it.
  const noms = new Map(auteurs.docs.map((u) => [String(u.id), u.nom || u.username || 'Compte supprimé']))
  return demandes.docs.map((d) => {
    const e = d.etablissementConcerne
    return {
      numero: d.numero ?? d.id,
      etablissement: e && typeof e === 'object' ? `${e.nom} (${e.uai})` : '',
      lien: lienAdmin(req, `/demandes/${d.id}/consulter`),
      messages: messages
        .filter((m) => String(m.demande) === String(d.id))
        .map((m) => ({
          auteur: m.auteur === null ? 'Plateforme' : (noms.get(String(m.auteur)) ?? 'Compte supprimé'),
          date: dateHeureFr(m.createdAt),
          texte: m.texte,
        })),
    }
  })
}

const tacheResume: TaskConfig = {
  slug: TACHE_RESUME,
  label: 'Envoyer le résumé quotidien des messages aux comptes qui l’ont choisi',
  inputSchema: [{ name: 'maintenant', type: 'date' }],
  retries: 2,
  handler: async ({ input, req }) => {
    const { payload } = req
    await planifierQuotidien(payload, TACHE_RESUME)
    const brut = (input as { maintenant?: string } | undefined)?.maintenant
    const maintenant = brut ? new Date(brut) : new Date()
    const comptes = await payload.find({
      collection: 'users',
      where: {
        and: [
          { resumeQuotidien: { equals: true } },
          { actif: { not_equals: false } },
          { ouvertureValidee: { not_equals: false } },
        ],
      },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const campagne = await payload.findGlobal({ slug: 'campagne', depth: 0, overrideAccess: true })
    let envoyes = 0
    for (const compte of comptes.docs.filter(prendLeResume)) {
      const demandes = await demandesDuResume(req, compte, maintenant)
      if (demandes.length > 0 && compte.email) {
        await payload.sendEmail({
          to: compte.email,
          ...resumeMessages({
            jour: formaterDate(maintenant.toISOString()),
            demandes,
            support: adresseSupport(campagne),
          }),
        })
        envoyes++
      }
      await marquerResume(payload, idDe(compte.id)!, maintenant)
    }
    return { output: { envoyes } }
  },
}

let quotidiennesPlanifiees = false

/** The jobs runner: inside the server by default, or in `npm run worker` when JOBS_TRAVAILLEUR_SEPARE=true. */
export function configurationTaches(travailleurSepare: boolean): JobsConfig {
  return {
    tasks: [tacheCourriel, tacheRappel, tacheDecisions, tachePurge, tacheResume],
    deleteJobOnComplete: true,
    // Every second, ten at a time: mails leave within a second or two, in small batches that do not hold up the
    // requests served beside them (25 every 5 s made a validation wait behind a burst).
    autoRun: [{ cron: '* * * * * *', queue: 'default', limit: 10, silent: true }],
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      lockDocuments: false,
    }),
    shouldAutoRun: async (payload) => {
      const actif = configuration().CARTE_TRAVAILLEUR === '1' || !travailleurSepare
      if (actif && !quotidiennesPlanifiees) {
        quotidiennesPlanifiees = true
        for (const tache of [TACHE_RAPPEL, TACHE_PURGE, TACHE_RESUME] as const) {
          await planifierQuotidien(payload, tache).catch((err) =>
            payload.logger.error({ err, msg: `Tâche quotidienne ${tache} non planifiée` }),
          )
        }
      }
      return actif
    },
    // Payload lets any logged-in user run or queue jobs over HTTP: only the admin may, and only to run them.
    access: {
      run: ({ req }) => peut(req, 'administrerPlateforme'),
      queue: () => false,
      cancel: ({ req }) => peut(req, 'administrerPlateforme'),
    },
  }
}
