import crypto from 'node:crypto'

import type { CollectionBeforeOperationHook } from 'payload'

import type { User } from '../../src/payload-types'

// Payload's current password hash (pbkdf2-sha256-v1): 600,000 iterations, 32 bytes.
const ITERATIONS = 600_000
const LONGUEUR = 32
const SEL_FACTICE = crypto.randomBytes(32).toString('hex')

const hacherPourRien = (motDePasse: string) =>
  new Promise<void>((resolve) =>
    crypto.pbkdf2(motDePasse, SEL_FACTICE, ITERATIONS, LONGUEUR, 'sha256', () => resolve()),
  )

/**
 * Every refused login costs the same time (SECURITY 34): Payload answers at once for an unknown or locked
 * identifiant but hashes the password of an existing one. For the former, hash the password against a dummy salt
 * before Payload refuses, so the time does not tell which identifiants exist.
 */
export const egaliserConnexion: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login') return args
  const data = ((args as { data?: Record<string, unknown> }).data ?? {}) as Record<string, unknown>
  const identifiant = typeof data.username === 'string' ? data.username.toLowerCase().trim() : ''
  const motDePasse = typeof data.password === 'string' ? data.password : ''
  const compte = identifiant
    ? await req.payload.db.findOne<Pick<User, 'id' | 'lockUntil'>>({
        collection: 'users',
        where: { username: { equals: identifiant } },
        req,
      })
    : null
  const verrouille = Boolean(compte?.lockUntil && new Date(compte.lockUntil).getTime() > Date.now())
  if (!compte || verrouille) await hacherPourRien(motDePasse)
  return args
}
