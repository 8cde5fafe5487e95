import type { JoinFieldServerComponent } from 'payload'
import React from 'react'

import { createAnnexes } from '../../access/annexes'
import { refusAnnexe } from '../../hooks/annexes/verifierDemandeModifiable'
import { ChampAnnexesClient } from './ChampAnnexesClient'

/**
 * The demande's annexes. « Ajouter » is offered only when the server would accept the annexe (the same rule as
 * hooks/annexes/verifierDemandeModifiable.ts): never on a validated demande, then refused cryptically.
 */
export const ChampAnnexes: JoinFieldServerComponent = async ({ id, req, clientField, path, readOnly }) => {
  const peutAjouter =
    !readOnly &&
    (id === undefined || id === null || id === ''
      ? (await createAnnexes({ req })) !== false
      : (await refusAnnexe(req, id)) === null)
  return <ChampAnnexesClient field={clientField} path={path} peutAjouter={peutAjouter} />
}
