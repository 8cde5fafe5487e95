import type { CollectionBeforeOperationHook } from 'payload'
import { ValidationError } from 'payload'

const GROUPES: Record<string, string> = {
  responsable: 'Responsable du projet',
  travaux: 'Travaux et équipements',
  avis: 'Avis',
  decision: 'Décision',
}

const estObjet = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/** Payload crashes (500) on a group sent as null or as a non-object: refused here, naming the group. */
export const verifierGroupes: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: unknown }).data
  if (data === undefined) return args
  if (!estObjet(data)) {
    throw new ValidationError(
      {
        collection: 'demandes',
        errors: [
          {
            path: 'data',
            message: 'Le corps de la requête doit être un objet JSON : { "champ": valeur, … }.',
          },
        ],
        req,
      },
      req.t,
    )
  }
  const champs = data as Record<string, unknown>
  const erreurs = Object.entries(GROUPES)
    .filter(([nom]) => nom in champs && !estObjet(champs[nom]))
    .map(([nom, label]) => ({
      path: nom,
      label,
      message: `${label} : attendu un objet { … } avec ses champs, pas ${JSON.stringify(champs[nom])?.slice(0, 40)}.`,
    }))
  if (erreurs.length) throw new ValidationError({ collection: 'demandes', errors: erreurs, req }, req.t)
  return args
}
