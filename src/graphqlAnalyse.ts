import {
  buildSchema,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  NoFragmentCyclesRule,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  validate,
  type ValueNode,
  visit,
} from 'graphql'

/**
 * A GraphQL request looked at before Payload runs it: what it would cost, and which operations it holds. Payload's
 * own complexity rule counts one per field whatever the page size, and recurses into fragment cycles until the
 * stack overflows (it runs before graphql-js reports the cycle); its login, reset and write mutations can be
 * repeated under aliases in one request, which a per-request rate limit would count once.
 */

/** Braces, parentheses and brackets nested; the deepest query of the platform is far below. */
export const IMBRICATION_GRAPHQL_MAX = 64
/** Tokens of a query (graphql-js stops parsing beyond). */
export const JETONS_GRAPHQL_MAX = 20_000
/** A page of a list query, as for REST. */
export const LIMITE_PAGE_MAX = 500
/** Documents and fields a query may ask for, page sizes multiplied through nested lists and aliases. */
export const COUT_GRAPHQL_MAX = 25_000
const LIMITE_PAR_DEFAUT = 10

export type ChampRacine = { nom: string; alias: string; arguments: Record<string, unknown> }
/** `mutations`: the root fields of the mutations, one per alias. */
export type AnalyseGraphql = { refus: string } | { refus?: undefined; mutations: ChampRacine[]; cout: number }

/** Deepest nesting of `{ ( [` in a query text, skipping strings, block strings and comments (linear, no parsing). */
export function imbricationGraphql(texte: string): number {
  let niveau = 0
  let max = 0
  for (let i = 0; i < texte.length; i++) {
    const c = texte[i]
    if (c === '#') {
      while (i < texte.length && texte[i] !== '\n' && texte[i] !== '\r') i++
    } else if (c === '"') {
      if (texte.startsWith('"""', i)) {
        const fin = texte.indexOf('"""', i + 3)
        i = fin < 0 ? texte.length : fin + 2
      } else {
        for (i++; i < texte.length && texte[i] !== '"' && texte[i] !== '\n'; i++) if (texte[i] === '\\') i++
      }
    } else if (c === '{' || c === '(' || c === '[') {
      if (++niveau > max) max = niveau
    } else if (c === '}' || c === ')' || c === ']') niveau--
  }
  return max
}

function valeur(noeud: ValueNode, variables: Record<string, unknown>): unknown {
  switch (noeud.kind) {
    case Kind.VARIABLE:
      return variables[noeud.name.value]
    case Kind.INT:
    case Kind.FLOAT:
      return Number(noeud.value)
    case Kind.STRING:
    case Kind.ENUM:
      return noeud.value
    case Kind.BOOLEAN:
      return noeud.value
    case Kind.NULL:
      return null
    default:
      return undefined // lists and objects: not needed here
  }
}

const argumentsDe = (champ: FieldNode, variables: Record<string, unknown>) =>
  Object.fromEntries((champ.arguments ?? []).map((a) => [a.name.value, valeur(a.value, variables)]))

// Any document: the cycle rule needs no type information, only a schema to validate against.
const SCHEMA_VIDE = buildSchema('type Query { _: Int }')

/** An operation's root fields, through fragments on the root type (`mutation { ...F }`), each fragment walked once. */
function racinesDe(
  selection: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  vus = new Set<string>(),
  sortie: ChampRacine[] = [],
): ChampRacine[] {
  for (const s of selection.selections) {
    if (s.kind === Kind.FIELD)
      sortie.push({
        nom: s.name.value,
        alias: s.alias?.value ?? s.name.value,
        arguments: argumentsDe(s, variables),
      })
    else if (s.kind === Kind.INLINE_FRAGMENT) racinesDe(s.selectionSet, fragments, variables, vus, sortie)
    else if (!vus.has(s.name.value) && fragments.has(s.name.value)) {
      vus.add(s.name.value)
      racinesDe(fragments.get(s.name.value)!.selectionSet, fragments, variables, vus, sortie)
    }
  }
  return sortie
}

/** Why a @skip or @include of the document has no boolean `if` (literal, or variable with a boolean value), or null. */
function directiveInvalide(document: DocumentNode, variables: Record<string, unknown>): string | null {
  let refus: string | null = null
  visit(document, {
    Directive(d) {
      if (refus || (d.name.value !== 'skip' && d.name.value !== 'include')) return
      const si = d.arguments?.find((a) => a.name.value === 'if')?.value
      const ok =
        si?.kind === Kind.BOOLEAN ||
        (si?.kind === Kind.VARIABLE && typeof variables[si.name.value] === 'boolean')
      if (!ok)
        refus = `Requête GraphQL invalide : la directive « @${d.name.value} » attend if: true ou if: false${si?.kind === Kind.VARIABLE ? ` (la variable « $${si.name.value} » doit valoir true ou false)` : ''}.`
    },
  })
  return refus
}

export function analyserGraphql(
  requete: string,
  nomOperation: string | undefined,
  variables: Record<string, unknown>,
): AnalyseGraphql | null {
  if (imbricationGraphql(requete) > IMBRICATION_GRAPHQL_MAX)
    return { refus: `Requête GraphQL trop imbriquée : ${IMBRICATION_GRAPHQL_MAX} niveaux au plus.` }
  let document: DocumentNode
  try {
    document = parse(requete, { noLocation: true, maxTokens: JETONS_GRAPHQL_MAX })
  } catch (err) {
    if (/maximum number of tokens/i.test(String((err as Error).message)))
      return { refus: `Requête GraphQL trop longue : ${JETONS_GRAPHQL_MAX} éléments au plus.` }
    return null // a syntax error: graphql-http answers it
  }
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d)
  const cycle = validate(SCHEMA_VIDE, document, [NoFragmentCyclesRule])[0]
  if (cycle) {
    const nom = /"([^"]+)"/.exec(cycle.message)?.[1]
    return { refus: `Requête GraphQL refusée : le fragment${nom ? ` « ${nom} »` : ''} se contient lui-même.` }
  }

  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )
  // Payload's complexity rule throws (graphql-http then answers an empty 500) on a subscription, which the schema
  // does not have, and on a @skip/@include whose `if` is not a boolean: refused here, in French.
  if (operations.some((o) => o.operation === 'subscription'))
    return { refus: 'Requête GraphQL invalide : les abonnements (subscription) ne sont pas disponibles.' }
  // Without a name, several operations are refused by graphql-http: all are counted meanwhile.
  const choisies = nomOperation ? operations.filter((o) => o.name?.value === nomOperation) : operations
  if (choisies.length === 0) return null

  // A variable left out takes its declared default (`query ($l: Int = 100000)`).
  for (const o of choisies) {
    for (const v of o.variableDefinitions ?? []) {
      if (v.defaultValue && variables[v.variable.name.value] === undefined)
        variables = { ...variables, [v.variable.name.value]: valeur(v.defaultValue, {}) }
    }
  }

  const directive = directiveInvalide(document, variables)
  if (directive) return { refus: directive }

  // Cost of one selection set at multiplier 1 (the cost is linear in it): fragments memoised, so that fragments
  // spread twice in each other cost a multiplication, not an exponential walk.
  const coutFragments = new Map<string, number>()
  let refusLimite: string | null = null
  const taillePage = (champ: FieldNode): number => {
    const args = argumentsDe(champ, variables)
    const liste =
      'limit' in args ||
      'pagination' in args ||
      champ.selectionSet?.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'docs')
    if (!liste) return 1
    const limite = args.limit === undefined || args.limit === null ? LIMITE_PAR_DEFAUT : Number(args.limit)
    if (!Number.isInteger(limite) || limite < 0) {
      refusLimite ??= `Nombre d'éléments par page (limit) : attendu un nombre entier positif (${champ.name.value}).`
      return LIMITE_PAGE_MAX
    }
    // As in REST (hooks/requetes/garderRequetes.ts): 0, beyond the cap or pagination off are served as one page of
    // the cap, so they cost that page.
    return args.pagination === false || limite === 0 || limite > LIMITE_PAGE_MAX ? LIMITE_PAGE_MAX : limite
  }
  const cout = (selection: SelectionSetNode | undefined): number => {
    if (!selection) return 0
    let total = 0
    for (const s of selection.selections) {
      if (s.kind === Kind.FIELD) total += 1 + taillePage(s) * cout(s.selectionSet)
      else if (s.kind === Kind.INLINE_FRAGMENT) total += cout(s.selectionSet)
      else {
        const nom = s.name.value
        if (!coutFragments.has(nom)) coutFragments.set(nom, cout(fragments.get(nom)?.selectionSet))
        total += coutFragments.get(nom)!
      }
    }
    return total
  }
  let coutTotal = 0
  const mutations: ChampRacine[] = []
  for (const o of choisies) {
    coutTotal += cout(o.selectionSet)
    if (o.operation === 'mutation') mutations.push(...racinesDe(o.selectionSet, fragments, variables))
  }
  if (refusLimite) return { refus: refusLimite }
  if (coutTotal > COUT_GRAPHQL_MAX) {
    return {
      refus: `Requête GraphQL trop coûteuse : ${Math.min(coutTotal, 1e12).toLocaleString('fr-FR')} éléments demandés (pages × champs × alias), ${COUT_GRAPHQL_MAX.toLocaleString('fr-FR')} au plus ; réduisez « limit » ou le nombre d’alias.`,
    }
  }
  return { mutations, cout: coutTotal }
}

/**
 * The root fields of a request's operations (`{ Access { … } }`, `{ moi: meUser { … } }`, through root fragments
 * too), with their alias and the kind of operation; empty when it does not parse (graphql-http answers it). Called
 * after analyserGraphql has bounded the text.
 */
export function champsALaRacine(
  requete: string,
  nomOperation: string | undefined,
): (ChampRacine & { operation: string })[] {
  let document: DocumentNode
  try {
    document = parse(requete, { noLocation: true, maxTokens: JETONS_GRAPHQL_MAX })
  } catch {
    return []
  }
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d)
  return document.definitions
    .filter(
      (d): d is OperationDefinitionNode =>
        d.kind === Kind.OPERATION_DEFINITION && (!nomOperation || d.name?.value === nomOperation),
    )
    .flatMap((d) => racinesDe(d.selectionSet, fragments, {}).map((c) => ({ ...c, operation: d.operation })))
}
