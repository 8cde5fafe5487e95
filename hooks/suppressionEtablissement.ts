import type { CollectionBeforeDeleteHook } from 'payload'
import { APIError } from 'payload'

const pluriel = (n: number, un: string, plusieurs: string) =>
  `${n.toLocaleString('fr-FR')} ${n > 1 ? plusieurs : un}`

/**
 * An établissement that demandes (current or in their history), accounts or réseaux point at is not deleted
 * (SECURITY item 36, issue 22 item 3): the database would set those links to null and leave demandes without
 * their établissement. Counted without access control: the refusal must hold whoever deletes, and it names only
 * how many documents depend on it, not which. REST, GraphQL and bulk deletes all run this hook per document.
 */
export const refuserSuppressionEtablissementUtilise: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const lien = (champ: string) => ({ [champ]: { equals: id } })
  const [demandes, versions, comptes, reseaux] = await Promise.all([
    req.payload.count({
      collection: 'demandes',
      where: { or: [lien('etablissementConcerne'), lien('etablissementReferent')] },
      overrideAccess: true,
      req,
    }),
    req.payload.countVersions({
      collection: 'demandes',
      where: { or: [lien('version.etablissementConcerne'), lien('version.etablissementReferent')] },
      overrideAccess: true,
      req,
    }),
    req.payload.count({ collection: 'users', where: lien('etablissement'), overrideAccess: true, req }),
    req.payload.count({
      collection: 'reseaux',
      where: { or: [lien('etablissementReferent'), lien('membres')] },
      overrideAccess: true,
      req,
    }),
  ])
  const raisons: string[] = []
  if (demandes.totalDocs > 0)
    raisons.push(
      `${pluriel(demandes.totalDocs, 'demande en dépend', 'demandes en dépendent')} (établissement concerné ou référent)`,
    )
  else if (versions.totalDocs > 0)
    raisons.push(
      `l'historique de ${pluriel(versions.totalDocs, 'version de demande le cite', 'versions de demandes le citent')}`,
    )
  if (comptes.totalDocs > 0)
    raisons.push(`${pluriel(comptes.totalDocs, 'compte y est rattaché', 'comptes y sont rattachés')}`)
  if (reseaux.totalDocs > 0)
    raisons.push(
      `${pluriel(reseaux.totalDocs, 'réseau le compte', 'réseaux le comptent')} parmi ses membres ou comme tête de réseau`,
    )
  if (raisons.length === 0) return
  throw new APIError(
    `Cet établissement ne peut pas être supprimé : ${raisons.join(' ; ')}. Supprimez ces demandes ou rattachez-les à un autre établissement, et retirez-le des comptes et des réseaux, avant de le supprimer.`,
    400,
    undefined,
    true,
  )
}
