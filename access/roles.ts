import type { Access, PayloadRequest } from 'payload'

import { type Capacite, capaciteDuRole } from './permissions'

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

/** « Montpellier », « Toulouse »; an unknown value as it is, nothing for none. */
export function libelleAcademie(valeur: string | null | undefined): string {
  return ACADEMIES.find((a) => a.value === valeur)?.label ?? valeur ?? ''
}

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

/** Whether the signed-in user (a request, or the user itself as admin components get it) has the capacity. */
export function peut(
  qui: Pick<PayloadRequest, 'user'> | { role?: unknown } | null | undefined,
  capacite: Capacite,
) {
  const user = qui && 'user' in qui ? utilisateurDe(qui) : (qui as { role?: string } | null | undefined)
  return capaciteDuRole(user?.role as string | undefined, capacite)
}

/** What an account of each role is attached to: the field it must have, which scopes its rights. */
export const RATTACHEMENTS: Record<Role, 'etablissement' | 'reseau' | 'academie' | null> = {
  admin: null,
  'carif-oref': null,
  region: null,
  rectorat: 'academie',
  draaf: null,
  reseau: 'reseau',
  etablissement: 'etablissement',
  integration: null,
}

/** The role of an établissement's own account (the accounts created in bulk from a list of UAI). */
export const ROLE_ETABLISSEMENT = 'etablissement' satisfies Role

export function rattachementDe(user: unknown): 'etablissement' | 'reseau' | 'academie' | null {
  const role = (user as { role?: string } | null | undefined)?.role
  return role && Object.hasOwn(RATTACHEMENTS, role) ? RATTACHEMENTS[role as Role] : null
}

/** Editors manage every account; everyone else sees and edits only their own. */
export const soiMemeOuEditeur: Access = ({ req }) => {
  const user = utilisateurDe(req)
  if (!user) return false
  if (peut(req, 'gererReferentiels')) return true
  return { id: { equals: user.id } }
}

export const connecte: Access = ({ req }) => utilisateurDe(req) !== null
export const personne: Access = () => false
/** The platform's administrator alone (the journal, the tasks): the role that has every capacity. */
export const administrateur: Access = ({ req }) => peut(req, 'administrerPlateforme')
export const editeur: Access = ({ req }) => peut(req, 'gererReferentiels')

/**
 * The account form shows a field of attachment (académie, établissement, réseau) to whoever manages accounts, and
 * otherwise only where it is the account's own (a school does not read « Obligatoire pour un compte de rectorat »);
 * `gestion` fields (active, opening validated) only to who manages accounts.
 */
export const champDeCompteVisible =
  (champ: 'academie' | 'etablissement' | 'reseau' | 'gestion') =>
  (data: unknown, _soeurs: unknown, { user }: { user?: unknown }): boolean =>
    peut(user as never, 'gererReferentiels') || (champ !== 'gestion' && rattachementDe(data) === champ)
