import { redirect } from 'next/navigation'
import type { BeforeListTableServerProps, Payload, Where } from 'payload'
import { parse } from 'qs-esm'
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
/**
 * Whether the address's `where` is refused by the query guard for this reader (a filter on a field it may not read,
 * as in a crafted `?where[avis.avis][exists]=true`): Payload's filter builder would fail in the browser on it.
 */
async function filtreRefuse(
  payload: Payload,
  user: BeforeListTableServerProps['user'],
  searchParams: BeforeListTableServerProps['searchParams'],
): Promise<boolean> {
  const parametres = new URLSearchParams()
  for (const [cle, valeur] of Object.entries(searchParams ?? {}))
    for (const v of Array.isArray(valeur) ? valeur : [valeur]) if (v !== undefined) parametres.append(cle, v)
  const where = (parse(parametres.toString(), { depth: 10, arrayLimit: 1000 }) as { where?: Where }).where
  if (!where || !user) return false
  try {
    await payload.count({ collection: 'demandes', where, user, overrideAccess: false })
    return false
  } catch (err) {
    return (err as { status?: number }).status === 400
  }
}

export async function FiltresListe({ payload, user, searchParams }: BeforeListTableServerProps) {
  if (await filtreRefuse(payload, user, searchParams)) redirect('/admin/collections/demandes?filtreRetire=1')
  const retire = searchParams?.filtreRetire ? (
    <p className="echanges__erreur" role="alert">
      Un filtre de l&apos;adresse portait sur une information que vous ne pouvez pas consulter : il a été
      retiré.
    </p>
  ) : null
  // Filers have their dashboard and only their own demandes (Payload's filters are enough), except a filer that also
  // instructs (the DRAAF gives avis on the agricultural demandes).
  const role = (user as { role?: Role } | undefined)?.role
  const instruit = portee(role, 'donnerAvis') !== 'non' || portee(role, 'decider') !== 'non'
  if (!user || (estDeposant(user) && !instruit)) return retire
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
    <>
      {retire}
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
    </>
  )
}
