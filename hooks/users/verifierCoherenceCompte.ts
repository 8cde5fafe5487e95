import type { CollectionBeforeValidateHook } from 'payload'
import { ValidationError } from 'payload'

import { ROLES_CLE_API } from '../../access/comptes'
import { capaciteDuRole } from '../../access/permissions'
import { idDe, peut, rattachementDe, type Role } from '../../access/roles'

type Erreur = { path: string; message: string }

/** Each role needs its structure; an établissement account's identifiant is its UAI; only an admin makes admins. */
export const verifierCoherenceCompte: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const fusion = { ...(originalDoc ?? {}), ...data } as Record<string, unknown>
  const erreurs: Erreur[] = []
  const role = fusion.role as string | undefined
  // The role that administers the platform is granted only by an account that has it.
  const accorde = data.role !== undefined && data.role !== originalDoc?.role
  if (
    accorde &&
    capaciteDuRole(role, 'administrerPlateforme') &&
    req.user &&
    !peut(req, 'administrerPlateforme')
  ) {
    erreurs.push({
      path: 'role',
      message: 'Seul un administrateur peut attribuer le rôle « Administrateur ».',
    })
  }
  // An API key never expires and bypasses the login's limits: only integration accounts (programs) hold one.
  const cleDemandee =
    data.enableAPIKey === true || (typeof data.apiKey === 'string' && data.apiKey.length > 0)
  const roleChange = data.role !== undefined && originalDoc !== undefined && data.role !== originalDoc.role
  const cleGardee =
    roleChange && data.enableAPIKey !== false && Boolean(originalDoc?.enableAPIKey || originalDoc?.hasAPIKey)
  if ((cleDemandee || cleGardee) && !ROLES_CLE_API.includes(role as Role)) {
    erreurs.push({
      path: 'enableAPIKey',
      message: cleDemandee
        ? "Seul un compte « Intégration (API) » peut avoir une clé d'API."
        : "Ce compte a une clé d'API, réservée aux comptes « Intégration (API) » : désactivez-la avant de changer son rôle.",
    })
  }
  const rattachement = rattachementDe({ role })
  if (rattachement === 'academie' && !fusion.academie) {
    erreurs.push({ path: 'academie', message: "L'académie est obligatoire pour un compte de rectorat." })
  }
  if (rattachement === 'reseau' && idDe(fusion.reseau) === null) {
    erreurs.push({ path: 'reseau', message: 'Le réseau est obligatoire pour un compte de réseau.' })
  }
  if (rattachement === 'etablissement') {
    const etablissementId = idDe(fusion.etablissement)
    if (etablissementId === null) {
      erreurs.push({
        path: 'etablissement',
        message: "L'établissement est obligatoire pour un compte établissement.",
      })
    } else {
      const etablissement = await req.payload
        .findByID({ collection: 'etablissements', id: etablissementId, depth: 0, req, overrideAccess: true })
        .catch(() => null)
      const identifiant = String(fusion.username ?? '')
        .trim()
        .toUpperCase()
      if (!etablissement) {
        erreurs.push({ path: 'etablissement', message: "Cet établissement n'existe pas." })
      } else if (identifiant !== etablissement.uai && !identifiant.startsWith(`${etablissement.uai}-`)) {
        // Several people of one lycée may each have an account: 0340042L, 0340042L-proviseur…
        erreurs.push({
          path: 'username',
          message: `L'identifiant d'un compte établissement est son code UAI (${etablissement.uai}), éventuellement suivi d'un tiret et d'un complément (${etablissement.uai}-proviseur).`,
        })
      }
    }
  }
  if (erreurs.length) throw new ValidationError({ collection: 'users', errors: erreurs, req }, req.t)
  return data
}
