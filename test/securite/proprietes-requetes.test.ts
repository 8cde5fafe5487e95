import fc from 'fast-check'
import type { Field } from 'payload'
import { beforeAll, describe, expect, inject, it } from 'vitest'

import { Annexes } from '../../collections/Annexes'
import { Demandes } from '../../collections/Demandes'
import { Diplomes } from '../../collections/Diplomes'
import { Etablissements } from '../../collections/Etablissements'
import { Reseaux } from '../../collections/Reseaux'
import { Users } from '../../collections/Users'
import { COMPTES_DEMO } from '../../src/demo/seed'
import { appel, graphql, jeton, type Reponse } from '../aides/http'

/**
 * SECURITY 4, 5, 25 as a property: for every role's demo account, a `sort` (REST or GraphQL) or a `select` on any
 * field path of `demandes` and `users` — their own fields and, one level deep, the fields of every collection they
 * point at — gives the same answer (status, order of the ids, payload) in two worlds that differ only in values
 * the caller cannot read: the rapports and responsables of school A's drafts (which school B's drafts point at
 * through `demandeLiee`), and the passwords (hash, salt) of two accounts.
 */
type Chemin = { chemin: string; relation?: string }

/** Field paths of a collection config as the API names them (rows, collapsibles and unnamed tabs are not). */
function chemins(fields: Field[], prefixe = ''): Chemin[] {
  return fields.flatMap((f): Chemin[] => {
    if (f.type === 'row' || f.type === 'collapsible') return chemins(f.fields, prefixe)
    if (f.type === 'tabs')
      return f.tabs.flatMap((t) =>
        'name' in t && t.name ? chemins(t.fields, `${prefixe}${t.name}.`) : chemins(t.fields, prefixe),
      )
    if (f.type === 'ui' || !('name' in f)) return []
    const chemin = `${prefixe}${f.name}`
    if (f.type === 'group' || f.type === 'array') return [{ chemin }, ...chemins(f.fields, `${chemin}.`)]
    if ((f.type === 'relationship' || f.type === 'upload') && typeof f.relationTo === 'string')
      return [{ chemin, relation: f.relationTo }]
    if (f.type === 'join') return [{ chemin, relation: f.collection as string }]
    return [{ chemin }]
  })
}

const TECHNIQUES = ['id', 'createdAt', 'updatedAt']
// What Payload adds to an auth collection with API keys and a username login.
const AUTH = [
  'email',
  'hash',
  'salt',
  'resetPasswordToken',
  'resetPasswordExpiration',
  'loginAttempts',
  'lockUntil',
  'enableAPIKey',
  'apiKey',
  'apiKeyIndex',
  'sessions',
]
const CHAMPS: Record<string, string[]> = Object.fromEntries(
  [Demandes, Users, Etablissements, Diplomes, Reseaux, Annexes].map((c) => [
    c.slug,
    [...TECHNIQUES, ...(c.auth ? AUTH : []), ...chemins(c.fields).map((x) => x.chemin)],
  ]),
)
/** Own paths, then `relation.<field>` one level deep into the related collection. */
function cheminsProfonds(slug: 'demandes' | 'users'): string[] {
  const config = slug === 'demandes' ? Demandes : Users
  const propres = chemins(config.fields)
  return [
    ...new Set([
      ...CHAMPS[slug]!,
      ...propres.flatMap((c) =>
        c.relation ? (CHAMPS[c.relation] ?? []).map((s) => `${c.chemin}.${s}`) : [],
      ),
    ]),
  ]
}
const CHEMINS = { demandes: cheminsProfonds('demandes'), users: cheminsProfonds('users') }

type Appelant = { identifiant: string; auth: { jeton?: string; cleApi?: string } }
let appelants: Appelant[] = []
let admin: string
let a: string
const idsB: (number | string)[] = []
const brouillonsA: (number | string)[] = []
const temoins: (number | string)[] = []

const SECRETS_A = [
  {
    rapportOpportunite: 'AAAA rapport caché',
    siteFormation: 'AAAA site',
    priorite: 1,
    capaciteActuelle: 1,
    responsable: { nom: 'AAAA', email: 'aaaa@cache.example', telephone: '01' },
  },
  {
    rapportOpportunite: 'ZZZZ rapport caché',
    siteFormation: 'ZZZZ site',
    priorite: 900,
    capaciteActuelle: 900,
    responsable: { nom: 'ZZZZ', email: 'zzzz@cache.example', telephone: '09' },
  },
]

/** World 0 ↔ world 1: A's drafts exchange their values, the two witness accounts get new passwords. */
async function basculer(monde: 0 | 1) {
  for (const [i, id] of brouillonsA.entries()) {
    const r = await appel('PATCH', `/api/demandes/${id}?depth=0`, {
      jeton: a,
      corps: SECRETS_A[(i + monde) % 2],
    })
    expect(r.status).toBe(200)
  }
  for (const id of temoins) {
    const r = await appel('PATCH', `/api/users/${id}?depth=0`, {
      jeton: admin,
      corps: { password: `Temoin-${monde}-${Math.random().toString(36).slice(2)}-Aa1!` },
    })
    expect(r.status, JSON.stringify(r.corps)).toBe(200)
  }
}

beforeAll(async () => {
  admin = await jeton('admin')
  a = await jeton('0340042L')
  const b = await jeton('0310024H')
  appelants = await Promise.all(
    COMPTES_DEMO.map(async (c) => ({
      identifiant: c.identifiant,
      auth:
        c.role === 'integration' ? { cleApi: inject('cleApiDemo') } : { jeton: await jeton(c.identifiant) },
    })),
  )
  const etab = async (uai: string) =>
    (await appel('GET', `/api/etablissements?where[uai][equals]=${uai}&depth=0`, { jeton: admin })).corps
      .docs[0].id
  const mermoz = await etab('0340042L')
  const aragon = await etab('0310024H')
  for (const s of SECRETS_A) {
    const r = await appel('POST', '/api/demandes?depth=0', {
      jeton: a,
      corps: { etablissementConcerne: mermoz, ...s },
    })
    brouillonsA.push(r.corps.doc.id)
  }
  for (const [i, id] of brouillonsA.entries()) {
    const r = await appel('POST', '/api/demandes?depth=0', {
      jeton: b,
      corps: {
        etablissementConcerne: aragon,
        projetLie: true,
        demandeLiee: id,
        rapportOpportunite: `B lié ${i}`,
        priorite: 5,
      },
    })
    idsB.push(r.corps.doc.id)
  }
  for (const i of [1, 2]) {
    const r = await appel('POST', '/api/users?depth=0', {
      jeton: admin,
      corps: {
        username: `0310024H-temoin-${i}-${Date.now()}`,
        password: `Temoin-initial-${i}-Aa1!`,
        role: 'etablissement',
        etablissement: aragon,
        nom: `Témoin ${i}`,
      },
    })
    expect(r.status, JSON.stringify(r.corps)).toBe(201)
    temoins.push(r.corps.doc.id)
  }
  await basculer(0)
})

type Cas = {
  appelant: number
  collection: 'demandes' | 'users'
  chemin: string
  usage: 'tri' | 'tri-graphql' | 'selection'
  descendant: boolean
  depth: 0 | 1
}

const cas: fc.Arbitrary<Cas> = fc
  .record({
    appelant: fc.nat({ max: COMPTES_DEMO.length - 1 }),
    collection: fc.constantFrom('demandes' as const, 'users' as const),
    i: fc.nat(),
    usage: fc.constantFrom('tri' as const, 'tri-graphql' as const, 'selection' as const),
    descendant: fc.boolean(),
    depth: fc.constantFrom(0 as const, 1 as const),
  })
  .map(({ i, ...c }) => ({ ...c, chemin: CHEMINS[c.collection][i % CHEMINS[c.collection].length]! }))

/** The rows each world may differ in for whoever may read them: A's drafts, the witness accounts. */
function requete(c: Cas, app: Appelant): Promise<Reponse> {
  const filtre =
    c.collection === 'demandes' ? `where[id][in]=${idsB.join(',')}` : `where[id][in]=${temoins.join(',')}`
  if (c.usage === 'tri-graphql') {
    const liste = c.collection === 'demandes' ? 'Demandes' : 'Users'
    const ids = (c.collection === 'demandes' ? idsB : temoins)
      .map((id) => `{ id: { equals: ${JSON.stringify(id)} } }`)
      .join(', ')
    return graphql(
      `{ ${liste}(where: { OR: [${ids}] }, sort: ${JSON.stringify(`${c.descendant ? '-' : ''}${c.chemin}`)}) { docs { id } } }`,
      {},
      app.auth,
    )
  }
  const q =
    c.usage === 'tri'
      ? `sort=${c.descendant ? '-' : ''}${c.chemin}`
      : `select[${c.chemin.split('.').join('][')}]=true`
  return appel('GET', `/api/${c.collection}?${filtre}&${q}&depth=${c.depth}`, app.auth)
}

/** What a world may change that the caller sees anyway: the witness accounts' `updatedAt` (a password change). */
function visible(r: Reponse, c: Cas): unknown {
  const sans = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sans)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([k]) => k !== 'updatedAt')
              .map(([k, x]) => [k, sans(x)]),
          )
        : v
  return { status: r.status, corps: c.collection === 'users' ? sans(r.corps) : r.corps }
}

/** Whoever may read A's drafts or the witnesses' `updatedAt` sees the worlds differ: only the others are compared. */
const lecteurDuMonde = (c: Cas, identifiant: string) =>
  c.collection === 'demandes'
    ? ['admin', '0340042L'].includes(identifiant)
    : ['admin', 'carif-oref'].includes(identifiant) && /(^|\.)updatedAt$/.test(c.chemin)

/** A few at a time: the server is shared with the other files' state, not a load test. */
async function parPaquets<T, R>(liste: T[], f: (x: T) => Promise<R>, taille = 10): Promise<R[]> {
  const resultats: R[] = []
  for (let i = 0; i < liste.length; i += taille)
    resultats.push(...(await Promise.all(liste.slice(i, i + taille).map(f))))
  return resultats
}

describe('Propriété : tri et sélection ne dépendent jamais d’un champ illisible (fast-check, SECURITY 4, 5, 25)', () => {
  it('chaque chemin de demandes et de users, pour chaque compte de démonstration : même réponse dans les deux mondes', async () => {
    expect(CHEMINS.demandes).toContain('demandeLiee.rapportOpportunite')
    expect(CHEMINS.demandes).toContain('validePar.hash')
    expect(CHEMINS.users).toContain('etablissement.uai')
    const echantillon = fc.sample(cas, { numRuns: 260, seed: 20271213 })
    const monde0 = await parPaquets(echantillon, (c) => requete(c, appelants[c.appelant]!))
    await basculer(1)
    let monde1: Reponse[]
    try {
      monde1 = await parPaquets(echantillon, (c) => requete(c, appelants[c.appelant]!))
    } finally {
      await basculer(0)
    }
    let compares = 0
    const contexte = (c: Cas) =>
      `${appelants[c.appelant]!.identifiant} ${c.usage} ${c.collection} ${c.descendant ? '-' : ''}${c.chemin} depth=${c.depth}`
    // First what the attack reads: an answer that differs between the two worlds.
    echantillon.forEach((c, i) => {
      if (lecteurDuMonde(c, appelants[c.appelant]!.identifiant)) return
      compares++
      expect(visible(monde1[i]!, c), contexte(c)).toEqual(visible(monde0[i]!, c))
    })
    // Then how a refusal reads: never a 5xx, a French message naming the field; an account's secret, always refused.
    echantillon.forEach((c, i) => {
      for (const r of [monde0[i]!, monde1[i]!]) {
        expect(r.status, contexte(c)).toBeLessThan(500)
        const refus = r.status === 400 || (c.usage === 'tri-graphql' && r.corps?.errors)
        if (refus)
          expect(String(r.corps.errors?.[0]?.message), contexte(c)).toMatch(
            /^(Tri|Sélection) impossible sur « /,
          )
        if (
          /(^|\.)(hash|salt|resetPasswordToken|resetPasswordExpiration|apiKey|apiKeyIndex|loginAttempts|lockUntil|sessions)(\.|$)/.test(
            c.chemin,
          )
        )
          expect(refus, contexte(c)).toBeTruthy()
      }
    })
    expect(compares).toBeGreaterThan(150)
  }, 120_000)
})
