import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  datesDesVues,
  datesInitiales,
  reecrireChamp,
  reecrireSort,
  reecrireWhere,
  statutApresInstruction,
  statutDepot,
  statutSelonVue,
  statutsDerives,
  statutVuParDeposant,
  vueDuRole,
} from '../../src/regles/statut'

const avis = (a: string | null) => ({ avis: a })
const decision = (d: string | null) => ({ decision: d })

describe('Statut après instruction (SECURITY 26)', () => {
  it('une décision donne sa valeur, sinon un avis donne « en instruction », sinon « validée »', () => {
    expect(statutApresInstruction('validee', {})).toBe('validee')
    expect(statutApresInstruction('validee', { avis: avis('favorable') })).toBe('en-instruction')
    expect(
      statutApresInstruction('en-instruction', { avis: avis('reserve'), decision: decision('ajournee') }),
    ).toBe('ajournee')
    expect(statutApresInstruction('validee', { decision: decision('retenue') })).toBe('retenue')
  })
  it('retirer la décision ramène à « en instruction » si un avis reste, sinon à « validée »', () => {
    expect(statutApresInstruction('retenue', { avis: avis('favorable'), decision: decision(null) })).toBe(
      'en-instruction',
    )
    expect(statutApresInstruction('retenue', { avis: {}, decision: {} })).toBe('validee')
    expect(statutApresInstruction('non-retenue', { avis: null, decision: { commentaire: 'À revoir' } })).toBe(
      'validee',
    )
  })
  it('retirer l’avis ramène à « validée » ; un commentaire seul n’est ni un avis ni une décision', () => {
    expect(statutApresInstruction('en-instruction', { avis: { avis: null, commentaire: 'retiré' } })).toBe(
      'validee',
    )
    expect(
      statutApresInstruction('validee', {
        avis: { commentaire: 'à l’étude' },
        decision: { commentaire: 'à l’étude' },
      }),
    ).toBe('validee')
    expect(statutApresInstruction('validee', { avis: { avis: '' } })).toBe('validee')
  })
  it('un brouillon ou une demande à corriger reste ce qu’elle est, avis ou non', () => {
    expect(
      statutApresInstruction('brouillon', { avis: avis('favorable'), decision: decision('retenue') }),
    ).toBe('brouillon')
    expect(statutApresInstruction(undefined, {})).toBe('brouillon')
    expect(statutApresInstruction('a-corriger', { avis: avis('favorable') })).toBe('a-corriger')
  })
  it('une valeur de décision inconnue ne devient pas un statut', () => {
    expect(statutApresInstruction('validee', { decision: decision('brouillon') })).toBe('validee')
  })
})

describe('Statut vu par le déposant', () => {
  const statuts = [
    'brouillon',
    'a-corriger',
    'validee',
    'en-instruction',
    'retenue',
    'non-retenue',
    'ajournee',
  ]
  it('avant publication : brouillon, à corriger, sinon « validée » — aucune trace d’avis ni de décision', () => {
    expect(statuts.map((s) => statutVuParDeposant(s, { decisionsPubliees: false }))).toEqual([
      'brouillon',
      'a-corriger',
      'validee',
      'validee',
      'validee',
      'validee',
      'validee',
    ])
    expect(statutVuParDeposant('retenue', {})).toBe('validee')
  })
  it('après publication : le vrai statut', () => {
    expect(statuts.map((s) => statutVuParDeposant(s, { decisionsPubliees: true }))).toEqual(statuts)
  })
  it('les vues par rôle : établissement et réseau sans instruction, DRAAF sans décision, autorités complète', () => {
    const nonPubliee = { decisionsPubliees: false }
    expect(
      [
        'etablissement',
        'reseau',
        'draaf',
        'rectorat',
        'region',
        'admin',
        'carif-oref',
        'integration',
        undefined,
        'inconnu',
      ].map((r) => vueDuRole(r, nonPubliee)),
    ).toEqual([
      'sans-instruction',
      'sans-instruction',
      'sans-decision',
      'complete',
      'complete',
      'complete',
      'complete',
      'complete',
      'sans-instruction',
      'sans-instruction',
    ])
    expect(
      ['etablissement', 'reseau', 'draaf'].map((r) => vueDuRole(r, { decisionsPubliees: true })),
    ).toEqual(['complete', 'complete', 'complete'])
  })
  it('la DRAAF voit l’avis (qu’elle donne), pas la décision', () => {
    expect(statutSelonVue({ statut: 'retenue', avis: avis('favorable') }, 'sans-decision')).toBe(
      'en-instruction',
    )
    expect(statutSelonVue({ statut: 'retenue', avis: {} }, 'sans-decision')).toBe('validee')
    expect(statutSelonVue({ statut: 'retenue', statutSansDecision: 'en-instruction' }, 'sans-decision')).toBe(
      'en-instruction',
    )
    expect(statutSelonVue({ statut: 'retenue', avis: avis('favorable') }, 'sans-instruction')).toBe('validee')
    expect(statutSelonVue({ statut: 'retenue' }, 'complete')).toBe('retenue')
    expect(statutSelonVue({}, 'sans-instruction')).toBeUndefined()
  })
  it('les vues stockées sont celles que lit chaque rôle, pour tout statut et tout avis', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...statuts),
        fc.option(fc.constantFrom('favorable', 'reserve', 'defavorable')),
        fc.option(fc.constantFrom('retenue', 'non-retenue', 'ajournee')),
        (s, a, d) => {
          const statut = statutApresInstruction(s, { avis: avis(a), decision: decision(d) })
          const derives = statutsDerives({ statut, avis: avis(a) })
          expect(derives.statutDepot).toBe(statutVuParDeposant(statut, { decisionsPubliees: false }))
          expect(derives.statutDepot).toBe(statutDepot(statut))
          expect(derives.statutSansDecision).toBe(statutSelonVue({ statut, avis: avis(a) }, 'sans-decision'))
          // The views never carry a décision, and the schools' never an avis.
          expect(['retenue', 'non-retenue', 'ajournee']).not.toContain(derives.statutSansDecision)
          expect(['brouillon', 'a-corriger', 'validee']).toContain(derives.statutDepot)
        },
      ),
    )
  })
})

describe('Filtres et tris sur le statut réécrits vers la vue du lecteur', () => {
  it('chaque chemin vers un statut, même imbriqué, lit la vue stockée ; le reste est intact', () => {
    const where = {
      statut: { equals: 'retenue' },
      or: [
        { 'version.statut': { in: ['retenue'] } },
        { and: [{ version__statut: { not_equals: 'validee' } }, { mesure: { equals: 'ouverture' } }] },
      ],
      'demandeLiee.statut': { exists: true },
      piecesJointes: { contains: { 'demande.statut': { equals: 'ajournee' } } },
      statutaire: { equals: 'x' },
    }
    expect(reecrireWhere(where, 'sans-instruction')).toEqual({
      statutDepot: { equals: 'retenue' },
      or: [
        { 'version.statutDepot': { in: ['retenue'] } },
        { and: [{ 'version.statutDepot': { not_equals: 'validee' } }, { mesure: { equals: 'ouverture' } }] },
      ],
      'demandeLiee.statutDepot': { exists: true },
      piecesJointes: { contains: { 'demande.statutDepot': { equals: 'ajournee' } } },
      statutaire: { equals: 'x' },
    })
    expect(reecrireWhere({ statut: { equals: 'en-instruction' } }, 'sans-decision')).toEqual({
      statutSansDecision: { equals: 'en-instruction' },
    })
    expect(reecrireWhere(where, 'complete')).toBe(where)
  })
  it('une condition déjà posée sur la vue s’ajoute, ne s’écrase pas', () => {
    expect(
      reecrireWhere(
        { statut: { equals: 'retenue' }, statutDepot: { equals: 'validee' } },
        'sans-instruction',
      ),
    ).toEqual({
      statutDepot: { equals: 'retenue' },
      and: [{ statutDepot: { equals: 'validee' } }],
    })
  })
  it('le tri, en chaîne, en liste ou décroissant', () => {
    expect(reecrireSort('statut', 'sans-instruction')).toBe('statutDepot')
    expect(reecrireSort('-statut,numero', 'sans-instruction')).toBe('-statutDepot,numero')
    expect(reecrireSort(['-version.statut', 'createdAt'], 'sans-decision')).toEqual([
      '-version.statutSansDecision',
      'createdAt',
    ])
    expect(reecrireSort('statut', 'complete')).toBe('statut')
    expect(reecrireSort(undefined, 'sans-instruction')).toBeUndefined()
    expect(reecrireChamp('statut', 'sans-instruction')).toBe('statutDepot')
  })
})

describe('Date lue par chaque vue (SECURITY 26 : un avis ou une décision ne fait pas bouger la date du déposant)', () => {
  const avant = {
    modifieeLeDepot: '2026-12-01T10:00:00.000Z',
    modifieeLeSansDecision: '2026-12-01T11:00:00.000Z',
  }
  const maintenant = '2026-12-02T14:33:00.000Z'
  it('avis : la vue du dépôt garde sa date, celle de la DRAAF bouge ; décision : les deux gardent la leur', () => {
    expect(datesDesVues(['avis', 'statut', 'statutSansDecision'], avant, maintenant)).toEqual({
      modifieeLeDepot: avant.modifieeLeDepot,
      modifieeLeSansDecision: maintenant,
    })
    expect(datesDesVues(['decision', 'statut'], avant, maintenant)).toEqual(avant)
    expect(datesDesVues([], avant, maintenant)).toEqual(avant)
  })
  it('tout autre champ, une création ou une date absente : maintenant', () => {
    expect(datesDesVues(['avis', 'rapportOpportunite'], avant, maintenant)).toEqual({
      modifieeLeDepot: maintenant,
      modifieeLeSansDecision: maintenant,
    })
    expect(datesDesVues(['statutDepot', 'statut', 'valideeLe'], avant, maintenant)).toEqual({
      modifieeLeDepot: maintenant,
      modifieeLeSansDecision: maintenant,
    })
    expect(datesDesVues([], null, maintenant)).toEqual({
      modifieeLeDepot: maintenant,
      modifieeLeSansDecision: maintenant,
    })
    expect(datesDesVues(['decision'], { modifieeLeDepot: null }, maintenant)).toEqual({
      modifieeLeDepot: maintenant,
      modifieeLeSansDecision: maintenant,
    })
  })
  it('données anciennes : une demande instruite date de sa validation (de son dernier avis pour la DRAAF)', () => {
    const base = {
      statut: 'retenue',
      updatedAt: '2026-12-05T00:00:00.000Z',
      valideeLe: '2026-11-20T00:00:00.000Z',
    }
    expect(
      datesInitiales({
        ...base,
        avis: { avis: 'favorable', date: '2026-11-25T00:00:00.000Z' },
        decision: { decision: 'retenue' },
      }),
    ).toEqual({ modifieeLeDepot: base.valideeLe, modifieeLeSansDecision: '2026-11-25T00:00:00.000Z' })
    expect(
      datesInitiales({ ...base, statut: 'en-instruction', avis: { avis: 'favorable' }, decision: {} }),
    ).toEqual({ modifieeLeDepot: base.valideeLe, modifieeLeSansDecision: base.updatedAt })
    expect(datesInitiales({ ...base, statut: 'brouillon' })).toEqual({
      modifieeLeDepot: base.updatedAt,
      modifieeLeSansDecision: base.updatedAt,
    })
  })
  it('le chemin d’un updatedAt de demande est réécrit, celui d’un autre document non', () => {
    const deDemande = (s: string[]) => s.length === 1 || s[0] === 'demandeLiee'
    expect(reecrireSort('-updatedAt,numero', 'sans-instruction', deDemande)).toBe('-modifieeLeDepot,numero')
    expect(
      reecrireWhere(
        {
          or: [{ updatedAt: { greater_than: 'x' } }, { 'etablissementConcerne.updatedAt': { exists: true } }],
        },
        'sans-decision',
        deDemande,
      ),
    ).toEqual({
      or: [
        { modifieeLeSansDecision: { greater_than: 'x' } },
        { 'etablissementConcerne.updatedAt': { exists: true } },
      ],
    })
    expect(reecrireChamp('demandeLiee.updatedAt', 'sans-instruction', deDemande)).toBe(
      'demandeLiee.modifieeLeDepot',
    )
    expect(reecrireSort('updatedAt', 'complete', deDemande)).toBe('updatedAt')
    expect(reecrireSort('updatedAt', 'sans-instruction')).toBe('updatedAt')
    // `AND`/`OR` in capitals (GraphQL, or REST in any case) are rewritten like `and`/`or`.
    expect(
      reecrireWhere(
        { AND: [{ statut: { equals: 'retenue' } }], Or: [{ updatedAt: { exists: true } }] },
        'sans-instruction',
        deDemande,
      ),
    ).toEqual({
      AND: [{ statutDepot: { equals: 'retenue' } }],
      Or: [{ modifieeLeDepot: { exists: true } }],
    })
    // A GraphQL date is a Date object: kept as the value, not walked as a where.
    const date = new Date('2026-12-02T13:33:00.000Z')
    expect(reecrireWhere({ updatedAt: { greater_than: date } }, 'sans-instruction', deDemande)).toEqual({
      modifieeLeDepot: { greater_than: date },
    })
  })
})
