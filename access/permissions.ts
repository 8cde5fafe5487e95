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
  demanderCorrection: 'Renvoyer une demande validée pour correction',
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
  demanderCorrection: 'non',
} as const satisfies Record<Action, Portee>

const lecteur = {
  creer: 'non',
  lireBrouillons: 'non',
  modifierBrouillons: 'non',
  valider: 'non',
  lireValidees: 'tout',
  donnerAvis: 'non',
  decider: 'non',
  demanderCorrection: 'non',
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
    demanderCorrection: 'tout',
  },
  etablissement: depositaire,
  reseau: depositaire,
  // Who gives the avis may send a demande back for correction, within the same scope; the Région on all.
  draaf: {
    ...depositaire,
    creer: 'agricole',
    lireValidees: 'agricole',
    donnerAvis: 'agricole',
    demanderCorrection: 'agricole',
  },
  rectorat: { ...lecteur, lireValidees: 'academie', donnerAvis: 'academie', demanderCorrection: 'academie' },
  region: { ...lecteur, decider: 'tout', demanderCorrection: 'tout' },
  'carif-oref': lecteur,
  integration: lecteur,
}

export function portee(role: Role | null | undefined, action: Action): Portee {
  return role ? PERMISSIONS[role][action] : 'non'
}

/**
 * What each role may do beyond the demandes' table: screens, reference lists, locks, what it reads of the
 * instruction before the Région publishes. Every such check outside `access/` goes through `peut`; the README
 * prints this table too.
 */
export const CAPACITES = {
  gererReferentiels: 'Gérer les référentiels, la campagne et les comptes',
  outrepasserVerrous: 'Modifier une demande validée ou hors campagne',
  administrerPlateforme: 'Administrer la plateforme (journal, tâches planifiées)',
  utiliserAdministration: "Utiliser l'interface d'administration",
  consulterStatistiques: 'Consulter les statistiques',
  lireDonneesPersonnelles: 'Lire les coordonnées du responsable',
  lireAvisAvantPublication: 'Lire les avis avant la publication des décisions',
  lireDecisionsAvantPublication: 'Lire les décisions avant leur publication',
  publierDecisions: 'Publier les décisions aux établissements',
  recevoirResumeQuotidien: "Recevoir un résumé quotidien des messages au lieu d'un courriel par message",
  reglerAffichage: "Régler l'affichage de l'administration (thème, préférences des listes)",
  enregistrerFiltres: 'Enregistrer des filtres de la liste des demandes',
} as const
export type Capacite = keyof typeof CAPACITES

const oui = (...capacites: Capacite[]): Record<Capacite, boolean> =>
  Object.fromEntries((Object.keys(CAPACITES) as Capacite[]).map((c) => [c, capacites.includes(c)])) as Record<
    Capacite,
    boolean
  >

// Who instructs many demandes keeps display preferences and saved filters; a filer's short list needs neither.
const autorite = [
  'utiliserAdministration',
  'reglerAffichage',
  'enregistrerFiltres',
  'consulterStatistiques',
  'lireDonneesPersonnelles',
  'lireAvisAvantPublication',
  'lireDecisionsAvantPublication',
] as const satisfies Capacite[]

export const CAPACITES_DES_ROLES: Record<Role, Record<Capacite, boolean>> = {
  admin: oui(...(Object.keys(CAPACITES) as Capacite[])),
  // The Région publishes the decisions it took; the Carif-Oref, editor of the campaign, keeps the campaign's checkbox
  // (it corrects a publication made too early, and publishes on the Région's word as it did before).
  'carif-oref': oui(...autorite, 'gererReferentiels', 'publierDecisions'),
  // Who instructs may take the thread's news once a day (the Carif-Oref is not in the thread).
  region: oui(...autorite, 'publierDecisions', 'recevoirResumeQuotidien'),
  rectorat: oui(...autorite, 'recevoirResumeQuotidien'),
  // The DRAAF files and gives avis: it reads the avis, not the décisions, before publication.
  draaf: oui(
    'utiliserAdministration',
    'reglerAffichage',
    'enregistrerFiltres',
    'consulterStatistiques',
    'lireDonneesPersonnelles',
    'lireAvisAvantPublication',
    'recevoirResumeQuotidien',
  ),
  reseau: oui('utiliserAdministration', 'lireDonneesPersonnelles'),
  etablissement: oui('utiliserAdministration', 'lireDonneesPersonnelles'),
  // Integrations read the API with a key: no admin screens, never the responsable's personal data.
  integration: oui('lireAvisAvantPublication', 'lireDecisionsAvantPublication'),
}

export function estRole(role: unknown): role is Role {
  return typeof role === 'string' && Object.hasOwn(CAPACITES_DES_ROLES, role)
}

/** Whether the role (unknown or absent: nothing) has the capacity. */
export function capaciteDuRole(role: unknown, capacite: Capacite): boolean {
  return estRole(role) && CAPACITES_DES_ROLES[role][capacite]
}

/** The roles that have the capacity, in the table's order (for `where` filters and messages). */
export function rolesAyant(capacite: Capacite): Role[] {
  return (Object.keys(CAPACITES_DES_ROLES) as Role[]).filter((r) => CAPACITES_DES_ROLES[r][capacite])
}

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

/** The capacities' table as the README shows it (a test checks that the README carries exactly this). */
export function tableauCapacites(): string {
  const roles = Object.keys(CAPACITES_DES_ROLES) as Role[]
  const entete = `| capacité | ${roles.map((r) => `\`${r}\``).join(' | ')} |`
  const separation = `|---|${roles.map(() => ':-:').join('|')}|`
  const lignes = (Object.keys(CAPACITES) as Capacite[]).map(
    (c) => `| ${CAPACITES[c]} | ${roles.map((r) => (CAPACITES_DES_ROLES[r][c] ? 'oui' : '—')).join(' | ')} |`,
  )
  return [entete, separation, ...lignes].join('\n')
}
