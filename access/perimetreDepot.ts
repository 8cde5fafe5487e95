/**
 * Where a user may file a demande (the `creer` scope of access/permissions.ts): every établissement, the
 * agricultural ones, those of the structure (ids as strings, alike on SQLite and MongoDB), or none. Pure, so that
 * the form checks a typed UAI at once with the rule the save applies (hooks/demandes/renseignerChampsServeur.ts).
 */
export type PerimetreDepot =
  | { type: 'tout' }
  | { type: 'agricole' }
  | { type: 'structure'; etablissements: string[] }
  | { type: 'aucun' }

export function dansLePerimetre(
  perimetre: PerimetreDepot,
  etablissement: { id: number | string; ministere?: string | null },
): boolean {
  switch (perimetre.type) {
    case 'tout':
      return true
    case 'agricole':
      return etablissement.ministere === 'agriculture'
    case 'structure':
      return perimetre.etablissements.includes(String(etablissement.id))
    default:
      return false
  }
}
