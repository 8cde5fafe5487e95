import crypto from 'node:crypto'

/**
 * Rate limits, which Payload 3 does not have: sign-in, password reset and writes. Counted in memory per server
 * instance (fixed windows); with several instances behind a load balancer each counts its own share, so the
 * effective limit is the instance count times this one — the reverse proxy can enforce a global one.
 *
 * The client's address comes from X-Forwarded-For: set PROXIES_DE_CONFIANCE to the number of reverse proxies in
 * front of the server (each appends the address it saw), so that a client cannot choose its own address.
 */

type Regle = { nom: string; limite: number; fenetreMs: number; message: string }

export const REGLES = {
  connexion: { nom: 'connexion', limite: 20, fenetreMs: 60_000, message: 'Trop de tentatives de connexion depuis votre adresse.' },
  oubliAdresse: { nom: 'oubli-adresse', limite: 5, fenetreMs: 15 * 60_000, message: 'Trop de demandes de réinitialisation du mot de passe depuis votre adresse.' },
  oubliCompte: { nom: 'oubli-compte', limite: 3, fenetreMs: 60 * 60_000, message: 'Trop de demandes de réinitialisation du mot de passe pour ce compte.' },
  ecriture: { nom: 'ecriture', limite: 300, fenetreMs: 60_000, message: "Trop d'enregistrements en peu de temps." },
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

/** Counts one hit; returns the seconds to wait when the limit is exceeded, null otherwise. */
export function compter(regle: Regle, cle: string, maintenant = Date.now()): number | null {
  menage(maintenant)
  const id = `${regle.nom}:${cle}`
  let c = compteurs.get(id)
  if (!c || c.fin <= maintenant) {
    c = { n: 0, fin: maintenant + regle.fenetreMs }
    compteurs.set(id, c)
  }
  c.n++
  return c.n > regle.limite ? Math.max(1, Math.ceil((c.fin - maintenant) / 1000)) : null
}

export function reinitialiserCompteurs() {
  compteurs.clear()
}

/** The client's address: the entry the nearest trusted proxy appended, or what Next.js saw on the socket. */
export function adresseClient(entetes: Headers, proxiesDeConfiance = Number(process.env.PROXIES_DE_CONFIANCE || 0)): string {
  const liste = (entetes.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  if (liste.length === 0) return 'inconnue'
  if (proxiesDeConfiance > 0) return liste[Math.max(0, liste.length - proxiesDeConfiance)]!
  return liste[liste.length - 1]!
}

const BOUCLE_LOCALE = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

function refus(regle: Regle, attente: number): Response {
  const minutes = Math.ceil(attente / 60)
  const delai = attente < 90 ? `${attente} secondes` : `${minutes} minutes`
  return Response.json(
    { errors: [{ name: 'TropDeRequetes', message: `${regle.message} Réessayez dans ${delai}.` }] },
    { status: 429, headers: { 'Retry-After': String(attente), 'Cache-Control': 'no-store' } },
  )
}

const ECRITURES = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])
const SANS_LIMITE_ECRITURE = /\/api\/users\/(login|logout|refresh-token|forgot-password|reset-password)$/

/** A session is counted by its token (hashed), an anonymous caller by its address. */
function cleSession(req: Request, adresse: string): string {
  const auth = req.headers.get('authorization')
  const cookie = /(?:^|;\s*)payload-token=([^;]+)/.exec(req.headers.get('cookie') ?? '')?.[1]
  const secret = auth ?? cookie
  return secret ? `session:${crypto.createHash('sha256').update(secret).digest('hex').slice(0, 32)}` : `adresse:${adresse}`
}

/** Null when the request may go on, or the 429 to answer. */
export async function verifierDebit(req: Request): Promise<Response | null> {
  const mode = process.env.CARTE_LIMITES_DEBIT
  if (mode === 'aucune') return null
  const chemin = new URL(req.url).pathname
  const adresse = adresseClient(req.headers)
  // The test server's own suites sign in from the loopback many times a minute; the limits are tested from
  // other (forwarded) addresses.
  const exempteAdresse = mode === 'tests' && BOUCLE_LOCALE.has(adresse)
  const depasse = (regle: Regle, cle: string) => {
    const attente = compter(regle, cle)
    return attente === null ? null : refus(regle, attente)
  }
  if (req.method === 'POST' && chemin === '/api/users/login') {
    return exempteAdresse ? null : depasse(REGLES.connexion, adresse)
  }
  if (req.method === 'POST' && chemin === '/api/users/forgot-password') {
    const parAdresse = exempteAdresse ? null : depasse(REGLES.oubliAdresse, adresse)
    if (parAdresse) return parAdresse
    const corps = (await req.clone().json().catch(() => ({}))) as { username?: unknown; email?: unknown }
    const compte = String(corps.username ?? corps.email ?? '').trim().toLowerCase()
    return compte ? depasse(REGLES.oubliCompte, compte) : null
  }
  if (ECRITURES.has(req.method) && chemin.startsWith('/api/') && !SANS_LIMITE_ECRITURE.test(chemin)) {
    return exempteAdresse ? null : depasse(REGLES.ecriture, cleSession(req, adresse))
  }
  return null
}

type Gestionnaire = (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<Response>

/** Wraps a Next.js route handler of Payload's REST or GraphQL API. */
export function avecLimites<G extends Gestionnaire>(gestionnaire: G): G {
  return (async (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => (await verifierDebit(req)) ?? gestionnaire(req, ctx)) as G
}
