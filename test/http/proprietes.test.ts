import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'

import { appel, jeton } from '../aides/http'

/**
 * SECURITY 17–18 as properties: random and hostile inputs sent to the REST API never produce a 5xx, and a refused
 * write changes nothing (no demande created, no field modified, no version added).
 */
let a: string
let admin: string
let idMermoz: number | string
let brouillon: Record<string, unknown> & { id: number | string }
let generees = 0

beforeAll(async () => {
  a = await jeton('0340042L')
  admin = await jeton('admin')
  idMermoz = (await appel('GET', '/api/etablissements?where[uai][equals]=0340042L&depth=0', { jeton: admin }))
    .corps.docs[0].id
  brouillon = (
    await appel('POST', '/api/demandes?depth=0', {
      jeton: a,
      corps: { etablissementConcerne: idMermoz, rapportOpportunite: 'Témoin des propriétés' },
    })
  ).corps.doc
})

const CHAMPS = [
  'etablissementConcerne',
  'siteFormation',
  'responsable',
  'modalite',
  'diplome',
  'dureeFormation',
  'anneeFormation',
  'mesure',
  'projetLie',
  'demandeLiee',
  'priorite',
  'capaciteActuelle',
  'capaciteNouvelle',
  'premiereDemande',
  'anneePrecedentDepot',
  'dateConseil',
  'zonesRecrutement',
  'travaux',
  'rapportOpportunite',
  'statut',
  'numero',
  'avis',
  'decision',
  'valideeLe',
  'id',
  '__proto__',
  'constructor',
]
const hostile = fc.oneof(
  fc.constantFrom(
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x","y")',
    "'; DROP TABLE demandes; --",
    '{"$gt": ""}',
    '../../../etc/passwd',
    '\u0000',
    '\u202Eexe.pdf',
    '𝕏'.repeat(3000),
    'é'.repeat(5001),
    'NaN',
    'Infinity',
    '-1',
    '1e308',
    '0340042l ',
    '0340042M',
  ),
  fc.constantFrom(-1, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -0),
  fc.constantFrom(null, true, false, [], {}, [null], { $gt: '' }, { equals: 1 }, { id: 1 }),
)
const valeur = fc.oneof({ depthSize: 'small' }, fc.anything({ maxDepth: 2 }), hostile)
const corps = fc.dictionary(fc.oneof(fc.constantFrom(...CHAMPS), fc.string({ maxLength: 12 })), valeur, {
  maxKeys: 8,
})

const sansHorodatage = (d: Record<string, unknown>) => {
  const { updatedAt: _u, ...reste } = d
  return reste
}

describe('Entrées aléatoires et hostiles (fast-check)', () => {
  it('création : jamais de 5xx ; un refus ne crée rien ; une création ne garde que les champs du déposant', async () => {
    await fc.assert(
      fc.asyncProperty(corps, async (donnees) => {
        generees++
        const avant = (await appel('GET', '/api/demandes?limit=0', { jeton: admin })).corps.totalDocs
        const r = await appel('POST', '/api/demandes?depth=0', { jeton: a, corps: donnees })
        expect(r.status, JSON.stringify(donnees).slice(0, 300)).toBeLessThan(500)
        const apres = (await appel('GET', '/api/demandes?limit=0', { jeton: admin })).corps.totalDocs
        if (r.status === 201) {
          expect(r.corps.doc.statut).toBe('brouillon')
          expect(r.corps.doc.avis?.avis ?? null).toBeNull()
          expect(r.corps.doc.decision?.decision ?? null).toBeNull()
          expect(apres).toBe(avant + 1)
          await appel('DELETE', `/api/demandes/${r.corps.doc.id}`, { jeton: a })
        } else {
          expect(r.status).toBeGreaterThanOrEqual(400)
          expect(apres).toBe(avant)
          expect(r.corps.errors?.[0]?.message, JSON.stringify(r.corps)).toBeTruthy()
        }
      }),
      { numRuns: 150, seed: 20271127 },
    )
  }, 300_000)

  it('modification d’un brouillon : jamais de 5xx ; un refus ne change ni le document ni son historique', async () => {
    await fc.assert(
      fc.asyncProperty(corps, async (donnees) => {
        generees++
        const avant = (await appel('GET', `/api/demandes/${brouillon.id}?depth=0`, { jeton: a })).corps
        const versions = (
          await appel('GET', `/api/demandes/versions?where[parent][equals]=${brouillon.id}&limit=0`, {
            jeton: admin,
          })
        ).corps.totalDocs
        const r = await appel('PATCH', `/api/demandes/${brouillon.id}?depth=0`, { jeton: a, corps: donnees })
        expect(r.status, JSON.stringify(donnees).slice(0, 300)).toBeLessThan(500)
        const apres = (await appel('GET', `/api/demandes/${brouillon.id}?depth=0`, { jeton: a })).corps
        if (r.status !== 200) {
          expect(sansHorodatage(apres)).toEqual(sansHorodatage(avant))
          expect(
            (
              await appel('GET', `/api/demandes/versions?where[parent][equals]=${brouillon.id}&limit=0`, {
                jeton: admin,
              })
            ).corps.totalDocs,
          ).toBe(versions)
        } else {
          // Server fields never move, whatever was sent.
          for (const champ of ['numero', 'statut', 'structureDeposante', 'rentree', 'etablissementReferent'])
            expect(apres[champ], champ).toEqual(avant[champ])
        }
      }),
      { numRuns: 150, seed: 20271128 },
    )
  }, 300_000)

  it('champs typés hors bornes : 400 qui nomme le champ, message en français', async () => {
    const cas = fc.oneof(
      fc.record({
        champ: fc.constant('capaciteActuelle'),
        v: fc.oneof(fc.integer({ max: -1 }), fc.constantFrom('douze', 1.5, 'NaN')),
      }),
      fc.record({
        champ: fc.constant('priorite'),
        v: fc.oneof(fc.integer({ max: 0 }), fc.constantFrom('premier', 2.5)),
      }),
      fc.record({
        champ: fc.constant('mesure'),
        v: fc
          .string({ minLength: 1, maxLength: 20 })
          .filter((s) => !['ouverture', 'fermeture', 'augmentation', 'diminution'].includes(s)),
      }),
      fc.record({
        champ: fc.constant('dateConseil'),
        v: fc.constantFrom('demain', '2027-13-45', '31/02/2027', 'x'.repeat(100)),
      }),
      fc.record({
        champ: fc.constant('rapportOpportunite'),
        v: fc.integer({ min: 5001, max: 6000 }).map((n) => 'é'.repeat(n)),
      }),
      fc.record({
        champ: fc.constant('etablissementConcerne'),
        v: fc.constantFrom('0340042M', 'rien', 999999999, -3),
      }),
      // Fields hidden by a condition in the form: Payload skips their validation, ours does not.
      fc.record({
        champ: fc.constant('anneePrecedentDepot'),
        v: fc.constantFrom('douze', 1999, 2101, 2020.5),
      }),
      fc.record({ champ: fc.constant('demandeLiee'), v: fc.constantFrom(true, false, [1, 2]) }),
    )
    await fc.assert(
      fc.asyncProperty(cas, async ({ champ, v }) => {
        generees++
        const r = await appel('PATCH', `/api/demandes/${brouillon.id}?depth=0`, {
          jeton: a,
          corps: { [champ]: v },
        })
        expect(r.status, `${champ} = ${JSON.stringify(v).slice(0, 80)}`).toBe(400)
        const erreurs = r.corps.errors[0].data?.errors ?? []
        expect(
          erreurs.map((e: { path: string }) => e.path),
          JSON.stringify(r.corps),
        ).toContain(champ)
        expect(r.corps.errors[0].message).not.toMatch(/^(The following|Invalid|This field|Value must)/)
      }),
      { numRuns: 60, seed: 20271129 },
    )
  }, 300_000)

  it('validation et filtres de liste quelconques : jamais de 5xx', async () => {
    const operateur = fc.constantFrom(
      'equals',
      'not_equals',
      'in',
      'like',
      'contains',
      'greater_than',
      'exists',
      'near',
      'all',
      'inconnu',
      '$where',
    )
    const champ = fc.constantFrom(
      'numero',
      'statut',
      'etablissementConcerne',
      'etablissementConcerne.uai',
      'responsable.email',
      'diplome.libelle',
      'avis.avis',
      'createdAt',
      'hash',
      'salt',
      'password',
      'inconnu',
    )
    await fc.assert(
      fc.asyncProperty(
        fc.anything({ maxDepth: 2 }),
        champ,
        operateur,
        fc.string({ maxLength: 30 }),
        async (v, c, o, valeurFiltre) => {
          generees += 2
          const valider = await appel('POST', `/api/demandes/${brouillon.id}/valider`, { jeton: a, corps: v })
          expect(valider.status).toBeLessThan(500)
          const liste = await appel(
            'GET',
            `/api/demandes?depth=0&limit=5&where[${encodeURIComponent(c)}][${o}]=${encodeURIComponent(valeurFiltre)}`,
            { jeton: a },
          )
          expect(liste.status, `${c} ${o} ${valeurFiltre}`).toBeLessThan(500)
        },
      ),
      { numRuns: 60, seed: 20271130 },
    )
    console.log(`propriétés : ${generees} entrées générées`)
  }, 300_000)

  it('un corps JSON de 11 Mo est refusé sans 5xx', async () => {
    const r = await appel('POST', '/api/demandes', {
      jeton: a,
      corps: { rapportOpportunite: 'x'.repeat(11 * 1024 * 1024) },
    })
    expect(r.status).toBeGreaterThanOrEqual(400)
    expect(r.status).toBeLessThan(500)
  })
})
