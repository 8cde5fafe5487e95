/**
 * The statut machine of a demande: every state, every event that moves it, from which states, which action of
 * access/permissions.ts allows it, and what it records. Pure: the three places that change a statut (creation in
 * hooks/demandes/renseignerChampsServeur.ts, validation in src/validation.ts, instruction and correction in
 * hooks/demandes/horodaterInstruction.ts and src/correction.ts) ask it; none decides a statut by itself.
 *
 * Who sees which state is src/regles/statut.ts (the publication rule); this module says how states follow.
 */

import { type Action, portee } from '../../access/permissions'
import type { Role } from '../../access/roles'
import { libelle, STATUTS } from './enums'
import { type StatutDemande, statutApresInstruction } from './statut'

/** The label of a state (src/regles/enums.ts). */
const libelleDe = (statut: StatutDemande): string => libelle(STATUTS, statut)

/** Every state, with its French meaning. */
export const ETATS = {
  /** En cours de saisie : enregistrée, encore modifiable par sa structure (campagne ouverte). */
  brouillon: libelleDe('brouillon'),
  /** Renvoyée à sa structure pour correction : de nouveau modifiable par elle, à valider de nouveau. */
  'a-corriger': libelleDe('a-corriger'),
  /** Validée après le récapitulatif : figée pour sa structure, transmise aux autorités. */
  validee: libelleDe('validee'),
  /** Un avis du rectorat ou de la DRAAF a été donné. */
  'en-instruction': libelleDe('en-instruction'),
  /** Décision de la Région : retenue. */
  retenue: libelleDe('retenue'),
  /** Décision de la Région : non retenue. */
  'non-retenue': libelleDe('non-retenue'),
  /** Décision de la Région : ajournée. */
  ajournee: libelleDe('ajournee'),
} as const satisfies Record<StatutDemande, string>

/** The states in the order of the filing, with their labels (for select options). */
export const OPTIONS_STATUTS = (Object.keys(ETATS) as StatutDemande[]).map((value) => ({
  value,
  label: ETATS[value],
}))

/** Validated states: the instruction may go on (avis, décision). */
const INSTRUITES: readonly StatutDemande[] = [
  'validee',
  'en-instruction',
  'retenue',
  'non-retenue',
  'ajournee',
]

/** Validated, not decided yet: the avis is written (it informs the décision, so once decided it is kept). */
const AVANT_DECISION: readonly StatutDemande[] = ['validee', 'en-instruction']

export type Evenement =
  | 'creation'
  | 'validation'
  | 'avis-donne'
  | 'avis-retire'
  | 'decision-enregistree'
  | 'decision-retiree'
  | 'demande-correction'

type Transition = {
  /** The states it may start from (`null`: the demande does not exist yet). */
  depuis: readonly (StatutDemande | null)[]
  /** The action of access/permissions.ts whose scope allows it. */
  action: Action
  /** What the server records with it. */
  enregistre: readonly string[]
  /** What the event is called in messages and the journal. */
  libelle: string
}

export const TRANSITIONS: Record<Evenement, Transition> = {
  creation: {
    depuis: [null],
    action: 'creer',
    enregistre: ['numero', 'rentree', 'structureDeposante'],
    libelle: 'création',
  },
  // A draft, or a demande sent back for correction, validated after its recap: `validee`, then what any avis or
  // décision still present makes of it.
  validation: {
    depuis: ['brouillon', 'a-corriger'],
    action: 'valider',
    enregistre: ['valideeLe', 'validePar'],
    libelle: 'validation',
  },
  'avis-donne': {
    depuis: AVANT_DECISION,
    action: 'donnerAvis',
    enregistre: ['avis.auteur', 'avis.date'],
    libelle: 'avis donné',
  },
  'avis-retire': {
    depuis: AVANT_DECISION,
    action: 'donnerAvis',
    enregistre: ['avis.auteur', 'avis.date'],
    libelle: 'avis retiré',
  },
  'decision-enregistree': {
    depuis: INSTRUITES,
    action: 'decider',
    enregistre: ['decision.auteur', 'decision.date'],
    libelle: 'décision enregistrée',
  },
  'decision-retiree': {
    depuis: INSTRUITES,
    action: 'decider',
    enregistre: ['decision.auteur', 'decision.date'],
    libelle: 'décision retirée',
  },
  // Sent back before any décision: the message goes in the thread (collection messages) and to the filer.
  'demande-correction': {
    depuis: ['validee', 'en-instruction'],
    action: 'demanderCorrection',
    enregistre: ['message'],
    libelle: 'demande de correction',
  },
}

export const EVENEMENTS = Object.keys(TRANSITIONS) as Evenement[]

export type Instruction = { avis?: unknown; decision?: unknown }

export type Issue = { statut: StatutDemande } | { refus: string; status: 409 }

const estEtat = (s: unknown): s is StatutDemande => typeof s === 'string' && Object.hasOwn(ETATS, s)

/** Whether the event may happen from this statut (whoever asks). */
export function possibleDepuis(statut: string | null | undefined, evenement: Evenement): boolean {
  const depuis = statut === null || statut === undefined ? null : estEtat(statut) ? statut : undefined
  return depuis !== undefined && TRANSITIONS[evenement].depuis.includes(depuis)
}

/** Whether the role may trigger the event somewhere (its scope, `portee`, then says on which demandes). */
export function roleAutorise(role: Role | null | undefined, evenement: Evenement): boolean {
  return portee(role, TRANSITIONS[evenement].action) !== 'non'
}

const REFUS: Record<Evenement, string> = {
  creation: 'Cette demande existe déjà.',
  validation: "Cette demande est déjà validée : elle n'est plus modifiable.",
  'avis-donne': "Cette demande n'est pas en instruction : on ne peut pas y donner d'avis.",
  'avis-retire': "Cette demande n'est pas en instruction : on ne peut pas en retirer l'avis.",
  'decision-enregistree':
    "Cette demande n'est pas en instruction : on ne peut pas y enregistrer de décision.",
  'decision-retiree': "Cette demande n'est pas en instruction : on ne peut pas en retirer la décision.",
  'demande-correction':
    'Seule une demande validée ou en instruction, sans décision, peut être renvoyée pour correction.',
}

const AVIS_APRES_DECISION =
  "La Région a déjà décidé de cette demande : l'avis qui a éclairé sa décision ne se modifie plus (il se modifie de nouveau si la décision est retirée)."

const decidee = (statut: string | null | undefined): boolean =>
  INSTRUITES.includes(statut as StatutDemande) && !AVANT_DECISION.includes(statut as StatutDemande)

/**
 * The statut after the event, or why it cannot happen (409: the demande is not in a state that allows it).
 * `instruction` is the avis and décision present after the event (for validation and instruction events).
 */
export function appliquer(
  statut: string | null | undefined,
  evenement: Evenement,
  instruction: Instruction = {},
): Issue {
  if (!possibleDepuis(statut, evenement))
    return {
      refus:
        (evenement === 'avis-donne' || evenement === 'avis-retire') && decidee(statut)
          ? AVIS_APRES_DECISION
          : REFUS[evenement],
      status: 409,
    }
  switch (evenement) {
    case 'creation':
      return { statut: 'brouillon' }
    case 'demande-correction':
      return { statut: 'a-corriger' }
    case 'validation':
      return { statut: statutApresInstruction('validee', instruction) }
    default:
      return { statut: statutApresInstruction(statut, instruction) }
  }
}

/** A filer edits its demande's content in these states (a draft while the campaign is open; see below). */
export const ETATS_MODIFIABLES: readonly StatutDemande[] = ['brouillon', 'a-corriger']

export function modifiableParSaStructure(statut: string | null | undefined): boolean {
  return ETATS_MODIFIABLES.includes((statut ?? 'brouillon') as StatutDemande)
}

/** Validated states, in which the instruction goes on (the décision; the avis until the décision). */
export function enInstruction(statut: string | null | undefined): boolean {
  return possibleDepuis(statut, 'decision-enregistree')
}

/** Whether the avis may still be given, changed or withdrawn (before the décision). */
export function avisModifiable(statut: string | null | undefined): boolean {
  return possibleDepuis(statut, 'avis-donne')
}

/**
 * Whether the campaign's window governs the filer's writes on a demande in this state. Authorities instruct after
 * the closing date, so that is when they send demandes back: a demande « à corriger » is corrected and validated
 * again whatever the campaign's dates; a draft (or a new demande) only while the campaign is open.
 */
export function tenueParLaCampagne(statut: string | null | undefined): boolean {
  return statut !== 'a-corriger'
}
