import { type ASTNode, type FragmentDefinitionNode, GraphQLError, Kind, type ValidationRule } from 'graphql'

/**
 * Refuses GraphQL operations nested deeper than `maximum` fields (fragments followed, each once), so that a
 * query cannot make the server walk relationships without end. Payload's maxComplexity bounds the breadth.
 */
export function profondeurMaximale(maximum: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d)

    const profondeur = (noeud: ASTNode, niveau: number, vus: Set<string>): number => {
      if (!('selectionSet' in noeud) || !noeud.selectionSet) return niveau
      let plus = niveau
      for (const s of noeud.selectionSet.selections) {
        if (s.kind === Kind.FIELD) plus = Math.max(plus, profondeur(s, niveau + 1, vus))
        else if (s.kind === Kind.INLINE_FRAGMENT) plus = Math.max(plus, profondeur(s, niveau, vus))
        else if (!vus.has(s.name.value) && fragments.has(s.name.value)) {
          plus = Math.max(plus, profondeur(fragments.get(s.name.value)!, niveau, new Set([...vus, s.name.value])))
        }
      }
      return plus
    }

    return {
      OperationDefinition(operation) {
        const p = profondeur(operation, 0, new Set())
        if (p > maximum) {
          context.reportError(new GraphQLError(`Requête GraphQL trop profonde : ${p} niveaux imbriqués, ${maximum} au plus.`, { nodes: [operation] }))
        }
      },
    }
  }
}
