import type { Access, PayloadRequest } from 'payload'

export const ROLES = [
  'admin',
  'carif-oref',
  'region',
  'rectorat',
  'draaf',
  'reseau',
  'etablissement',
  'integration',
] as const
export type Role = (typeof ROLES)[number]

export const LIBELLES_ROLES: Record<Role, string> = {
  admin: 'Administrateur',
  'carif-oref': 'Carif-Oref (éditeur)',
  region: 'Région Occitanie',
  rectorat: 'Rectorat',
  draaf: 'DRAAF',
  reseau: "Réseau d'établissements",
  etablissement: 'Établissement de formation',
  integration: 'Intégration (API)',
}

export const ACADEMIES = [
  { label: 'Montpellier', value: 'montpellier' },
  { label: 'Toulouse', value: 'toulouse' },
] as const
export type Academie = (typeof ACADEMIES)[number]['value']

/** The user as access functions see it: only what the JWT / session carries. */
export type Utilisateur = {
  id: number | string
  collection?: string
  role?: Role | null
  academie?: Academie | null
  etablissement?: unknown
  reseau?: unknown
}

/** A relationship value is an ID or, when populated, a document: return the ID either way. */
export function idDe(valeur: unknown): number | string | null {
  if (valeur === null || valeur === undefined || valeur === '') return null
  if (typeof valeur === 'number' || typeof valeur === 'string') return valeur
  if (typeof valeur === 'object' && 'id' in valeur) return idDe((valeur as { id: unknown }).id)
  return null
}

export function utilisateurDe(req: Pick<PayloadRequest, 'user'>): Utilisateur | null {
  const user = req.user as Utilisateur | null | undefined
  if (!user || user.collection !== 'users' || !user.role) return null
  return user
}

export function aLeRole(req: Pick<PayloadRequest, 'user'>, ...roles: Role[]): boolean {
  const user = utilisateurDe(req)
  return Boolean(user && roles.includes(user.role as Role))
}

/** The roles that file demandes (as opposed to those that consult and instruct them). */
export const ROLES_DEPOSANTS: readonly Role[] = ['etablissement', 'reseau', 'draaf']

export function estDeposant(user: unknown): boolean {
  return ROLES_DEPOSANTS.includes((user as { role?: Role } | null)?.role as Role)
}

/** Hides the reference lists and accounts from the filers' navigation: they only use demandes and annexes. */
export const cacherAuxDeposants = ({ user }: { user: unknown }) => estDeposant(user)

/** Editors manage every account; everyone else sees and edits only their own. */
export const soiMemeOuEditeur: Access = ({ req }) => {
  const user = utilisateurDe(req)
  if (!user) return false
  if (aLeRole(req, 'admin', 'carif-oref')) return true
  return { id: { equals: user.id } }
}

export const connecte: Access = ({ req }) => utilisateurDe(req) !== null
export const personne: Access = () => false
export const administrateur: Access = ({ req }) => aLeRole(req, 'admin')
export const editeur: Access = ({ req }) => aLeRole(req, 'admin', 'carif-oref')
