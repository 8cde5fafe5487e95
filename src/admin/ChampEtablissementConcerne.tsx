import type { RelationshipFieldServerComponent } from 'payload'
import React from 'react'

import { perimetreDeDepot, refusHorsPortee } from '../../access/demandes'
import { idDe, rattachementDe, utilisateurDe } from '../../access/roles'
import { ChampUai, type EtablissementLu } from './ChampUai'

/**
 * « Code UAI de l'établissement concerné », prepared on the server: the établissement from the first paint (a
 * school's own on a new form), whether the account files only for its own (then read-only), and where it may file,
 * so that a non-member UAI is refused as it is typed, with the save's words (access/demandes.ts).
 */
export const ChampEtablissementConcerne: RelationshipFieldServerComponent = async ({
  data,
  id,
  req,
  path,
  clientField,
  readOnly,
}) => {
  const user = utilisateurDe(req)
  const nouvelle = id === undefined || id === null || id === ''
  const propre = rattachementDe(user) === 'etablissement' ? idDe(user?.etablissement) : null
  const valeur = idDe(data?.etablissementConcerne) ?? (nouvelle ? propre : null)
  const trouve =
    valeur === null
      ? null
      : await req.payload
          .findByID({
            collection: 'etablissements',
            id: valeur,
            depth: 0,
            // Reference list every signed-in account reads.
            overrideAccess: true,
            select: { uai: true, nom: true, commune: true, ministere: true },
          })
          .catch(() => null)
  const initial: EtablissementLu | null = trouve
    ? {
        id: trouve.id,
        uai: trouve.uai,
        nom: trouve.nom,
        commune: trouve.commune ?? null,
        ministere: trouve.ministere ?? null,
      }
    : null
  return (
    <ChampUai
      field={clientField}
      path={path}
      readOnly={readOnly}
      initial={initial}
      fixe={propre !== null}
      perimetre={await perimetreDeDepot(req)}
      refus={user ? refusHorsPortee(user, '{uai}') : null}
    />
  )
}
