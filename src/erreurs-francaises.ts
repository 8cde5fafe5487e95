import type { AfterErrorHook, Config, Endpoint, Field, Payload, SanitizedConfig } from 'payload'
import { APIError } from 'payload'

import { CHAMPS_COMPTE } from '../access/comptes'
import { collectionDe } from './collectionParSlug'
import { ENTETE_METHODE_REFUSEE } from './methodesHttp'

/**
 * Payload writes some answers in English whatever the language (outside attack, F11): the one table of what the
 * platform says instead. Each entry keeps Payload's status unless it names another one (a 500 for a link nobody
 * can follow is the client's mistake, not the server's).
 */
type Contexte = {
  payload?: Payload
  collection?: string
  chemin?: string
  multipart?: boolean
  /** The collection's fields, when there is no Payload instance to look them up (unit tests). */
  champs?: readonly Field[]
}
type Traduction = {
  anglais: RegExp
  francais: (m: RegExpExecArray, ctx: Contexte) => string
  statut?: number
  /** Only in this context (a JSON syntax error is the client's only when it parses the form's `_payload`). */
  si?: (ctx: Contexte) => boolean
}

const FORMULAIRE_MAL_FORME =
  'Le formulaire envoyé (multipart/form-data) est incomplet ou mal formé : chaque partie doit avoir un en-tête valide, et le corps se terminer par la frontière (boundary) annoncée dans l’en-tête Content-Type.'

const CHAMPS_CONNEXION: Record<string, string> = CHAMPS_COMPTE // the accounts' labels (access/comptes.ts)

export const TRADUCTIONS: readonly Traduction[] = [
  {
    anglais: /^Missing (username|email)\.$/,
    francais: (m) =>
      `Le champ « ${CHAMPS_CONNEXION[m[1]!]} » est obligatoire : saisissez ${m[1] === 'username' ? 'votre identifiant' : 'votre adresse mail'}.`,
  },
  {
    anglais: /^Token is either invalid or has expired\.$/,
    francais: () =>
      "Ce lien de réinitialisation du mot de passe n'est pas valide ou a expiré : demandez-en un nouveau depuis « Mot de passe oublié ? ».",
  },
  {
    // Without e-mail verification (auth.verify), Payload looks for a column that does not exist: a 500.
    anglais: /^Verification token is invalid\.$|^Cannot find field for path at _verificationToken/,
    francais: () => "Ce lien de vérification n'est pas valide.",
    statut: 403,
  },
  { anglais: /^No User$/, francais: () => "Vous n'êtes pas connecté." },
  {
    anglais: /^Missing required data\.$/,
    francais: () => 'Données manquantes : la requête ne contient pas les champs attendus.',
  },
  {
    anglais: /^Missing 'where' query of documents to (update|delete)\.$|^Missing ID of document to update\.$/,
    francais: (m) =>
      `Précisez ${m[1] === 'delete' ? 'ce qui doit être supprimé' : 'ce qui doit être modifié'} : l'adresse doit se terminer par l'identifiant du document (/api/demandes/12) ou porter un filtre where[…].`,
  },
  {
    anglais: /^Collection \S+ has disabled bulk (edit|delete)$/,
    francais: (m) =>
      `La ${m[1] === 'delete' ? 'suppression' : 'modification'} de plusieurs documents à la fois n'est pas possible.`,
  },
  { anglais: /^Invalid JSON$/, francais: () => "Le corps de la requête n'est pas du JSON valide." },
  { anglais: /^Invalid filename\.?$/, francais: () => "Ce nom de fichier n'est pas valide." },
  {
    anglais: /^This collection is not an upload collection/,
    francais: () => "Cette collection ne contient pas de fichiers : il n'y a rien à télécharger.",
  },
  {
    anglais: /^Multipart (?:request size )?limit has been reached$/,
    francais: () => 'La requête dépasse la taille autorisée.',
  },
  {
    anglais: /^Route not found/,
    francais: (_m, { chemin }) =>
      `Cette adresse n'existe pas dans l'API${chemin ? ` : « ${chemin.slice(0, 120)} »` : ''}. Les adresses sont décrites dans la documentation de l'API.`,
  },
  {
    // A ValidationError built without the request's language (login): Payload's French words, with the labels.
    anglais: /^The following fields? (?:is|are) invalid(?: \(\d+\))?:\s*(.*)$/s,
    francais: (m, ctx) => {
      const champs = m[1]!.split(', ').map((p) => `« ${libelleDuChamp(ctx, p)} »`)
      return champs.length === 1
        ? `Le champ suivant n’est pas valide : ${champs[0]}`
        : `Les champs suivants ne sont pas valides : ${champs.join(', ')}`
    },
  },
  {
    // Payload's French ValidationError lists the label of a field that has one, else its path: a hook's error
    // (`{ path: 'etablissementConcerne' }`) reached the toast as « … n’est pas valide : etablissementConcerne ».
    anglais: /^(Le champ suivant n[’']est pas valide|Les champs suivants ne sont pas valides)\s*:\s*(.*)$/s,
    francais: (m, ctx) =>
      `${m[1]} : ${m[2]!
        .split(', ')
        .map((p) => (CHEMIN.test(p) ? libelleDuChamp(ctx, p) : p))
        .join(', ')}`,
  },
  {
    // The query guard (access/requetes.ts) refuses such paths first, in French: this is its safety net.
    anglais: /^The following paths? cannot be queried:\s*(.*)$/s,
    francais: (m, ctx) =>
      `Ce filtre ou ce tri porte sur ${m[1]!
        .split(', ')
        .map((p) => `« ${libelleDuChamp(ctx, p)} »`)
        .join(', ')}, qui ne peut pas servir à filtrer ou à trier cette liste.`,
  },
  {
    // busboy and Payload's multipart parser (a truncated body, no boundary, a NUL in a part header): a 500 before.
    anglais:
      /^(?:Unexpected end of form|Malformed part header|Multipart: Boundary not found|Malformed content type|Unsupported content type:.*|Request is not eligible for file upload)$/s,
    francais: () => FORMULAIRE_MAL_FORME,
    statut: 400,
  },
  {
    // `JSON.parse(fields._payload)` in Payload's multipart reading: V8's SyntaxError, a 500 before.
    anglais: /\bJSON\b/,
    si: (ctx) => ctx.multipart === true,
    francais: () =>
      'Le champ « _payload » du formulaire n’est pas du JSON valide : il doit contenir les données du document en JSON, par exemple {"demande":12}.',
    statut: 400,
  },
  {
    anglais: /^A file name is required\.$/,
    francais: () =>
      'Le champ « file » du formulaire doit être un fichier joint, avec son nom (par exemple annexe.pdf) : ici il est vide ou contient du texte.',
    statut: 400,
  },
  {
    anglais:
      /^(?:Invalid upload collection|A verified client upload reference is required|Client upload reference does not match this request)\.$/,
    francais: () => 'Le fichier doit être joint au formulaire lui-même, dans le champ « file ».',
    statut: 400,
  },
  {
    anglais: /^Something went wrong\.?$/,
    francais: () =>
      "Une erreur inattendue s'est produite sur le serveur. Réessayez ; si elle persiste, contactez le support technique.",
  },
]

/** A field path as Payload writes it (`responsable.email`, `travaux.0.montant`), not a label. */
const CHEMIN = /^[A-Za-z_$][\w$]*(?:\.[\w$]+)*$/

function libelleDansChamps(champs: readonly Field[], segments: string[]): string | null {
  for (const champ of champs) {
    if ('name' in champ && champ.name === segments[0]) {
      if (segments.length > 1 && 'fields' in champ) return libelleDansChamps(champ.fields, segments.slice(1))
      if (typeof champ.label === 'string') return champ.label
      const l = champ.label as Record<string, string> | undefined
      return l && typeof l === 'object' ? (l.fr ?? null) : null
    }
    if (!('name' in champ) && 'fields' in champ) {
      const trouve = libelleDansChamps(champ.fields, segments)
      if (trouve) return trouve
    }
    if (champ.type === 'tabs')
      for (const onglet of champ.tabs) {
        const trouve = 'name' in onglet ? null : libelleDansChamps(onglet.fields, segments)
        if (trouve) return trouve
      }
  }
  return null
}

/** The label of a field path (« Identifiant » for username), or the path itself. */
export function libelleDuChamp({ payload, collection, champs: donnes }: Contexte, chemin: string): string {
  const champs =
    donnes ?? (payload && collection ? collectionDe(payload, collection)?.config.fields : undefined)
  const segments = chemin.split('.').filter((s) => !/^\d+$/.test(s))
  return (
    (champs && libelleDansChamps(champs, segments)) ??
    (collection === 'users' ? CHAMPS_CONNEXION[chemin] : undefined) ??
    chemin
  )
}

/** The French message and status for an English one of the table, or null. */
export function traduireMessage(
  message: string,
  ctx: Contexte = {},
): { message: string; statut?: number } | null {
  for (const t of TRADUCTIONS) {
    if (t.si && !t.si(ctx)) continue
    const m = t.anglais.exec(message)
    if (m) return { message: t.francais(m, ctx), statut: t.statut }
  }
  return null
}

type ErreurPayload = Error & {
  originalError?: ErreurPayload
  status?: number
  data?: { collection?: string; errors?: unknown }
}

/**
 * Last afterError hook (REST and GraphQL): every message of the answer found in the table is replaced, the status
 * kept. The error itself is matched too: a 500's message is hidden (« Something went wrong. ») before hooks run.
 */
export const traduireErreursAnglaises: AfterErrorHook = (args) => {
  const { req, result, graphqlResult } = args
  const erreur = args.error as ErreurPayload
  const origine = erreur.originalError ?? erreur
  const ctx: Contexte = {
    payload: req.payload,
    collection: origine.data?.collection ?? args.collection?.slug,
    chemin: req.url ? new URL(req.url, 'http://x').pathname : undefined,
    multipart: (req.headers?.get('content-type') ?? '').toLowerCase().startsWith('multipart/'),
  }
  // The error's own message says more than « Something went wrong. » (which hides it from the client).
  const depuisErreur = traduireMessage(origine.message ?? '', ctx)
  if (graphqlResult) {
    const anglais = traduireMessage(graphqlResult.message, ctx)
    const traduit = anglais && (depuisErreur ?? anglais)
    const extensions = graphqlResult.extensions as { name?: string; statusCode?: number } | undefined
    const nom = nomLisible(
      extensions?.name,
      traduit?.statut ?? extensions?.statusCode,
      Array.isArray(origine.data?.errors),
    )
    if (!traduit && nom === extensions?.name) return
    return {
      graphqlResult: {
        ...graphqlResult,
        ...(traduit ? { message: traduit.message } : {}),
        extensions: {
          ...graphqlResult.extensions,
          ...(nom ? { name: nom } : {}),
          ...(traduit?.statut ? { statusCode: traduit.statut } : {}),
        },
      },
    }
  }
  const erreurs = (result as { errors?: { message?: string; name?: string }[] } | undefined)?.errors
  let statut: number | undefined
  let change = false
  const traduites = erreurs?.map((e) => {
    // Only an English answer of the table is replaced: one an earlier hook wrote in French stays.
    const anglais = traduireMessage(e.message ?? '', ctx)
    const t = anglais && ((erreurs.length === 1 && depuisErreur) || anglais)
    const nom = nomLisible(e.name, t?.statut ?? origine.status, Array.isArray(origine.data?.errors))
    if (!t && nom === e.name) return e
    change = true
    if (t) statut ??= t.statut
    return { ...e, ...(nom ? { name: nom } : {}), ...(t ? { message: t.message } : {}) }
  })
  if (!change) return
  return { response: { ...(result as object), errors: traduites }, status: statut }
}

/**
 * Payload names each error after its class (`this.constructor.name`), which the production build's minifier turns
 * into « g » or « Ge »: such a name is replaced by one that says the kind of error, from its status.
 */
export function nomLisible(
  nom: string | undefined,
  statut: number | undefined,
  parChamp = false,
): string | undefined {
  if (nom === undefined || !/^[A-Za-z_$][\w$]?$/.test(nom)) return nom
  if (parChamp) return 'ValidationError'
  switch (statut) {
    case 401:
      return 'Unauthorized'
    case 403:
      return 'Forbidden'
    case 404:
      return 'NotFound'
    default:
      return 'ErreurRequete'
  }
}

/** The French 404 of an unknown API address, for a route outside Payload's handlers (the GraphQL playground). */
export function adresseInconnue(chemin: string): Response {
  const t = traduireMessage(`Route not found "${chemin}"`, { chemin })!
  return Response.json({ errors: [{ name: 'NotFound', message: t.message }] }, { status: 404 })
}

const METHODES = ['get', 'post', 'patch', 'put', 'delete', 'head'] as const
/**
 * Payload answers an unknown API address itself, in English and outside the error hooks: a catch-all route last
 * in each list (root, each collection, each global) throws the same 404 through them instead.
 */
const routesInconnues: Endpoint[] = METHODES.map((method) => ({
  path: '/:chemin*',
  method,
  handler: (req) => {
    throw new APIError(`Route not found "${new URL(req.url ?? '/', 'http://x').pathname}"`, 404, null, true)
  },
}))

export function ajouterRoutesInconnues(config: SanitizedConfig | Config): void {
  config.endpoints = [...(config.endpoints ?? []), ...routesInconnues]
  // A collection without REST (`endpoints: false`, the migrations) made Payload answer 501 « Cannot GET … ».
  for (const entite of [...(config.collections ?? []), ...(config.globals ?? [])])
    entite.endpoints = [...(entite.endpoints || []), ...routesInconnues]
}

// ---------------------------------------------------------------------------------------------------------------
// GraphQL: graphql-js and graphql-http answer a request they cannot parse or validate themselves, in English and
// outside Payload's error hooks (so outside the table above). Their messages are matched here, and the answer
// rewritten by the GraphQL route (src/app/(payload)/api/graphql/route.ts). graphql-js's « Did you mean … ? »
// suggestions are never repeated: with introspection off, they would spell the schema out field by field.

type TraductionGraphql = { anglais: RegExp; francais: (m: RegExpExecArray) => string }

const q = (texte: string | undefined) => `« ${(texte ?? '').slice(0, 80)} »`

export const TRADUCTIONS_GRAPHQL: readonly TraductionGraphql[] = [
  {
    anglais: /^Syntax Error: (.*)$/s,
    francais: (m) =>
      /<EOF>/.test(m[1]!)
        ? 'erreur de syntaxe, la requête s’arrête avant d’être complète (accolade ou parenthèse non fermée ?)'
        : 'erreur de syntaxe, un caractère ou un mot inattendu',
  },
  {
    anglais: /^Cannot query field "([^"]*)" on type "([^"]*)"/,
    francais: (m) => `le champ ${q(m[1])} n'existe pas sur ${q(m[2])}`,
  },
  {
    anglais: /^Unknown argument "([^"]*)" on (?:field|directive) "([^"]*)"/,
    francais: (m) => `l'argument ${q(m[1])} n'existe pas sur ${q(m[2])}`,
  },
  { anglais: /^Unknown type "([^"]*)"/, francais: (m) => `le type ${q(m[1])} n'existe pas` },
  { anglais: /^Unknown directive "([^"]*)"/, francais: (m) => `la directive ${q(m[1])} n'existe pas` },
  { anglais: /^Unknown fragment "([^"]*)"/, francais: (m) => `le fragment ${q(m[1])} n'est pas défini` },
  {
    anglais: /^Directive "([^"]*)" may not be used on/,
    francais: (m) => `la directive ${q(m[1])} n'est pas permise à cet endroit`,
  },
  {
    anglais: /^Argument "([^"]*)" has invalid value/,
    francais: (m) => `l'argument ${q(m[1])} a une valeur invalide`,
  },
  {
    anglais: /^(?:Enum )?"?([A-Za-z_]\w*)"? cannot represent/,
    francais: (m) => `une valeur ne convient pas au type ${q(m[1])}`,
  },
  {
    anglais: /^Value "[^"]*" does not exist in "([^"]*)" enum/,
    francais: (m) => `une valeur ne fait pas partie de la liste ${q(m[1])}`,
  },
  {
    anglais: /^Expected value of type "([^"]*)"/,
    francais: (m) => `une valeur ne convient pas au type ${q(m[1])}`,
  },
  {
    anglais: /^Field "([^"]*)" is not defined by type "([^"]*)"/,
    francais: (m) => `le champ ${q(m[1])} n'existe pas dans ${q(m[2])}`,
  },
  {
    anglais: /^Field "([^"]*)" argument "([^"]*)" of type "([^"]*)" is required/,
    francais: (m) => `l'argument obligatoire ${q(m[2])} du champ ${q(m[1])} n'est pas fourni`,
  },
  {
    anglais: /^(?:Directive "([^"]*)" argument "([^"]*)"|Argument "([^"]*)") of (?:required|non-null) type/,
    francais: (m) => `l'argument ${q(m[2] ?? m[3])} ${m[1] ? `de ${q(m[1])} ` : ''}est obligatoire`,
  },
  {
    anglais: /^Field "([^"]*)" of required type "([^"]*)" was not provided/,
    francais: (m) => `le champ obligatoire ${q(m[1])} n'est pas fourni`,
  },
  {
    anglais: /^Field "([^"]*)" of type "([^"]*)" must have a selection of subfields/,
    francais: (m) => `le champ ${q(m[1])} demande une sélection de sous-champs, entre accolades`,
  },
  {
    anglais: /^Field "([^"]*)" must not have a selection since type "([^"]*)" has no subfields/,
    francais: (m) => `le champ ${q(m[1])} n'a pas de sous-champs : retirez les accolades`,
  },
  {
    anglais: /^Variable "\$([^"]*)" got invalid value/,
    francais: (m) => `la variable ${q(`$${m[1]}`)} a une valeur qui ne convient pas à son type`,
  },
  {
    anglais:
      /^Variable "\$([^"]*)" of (?:required|non-null) type "[^"]*" (?:was not provided|must not be null)/,
    francais: (m) => `la variable obligatoire ${q(`$${m[1]}`)} n'est pas fournie`,
  },
  {
    anglais: /^Variable "\$([^"]*)" is not defined/,
    francais: (m) => `la variable ${q(`$${m[1]}`)} n'est pas déclarée`,
  },
  {
    anglais: /^Variable "\$([^"]*)" is never used/,
    francais: (m) => `la variable ${q(`$${m[1]}`)} est déclarée mais jamais utilisée`,
  },
  {
    anglais: /^Variable "\$([^"]*)" (?:of type "[^"]*" used in position|cannot be non-input type)/,
    francais: (m) => `la variable ${q(`$${m[1]}`)} n'a pas le type attendu à cet endroit`,
  },
  {
    anglais: /^There can be only one .*?"([^"]*)"/,
    francais: (m) => `${q(m[1])} est défini plusieurs fois`,
  },
  {
    anglais: /^Fields "([^"]*)" conflict/,
    francais: (m) =>
      `deux champs différents sont demandés sous le même nom ${q(m[1])} : changez l'un des alias`,
  },
  {
    anglais: /^This anonymous operation must be the only defined operation/,
    francais: () => 'une opération sans nom doit être seule dans la requête',
  },
  {
    anglais: /^Fragment "([^"]*)" is never used/,
    francais: (m) => `le fragment ${q(m[1])} n'est pas utilisé`,
  },
  {
    anglais: /^GraphQL introspection is not allowed/,
    francais: () => "l'exploration du schéma (__schema, __type) n'est pas permise",
  },
  {
    anglais: /^The query exceeds the maximum complexity of (\d+)\. Actual complexity is (\d+)/,
    francais: (m) => `la requête est trop complexe (${m[2]}), ${m[1]} au plus`,
  },
  // graphql-http's checks of the request itself.
  {
    anglais: /^Missing query$/,
    francais: () => 'le corps ne contient pas de requête : envoyez {"query": "{ … }"}',
  },
  {
    anglais: /^JSON body must be an object$|^Unparsable JSON body$/,
    francais: () => 'le corps doit être un objet JSON {"query": "…", "variables": {…}}',
  },
  { anglais: /^Invalid query$/, francais: () => '« query » doit être un texte' },
  { anglais: /^Invalid variables$/, francais: () => '« variables » doit être un objet JSON' },
  { anglais: /^Invalid operationName$/, francais: () => '« operationName » doit être un texte' },
  { anglais: /^Invalid extensions$/, francais: () => '« extensions » doit être un objet JSON' },
  {
    anglais: /^Unable to detect operation AST$/,
    francais: () =>
      'impossible de savoir quelle opération exécuter : la requête en contient plusieurs, nommez celle voulue dans « operationName » (qui doit exister)',
  },
  {
    anglais: /^Subscriptions are not supported$/,
    francais: () => 'les abonnements (subscription) ne sont pas disponibles',
  },
  {
    anglais: /^Must provide operation name|^Unknown operation named/,
    francais: () => 'nommez l’opération à exécuter dans « operationName » (qui doit exister)',
  },
]

type Emplacement = { line: number; column: number }

/**
 * The French message of a request error of graphql-js or graphql-http: what is wrong, where (« ligne 1,
 * colonne 13 »), without any suggestion; a generic one when the kind is not in the table.
 */
export function traduireErreurGraphql(message: string, emplacements?: readonly Emplacement[]): string {
  const lieu = emplacements?.[0] ? ` (ligne ${emplacements[0].line}, colonne ${emplacements[0].column})` : ''
  for (const t of TRADUCTIONS_GRAPHQL) {
    const m = t.anglais.exec(message)
    if (m) return `Requête GraphQL invalide : ${t.francais(m)}${lieu}.`
  }
  return `Requête GraphQL invalide${lieu} : vérifiez les champs, arguments, variables et directives demandés.`
}

type ErreurGraphql = {
  message?: unknown
  locations?: Emplacement[]
  extensions?: { statusCode?: number; name?: string }
}

/** Request bodies answered by graphql-http alone, without a body: said in French with the same status. */
const SANS_CORPS: Record<number, string> = {
  400: 'Requête GraphQL invalide : le corps doit être un objet JSON {"query": "…", "variables": {…}}.',
  405: 'Méthode non permise sur /api/graphql : envoyez la requête par POST.',
  406: 'Requête GraphQL refusée : acceptez application/json ou application/graphql-response+json (en-tête Accept).',
  415: 'Requête GraphQL refusée : envoyez le corps en application/json (en-tête Content-Type).',
}

const reponseJson = (corps: unknown, status: number, entetes?: Headers) => {
  const headers = new Headers(entetes)
  headers.set('Content-Type', 'application/json; charset=utf-8')
  headers.delete('Content-Length')
  return new Response(JSON.stringify(corps), { status, headers })
}

/**
 * An answer of the GraphQL route, in French: each error graphql-js or graphql-http wrote (those without Payload's
 * `extensions.statusCode`) translated, and a request error without any data answered 400 (graphql-http says 200
 * to `Accept: application/json`). graphql-http answers an exception in a validation rule with an empty 500
 * (Payload's complexity rule throws on some invalid documents): it is the document's fault, a 400 in French.
 */
export async function reponseGraphqlEnFrancais(reponse: Response): Promise<Response> {
  const type = reponse.headers.get('content-type') ?? ''
  if (!type.includes('json')) {
    const texte = await reponse.text()
    if (texte.trim() !== '' && reponse.status < 500) return new Response(texte, reponse)
    if (reponse.status < 400) return new Response(texte, reponse)
    const status = reponse.status >= 500 ? 400 : reponse.status
    const message =
      SANS_CORPS[status] ??
      'Requête GraphQL invalide : elle n’a pas pu être validée (type d’opération, directives ou variables).'
    return reponseJson(
      { errors: [{ message, extensions: { name: 'RequeteGraphqlRefusee', statusCode: status } }] },
      status,
      reponse.headers,
    )
  }
  const texte = await reponse.text()
  if (!texte.includes('"errors"')) return new Response(texte, reponse)
  let corps: { data?: unknown; errors?: ErreurGraphql[] }
  try {
    corps = JSON.parse(texte)
  } catch {
    return new Response(texte, reponse)
  }
  if (!Array.isArray(corps.errors)) return new Response(texte, reponse)
  let requeteInvalide = false
  const errors = corps.errors.map((e) => {
    if (e.extensions?.statusCode !== undefined || typeof e.message !== 'string') return e
    // Our own validation rules already speak French (src/graphqlProfondeur.ts, src/limitesRequetes.ts).
    requeteInvalide = true
    if (/^Requête GraphQL/.test(e.message)) return { ...e, extensions: { ...e.extensions, statusCode: 400 } }
    return {
      ...e,
      message: traduireErreurGraphql(e.message, e.locations),
      extensions: { ...e.extensions, name: 'RequeteGraphqlInvalide', statusCode: 400 },
    }
  })
  const status = !('data' in corps) && reponse.status === 200 && requeteInvalide ? 400 : reponse.status
  return reponseJson({ ...corps, errors }, status, reponse.headers)
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP methods: Next.js answers a method a route does not export with an empty 405, a method it does not know
// (PROPFIND…) with an empty 400, and TRACE with a 500 page (undici refuses to build its Request). The API's
// answer instead, in French, with the methods allowed (src/methodesHttp.ts brings the last two here).

export function methodeNonPermise(methode: string, chemin: string, permises: readonly string[]): Response {
  const nom = methode
    .replace(/[^A-Za-z-]/g, '')
    .slice(0, 20)
    .toUpperCase()
  return Response.json(
    {
      errors: [
        {
          name: 'MethodeNonPermise',
          message: `La méthode ${nom} n'est pas permise sur ${chemin.slice(0, 120)} : utilisez ${permises.join(', ')}.`,
        },
      ],
    },
    { status: 405, headers: { Allow: permises.join(', '), 'Cache-Control': 'no-store' } },
  )
}

/**
 * The route's OPTIONS handler, unless the request is one src/methodesHttp.ts turned into OPTIONS (a 405 then):
 * turned into a harmless method, a request the check missed would only get the CORS preflight answer.
 */
export function optionsOuRefus<A extends unknown[]>(
  options: (req: Request, ...reste: A) => Promise<Response> | Response,
  permises: readonly string[],
) {
  return async (req: Request, ...reste: A): Promise<Response> => {
    const refusee = req.headers.get(ENTETE_METHODE_REFUSEE)
    if (refusee) return methodeNonPermise(refusee, new URL(req.url).pathname, permises)
    return options(req, ...reste)
  }
}
