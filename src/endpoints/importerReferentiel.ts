import type { Endpoint, Payload, PayloadRequest } from 'payload'

import { peut, utilisateurDe } from '../../access/roles'
import { TAILLE_IMPORT_MAX } from '../corpsRequete'
import { journaliser } from '../journal'
import { type FichierSource, lireFichiersDiplomes } from '../referentiel/bcn'
import {
  type Bilan,
  importerDiplomes,
  importerEtablissements,
  type OptionsImport,
  pourcentage,
  SEUIL_VIDAGE,
} from '../referentiel/importer'
import { type Lecture, lireEtablissements, type Rejet } from '../referentiel/lire'
import { estUnZip, fichiersDuZip, nouveauBudget, texteDuFichier, ZipIllisible } from '../referentiel/zip'

export const TAILLE_MAX_IMPORT = TAILLE_IMPORT_MAX

/** Reading and importing paired per referential: the rows imported are the rows read, of the same type. */
function lectureImport<T>(
  lire: (fichiers: FichierSource[]) => Promise<Lecture<T> | string>,
  importer: (payload: Payload, lignes: T[], rejets: Rejet[], options: OptionsImport) => Promise<Bilan>,
) {
  return async (fichiers: FichierSource[]) => {
    const lecture = await lire(fichiers)
    if (typeof lecture === 'string') return lecture
    return {
      lues: lecture.lignes.length,
      rejets: lecture.rejets,
      importer: (payload: Payload, options: Pick<OptionsImport, 'simulation' | 'confirmer'>) =>
        importer(payload, lecture.lignes, lecture.rejets, {
          ...options,
          absents: lecture.absents,
          cles: lecture.cles,
          horsChamp: lecture.horsChamp,
          sansCreation: lecture.sansCreation,
        }),
    }
  }
}

const TYPES = {
  etablissements: {
    lire: lectureImport(
      async (fichiers) =>
        fichiers.length === 1
          ? lireEtablissements(fichiers[0]!.texte)
          : "fichier : envoyez un seul fichier, l'export de l'annuaire (CSV).",
      importerEtablissements,
    ),
    nom: 'Établissements',
    cle: 'UAI',
  },
  diplomes: {
    lire: lectureImport((fichiers) => lireFichiersDiplomes(fichiers), importerDiplomes),
    nom: 'Diplômes',
    cle: 'CFD',
  },
} as const

const erreur = (status: number, message: string, path?: string) =>
  Response.json(
    { errors: [{ message, ...(path ? { data: { errors: [{ path, message }] } } : {}) }] },
    { status },
  )

class Refus extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** The BCN's tables and their links: a handful of files. */
const FICHIERS_MAX = 10

const tropGros = () => new Refus(413, `fichier : le fichier dépasse ${TAILLE_MAX_IMPORT / 1024 / 1024} Mo.`)

/** The files sent: a CSV body, a ZIP body, or a multipart form of CSV and ZIP files (field « fichiers »). */
async function fichiersEnvoyes(req: PayloadRequest): Promise<FichierSource[]> {
  const typeContenu = (req.headers.get('content-type') ?? '').toLowerCase()
  const octets = req.arrayBuffer ? Buffer.from(await req.arrayBuffer()) : Buffer.alloc(0)
  if (octets.length > TAILLE_MAX_IMPORT) throw tropGros()
  // One inflation budget for the whole request: forty small archives may not inflate forty times the limit.
  const budget = nouveauBudget()
  const deplier = async (nom: string, contenu: Buffer): Promise<FichierSource[]> => {
    if (!estUnZip(contenu)) return [{ nom, texte: texteDuFichier(contenu) }]
    try {
      return await fichiersDuZip(contenu, budget)
    } catch (err) {
      if (err instanceof ZipIllisible) throw new Refus(400, `fichier : ${nom} : ${err.message}.`)
      throw err
    }
  }
  if (!typeContenu.startsWith('multipart/')) return deplier('fichier', octets)
  // The boundary is case-sensitive: the header as sent, not its lower-cased copy.
  const formulaire = await new Response(octets, {
    headers: { 'content-type': req.headers.get('content-type')! },
  })
    .formData()
    .catch(() => null)
  if (!formulaire) throw new Refus(400, 'fichier : formulaire illisible.')
  const fichiers: FichierSource[] = []
  const envoyes = formulaire.getAll('fichiers')
  if (envoyes.length > FICHIERS_MAX)
    throw new Refus(400, `fichier : ${FICHIERS_MAX} fichiers au plus par envoi (${envoyes.length} reçus).`)
  for (const valeur of envoyes) {
    if (typeof valeur === 'string') continue
    fichiers.push(...(await deplier(valeur.name, Buffer.from(await valeur.arrayBuffer()))))
  }
  return fichiers
}

/**
 * POST /api/referentiels/importer?type=etablissements|diplomes[&simulation=true][&confirmer=true], body: the CSV
 * file, a ZIP of the BCN tables, or a multipart form of several files (« fichiers »). Editors re-import a newer
 * annuaire or BCN; the answer reports what was (or, in simulation, would be) created, modified, emptied, left
 * out of scope or absent from the export, and which lines were refused. A file none of whose lines can be read
 * changes nothing; one that would empty a required or derived field on more than 1 % of the rows is refused
 * (409) until the editor confirms.
 */
export const importerReferentiel: Endpoint = {
  path: '/referentiels/importer',
  method: 'post',
  handler: async (req) => {
    if (!utilisateurDe(req)) return erreur(401, 'Vous devez être connecté.')
    if (!peut(req, 'gererReferentiels'))
      return erreur(403, "Seuls le Carif-Oref et l'administrateur mettent à jour les référentiels.")
    const type = String(req.query?.type ?? '')
    if (!(type in TYPES))
      return erreur(
        400,
        `type : « ${type} » n'est pas un référentiel ; utilisez type=etablissements ou type=diplomes.`,
        'type',
      )
    const simulation = String(req.query?.simulation ?? 'false') === 'true'
    const confirmer = String(req.query?.confirmer ?? 'false') === 'true'
    const longueur = Number(req.headers.get('content-length') ?? 0)
    if (longueur > TAILLE_MAX_IMPORT) return erreur(413, tropGros().message, 'fichier')
    let fichiers: FichierSource[]
    try {
      fichiers = await fichiersEnvoyes(req)
    } catch (err) {
      if (err instanceof Refus) return erreur(err.status, err.message, 'fichier')
      throw err
    }
    if (fichiers.reduce((n, f) => n + f.texte.length, 0) > TAILLE_MAX_IMPORT * 5)
      return erreur(413, tropGros().message, 'fichier')
    if (!fichiers.some((f) => f.texte.trim()))
      return erreur(
        400,
        'fichier : le fichier est vide. Envoyez le fichier CSV comme corps de la requête.',
        'fichier',
      )
    const t = TYPES[type as keyof typeof TYPES]
    const lecture = await t.lire(fichiers)
    if (typeof lecture === 'string') return erreur(400, lecture, 'fichier')
    if (lecture.lues === 0) {
      const raison = lecture.rejets[0]?.raison ?? 'aucune ligne lisible'
      return erreur(
        400,
        `fichier : aucune ligne n'a pu être lue, rien n'a été modifié (${raison}).`,
        'fichier',
      )
    }
    const debut = Date.now()
    const bilan = await lecture.importer(req.payload, { simulation, confirmer })
    const duree = Date.now() - debut
    const ecrit = !simulation && !bilan.confirmationRequise
    if (ecrit) {
      await journaliser(req, {
        action: 'import',
        resume: `Import ${t.nom.toLowerCase()} : ${bilan.crees} créé(s), ${bilan.modifies} modifié(s), ${bilan.rejetes.length} ligne(s) rejetée(s)`,
        details: {
          crees: bilan.crees,
          modifies: bilan.modifies,
          inchanges: bilan.inchanges,
          rejetes: bilan.rejetes.length,
          horsChamp: bilan.horsChamp,
          absentsExport: bilan.absentsExport.nombre,
          vides: Object.fromEntries(bilan.vides.map((v) => [v.champ, v.nombre])),
          confirme: confirmer && bilan.garde.length > 0,
        },
      })
    }
    const s = (n: number) => (n > 1 ? 's' : '')
    const verbe = ecrit ? 'ont été' : 'seraient'
    const message = `${t.nom} : ${bilan.crees} ligne${s(bilan.crees)} ${verbe} créée${s(bilan.crees)}, ${bilan.modifies} modifiée${s(bilan.modifies)} ; ${bilan.inchanges} inchangée${s(bilan.inchanges)} ; ${bilan.rejetes.length} refusée${s(bilan.rejetes.length)} ; ${bilan.horsChamp} hors champ ; ${bilan.absentsExport.nombre} absente${s(bilan.absentsExport.nombre)} de l'export (conservée${s(bilan.absentsExport.nombre)}).`
    const corps = { message, simulation, cle: t.cle, duree, ...bilan }
    if (bilan.confirmationRequise && !simulation) {
      const champs = bilan.garde
        .map((v) => `« ${v.libelle} » sur ${v.nombre} ligne${s(v.nombre)} (${pourcentage(v.part)})`)
        .join(', ')
      return Response.json(
        {
          ...corps,
          errors: [
            {
              message: `fichier : rien n'a été importé. L'import viderait ${champs}, plus de ${pourcentage(SEUIL_VIDAGE)} des lignes : vérifiez le fichier, ou confirmez pour importer quand même.`,
            },
          ],
        },
        { status: 409 },
      )
    }
    return Response.json(corps)
  },
}
