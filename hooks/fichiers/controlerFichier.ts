import type { CollectionBeforeOperationHook } from 'payload'
import { APIError, ValidationError } from 'payload'

import { AntivirusIndisponible, analyser, analyseurConfigure } from '../../src/fichiers/antivirus'
import { examinerFichier, nomDeFichierSur, nomStocke } from '../../src/fichiers/controles'
import { journaliser } from '../../src/journal'

/** What describes the stored file is the server's: computed from the file, never taken from the request. */
const CHAMPS_DU_SERVEUR = [
  'filename',
  'mimeType',
  'filesize',
  'url',
  'thumbnailURL',
  'width',
  'height',
  'focalX',
  'focalY',
  'sizes',
  'prefix',
]

/**
 * Before Payload stores an uploaded file: a safe server-side name with the extension of what the file really is, its
 * content checked (PDF actions, archives, polyglots), and a ClamAV scan when one is configured. Fails closed: if the
 * scanner is configured but unreachable, the file is refused, not stored unscanned. A file is only ever sent, never
 * fetched by the server from an address.
 */
export const controlerFichier: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
  collection,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  const libelle = String((collection.labels?.singular as string | undefined) ?? collection.slug)
  if (args.data && typeof args.data === 'object') {
    const propres = { ...(args.data as Record<string, unknown>) }
    for (const champ of CHAMPS_DU_SERVEUR) delete propres[champ]
    args.data = propres
  }
  const fichier = req.file
  // Payload deletes the stored file and writes the new one before the collection's checks run, and never undoes
  // either when they refuse the change (outside attack, 4: the annexe lost its file, the new one stayed orphaned).
  if (operation === 'update' && fichier?.data)
    throw new APIError(
      // No colon: the admin's toast would split the message there into a list.
      collection.slug === 'annexes'
        ? "Le fichier d'une annexe ne se remplace pas. Supprimez cette annexe, puis ajoutez le nouveau fichier."
        : "Le fichier d'un document ne se remplace pas. Supprimez ce document, puis ajoutez le nouveau fichier.",
      400,
      null,
      true,
    )
  if (!fichier?.data) {
    // Without a file, Payload would fetch `url` itself (and answer 500 when it cannot): the file must be sent.
    if (operation === 'create' && !args.overrideAccess) {
      const brutes = (req.data ?? {}) as Record<string, unknown>
      throw new APIError(
        typeof brutes.url === 'string'
          ? `${libelle} : le fichier doit être joint depuis votre poste ; le dépôt depuis une adresse (URL) n'est pas possible.`
          : `${libelle} : aucun fichier n’a été joint : choisissez un fichier.`,
        400,
        null,
        true,
      )
    }
    return args
  }
  const nomOrigine = fichier.name
  const nomSur = nomDeFichierSur(fichier.name)
  const refuser = (message: string) =>
    new ValidationError({ collection: collection.slug, errors: [{ path: 'file', message }], req }, req.t)

  const acceptes =
    typeof collection.upload === 'object' && Array.isArray(collection.upload.mimeTypes)
      ? collection.upload.mimeTypes
      : []
  const examen = await examinerFichier(fichier.data, acceptes)
  if (!examen.accepte) {
    await journaliser(req, {
      action: 'refus',
      resume: `Fichier « ${nomOrigine.slice(0, 200)} » refusé : ${examen.raison}`,
      collection: collection.slug,
      details: { raison: examen.raison },
    })
    throw refuser(
      examen.inconnu
        ? `Ce fichier n'est pas accepté : « ${nomSur} » n'est d'aucun des formats acceptés (${examen.raison}).`
        : `Le fichier « ${nomSur} » est refusé : ${examen.raison}.`,
    )
  }
  // Messages name the file by its safe name; the stored one carries a random suffix (src/fichiers/controles.ts).
  fichier.name = nomStocke(nomSur, examen.type?.ext)
  if (examen.type) fichier.mimetype = examen.type.mime

  const analyseur = analyseurConfigure()
  if (analyseur) {
    let verdict
    try {
      verdict = await analyser(fichier.data, analyseur)
    } catch (err) {
      if (err instanceof AntivirusIndisponible) {
        req.payload.logger.error({ msg: `Antivirus injoignable : ${err.message}` })
        throw new APIError(
          "L'analyse antivirus est momentanément indisponible : le fichier n'a pas été enregistré. Réessayez dans quelques minutes.",
          503,
          null,
          true,
        )
      }
      throw err
    }
    if (!verdict.sain) {
      await journaliser(req, {
        action: 'refus',
        resume: `Fichier « ${nomOrigine.slice(0, 200)} » refusé par l'antivirus (${verdict.signature})`,
        collection: collection.slug,
        details: { signature: verdict.signature },
      })
      throw refuser(
        `Le fichier « ${nomSur} » contient un virus (${verdict.signature}) : il a été refusé. Analysez votre poste de travail avant de déposer un autre fichier.`,
      )
    }
  }
  return args
}
