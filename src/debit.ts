import { configuration } from './env'

/**
 * Rate limits, which Payload 3 does not have: sign-in, password reset and writes. Counted in memory per server
 * instance (fixed windows); with several instances behind a load balancer each counts its own share, so the
 * effective limit is the instance count times this one — the reverse proxy can enforce a global one.
 *
 * The client's address is the socket's (src/adresseSocket.mjs), or with PROXIES_DE_CONFIANCE set to the number of
 * reverse proxies in front of the server, the entry of X-Forwarded-For the farthest trusted one appended: a client
 * cannot choose its own address. What is counted is each operation, not each request: a GraphQL request holding
 * 25 `loginUser` aliases counts 25 sign-ins.
 */

type Regle = { nom: string; limite: number; fenetreMs: number; message: string }

export const REGLES = {
  connexion: {
    nom: 'connexion',
    limite: 20,
    fenetreMs: 60_000,
    message: 'Trop de tentatives de connexion depuis votre adresse.',
  },
  oubliAdresse: {
    nom: 'oubli-adresse',
    limite: 5,
    fenetreMs: 15 * 60_000,
    message: 'Trop de demandes de réinitialisation du mot de passe depuis votre adresse.',
  },
  oubliCompte: {
    nom: 'oubli-compte',
    limite: 3,
    fenetreMs: 60 * 60_000,
    message: 'Trop de demandes de réinitialisation du mot de passe pour ce compte.',
  },
  ecriture: {
    nom: 'ecriture',
    limite: 300,
    fenetreMs: 60_000,
    message: "Trop d'enregistrements en peu de temps.",
  },
} satisfies Record<string, Regle>

const compteurs = new Map<string, { n: number; fin: number }>()
const TAILLE_MAX = 200_000
let dernierMenage = 0

function menage(maintenant: number) {
  if (maintenant - dernierMenage < 60_000 && compteurs.size < TAILLE_MAX) return
  dernierMenage = maintenant
  for (const [cle, c] of compteurs) if (c.fin <= maintenant) compteurs.delete(cle)
  // Under a flood of distinct keys, forget everything rather than grow without bound.
  if (compteurs.size >= TAILLE_MAX) compteurs.clear()
}

/** Counts `n` hits; returns the seconds to wait when the limit is exceeded, null otherwise. */
export function compter(regle: Regle, cle: string, maintenant = Date.now(), n = 1): number | null {
  menage(maintenant)
  const id = `${regle.nom}:${cle}`
  let c = compteurs.get(id)
  if (!c || c.fin <= maintenant) {
    c = { n: 0, fin: maintenant + regle.fenetreMs }
    compteurs.set(id, c)
  }
  c.n += n
  return c.n > regle.limite ? Math.max(1, Math.ceil((c.fin - maintenant) / 1000)) : null
}

const ENTETE_ADRESSE_SOCKET = 'x-carte-adresse-socket' // set by src/adresseSocket.mjs

const sansPrefixeV4 = (a: string) => a.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1')

/**
 * The client's address. Without a trusted proxy, the socket's, whatever X-Forwarded-For says. With N trusted
 * proxies, the nearest being the socket, the address the farthest trusted one appended (each appends what it saw).
 * The socket is unknown only for a request received while the server was starting: then the chain is believed
 * only with trusted proxies, else the caller counts with every other such request.
 */
export function adresseClient(
  entetes: Headers,
  proxiesDeConfiance = configuration().PROXIES_DE_CONFIANCE,
): string {
  const chaine = (entetes.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const socket = entetes.get(ENTETE_ADRESSE_SOCKET)?.trim()
  if (!socket)
    return proxiesDeConfiance > 0 && chaine.length > 0
      ? sansPrefixeV4(chaine[Math.max(0, chaine.length - proxiesDeConfiance)]!)
      : 'inconnue'
  if (proxiesDeConfiance === 0) return sansPrefixeV4(socket)
  // Next.js fills an absent X-Forwarded-For with the socket's address: then the socket is the client.
  const complete = chaine.length === 1 && chaine[0] === socket ? [socket] : [...chaine, socket]
  return sansPrefixeV4(complete[Math.max(0, complete.length - 1 - proxiesDeConfiance)]!)
}

/**
 * The path as Payload routes it, for matching: Payload's endpoint matching ignores case and a trailing slash, and
 * decodes; `//` and dot segments are collapsed for good measure.
 */
export function normaliserChemin(chemin: string): string {
  let decode = chemin
  try {
    decode = decodeURIComponent(chemin)
  } catch {
    // malformed escapes: matched as written
  }
  const segments: string[] = []
  for (const s of decode.toLowerCase().split('/')) {
    if (s === '' || s === '.') continue
    if (s === '..') segments.pop()
    else segments.push(s)
  }
  return `/${segments.join('/')}`
}

function refus(regle: Regle, attente: number): Response {
  const minutes = Math.ceil(attente / 60)
  const delai = attente < 90 ? `${attente} secondes` : `${minutes} minutes`
  return Response.json(
    { errors: [{ name: 'TropDeRequetes', message: `${regle.message} Réessayez dans ${delai}.` }] },
    { status: 429, headers: { 'Retry-After': String(attente), 'Cache-Control': 'no-store' } },
  )
}

/** What a request asks for, as the limits count it: one entry per operation. */
export type Operation =
  | { regle: 'connexion'; identifiant: string; alias?: string }
  | { regle: 'oubli'; compte: string }
  | { regle: 'ecriture' }

const identifiantDe = (donnees: unknown) => {
  const d = (donnees ?? {}) as { username?: unknown; email?: unknown }
  return String(d.username ?? d.email ?? '')
    .trim()
    .slice(0, 200)
}

const ECRITURES = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])
const SANS_LIMITE_ECRITURE = /^\/api\/users\/(login|logout|refresh-token|forgot-password|reset-password)$/

/** The operations of a REST request (path normalised with normaliserChemin). */
export function operationsRest(methode: string, chemin: string, donnees: unknown): Operation[] {
  if (methode === 'POST' && chemin === '/api/users/login')
    return [{ regle: 'connexion', identifiant: identifiantDe(donnees) }]
  if (methode === 'POST' && chemin === '/api/users/forgot-password')
    return [{ regle: 'oubli', compte: identifiantDe(donnees).toLowerCase() }]
  if (ECRITURES.has(methode) && chemin.startsWith('/api/') && !SANS_LIMITE_ECRITURE.test(chemin))
    return [{ regle: 'ecriture' }]
  return []
}

/** Mutations that write nothing a limit protects (as their REST twins above). */
const MUTATIONS_SANS_LIMITE = /^(logout|refreshToken|resetPassword|verifyEmail)[A-Z]/

/** The operations of a GraphQL request: each mutation field, aliases included, is one. */
export function operationsGraphql(
  mutations: { nom: string; alias: string; arguments: Record<string, unknown> }[],
): Operation[] {
  return mutations.flatMap((m): Operation[] => {
    if (/^login[A-Z]/.test(m.nom))
      return [{ regle: 'connexion', identifiant: identifiantDe(m.arguments), alias: m.alias }]
    if (/^forgotPassword[A-Z]/.test(m.nom))
      return [{ regle: 'oubli', compte: identifiantDe(m.arguments).toLowerCase() }]
    if (MUTATIONS_SANS_LIMITE.test(m.nom)) return []
    return [{ regle: 'ecriture' }]
  })
}

/**
 * Who a write is counted against: the account Payload authenticates (`identite`, the same header, Bearer, cookie
 * and API key rules as Payload's own), else the address. Never the raw header text: a cookie session sent with a
 * junk `Authorization` each time, or one token as `JWT` then `Bearer`, got fresh budgets (outside attack, 3).
 */
export type Identite = () => Promise<string | null>

/** Counts every operation of the request; null when it may go on, or the 429 to answer (nothing is run). */
export async function verifierDebit(
  req: Request,
  operations: Operation[],
  identite: Identite,
): Promise<Response | null> {
  const { CARTE_LIMITES_DEBIT, ADRESSES_SANS_LIMITE } = configuration()
  if (CARTE_LIMITES_DEBIT === 'aucune' || operations.length === 0) return null
  const adresse = adresseClient(req.headers)
  // Counted by the same address as the limits (a trusted proxy's X-Forwarded-For, else the socket): a client
  // cannot name an exempt address. Per-account limits (password reset) still apply to it.
  const exempteAdresse = ADRESSES_SANS_LIMITE.some((a) => sansPrefixeV4(a) === adresse)
  const compte = (regle: Regle, cle: string, n: number) => {
    if (n === 0) return null
    const attente = compter(regle, cle, Date.now(), n)
    return attente === null ? null : refus(regle, attente)
  }
  const connexions = operations.filter((o) => o.regle === 'connexion').length
  const oublis = operations.flatMap((o) => (o.regle === 'oubli' ? [o.compte] : []))
  const ecritures = operations.filter((o) => o.regle === 'ecriture').length
  if (!exempteAdresse) {
    const r =
      compte(REGLES.connexion, adresse, connexions) ??
      compte(REGLES.oubliAdresse, adresse, oublis.length) ??
      (ecritures > 0 ? compte(REGLES.ecriture, (await identite()) ?? `adresse:${adresse}`, ecritures) : null)
    if (r) return r
  }
  const parCompte = new Map<string, number>()
  for (const c of oublis) if (c) parCompte.set(c, (parCompte.get(c) ?? 0) + 1)
  for (const [c, n] of parCompte) {
    const r = compte(REGLES.oubliCompte, c, n)
    if (r) return r
  }
  return null
}
