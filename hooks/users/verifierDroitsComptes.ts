import type { CollectionBeforeOperationHook, PayloadRequest, Where } from 'payload'
import { APIError } from 'payload'

import {
  CHAMPS_COMPTE,
  refusEcritureCompte,
  refusSuppressionCompte,
  ROLES_CLE_API,
} from '../../access/comptes'
import { peut, utilisateurDe } from '../../access/roles'

/** A 403 whose French message reaches the client (public, also in production). */
class RefusCompte extends APIError {
  constructor(message: string) {
    super(message, 403, undefined, true)
  }
}

function mentionne(where: unknown, champ: string): boolean {
  if (!where || typeof where !== 'object') return false
  if (Array.isArray(where)) return where.some((w) => mentionne(w, champ))
  return Object.entries(where).some(([cle, valeur]) => cle === champ || mentionne(valeur, champ))
}

/**
 * An account that validated demandes keeps them traced (`validePar`): deleting it would silently empty that field
 * (SECURITY 36). It is refused in French; deactivating the account closes it just as well.
 */
async function refuserSiValidations(
  ids: (number | string)[],
  req: Parameters<CollectionBeforeOperationHook>[0]['req'],
) {
  if (ids.length === 0) return
  const { totalDocs } = await req.payload.count({
    collection: 'demandes',
    where: { validePar: { in: ids } },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) {
    const s = totalDocs > 1 ? 's' : ''
    throw new APIError(
      `Ce compte a validé ${totalDocs} demande${s} : le supprimer effacerait la trace de ${totalDocs > 1 ? 'ces validations' : 'cette validation'}. Désactivez-le plutôt (décochez « Compte actif »).`,
      400,
      undefined,
      true,
    )
  }
}

/**
 * The accounts an update or a delete reaches: the one named by its id, or for a bulk operation those the caller's
 * filter reaches, read as the caller (so the filter itself obeys the read rules).
 */
async function comptesVises(args: { id?: unknown; where?: unknown }, req: PayloadRequest) {
  const parId = args.id !== undefined && args.id !== null
  const r = await req.payload.find({
    collection: 'users',
    where: parId ? { id: { equals: args.id } } : ((args.where ?? {}) as Where),
    depth: 0,
    pagination: false,
    ...(parId ? { limit: 1, overrideAccess: true } : { overrideAccess: false, user: req.user }),
    req,
  })
  return r.docs
}

/**
 * Every write on accounts is checked against the table of access/comptes.ts on the data as the client sent it,
 * before Payload's field access would silently drop a refused value: a refusal is a 403 naming the field, on
 * REST, GraphQL and the Local API with a user alike (bulk updates: checked on each account the filter reaches).
 *
 * Reads made to authenticate an API key (Payload's strategy looks the account up by `apiKeyIndex`) only find an
 * active integration account (opening not waiting for validation) whose key is enabled: any other key leaves the
 * request unauthenticated.
 */
export const verifierDroitsComptes: CollectionBeforeOperationHook = async ({
  args: brut,
  operation,
  overrideAccess,
  req,
}) => {
  const args = brut as {
    where?: Where
    id?: number | string | null
    data?: unknown
    overrideAccess?: boolean
  }
  if (operation === 'read') {
    if (mentionne(args.where, 'apiKeyIndex')) {
      const ouvert: Where = {
        and: [
          { actif: { not_equals: false } },
          { ouvertureValidee: { not_equals: false } },
          { role: { in: [...ROLES_CLE_API] } },
          { enableAPIKey: { equals: true } },
        ],
      }
      return { ...brut, where: { and: [args.where!, ouvert] } }
    }
    return brut
  }
  if (overrideAccess ?? args.overrideAccess) return brut
  // A role given as a list or an object passed the table's check as if it were the role it holds, and the
  // opening's as another (second outside attack, 6): one role, in text, or a 400.
  const role = (args.data as { role?: unknown } | null | undefined)?.role
  if (role !== undefined && role !== null && typeof role !== 'string')
    throw new APIError(
      `Le champ « ${CHAMPS_COMPTE.role} » n'est pas valide : un seul rôle, écrit en texte.`,
      400,
      undefined,
      true,
    )
  const acteur = utilisateurDe(req)
  if (!acteur) return brut // no user: the collection's access refuses

  if (operation === 'create') {
    // A copy of an existing account would carry its role and structure past the check below.
    if (
      (brut as { duplicateFromID?: unknown }).duplicateFromID != null &&
      !peut(acteur, 'administrerPlateforme')
    ) {
      throw new RefusCompte("Vous n'êtes pas autorisé à dupliquer un compte.")
    }
    const refus = refusEcritureCompte(acteur, (args.data ?? {}) as Record<string, unknown>, null)
    if (refus) throw new RefusCompte(refus)
    return brut
  }
  if (operation === 'update') {
    const donnees = (args.data ?? {}) as Record<string, unknown>
    const cibles = await comptesVises(args, req)
    for (const cible of cibles) {
      // access/comptes.ts reads the account's fields by name: the generated User interface has no index signature.
      const refus = refusEcritureCompte(
        acteur,
        donnees,
        cible as unknown as Parameters<typeof refusEcritureCompte>[2],
      )
      if (refus) throw new RefusCompte(refus)
    }
    return brut
  }
  if (operation === 'delete') {
    const cibles = await comptesVises(args, req)
    for (const cible of cibles) {
      const refus = refusSuppressionCompte(acteur, cible)
      if (refus) throw new RefusCompte(refus)
    }
    await refuserSiValidations(
      cibles.map((c) => c.id),
      req,
    )
  }
  return brut
}
