import type { Access, Where } from 'payload'
import { ValidationError } from 'payload'

import { capaciteDuRole, portee as porteeDemandes } from './permissions'
import {
  idDe,
  LIBELLES_ROLES,
  ROLE_ETABLISSEMENT,
  ROLES,
  utilisateurDe,
  type Role,
  type Utilisateur,
} from './roles'

/**
 * Who may do what on accounts: role of the caller × account concerned (their own, or another account of a given
 * role) → rights. The Users collection's access functions, its guard on every write (hooks/users/
 * verifierDroitsComptes.ts), the bulk creation and the README are all derived from this table.
 *
 * - `creer`: the fields the caller may fill in when creating an account of that role (empty: may not create it);
 * - `lire`: may read the account;
 * - `modifier`: the fields the caller may change on an existing account (`actif` is deactivation,
 *   `ouvertureValidee` the administrator's validation of an account opened by someone else, see below);
 * - `supprimer`: may delete the account.
 */
export const CHAMPS_COMPTE = {
  username: 'Identifiant',
  email: 'Adresse mail',
  password: 'Mot de passe',
  nom: 'Nom (personne ou service)',
  role: 'Rôle',
  academie: 'Académie',
  etablissement: 'Établissement de formation',
  reseau: "Réseau d'établissements",
  actif: 'Compte actif',
  ouvertureValidee: 'Ouverture validée',
  enableAPIKey: "Activer la clé d'API",
  apiKey: "Clé d'API",
} as const
export type ChampCompte = keyof typeof CHAMPS_COMPTE
const TOUS_LES_CHAMPS = Object.keys(CHAMPS_COMPTE) as ChampCompte[]

export type DroitsCompte = {
  creer: readonly ChampCompte[]
  lire: boolean
  modifier: readonly ChampCompte[]
  supprimer: boolean
}
/** `soi`: the caller's own account, whatever its role. */
export type Cible = 'soi' | Role

const AUCUN: DroitsCompte = { creer: [], lire: false, modifier: [], supprimer: false }
/** Everyone keeps their own name, address and password up to date; nobody changes their own role, structure or key. */
const SON_COMPTE: DroitsCompte = {
  creer: [],
  lire: true,
  modifier: ['nom', 'email', 'password'],
  supprimer: false,
}
const ADMINISTRE: DroitsCompte = {
  creer: TOUS_LES_CHAMPS,
  lire: true,
  modifier: TOUS_LES_CHAMPS,
  supprimer: true,
}
/**
 * The Carif-Oref opens the filers' accounts: at creation it sets their role (établissement or réseau only),
 * their structure, identifiant, address and a password nobody knows (the invitation lets them choose theirs);
 * afterwards it may rename and deactivate them, never change their credentials, role or structure.
 */
const OUVERT_PAR_EDITEUR: DroitsCompte = {
  creer: ['username', 'email', 'password', 'nom', 'role', 'etablissement', 'reseau', 'actif'],
  lire: true,
  modifier: ['nom', 'actif'],
  supprimer: false,
}
const CONSULTE: DroitsCompte = { ...AUCUN, lire: true }

function ligne(
  autres: (role: Role) => DroitsCompte,
  soi: DroitsCompte = SON_COMPTE,
): Record<Cible, DroitsCompte> {
  return { soi, ...Object.fromEntries(ROLES.map((r) => [r, autres(r)])) } as Record<Cible, DroitsCompte>
}

export const DROITS_COMPTES: Record<Role, Record<Cible, DroitsCompte>> = {
  admin: ligne(() => ADMINISTRE),
  'carif-oref': ligne((r) => (r === 'etablissement' || r === 'reseau' ? OUVERT_PAR_EDITEUR : CONSULTE)),
  region: ligne(() => AUCUN),
  rectorat: ligne(() => AUCUN),
  draaf: ligne(() => AUCUN),
  reseau: ligne(() => AUCUN),
  etablissement: ligne(() => AUCUN),
  integration: ligne(() => AUCUN),
}

/**
 * Who may give a new account a password they then know: the admin only. Anyone else who opens an account (the
 * Carif-Oref) sets one that is replaced by one nobody knows, and the account holder chooses theirs from the
 * invitation; otherwise the editor could sign in as the school it just opened (outside attack, finding F5).
 */
export const choisitLeMotDePasse = (createur: Utilisateur | null): boolean => createur?.role === 'admin'

/** Who validates the opening of an account: the platform's administrator only. */
export const valideLesOuvertures = (acteur: Utilisateur | null | undefined): boolean =>
  capaciteDuRole(acteur?.role, 'administrerPlateforme')

/** The roles whose accounts read drafts (the demandes' table): opening one is validated by the administrator. */
export const rolesOuvertureAValider = (): Role[] =>
  ROLES.filter((r) => porteeDemandes(r, 'lireBrouillons') !== 'non')

/**
 * An account opened by anyone but the administrator for a role that reads drafts waits for the administrator's
 * validation (`ouvertureValidee: false`): it cannot sign in or choose its password, and its invitation leaves only
 * once validated. Otherwise the Carif-Oref, which may not read drafts, could open a school's account with an
 * address it controls and read them (outside attack of 4 December 2026, finding 1). Accounts created without a
 * user (demo, command line: trusted) and accounts from before this rule (no value) count as validated.
 */
export const ouvertureAValider = (createur: Utilisateur | null, role: unknown): boolean =>
  createur !== null &&
  !valideLesOuvertures(createur) &&
  // No role given: the field's default, an établissement.
  rolesOuvertureAValider().includes((role ?? ROLE_ETABLISSEMENT) as Role)

/** Whether an account (as stored) waits for the validation of its opening; absent or null: validated. */
export const ouvertureEnAttente = (compte: { ouvertureValidee?: unknown } | null | undefined): boolean =>
  compte?.ouvertureValidee === false

export const MESSAGE_OUVERTURE_EN_ATTENTE =
  "Ce compte attend la validation de son ouverture par l'administrateur de la plateforme."

/** Only integration accounts (programs reading the API) may hold an API key. */
export const ROLES_CLE_API: readonly Role[] = ['integration']

export type CompteCible = { id?: number | string | null; role?: string | null }

/** The rights of `acteur` on `compte` (an existing account, or the account about to be created). */
export function droitsSur(acteur: Utilisateur | null, compte: CompteCible): DroitsCompte {
  if (!acteur?.role) return AUCUN
  const ligneActeur = DROITS_COMPTES[acteur.role]
  if (compte.id !== undefined && compte.id !== null && String(compte.id) === String(acteur.id))
    return ligneActeur.soi
  return ligneActeur[compte.role as Role] ?? AUCUN
}

const rolesOu = (acteur: Utilisateur, droit: (d: DroitsCompte) => boolean) =>
  ROLES.filter((r) => droit(DROITS_COMPTES[acteur.role!][r]))

/** A Where restricting accounts to those on which `droit` holds (true: all of them, false: none). */
function portee(acteur: Utilisateur | null, droit: (d: DroitsCompte) => boolean): boolean | Where {
  if (!acteur?.role) return false
  const roles = rolesOu(acteur, droit)
  const soi = droit(DROITS_COMPTES[acteur.role].soi)
  if (roles.length === ROLES.length && soi) return true
  const ou: Where[] = []
  if (soi) ou.push({ id: { equals: acteur.id } })
  if (roles.length)
    ou.push(
      soi ? { role: { in: roles } } : { and: [{ role: { in: roles } }, { id: { not_equals: acteur.id } }] },
    )
  if (ou.length === 0) return false
  return ou.length === 1 ? ou[0]! : { or: ou }
}

export const lireComptes: Access = ({ req }) => portee(utilisateurDe(req), (d) => d.lire)
export const modifierComptes: Access = ({ req }) => portee(utilisateurDe(req), (d) => d.modifier.length > 0)
export const supprimerComptes: Access = ({ req }) => portee(utilisateurDe(req), (d) => d.supprimer)
/** Unlocking a locked account is a change of its state: whoever may deactivate it may unlock it. */
export const deverrouillerComptes: Access = ({ req }) =>
  portee(utilisateurDe(req), (d) => d.modifier.includes('actif'))
export const creerComptes: Access = ({ req }) => {
  const acteur = utilisateurDe(req)
  return Boolean(acteur) && ROLES.some((r) => droitsSur(acteur, { role: r }).creer.length > 0)
}

/** The roles `acteur` may create accounts of (offered by the bulk creation and checked by the guard). */
export function rolesCreables(acteur: Utilisateur | null): Role[] {
  return ROLES.filter((r) => droitsSur(acteur, { role: r }).creer.length > 0)
}

// ---------------------------------------------------------------------------------------------------------------
// What a write changes, compared with the account as stored.

const vide = (v: unknown) => v === undefined || v === null || v === '' || v === false

function normaliser(champ: ChampCompte, v: unknown): unknown {
  if (vide(v)) return null
  if (champ === 'etablissement' || champ === 'reseau') return idDe(v) === null ? null : String(idDe(v))
  if (champ === 'username' || champ === 'email') return String(v).trim().toLowerCase()
  return v
}

/**
 * The account fields a write sets (creation: every field given a value) or changes (update: every field whose
 * value differs from the stored one; a password or API key given is always a change, they are never read back).
 */
export function champsModifies(
  donnees: Record<string, unknown>,
  avant: Record<string, unknown> | null,
): ChampCompte[] {
  return TOUS_LES_CHAMPS.filter((champ) => {
    if (!(champ in donnees) || donnees[champ] === undefined) return false
    const v = donnees[champ]
    if (!avant) return !vide(v)
    if (champ === 'password') return typeof v === 'string' && v.length > 0
    if (champ === 'apiKey') return !vide(v) || Boolean(avant.hasAPIKey || avant.enableAPIKey)
    return JSON.stringify(normaliser(champ, v)) !== JSON.stringify(normaliser(champ, avant[champ]))
  })
}

const deQuelCompte = (acteur: Utilisateur, compte: CompteCible) =>
  String(compte.id) === String(acteur.id)
    ? 'de votre propre compte'
    : `d'un compte « ${LIBELLES_ROLES[compte.role as Role] ?? String(compte.role)} »`

/** Why `acteur` may not make this write, in French; null when the table allows it. */
export function refusEcritureCompte(
  acteur: Utilisateur | null,
  donnees: Record<string, unknown>,
  avant: (Record<string, unknown> & CompteCible) | null,
): string | null {
  if (!acteur) return 'Vous devez être connecté.'
  if (!avant) {
    const role = (donnees.role ?? 'etablissement') as Role
    const droits = droitsSur(acteur, { role })
    if (droits.creer.length === 0)
      return `Vous n'êtes pas autorisé à créer un compte « ${LIBELLES_ROLES[role] ?? String(role)} ».`
    const interdits = champsModifies(donnees, null).filter((c) => !droits.creer.includes(c))
    if (interdits.length)
      return `Vous n'êtes pas autorisé à renseigner ${libelles(interdits)} d'un compte « ${LIBELLES_ROLES[role]} ».`
    return null
  }
  const droits = droitsSur(acteur, avant)
  const changes = champsModifies(donnees, avant)
  if (changes.length === 0) return null
  if (droits.modifier.length === 0) return "Vous n'êtes pas autorisé à modifier ce compte."
  const interdits = changes.filter((c) => !droits.modifier.includes(c))
  if (interdits.length && String(avant.id) === String(acteur.id))
    return `Vous ne pouvez pas modifier ${libelles(interdits)} de votre propre compte : demandez-le à un administrateur.`
  if (interdits.length)
    return `Vous n'êtes pas autorisé à modifier ${libelles(interdits)} ${deQuelCompte(acteur, avant)} : seul un administrateur le peut.`
  return null
}

const libelles = (champs: ChampCompte[]) =>
  champs.length === 1
    ? `le champ « ${CHAMPS_COMPTE[champs[0]!]} »`
    : `les champs ${champs.map((c) => `« ${CHAMPS_COMPTE[c]} »`).join(', ')}`

/** Why the caller may not delete this account, in French; null when allowed. */
export function refusSuppressionCompte(acteur: Utilisateur | null, compte: CompteCible): string | null {
  if (!acteur) return 'Vous devez être connecté.'
  if (droitsSur(acteur, compte).supprimer) return null
  return String(compte.id) === String(acteur.id)
    ? 'Vous ne pouvez pas supprimer votre propre compte.'
    : "Vous n'êtes pas autorisé à supprimer ce compte."
}

// ---------------------------------------------------------------------------------------------------------------
// Saved filters (Payload query presets): shared only within one's own structure.

/** The structure an account belongs to: its établissement, its réseau, its rectorat's académie, or its service. */
export function structureDe(user: Utilisateur | null | undefined): string | null {
  if (!user?.role) return null
  if (user.role === 'etablissement')
    return idDe(user.etablissement) === null ? null : `etablissement:${idDe(user.etablissement)}`
  if (user.role === 'reseau') return idDe(user.reseau) === null ? null : `reseau:${idDe(user.reseau)}`
  if (user.role === 'rectorat') return user.academie ? `rectorat:${user.academie}` : null
  return user.role
}

/** Sharing options kept: « only me » and « specific users » of one's own structure; never « everyone ». */
const PARTAGES_PERMIS = ['onlyMe', 'specificUsers']
type OperationFiltre = 'read' | 'update' | 'delete'

/**
 * Collection-level access to saved filters, ANDed by Payload with each preset's own sharing constraint: a preset
 * shared with « everyone » (possible before this rule) is read by nobody.
 */
export const accesFiltres =
  (operation: OperationFiltre): Access =>
  ({ req }) =>
    utilisateurDe(req) ? { [`access.${operation}.constraint`]: { in: PARTAGES_PERMIS } } : false

type Trouveur = { payload: { find: (a: never) => Promise<{ docs: unknown[] }> } }

export const MESSAGE_PARTAGE = 'Un filtre enregistré ne se partage qu’avec des comptes de votre structure.'

/** Why these accounts may not receive a filter shared by `auteur`, in French; null when all are of its structure. */
export async function refusPartage(
  auteur: Utilisateur | null,
  destinataires: unknown,
  req: Trouveur,
): Promise<string | null> {
  const ids = (Array.isArray(destinataires) ? destinataires : [])
    .map(idDe)
    .filter((id): id is number | string => id !== null)
  if (ids.length === 0) return null
  const structure = structureDe(auteur)
  const comptes = (
    await req.payload.find({
      collection: 'users',
      where: { id: { in: ids } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    } as never)
  ).docs as Utilisateur[]
  const dehors = comptes.filter(
    (c) => String(c.id) !== String(auteur?.id) && (structure === null || structureDe(c) !== structure),
  )
  return dehors.length === 0 ? null : MESSAGE_PARTAGE
}

/**
 * A constraint nobody can choose (filtered out below), only there to carry a check that runs on every save of a
 * preset: each operation's « specific users » must be accounts of the author's own structure. The field is
 * virtual: no column, no migration.
 */
export const controlePartage = (operation: OperationFiltre) => ({
  label: 'Contrôle du partage',
  value: 'controlePartage',
  access: () => false,
  fields: [
    {
      name: 'controle',
      type: 'text' as const,
      virtual: true,
      admin: { hidden: true },
      hooks: {
        beforeChange: [
          async ({
            req,
            siblingData,
          }: {
            req: Trouveur & { user?: unknown }
            siblingData: Record<string, unknown>
          }) => {
            if (siblingData.constraint !== 'specificUsers') return null
            const refus = await refusPartage(req.user as Utilisateur, siblingData.users, req)
            if (refus)
              throw new ValidationError({
                collection: 'payload-query-presets',
                errors: [{ path: `access.${operation}.users`, message: refus }],
              })
            return null
          },
        ],
      },
    },
  ],
})

/** The sharing options offered (and accepted by the server, which validates a select against its filterOptions). */
export const partagesPermis = ({ options }: { options: ({ value: string } | string)[] }) =>
  options.filter((o) => PARTAGES_PERMIS.includes(typeof o === 'string' ? o : o.value))

// ---------------------------------------------------------------------------------------------------------------

const LIBELLES_CIBLES: Record<Cible, string> = { soi: 'son propre compte', ...LIBELLES_ROLES }

function resume(d: DroitsCompte): string {
  if (!d.lire && d.creer.length === 0 && d.modifier.length === 0) return '—'
  const parts: string[] = []
  const noms = (champs: readonly ChampCompte[]) =>
    champs.map((c) => CHAMPS_COMPTE[c].toLowerCase()).join(', ')
  if (d.creer.length)
    parts.push(d.creer.length === TOUS_LES_CHAMPS.length ? 'crée' : `crée (${noms(d.creer)})`)
  if (d.lire) parts.push('lit')
  const modif = d.modifier.filter((c) => c !== 'actif')
  if (modif.length)
    parts.push(modif.length === TOUS_LES_CHAMPS.length - 1 ? 'modifie tout' : `modifie ${noms(modif)}`)
  if (d.modifier.includes('actif')) parts.push('désactive')
  if (d.supprimer) parts.push('supprime')
  return parts.join(', ')
}

/** The table as the README shows it: one row per role, one column per account concerned. */
export function tableauComptes(): string {
  const cibles: Cible[] = ['soi', ...ROLES]
  const entete = `| rôle | ${cibles.map((c) => (c === 'soi' ? LIBELLES_CIBLES.soi : `compte \`${c}\``)).join(' | ')} |`
  const separation = `|---|${cibles.map(() => '---').join('|')}|`
  const lignes = ROLES.map(
    (role) => `| \`${role}\` | ${cibles.map((c) => resume(DROITS_COMPTES[role][c])).join(' | ')} |`,
  )
  const note = `Clé d'API (\`enableAPIKey\`, \`apiKey\`) : seulement sur un compte ${ROLES_CLE_API.map((r) => `\`${r}\``).join(', ')}.`
  const ouverture = `Ouverture validée (\`ouvertureValidee\`) : un compte ${rolesOuvertureAValider()
    .map((r) => `\`${r}\``)
    .join(
      ', ',
    )} (qui lit les demandes en cours de saisie) ouvert par un autre que l'administrateur ne se connecte pas et ne reçoit son invitation qu'une fois son ouverture validée par l'administrateur, seul à pouvoir la valider.`
  return [entete, separation, ...lignes, '', note, '', ouverture].join('\n')
}
