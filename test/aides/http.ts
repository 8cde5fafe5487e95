import { inject } from 'vitest'

export const URL_SERVEUR = () => inject('urlServeur')

export type Reponse = { status: number; corps: any; entetes: Headers } // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * One HTTP call as a client (or an attacker) would make it: JSON in, JSON out, no cookies unless given. To the
 * test server unless `base` names another (the extra instances of test/aides/instances.ts).
 */
export async function appel(
  methode: string,
  chemin: string,
  options: {
    jeton?: string
    cleApi?: string
    corps?: unknown
    entetes?: Record<string, string>
    base?: string
  } = {},
): Promise<Reponse> {
  const entetes: Record<string, string> = { ...options.entetes }
  if (options.jeton) entetes.Authorization = `JWT ${options.jeton}`
  if (options.cleApi) entetes.Authorization = `users API-Key ${options.cleApi}`
  let body: BodyInit | undefined
  if (options.corps instanceof FormData) body = options.corps
  else if (options.corps !== undefined) {
    entetes['Content-Type'] = 'application/json'
    body = JSON.stringify(options.corps)
  }
  const r = await fetch(`${options.base ?? URL_SERVEUR()}${chemin}`, {
    method: methode,
    headers: entetes,
    body,
    redirect: 'manual',
  })
  const texte = await r.text()
  let corps: unknown = texte
  try {
    corps = JSON.parse(texte)
  } catch {
    // not JSON (a file, an HTML page)
  }
  return { status: r.status, corps, entetes: r.headers }
}

const jetons = new Map<string, string>()

export async function jeton(identifiant: string): Promise<string> {
  if (!jetons.has(identifiant)) {
    const r = await appel('POST', '/api/users/login', {
      corps: { username: identifiant, password: inject('motDePasseDemo') },
    })
    if (r.status !== 200)
      throw new Error(`Connexion de ${identifiant} impossible : ${r.status} ${JSON.stringify(r.corps)}`)
    jetons.set(identifiant, r.corps.token)
  }
  return jetons.get(identifiant)!
}

export async function graphql(
  requete: string,
  variables: Record<string, unknown> = {},
  auth: { jeton?: string; cleApi?: string } = {},
) {
  return appel('POST', '/api/graphql', { ...auth, corps: { query: requete, variables } })
}

const prisesIci = new Set<number>()

/**
 * A priority none of the filer's demandes holds (a priority is unique among its validated demandes): a test file
 * takes what it consumes from the server's state, so it passes again on a server other files, or an earlier run,
 * have already filled.
 */
export async function prioriteLibre(jetonDeposant: string): Promise<number> {
  const r = await appel('GET', '/api/demandes?depth=0&limit=500&select[priorite]=true', {
    jeton: jetonDeposant,
  })
  const prises = new Set<number>(prisesIci)
  for (const d of r.corps.docs as { priorite?: number | null }[]) if (d.priorite) prises.add(d.priorite)
  for (let p = 100; p <= 999; p++)
    if (!prises.has(p)) {
      prisesIci.add(p)
      return p
    }
  throw new Error('Plus aucune priorité libre pour ce déposant sur ce serveur de test.')
}
