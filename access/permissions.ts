import type { Role } from './roles'

/**
 * Who may do what on demandes: role × action → scope. Every access function on demandes, their versions,
 * their annexes and the custom endpoints is derived from this table; the README prints it.
 *
 * Scopes:
 * - `tout`: every demande;
 * - `structure`: drafts filed by the user's structure (its établissement, its réseau, the DRAAF) and, once
 *   validated, also the demandes concerning that établissement or a member of that réseau;
 * - `agricole`: demandes concerning an agricultural établissement (ministère de l'agriculture);
 * - `academie`: demandes concerning an établissement of the user's académie;
 * - `non`: nothing.
 */
export type Portee = 'tout' | 'structure' | 'agricole' | 'academie' | 'non'

export const ACTIONS = {
  creer: 'Créer une demande',
  lireBrouillons: 'Lire les demandes en cours de saisie',
  modifierBrouillons: 'Modifier / supprimer une demande en cours de saisie',
  valider: 'Valider une demande',
  lireValidees: 'Lire les demandes validées',
  donnerAvis: 'Donner un avis (après validation)',
  decider: 'Enregistrer une décision (après validation)',
} as const
export type Action = keyof typeof ACTIONS

const depositaire = {
  creer: 'structure',
  lireBrouillons: 'structure',
  modifierBrouillons: 'structure',
  valider: 'structure',
  lireValidees: 'structure',
  donnerAvis: 'non',
  decider: 'non',
} as const satisfies Record<Action, Portee>

const lecteur = {
  creer: 'non',
  lireBrouillons: 'non',
  modifierBrouillons: 'non',
  valider: 'non',
  lireValidees: 'tout',
  donnerAvis: 'non',
  decider: 'non',
} as const satisfies Record<Action, Portee>

export const PERMISSIONS: Record<Role, Record<Action, Portee>> = {
  admin: {
    creer: 'tout',
    lireBrouillons: 'tout',
    modifierBrouillons: 'tout',
    valider: 'tout',
    lireValidees: 'tout',
    donnerAvis: 'tout',
    decider: 'tout',
  },
  etablissement: depositaire,
  reseau: depositaire,
  draaf: { ...depositaire, creer: 'agricole', lireValidees: 'agricole', donnerAvis: 'agricole' },
  rectorat: { ...lecteur, lireValidees: 'academie', donnerAvis: 'academie' },
  region: { ...lecteur, decider: 'tout' },
  'carif-oref': lecteur,
  integration: lecteur,
}

export function portee(role: Role | null | undefined, action: Action): Portee {
  return role ? PERMISSIONS[role][action] : 'non'
}

/** Reference lists, campaign and accounts: who may write them (everyone signed in may read the lists). */
export const GESTION_REFERENTIELS: readonly Role[] = ['admin', 'carif-oref']

/** Integrations never see the responsable's personal data. */
export const SANS_DONNEES_PERSONNELLES: readonly Role[] = ['integration']

const LIBELLES_PORTEES: Record<Portee, string> = {
  tout: 'toutes',
  structure: 'sa structure',
  agricole: 'établissements agricoles',
  academie: 'son académie',
  non: '—',
}

/** The table as the README shows it (a test checks that the README carries exactly this). */
export function tableauPermissions(): string {
  const actions = Object.keys(ACTIONS) as Action[]
  const entete = `| rôle | ${actions.map((a) => ACTIONS[a]).join(' | ')} |`
  const separation = `|---|${actions.map(() => '---').join('|')}|`
  const lignes = (Object.keys(PERMISSIONS) as Role[]).map(
    (role) => `| \`${role}\` | ${actions.map((a) => LIBELLES_PORTEES[PERMISSIONS[role][a]]).join(' | ')} |`,
  )
  return [entete, separation, ...lignes].join('\n')
}
