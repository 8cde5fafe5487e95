import type { Endpoint, Payload } from 'payload'

import { peut, utilisateurDe } from '../../access/roles'
import { journaliser } from '../journal'
import {
  type Bilan,
  importerDiplomes,
  importerEtablissements,
  type OptionsImport,
} from '../referentiel/importer'
import { type Lecture, lireDiplomes, lireEtablissements, type Rejet } from '../referentiel/lire'

export const TAILLE_MAX_IMPORT = 20 * 1024 * 1024

/** Reading and importing paired per referential: the rows imported are the rows read, of the same type. */
function lectureImport<T>(
  lire: (texte: string) => Promise<Lecture<T>>,
  importer: (payload: Payload, lignes: T[], rejets: Rejet[], options: OptionsImport) => Promise<Bilan>,
) {
  return async (texte: string) => {
    const lecture = await lire(texte)
    return {
      lues: lecture.lignes.length,
      rejets: lecture.rejets,
      importer: (payload: Payload, simulation: boolean) =>
        importer(payload, lecture.lignes, lecture.rejets, { simulation, absents: lecture.absents }),
    }
  }
}

const TYPES = {
  etablissements: {
    lire: lectureImport(lireEtablissements, importerEtablissements),
    nom: 'Établissements',
    cle: 'UAI',
  },
  diplomes: { lire: lectureImport(lireDiplomes, importerDiplomes), nom: 'Diplômes', cle: 'CFD' },
} as const

const erreur = (status: number, message: string, path?: string) =>
  Response.json(
    { errors: [{ message, ...(path ? { data: { errors: [{ path, message }] } } : {}) }] },
    { status },
  )

/**
 * POST /api/referentiels/importer?type=etablissements|diplomes[&simulation=true], body: the CSV file.
 * Editors re-import a newer annuaire or BCN file; the answer reports what was (or, in simulation, would be)
 * created or modified, field by field, and which lines were refused. A file none of whose lines can be read
 * changes nothing.
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
    const longueur = Number(req.headers.get('content-length') ?? 0)
    if (longueur > TAILLE_MAX_IMPORT)
      return erreur(413, `fichier : le fichier dépasse ${TAILLE_MAX_IMPORT / 1024 / 1024} Mo.`, 'fichier')
    const texte = req.text ? await req.text() : ''
    if (texte.length > TAILLE_MAX_IMPORT)
      return erreur(413, `fichier : le fichier dépasse ${TAILLE_MAX_IMPORT / 1024 / 1024} Mo.`, 'fichier')
    if (!texte.trim())
      return erreur(
        400,
        'fichier : le fichier est vide. Envoyez le fichier CSV comme corps de la requête.',
        'fichier',
      )
    const t = TYPES[type as keyof typeof TYPES]
    const lecture = await t.lire(texte.replace(/^\uFEFF/, ''))
    if (lecture.lues === 0) {
      const raison = lecture.rejets[0]?.raison ?? 'aucune ligne lisible'
      return erreur(
        400,
        `fichier : aucune ligne n'a pu être lue, rien n'a été modifié (${raison}).`,
        'fichier',
      )
    }
    const bilan = await lecture.importer(req.payload, simulation)
    if (!simulation) {
      await journaliser(req, {
        action: 'import',
        resume: `Import ${t.nom.toLowerCase()} : ${bilan.crees} créé(s), ${bilan.modifies} modifié(s), ${bilan.rejetes.length} ligne(s) rejetée(s)`,
        details: {
          crees: bilan.crees,
          modifies: bilan.modifies,
          inchanges: bilan.inchanges,
          rejetes: bilan.rejetes.length,
        },
      })
    }
    const s = (n: number) => (n > 1 ? 's' : '')
    const verbe = simulation ? 'seraient' : 'ont été'
    const message = `${t.nom} : ${bilan.crees} ligne${s(bilan.crees)} ${verbe} créée${s(bilan.crees)}, ${bilan.modifies} modifiée${s(bilan.modifies)} ; ${bilan.inchanges} inchangée${s(bilan.inchanges)} ; ${bilan.rejetes.length} refusée${s(bilan.rejetes.length)}.`
    return Response.json({ message, simulation, cle: t.cle, ...bilan })
  },
}
