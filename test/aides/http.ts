import crypto from 'node:crypto'

import { inject } from 'vitest'

import { lettreCleUai } from '../../src/uai'

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

/**
 * Validates the demande through its recap, as its filer does (`confirmer: true`); its answer, or throws unless 200.
 * Test files file the same CAP Cuisine again and again: a duplicate is confirmed (its rule has its own tests).
 */
export async function validerDemande(
  jetonDeposant: string,
  id: number | string,
): Promise<{ doc: { valideeLe: string; statut: string } }> {
  const v = await appel('POST', `/api/demandes/${id}/valider`, {
    jeton: jetonDeposant,
    corps: { confirmer: true, confirmerDoublon: true },
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

// A random block of 10.0.0.0/8 per test file: its rate-limit counters are its own, in this run and the next ones.
const blocAdresses = crypto.randomInt(0, 65_536)
let adressesPrises = 0

/**
 * A client address (named by the trusted proxy's X-Forwarded-For) that no other file, nor an earlier run on a
 * reused server, has spent: the server keeps its rate-limit counters for up to an hour.
 */
export function adresseNeuve(): string {
  adressesPrises++
  if (adressesPrises > 254) throw new Error('Plus de 254 adresses neuves dans un même fichier de test.')
  return `10.${blocAdresses >> 8}.${blocAdresses & 255}.${adressesPrises}`
}

const uaiPris = new Set<string>()

/** A valid UAI (right check letter) that the server's annuaire does not hold: for an établissement a test creates. */
export async function uaiInconnu(prefixe = '099'): Promise<string> {
  const admin = await jeton('admin')
  for (let essai = 0; essai < 50; essai++) {
    const chiffres = `${prefixe}${String(crypto.randomInt(0, 10 ** (7 - prefixe.length))).padStart(7 - prefixe.length, '0')}`
    const uai = `${chiffres}${lettreCleUai(chiffres)}`
    if (uaiPris.has(uai)) continue
    const r = await appel('GET', `/api/etablissements/count?where[uai][equals]=${uai}`, { jeton: admin })
    if (r.corps.totalDocs === 0) {
      uaiPris.add(uai)
      return uai
    }
  }
  throw new Error(`Aucun UAI libre trouvé commençant par ${prefixe}.`)
}

export type EtablissementLibre = { id: number | string; uai: string; nom: string; academie: string }

/**
 * Établissements of the annuaire that nothing refers to yet: no account, no demande, no réseau, Éducation
 * nationale (so they have an institutional address). A test that opens accounts for them consumes them; on a
 * reused server the next run takes the following ones (the demo annuaire holds hundreds).
 */
export async function etablissementsLibres(
  nombre: number,
  academie = 'montpellier',
): Promise<EtablissementLibre[]> {
  const admin = await jeton('admin')
  // Every row, page by page: the server caps any list at 500, pagination=false included.
  const tous = async (chemin: string) => {
    const docs: Record<string, unknown>[] = []
    for (let page = 1; ; page++) {
      const r = await appel(
        'GET',
        `${chemin}${chemin.includes('?') ? '&' : '?'}limit=500&page=${page}&depth=0`,
        {
          jeton: admin,
        },
      )
      if (r.status !== 200) throw new Error(`${chemin} : ${r.status} ${JSON.stringify(r.corps)}`)
      docs.push(...r.corps.docs)
      if (!r.corps.hasNextPage) return docs
    }
  }
  const identifiants = new Set<string>()
  const references = new Set<string>()
  const referencer = (e: unknown) => e != null && references.add(String(e))
  for (const u of await tous('/api/users?select[username]=true&select[etablissement]=true')) {
    identifiants.add(String(u.username).toUpperCase())
    referencer(u.etablissement)
  }
  for (const d of await tous(
    '/api/demandes?select[etablissementConcerne]=true&select[etablissementReferent]=true',
  ))
    [d.etablissementConcerne, d.etablissementReferent].forEach(referencer)
  for (const r of await tous('/api/reseaux?select[etablissementReferent]=true&select[membres]=true'))
    [r.etablissementReferent, ...((r.membres as unknown[]) ?? [])].forEach(referencer)
  const libres = (
    (await tous(
      `/api/etablissements?where[academie][equals]=${academie}&where[ministere][equals]=education-nationale&sort=uai`,
    )) as EtablissementLibre[]
  ).filter((e) => !references.has(String(e.id)) && !identifiants.has(e.uai) && !uaiPris.has(e.uai))
  if (libres.length < nombre)
    throw new Error(`Plus que ${libres.length} établissements libres (${academie}) sur ce serveur de test.`)
  const choisis = libres.slice(0, nombre)
  for (const e of choisis) uaiPris.add(e.uai)
  return choisis
}

/** Publishes or withdraws the campaign's decisions as the Carif-Oref (files that publish start and end unpublished). */
export async function publierLesDecisions(valeur: boolean): Promise<Reponse> {
  return appel('POST', '/api/globals/campagne', {
    jeton: await jeton('carif-oref'),
    corps: { decisionsPubliees: valeur },
  })
}
