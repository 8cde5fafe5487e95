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

/** The id of the row of `collection` whose `champ` equals `valeur`, as the admin reads it (reference data). */
export async function idPar(collection: string, champ: string, valeur: string): Promise<number | string> {
  const r = await appel(
    'GET',
    `/api/${collection}?where[${champ}][equals]=${encodeURIComponent(valeur)}&depth=0&limit=1`,
    {
      jeton: await jeton('admin'),
    },
  )
  const id = r.corps.docs?.[0]?.id
  if (id === undefined) throw new Error(`Aucun ${collection} où ${champ} = ${valeur} sur le serveur de test.`)
  return id
}

/**
 * A complete demande (every field the validation requires: CAP Cuisine, ouverture 0 → 12) filed by `jetonDeposant`
 * for the établissement `uai`, with a priority the filer holds nowhere else; `surcharges` replace any field.
 */
export async function deposerDemande(
  jetonDeposant: string,
  uai: string,
  surcharges: Record<string, unknown> = {},
): Promise<{ id: number | string; numero: number }> {
  const cree = await appel('POST', '/api/demandes?depth=0', {
    jeton: jetonDeposant,
    corps: {
      etablissementConcerne: await idPar('etablissements', 'uai', uai),
      diplome: await idPar('diplomes', 'cfd', '50022146'),
      responsable: {
        nom: 'Camille Martin',
        telephone: '04 67 13 81 55',
        email: 'camille.martin@demo.example',
      },
      modalite: 'scolaire',
      premiereDemande: true,
      dateConseil: new Date(Date.now() - 5 * 86_400_000).toISOString(),
      zonesRecrutement: ['departementale'],
      dureeFormation: 2,
      anneeFormation: 1,
      mesure: 'ouverture',
      capaciteActuelle: 0,
      capaciteNouvelle: 12,
      priorite: await prioriteLibre(jetonDeposant),
      rapportOpportunite: 'Demande déposée par un test.',
      ...surcharges,
    },
  })
  if (cree.status !== 201) throw new Error(`Dépôt refusé : ${cree.status} ${JSON.stringify(cree.corps)}`)
  return { id: cree.corps.doc.id, numero: cree.corps.doc.numero }
}

/** Validates the demande through its recap, as its filer does (`confirmer: true`); its answer, or throws unless 200. */
export async function validerDemande(
  jetonDeposant: string,
  id: number | string,
): Promise<{ doc: { valideeLe: string; statut: string } }> {
  const v = await appel('POST', `/api/demandes/${id}/valider`, {
    jeton: jetonDeposant,
    corps: { confirmer: true },
  })
  if (v.status !== 200) throw new Error(`Validation refusée : ${v.status} ${JSON.stringify(v.corps)}`)
  return v.corps
}

/** `deposerDemande` then `validerDemande`. */
export async function deposerEtValider(
  jetonDeposant: string,
  uai: string,
  surcharges: Record<string, unknown> = {},
): Promise<{ id: number | string; numero: number }> {
  const d = await deposerDemande(jetonDeposant, uai, surcharges)
  await validerDemande(jetonDeposant, d.id)
  return d
}

/** The smallest valid PDF: what the tests attach as an annexe. */
export const PDF_MINIMAL =
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\nxref\n0 2\ntrailer<</Root 1 0 R/Size 2>>\nstartxref\n9\n%%EOF\n'

/** A multipart upload as Payload's admin sends it: the file, and the other fields as `_payload` JSON. */
export function formulaireFichier(
  contenu: string | Uint8Array,
  nom: string,
  type: string,
  donnees: Record<string, unknown>,
): FormData {
  const f = new FormData()
  f.append('file', new Blob([contenu as BlobPart], { type }), nom)
  f.append('_payload', JSON.stringify(donnees))
  return f
}
