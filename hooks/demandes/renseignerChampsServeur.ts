import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'

import { cleStructure, etablissementsDeLaStructure, reseauDuCompte } from '../../access/demandes'
import { portee } from '../../access/permissions'
import { idDe, utilisateurDe } from '../../access/roles'
import { lireCampagne } from '../../src/campagne'
import { prochainNumero } from '../../src/numerotation'
import { libelle, MESURES } from '../../src/regles/enums'

const CHAMPS_SERVEUR = ['numero', 'titre', 'rentree', 'structureDeposante', 'etablissementReferent', 'academie', 'departement', 'agricole', 'typeDiplome', 'ecartCapacite']
const CHAMPS_VALIDATION = ['statut', 'valideeLe', 'validePar']

/** Set by the validation endpoint (and the instruction hook) when it changes statut/valideeLe/validePar. */
export const CONTEXTE_VALIDATION = 'validationDemande'

/**
 * Fields the server owns: statut, numero, rentree and the filing structure on creation; the référent and the
 * établissement's académie / département / ministère whenever the établissement concerné changes. Whatever the
 * input said about them is overwritten. The établissement concerné must be within the filer's scope.
 */
export const renseignerChampsServeur: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const user = utilisateurDe(req)
  const suite: Record<string, unknown> = { ...data }

  if (operation === 'create') {
    const campagne = await lireCampagne(req)
    Object.assign(suite, {
      statut: 'brouillon',
      valideeLe: null,
      validePar: null,
      avis: {},
      decision: {},
      structureDeposante: cleStructure(user) ?? 'admin',
      rentree: campagne.rentree,
    })
  }

  if (operation === 'update' && originalDoc) {
    // Whatever path the update came by (REST, GraphQL, Local API with overrideAccess), these stay as stored.
    for (const champ of CHAMPS_SERVEUR) suite[champ] = originalDoc[champ]
    if (!req.context[CONTEXTE_VALIDATION]) for (const champ of CHAMPS_VALIDATION) suite[champ] = originalDoc[champ]
  }

  const concerneId = idDe(suite.etablissementConcerne)
  const ancienId = idDe(originalDoc?.etablissementConcerne)
  if (operation === 'create' || String(concerneId) !== String(ancienId)) {
    if (concerneId === null) {
      Object.assign(suite, { etablissementReferent: null, academie: null, departement: null, agricole: false })
    } else {
      const etablissement = await req.payload
        .findByID({ collection: 'etablissements', id: concerneId, depth: 0, req, overrideAccess: true })
        .catch(() => null)
      if (!etablissement) {
        throw new ValidationError(
          { collection: 'demandes', errors: [{ path: 'etablissementConcerne', message: "Cet établissement n'existe pas dans l'annuaire." }], req },
          req.t,
        )
      }
      if (user) {
        const p = portee(user.role, 'creer')
        const autorise =
          p === 'tout' ||
          (p === 'agricole' && etablissement.ministere === 'agriculture') ||
          (p === 'structure' && (await etablissementsDeLaStructure(req)).some((id) => String(id) === String(concerneId)))
        if (!autorise) {
          const message =
            user.role === 'draaf'
              ? `La DRAAF dépose uniquement pour les établissements agricoles : ${etablissement.uai} n'en est pas un.`
              : user.role === 'reseau'
                ? `L'établissement ${etablissement.uai} n'est pas membre de votre réseau : vous ne pouvez pas déposer de demande pour lui.`
                : `Vous ne pouvez déposer des demandes que pour votre propre établissement, pas pour ${etablissement.uai}.`
          throw new ValidationError({ collection: 'demandes', errors: [{ path: 'etablissementConcerne', message }], req }, req.t)
        }
      }
      let referent: unknown = concerneId
      if (user?.role === 'etablissement') referent = idDe(user.etablissement)
      if (user?.role === 'reseau') referent = (await reseauDuCompte(req)).referent ?? concerneId
      Object.assign(suite, {
        etablissementReferent: referent,
        academie: etablissement.academie,
        departement: etablissement.departement ?? null,
        agricole: etablissement.ministere === 'agriculture',
      })
    }
  }

  const diplomeId = idDe(suite.diplome)
  if (operation === 'create' || String(diplomeId) !== String(idDe(originalDoc?.diplome))) {
    const diplome = diplomeId === null ? null : await req.payload.findByID({ collection: 'diplomes', id: diplomeId, depth: 0, req, overrideAccess: true, select: { typeDiplome: true } }).catch(() => null)
    suite.typeDiplome = diplome?.typeDiplome ?? null
  }
  const { capaciteActuelle: actuelle, capaciteNouvelle: nouvelle } = suite
  suite.ecartCapacite = typeof actuelle === 'number' && typeof nouvelle === 'number' ? nouvelle - actuelle : null

  // Last, so that a refused creation does not consume a numero.
  if (operation === 'create') suite.numero = await prochainNumero(req.payload)
  suite.titre = `N° ${suite.numero} — ${libelle(MESURES, suite.mesure) || 'mesure à préciser'}`
  return suite
}
