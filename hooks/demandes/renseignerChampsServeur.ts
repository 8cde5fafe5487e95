import type { CollectionBeforeChangeHook, PayloadRequest, SanitizedCollectionConfig } from 'payload'
import { beforeChangeTraverseFields, ValidationError } from 'payload'

import {
  perimetreDeDepot,
  referentDuDepot,
  refusHorsPortee,
  structureDeposanteDe,
} from '../../access/demandes'
import { dansLePerimetre } from '../../access/perimetreDepot'
import { idDe, utilisateurDe } from '../../access/roles'
import { lireCampagne } from '../../src/campagne'
import { prochainNumero } from '../../src/numerotation'
import { libelle, MESURES } from '../../src/regles/enums'
import { appliquer } from '../../src/regles/machine'
import { ecartDeCapacite } from '../../src/regles/validationDemande'

const CHAMPS_SERVEUR = [
  'numero',
  'titre',
  'rentree',
  'structureDeposante',
  'etablissementReferent',
  'academie',
  'departement',
  'agricole',
  'typeDiplome',
  'ecartCapacite',
]
const CHAMPS_VALIDATION = ['statut', 'valideeLe', 'validePar']

/** Set by the validation endpoint (and the instruction hook) when it changes statut/valideeLe/validePar. */
export const CONTEXTE_VALIDATION = 'validationDemande'

/**
 * Fields the server owns: statut, numero, rentree and the filing structure on creation; the référent and the
 * établissement's académie / département / ministère whenever the établissement concerné changes. Whatever the
 * input said about them is overwritten. The établissement concerné must be within the filer's scope.
 */
export const renseignerChampsServeur: CollectionBeforeChangeHook = async ({
  collection,
  context,
  data,
  originalDoc,
  operation,
  req,
}) => {
  const user = utilisateurDe(req)
  const suite: Record<string, unknown> = { ...data }

  if (operation === 'create') {
    const campagne = await lireCampagne(req)
    const creee = appliquer(null, 'creation')
    Object.assign(suite, {
      statut: 'statut' in creee ? creee.statut : 'brouillon',
      valideeLe: null,
      validePar: null,
      avis: {},
      decision: {},
      structureDeposante: structureDeposanteDe(user),
      rentree: campagne.rentree,
    })
  }

  if (operation === 'update' && originalDoc) {
    // Whatever path the update came by (REST, GraphQL, Local API with overrideAccess), these stay as stored.
    for (const champ of CHAMPS_SERVEUR) suite[champ] = originalDoc[champ]
    if (!req.context[CONTEXTE_VALIDATION])
      for (const champ of CHAMPS_VALIDATION) suite[champ] = originalDoc[champ]
  }

  const concerneId = idDe(suite.etablissementConcerne)
  const ancienId = idDe(originalDoc?.etablissementConcerne)
  if (operation === 'create' || String(concerneId) !== String(ancienId)) {
    if (concerneId === null) {
      Object.assign(suite, {
        etablissementReferent: null,
        academie: null,
        departement: null,
        agricole: false,
      })
    } else {
      const etablissement = await req.payload
        .findByID({ collection: 'etablissements', id: concerneId, depth: 0, req, overrideAccess: true })
        .catch(() => null)
      if (!etablissement) {
        throw new ValidationError(
          {
            collection: 'demandes',
            errors: [
              { path: 'etablissementConcerne', message: "Cet établissement n'existe pas dans l'annuaire." },
            ],
            req,
          },
          req.t,
        )
      }
      if (user) {
        if (!dansLePerimetre(await perimetreDeDepot(req), etablissement)) {
          const message = refusHorsPortee(user, etablissement.uai)
          throw new ValidationError(
            { collection: 'demandes', errors: [{ path: 'etablissementConcerne', message }], req },
            req.t,
          )
        }
      }
      const referent = await referentDuDepot(req, concerneId)
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
    const diplome =
      diplomeId === null
        ? null
        : await req.payload
            .findByID({
              collection: 'diplomes',
              id: diplomeId,
              depth: 0,
              req,
              overrideAccess: true,
              select: { typeDiplome: true },
            })
            .catch(() => null)
    suite.typeDiplome = diplome?.typeDiplome ?? null
  }
  suite.ecartCapacite = ecartDeCapacite(suite.capaciteActuelle, suite.capaciteNouvelle)

  // Last, and only once the input has passed the fields' validation: a refused creation consumes no numero.
  if (operation === 'create') {
    await validerAvantNumero(suite, collection, context, req)
    suite.numero = await prochainNumero(req.payload)
  }
  suite.titre = `N° ${suite.numero} — ${libelle(MESURES, suite.mesure) || 'mesure à préciser'}`
  return suite
}

/**
 * Payload validates the fields after the collection's beforeChange hooks, that is after the numero would be taken,
 * and SQLite runs without transactions here (none to roll back): so the fields' validation is run once on a copy
 * of the data, and its errors thrown as Payload would throw them (same 400, same messages), before the counter
 * moves. Payload runs it again on the real data; only a database failure after that could still cost a numero.
 */
async function validerAvantNumero(
  data: Record<string, unknown>,
  collection: SanitizedCollectionConfig,
  context: PayloadRequest['context'],
  req: PayloadRequest,
) {
  const copie = copier(data) as Record<string, unknown>
  const errors: { label?: string; message: string; path: string }[] = []
  await beforeChangeTraverseFields({
    collection,
    context,
    data: copie,
    doc: {},
    docWithLocales: {},
    errors,
    fieldLabelPath: '',
    fields: collection.fields,
    global: null,
    mergeLocaleActions: [],
    operation: 'create',
    // The stricter check (what the caller may read) is Payload's own pass, after this one.
    overrideAccess: true,
    parentIndexPath: '',
    parentIsLocalized: false,
    parentPath: '',
    parentSchemaPath: '',
    req,
    siblingData: copie,
    siblingDoc: {},
    siblingDocWithLocales: {},
    skipValidation: false,
  })
  if (errors.length > 0) throw new ValidationError({ collection: collection.slug, errors, req }, req.t)
}

/** Deep copy of arrays and plain objects; anything else (a Date, a MongoDB ObjectId) is kept as is. */
function copier(valeur: unknown): unknown {
  if (Array.isArray(valeur)) return valeur.map(copier)
  if (valeur && typeof valeur === 'object' && Object.getPrototypeOf(valeur) === Object.prototype) {
    return Object.fromEntries(Object.entries(valeur).map(([k, v]) => [k, copier(v)]))
  }
  return valeur
}
