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

export const connecte: Access = ({ req }) => utilisateurDe(req) !== null
export const personne: Access = () => false
export const administrateur: Access = ({ req }) => aLeRole(req, 'admin')
export const editeur: Access = ({ req }) => aLeRole(req, 'admin', 'carif-oref')
