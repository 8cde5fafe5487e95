import { describe, expect, it } from 'vitest'

import { ACTIONS, PERMISSIONS } from '../../access/permissions'
import { ROLES } from '../../access/roles'
import {
  appliquer,
  avisModifiable,
  enInstruction,
  ETATS,
  EVENEMENTS,
  type Evenement,
  modifiableParSaStructure,
  tenueParLaCampagne,
  OPTIONS_STATUTS,
  possibleDepuis,
  roleAutorise,
  TRANSITIONS,
} from '../../src/regles/machine'
import { STATUTS } from '../../src/regles/enums'
import { type StatutDemande, statutsDerives } from '../../src/regles/statut'

const etats = Object.keys(ETATS) as StatutDemande[]
const avis = { avis: { avis: 'favorable' } }
const decision = { avis: { avis: 'favorable' }, decision: { decision: 'retenue' } }

/** From which states each event may happen: the table of the machine, written out once more by hand. */
const ATTENDU: Record<Evenement, (StatutDemande | null)[]> = {
  creation: [null],
  validation: ['brouillon', 'a-corriger'],
  'avis-donne': ['validee', 'en-instruction'],
  'avis-retire': ['validee', 'en-instruction'],
  'decision-enregistree': ['validee', 'en-instruction', 'retenue', 'non-retenue', 'ajournee'],
  'decision-retiree': ['validee', 'en-instruction', 'retenue', 'non-retenue', 'ajournee'],
  'demande-correction': ['validee', 'en-instruction'],
}

/** Which roles may trigger each event (somewhere in their scope). */
const ROLES_ATTENDUS: Record<Evenement, string[]> = {
  creation: ['admin', 'etablissement', 'reseau', 'draaf'],
  validation: ['admin', 'etablissement', 'reseau', 'draaf'],
  'avis-donne': ['admin', 'draaf', 'rectorat'],
  'avis-retire': ['admin', 'draaf', 'rectorat'],
  'decision-enregistree': ['admin', 'region'],
  'decision-retiree': ['admin', 'region'],
  'demande-correction': ['admin', 'draaf', 'rectorat', 'region'],
}

describe('machine des statuts (src/regles/machine.ts)', () => {
  it('a les états du contrat, plus « à corriger », chacun avec son libellé', () => {
    for (const s of STATUTS) expect(ETATS[s.value]).toBe(s.label)
    expect(ETATS['a-corriger']).toBe('À corriger')
    expect(OPTIONS_STATUTS.map((o) => o.value)).toEqual(etats)
  })

  it('chaque transition part exactement des états prévus, et est refusée (409) depuis tout autre', () => {
    for (const evenement of EVENEMENTS)
      for (const depuis of [null, ...etats]) {
        const issue = appliquer(depuis, evenement, avis)
        const permise = ATTENDU[evenement].includes(depuis)
        expect(possibleDepuis(depuis, evenement), `${evenement} depuis ${depuis}`).toBe(permise)
        if (permise) expect(issue, `${evenement} depuis ${depuis}`).toHaveProperty('statut')
        else {
          expect(issue, `${evenement} depuis ${depuis}`).toMatchObject({ status: 409 })
          expect((issue as { refus: string }).refus).toMatch(/[a-z]/)
        }
      }
    // An unknown statut allows nothing.
    for (const evenement of EVENEMENTS) expect(appliquer('inconnu', evenement)).toMatchObject({ status: 409 })
  })

  it('chaque transition mène au statut prévu', () => {
    expect(appliquer(null, 'creation')).toEqual({ statut: 'brouillon' })
    expect(appliquer('brouillon', 'validation')).toEqual({ statut: 'validee' })
    // Validated again after a correction: what an avis still present makes of it.
    expect(appliquer('a-corriger', 'validation')).toEqual({ statut: 'validee' })
    expect(appliquer('a-corriger', 'validation', avis)).toEqual({ statut: 'en-instruction' })
    expect(appliquer('validee', 'avis-donne', avis)).toEqual({ statut: 'en-instruction' })
    // Once the Région has decided, the avis that informed it stays as it was (409, said in French).
    expect(appliquer('retenue', 'avis-donne', avis)).toEqual({
      refus: expect.stringMatching(/^La Région a déjà décidé de cette demande/),
      status: 409,
    })
    expect(avisModifiable('en-instruction')).toBe(true)
    expect(avisModifiable('ajournee')).toBe(false)
    expect(appliquer('en-instruction', 'avis-retire', {})).toEqual({ statut: 'validee' })
    expect(appliquer('en-instruction', 'decision-enregistree', decision)).toEqual({ statut: 'retenue' })
    expect(appliquer('retenue', 'decision-retiree', avis)).toEqual({ statut: 'en-instruction' })
    expect(appliquer('validee', 'demande-correction')).toEqual({ statut: 'a-corriger' })
    expect(appliquer('en-instruction', 'demande-correction', avis)).toEqual({ statut: 'a-corriger' })
  })

  it('chaque transition × chaque rôle : permise par son action de access/permissions.ts, refusée sinon', () => {
    for (const evenement of EVENEMENTS) {
      const action = TRANSITIONS[evenement].action
      expect(Object.keys(ACTIONS)).toContain(action)
      for (const role of ROLES) {
        const attendu = ROLES_ATTENDUS[evenement].includes(role)
        expect(roleAutorise(role, evenement), `${role} / ${evenement}`).toBe(attendu)
        expect(PERMISSIONS[role][action] !== 'non', `${role} / ${action}`).toBe(attendu)
      }
      expect(roleAutorise(null, evenement)).toBe(false)
      expect(roleAutorise(undefined, evenement)).toBe(false)
    }
  })

  it('la demande de correction suit la portée de l’avis ; la Région et l’admin partout', () => {
    expect(PERMISSIONS.rectorat.demanderCorrection).toBe(PERMISSIONS.rectorat.donnerAvis)
    expect(PERMISSIONS.draaf.demanderCorrection).toBe(PERMISSIONS.draaf.donnerAvis)
    expect(PERMISSIONS.region.demanderCorrection).toBe('tout')
    expect(PERMISSIONS.admin.demanderCorrection).toBe('tout')
  })

  it('chaque transition dit ce qu’elle enregistre', () => {
    expect(TRANSITIONS.validation.enregistre).toEqual(['valideeLe', 'validePar'])
    expect(TRANSITIONS['avis-donne'].enregistre).toEqual(['avis.auteur', 'avis.date'])
    expect(TRANSITIONS['decision-enregistree'].enregistre).toEqual(['decision.auteur', 'decision.date'])
    expect(TRANSITIONS['demande-correction'].enregistre).toEqual(['message'])
  })

  it('« à corriger » : modifiable par sa structure, pas d’instruction, vu tel quel par tous', () => {
    expect(etats.filter(modifiableParSaStructure)).toEqual(['brouillon', 'a-corriger'])
    // Corrections come during the instruction, after the closing: only they escape the campaign's dates.
    expect(etats.filter((e) => !tenueParLaCampagne(e))).toEqual(['a-corriger'])
    expect(tenueParLaCampagne(undefined)).toBe(true)
    expect(etats.filter(enInstruction)).toEqual(ATTENDU['decision-enregistree'])
    // The stored views: the filer's business, so every view shows it, whatever avis remains.
    expect(statutsDerives({ statut: 'a-corriger', avis: avis.avis })).toEqual({
      statutDepot: 'a-corriger',
      statutSansDecision: 'a-corriger',
    })
  })
})
