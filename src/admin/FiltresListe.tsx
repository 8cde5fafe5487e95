import type { BeforeListTableServerProps } from 'payload'
import React from 'react'

import { portee } from '../../access/permissions'
import { ACADEMIES, estDeposant, peut, type Role } from '../../access/roles'
import { MESURES } from '../regles/enums'
import { OPTIONS_STATUTS } from '../regles/machine'
import { BarreFiltres } from './BarreFiltres'
import { DEPARTEMENTS } from './filtresDemandes'

/**
 * Above the authorities' demandes list: filters by name (académie, département, établissement, type de diplôme,
 * mesure, statut, « sans avis », « sans décision »). The options are read here, on the server; « sans avis » and
 * « sans décision » only for who may read them before publication.
 */
export async function FiltresListe({ payload, user }: BeforeListTableServerProps) {
  // Filers have their dashboard and only their own demandes (Payload's filters are enough), except a filer that also
  // instructs (the DRAAF gives avis on the agricultural demandes).
  const role = (user as { role?: Role } | undefined)?.role
  const instruit = portee(role, 'donnerAvis') !== 'non' || portee(role, 'decider') !== 'non'
  if (!user || (estDeposant(user) && !instruit)) return null
  const types = await payload
    .findDistinct({
      collection: 'diplomes',
      field: 'typeDiplome',
      limit: 200,
      sort: 'typeDiplome',
      overrideAccess: true,
    })
    .then((r) => r.values.map((v) => String(v.typeDiplome ?? '')).filter(Boolean))
    .catch(() => [] as string[])
  // Who reads one académie is offered its académie and its départements only (the others always give nothing).
  const sienne =
    portee(role, 'lireValidees') === 'academie' ? (user as { academie?: string | null }).academie : null
  return (
    <BarreFiltres
      academies={ACADEMIES.filter((a) => !sienne || a.value === sienne).map((a) => ({
        value: a.value,
        label: a.label,
      }))}
      departements={DEPARTEMENTS.filter((d) => !sienne || d.academie === sienne).map((d) => ({
        value: d.value,
        label: `${d.label} (${d.value})`,
      }))}
      types={types.map((t) => ({ value: t, label: t }))}
      mesures={MESURES.map((m) => ({ value: m.value, label: m.label }))}
      statuts={OPTIONS_STATUTS.map((s) => ({ value: s.value, label: s.label }))}
      sansAvis={peut(user, 'lireAvisAvantPublication')}
      sansDecision={peut(user, 'lireDecisionsAvantPublication')}
    />
  )
}
