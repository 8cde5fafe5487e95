import type { CollectionConfig } from 'payload'

/**
 * Compound indexes for the lists filed and consulted at the deadline. Each one lets the database find the rows of
 * a list and walk them in `numero` order without scanning the table or sorting it, whatever its size (query plans
 * in docs/performance.md, with the statistics of `ANALYZE`). They replace the single-column indexes on their first
 * field. Shared with the benchmark
 * baseline, which must have the same shape.
 */
export const INDEX_DEMANDES: NonNullable<CollectionConfig['indexes']> = [
  // A school's dashboard: its demandes, by statut, newest first (the établissement filter opens its read access).
  // Before publication a school's filter on `statut` is answered on `statutDepot` (hooks/demandes/statutVu.ts).
  { fields: ['etablissementConcerne', 'statutDepot', 'numero'] },
  // A structure's own demandes (réseau, DRAAF) and the priorities already taken at validation time.
  { fields: ['structureDeposante', 'statut', 'numero'] },
  // The académie's lists filtered by mesure (the rectorat's most frequent filter): `numero` before `statut`, since
  // « not a draft » is not an equality — the list is walked in order, the statut read from the index.
  { fields: ['academie', 'mesure', 'numero', 'statut'] },
]
