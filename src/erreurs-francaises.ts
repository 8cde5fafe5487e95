import type { AfterErrorHook, Config, Endpoint, Field, Payload, SanitizedConfig } from 'payload'
import { APIError } from 'payload'

import { CHAMPS_COMPTE } from '../access/comptes'
import { collectionDe } from './collectionParSlug'

/**
 * Payload writes some answers in English whatever the language (outside attack, F11): the one table of what the
 * platform says instead. Each entry keeps Payload's status unless it names another one (a 500 for a link nobody
 * can follow is the client's mistake, not the server's).
 */
type Contexte = { payload?: Payload; collection?: string; chemin?: string }
type Traduction = {
  anglais: RegExp
  francais: (m: RegExpExecArray, ctx: Contexte) => string
  statut?: number
}

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
    // The query guard (access/requetes.ts) refuses such paths first, in French: this is its safety net.
    anglais: /^The following paths? cannot be queried:\s*(.*)$/s,
    francais: (m, ctx) =>
      `Ce filtre ou ce tri porte sur ${m[1]!
        .split(', ')
        .map((p) => `« ${libelleDuChamp(ctx, p)} »`)
        .join(', ')}, qui ne peut pas servir à filtrer ou à trier cette liste.`,
  },
  {
    anglais: /^Something went wrong\.?$/,
    francais: () =>
      "Une erreur inattendue s'est produite sur le serveur. Réessayez ; si elle persiste, contactez le support technique.",
  },
]

function libelleDansChamps(champs: readonly Field[], segments: string[]): string | null {
  for (const champ of champs) {
    if ('name' in champ && champ.name === segments[0]) {
      if (segments.length > 1 && 'fields' in champ) return libelleDansChamps(champ.fields, segments.slice(1))
      return typeof champ.label === 'string' ? champ.label : null
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
function libelleDuChamp({ payload, collection }: Contexte, chemin: string): string {
  const champs = payload && collection ? collectionDe(payload, collection)?.config.fields : undefined
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
    const m = t.anglais.exec(message)
    if (m) return { message: t.francais(m, ctx), statut: t.statut }
  }
  return null
}

type ErreurPayload = Error & {
  originalError?: ErreurPayload
  data?: { collection?: string }
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
  }
  // The error's own message says more than « Something went wrong. » (which hides it from the client).
  const depuisErreur = traduireMessage(origine.message ?? '', ctx)
  if (graphqlResult) {
    const anglais = traduireMessage(graphqlResult.message, ctx)
    const traduit = anglais && (depuisErreur ?? anglais)
    if (!traduit) return
    return {
      graphqlResult: {
        ...graphqlResult,
        message: traduit.message,
        extensions: {
          ...graphqlResult.extensions,
          ...(traduit.statut ? { statusCode: traduit.statut } : {}),
        },
      },
    }
  }
  const erreurs = (result as { errors?: { message?: string }[] } | undefined)?.errors
  let statut: number | undefined
  let change = false
  const traduites = erreurs?.map((e) => {
    // Only an English answer of the table is replaced: one an earlier hook wrote in French stays.
    const anglais = traduireMessage(e.message ?? '', ctx)
    const t = anglais && ((erreurs.length === 1 && depuisErreur) || anglais)
    if (!t) return e
    change = true
    statut ??= t.statut
    return { ...e, message: t.message }
  })
  if (!change) return
  return { response: { ...(result as object), errors: traduites }, status: statut }
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
  for (const entite of [...(config.collections ?? []), ...(config.globals ?? [])])
    if (entite.endpoints !== false) entite.endpoints = [...(entite.endpoints ?? []), ...routesInconnues]
}
