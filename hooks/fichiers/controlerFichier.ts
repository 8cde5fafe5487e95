import type { CollectionBeforeOperationHook } from 'payload'
import { APIError, ValidationError } from 'payload'

import { AntivirusIndisponible, analyser, analyseurConfigure } from '../../src/fichiers/antivirus'
import { nomDeFichierSur, verifierZip } from '../../src/fichiers/controles'
import { journaliser } from '../../src/journal'

/**
 * Before Payload stores an uploaded file: a safe server-side name, no zip bomb, and a ClamAV scan when one is
 * configured. Fails closed: if the scanner is configured but unreachable, the file is refused, not stored unscanned.
 */
export const controlerFichier: CollectionBeforeOperationHook = async ({ args, operation, req, collection }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const fichier = req.file
  if (!fichier?.data) return args
  const nomOrigine = fichier.name
  fichier.name = nomDeFichierSur(fichier.name)
  const refuser = (message: string) => new ValidationError({ collection: collection.slug, errors: [{ path: 'file', message }], req }, req.t)

  const zip = verifierZip(fichier.data)
  if (!zip.accepte) throw refuser(`Le fichier « ${fichier.name} » est refusé : ${zip.raison}.`)

  const analyseur = analyseurConfigure()
  if (analyseur) {
    let verdict
    try {
      verdict = await analyser(fichier.data, analyseur)
    } catch (err) {
      if (err instanceof AntivirusIndisponible) {
        req.payload.logger.error({ msg: `Antivirus injoignable : ${err.message}` })
        throw new APIError("L'analyse antivirus est momentanément indisponible : le fichier n'a pas été enregistré. Réessayez dans quelques minutes.", 503, null, true)
      }
      throw err
    }
    if (!verdict.sain) {
      await journaliser(req, { action: 'refus', resume: `Fichier « ${nomOrigine.slice(0, 200)} » refusé par l'antivirus (${verdict.signature})`, collection: collection.slug, details: { signature: verdict.signature } })
      throw refuser(`Le fichier « ${fichier.name} » contient un virus (${verdict.signature}) : il a été refusé. Analysez votre poste de travail avant de déposer un autre fichier.`)
    }
  }
  return args
}
