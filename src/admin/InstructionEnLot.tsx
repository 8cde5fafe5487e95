import type { Payload } from 'payload'
import React from 'react'

import { portee } from '../../access/permissions'
import { peut } from '../../access/roles'
import { dateHeureFr } from '../formatsDates'
import { etatPublication } from '../publicationDecisions'
import { AVIS, DECISIONS } from '../regles/enums'
import { InstructionEnLotClient, PublierDecisions } from './InstructionEnLotClient'

type Props = {
  user?: { role?: string | null } | null
  payload?: Payload
  data?: { docs?: { id: number | string; numero?: number | null }[] }
}

/**
 * Above the demandes list, for who instructs (access/permissions.ts: donnerAvis, decider) and who publishes
 * (publierDecisions): the avis or décision on the selected rows, and the publication of the decisions.
 */
export async function InstructionEnLot({ user, payload, data }: Props) {
  const role = user?.role as Parameters<typeof portee>[0]
  const avis = portee(role, 'donnerAvis') !== 'non'
  const decision = portee(role, 'decider') !== 'non'
  const publie = peut(user, 'publierDecisions')
  if (!avis && !decision && !publie) return null
  const publication = publie && payload ? await etatPublication(payload) : null
  const numeros = Object.fromEntries(
    (data?.docs ?? []).filter((d) => d.numero).map((d) => [String(d.id), d.numero as number]),
  )
  return (
    <div className="instruction-en-lot">
      {(avis || decision) && (
        <InstructionEnLotClient
          sortes={[
            ...(avis ? [{ champ: 'avis' as const, options: [...AVIS] }] : []),
            ...(decision ? [{ champ: 'decision' as const, options: [...DECISIONS] }] : []),
          ]}
          numeros={numeros}
        />
      )}
      {publication && (
        <PublierDecisions
          publieesLe={
            publication.publiees ? (publication.publieesLe ? dateHeureFr(publication.publieesLe) : '') : null
          }
        />
      )}
    </div>
  )
}
