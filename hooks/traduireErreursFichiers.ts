import type { AfterErrorHook } from 'payload'

import { TYPES_ANNEXES_LIBELLE } from '../collections/Annexes'

/** Payload's upload checks answer in English, without the user's language: say it in French, naming the file. */
export function traduireMessageFichier(message: string, tailleMaxMo: number): string | null {
  if (/Invalid( or corrupted)? PDF file/.test(message)) {
    return "Ce fichier n'est pas un PDF valide : il est peut-être endommagé, ou c'est un autre type de fichier renommé en .pdf."
  }
  const mime = /Invalid MIME type: ([^.,]+)|File type ([^ ]+) \(from extension/.exec(message)
  if (mime)
    return `Ce type de fichier (${mime[1] ?? mime[2]}) n'est pas accepté. Formats acceptés : ${TYPES_ANNEXES_LIBELLE}.`
  if (/File size limit has been reached|too large/i.test(message))
    return `Le fichier dépasse la taille maximale autorisée (${tailleMaxMo} Mo).`
  if (/SVG file contains potentially harmful content/.test(message))
    return 'Ce fichier SVG contient du code actif : il est refusé.'
  if (
    /Pasting from URL|External file URL|Invalid external file URL|base URL for the external file|problem while (uploading|retrieving) the file|problème lors du téléversement du fichier/.test(
      message,
    )
  ) {
    return "Le fichier doit être joint depuis votre poste : le dépôt depuis une adresse (URL) n'est pas possible."
  }
  if (/Could not read uploaded file/.test(message)) return 'Le fichier joint est illisible.'
  if (/No files were uploaded|missing file|MissingFile/i.test(message))
    return 'Aucun fichier n’a été joint : choisissez un fichier.'
  return null
}

type Erreur = { message?: string; data?: { errors?: { message: string; path: string }[] } }

export const traduireErreursFichiers: AfterErrorHook = ({ error, result, req }) => {
  const tailleMaxMo = Math.round((req.payload.config.upload?.limits?.fileSize ?? 0) / 1024 / 1024)
  const erreur = error as Error & Erreur
  const champs = erreur.data?.errors ?? []
  const traduits = champs.map((e) => ({
    ...e,
    message: (e.path === 'file' && traduireMessageFichier(e.message, tailleMaxMo)) || e.message,
  }))
  const direct = traduireMessageFichier(erreur.message ?? '', tailleMaxMo)
  // The file's own refusal (hooks/fichiers/controlerFichier) is the answer's message, not « Le champ suivant n'est pas valide ».
  const refusDuFichier =
    champs.length === 1 && champs[0]!.path === 'file' && champs[0]!.message !== erreur.message
  if (!direct && !refusDuFichier && traduits.every((t, i) => t.message === champs[i]!.message)) return
  const message =
    direct ??
    (traduits.length === 1
      ? traduits[0]!.message
      : `Le fichier joint n'est pas accepté : ${traduits.map((t) => t.message).join(' ')}`)
  const status = (error as { status?: number }).status ?? 400
  return {
    status: status === 500 ? 400 : status,
    response: {
      ...(result ?? {}),
      errors: [
        {
          name: 'ValidationError',
          message,
          data: { errors: traduits.length ? traduits : [{ path: 'file', message }] },
        },
      ],
    },
  }
}
