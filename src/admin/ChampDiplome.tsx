import type { RelationshipFieldServerComponent } from 'payload'
import React from 'react'

import { idDe } from '../../access/roles'
import { ChoixDiplome, type DiplomeLu } from './ChoixDiplome'

/**
 * The diplôme chooser with its chosen diplôme read on the server: « 1re année du CAP … en 2 ans » from the first
 * paint, not « Aucun diplôme choisi » until the browser has fetched the list.
 */
export const ChampDiplome: RelationshipFieldServerComponent = async ({ data, req, path, readOnly }) => {
  const id = idDe(data?.diplome)
  const d =
    id === null
      ? null
      : await req.payload
          .findByID({
            collection: 'diplomes',
            id,
            depth: 0,
            // Reference list every signed-in account reads; a closed diplôme stays shown on its demande.
            overrideAccess: true,
            select: { cfd: true, libelle: true, typeDiplome: true, durees: true, ouvert: true },
          })
          .catch(() => null)
  const initial: DiplomeLu | null = d
    ? {
        id: d.id,
        cfd: d.cfd,
        libelle: d.libelle,
        typeDiplome: d.typeDiplome,
        durees: d.durees,
        ouvert: d.ouvert ?? true,
      }
    : null
  return <ChoixDiplome path={path} readOnly={readOnly} initial={initial} />
}
