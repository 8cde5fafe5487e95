import type { CollectionBeforeOperationHook } from 'payload'

/**
 * `piecesJointes` (the annexes listed in the admin form) is a join: every read computes it, through the annexes'
 * own read access, which goes back to the demande (six SQL joins to build and run). REST callers get the annexes in
 * the contract's `annexes` field and ask for the join only if they want it (`?joins[piecesJointes][limit]=10`);
 * the admin form reads through the Local API, GraphQL never computes joins (measure in docs/performance.md).
 */
export const jointuresSurDemande: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'read' || req.payloadAPI !== 'REST') return args
  const a = args as { joins?: unknown }
  if (a.joins === undefined) a.joins = false
  return args
}
