import {
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql'

/**
 * Refuses GraphQL operations nested deeper than `maximum` fields (fragments followed), so that a query cannot
 * make the server walk relationships without end. Payload's maxComplexity and src/graphqlAnalyse.ts bound the
 * breadth. Each fragment's depth is computed once (fragments spreading each other twice would otherwise cost an
 * exponential walk), and a fragment met again on its own path counts nothing more: graphql-js's
 * NoFragmentCyclesRule reports the cycle.
 */
export function profondeurMaximale(maximum: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const d of context.getDocument().definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d)
    const profondeurFragment = new Map<string, number>()
    const enCours = new Set<string>()

    // Depth of a selection set below its parent, in fields.
    const profondeur = (selection: SelectionSetNode | undefined): number => {
      if (!selection) return 0
      let plus = 0
      for (const s of selection.selections) {
        if (s.kind === Kind.FIELD) plus = Math.max(plus, s.selectionSet ? 1 + profondeur(s.selectionSet) : 1)
        else if (s.kind === Kind.INLINE_FRAGMENT) plus = Math.max(plus, profondeur(s.selectionSet))
        else {
          const nom = s.name.value
          if (enCours.has(nom) || !fragments.has(nom)) continue
          if (!profondeurFragment.has(nom)) {
            enCours.add(nom)
            profondeurFragment.set(nom, profondeur(fragments.get(nom)!.selectionSet))
            enCours.delete(nom)
          }
          plus = Math.max(plus, profondeurFragment.get(nom)!)
        }
      }
      return plus
    }

    return {
      OperationDefinition(operation) {
        const p = profondeur(operation.selectionSet)
        if (p > maximum) {
          context.reportError(
            new GraphQLError(`Requête GraphQL trop profonde : ${p} niveaux imbriqués, ${maximum} au plus.`, {
              nodes: [operation],
            }),
          )
        }
      },
    }
  }
}
