import type { PayloadRequest, Where } from 'payload'

import { lireCampagne } from './campagne'
import { parNumero } from './parNumero'
import type { Demande } from './payload-types'
import { MESURES } from './regles/enums'

export type Cellule = { demandes: number; placesOuvertes: number; placesFermees: number; solde: number }
export type LigneCroisee = Cellule & { academie: string; mesure: string; typeDiplome: string }
export type Statistiques = {
  rentree: number
  total: Cellule
  parAcademie: Record<string, Cellule>
  parMesure: Record<string, Cellule>
  parTypeDiplome: Record<string, Cellule>
  croise: LigneCroisee[]
}

const LOT = 2000
const vide = (): Cellule => ({ demandes: 0, placesOuvertes: 0, placesFermees: 0, solde: 0 })

function ajouter(c: Cellule, ecart: number | null | undefined) {
  c.demandes++
  if (typeof ecart === 'number') {
    if (ecart > 0) c.placesOuvertes += ecart
    else c.placesFermees -= ecart
    c.solde += ecart
  }
}

/**
 * Counts and capacity balance of the validated demandes the caller may read, by académie × mesure × type de
 * diplôme. Read in lots by numero with only the five fields needed, so 100,000 demandes stay cheap.
 */
export async function calculerStatistiques(
  req: PayloadRequest,
  rentreeDemandee?: number,
): Promise<Statistiques> {
  const rentree = rentreeDemandee ?? (await lireCampagne(req)).rentree
  const base: Where = { and: [{ statut: { not_equals: 'brouillon' } }, { rentree: { equals: rentree } }] }
  const stats: Statistiques = {
    rentree,
    total: vide(),
    parAcademie: {},
    parMesure: {},
    parTypeDiplome: {},
    croise: [],
  }
  const croise = new Map<string, LigneCroisee>()
  const lecture = {
    lot: LOT,
    depth: 0,
    select: { numero: true, academie: true, mesure: true, typeDiplome: true, ecartCapacite: true },
  }
  for await (const lot of parNumero(req, base, lecture)) {
    // The fields of `lecture.select`: parNumero reads any selection, as records.
    for (const d of lot as Pick<Demande, 'academie' | 'mesure' | 'typeDiplome' | 'ecartCapacite'>[]) {
      const academie = d.academie ?? 'non renseignée'
      const mesure = d.mesure ?? 'non renseignée'
      const type = d.typeDiplome ?? 'non renseigné'
      ajouter(stats.total, d.ecartCapacite)
      ajouter((stats.parAcademie[academie] ??= vide()), d.ecartCapacite)
      ajouter((stats.parMesure[mesure] ??= vide()), d.ecartCapacite)
      ajouter((stats.parTypeDiplome[type] ??= vide()), d.ecartCapacite)
      const cle = `${academie}|${mesure}|${type}`
      if (!croise.has(cle)) croise.set(cle, { academie, mesure, typeDiplome: type, ...vide() })
      ajouter(croise.get(cle)!, d.ecartCapacite)
    }
  }
  const ordreMesure = (m: string) => MESURES.findIndex((x) => x.value === m)
  stats.croise = [...croise.values()].sort(
    (a, b) =>
      a.academie.localeCompare(b.academie) ||
      a.typeDiplome.localeCompare(b.typeDiplome) ||
      ordreMesure(a.mesure) - ordreMesure(b.mesure),
  )
  return stats
}
