import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lireConfiguration, oublierConfiguration } from '../../src/env'
import { retentionJournal, TACHE_PURGE } from '../../src/taches'
import { executerLaFile, tachesEnAttente } from '../aides/courriels'
import { payloadDeTest } from '../aides/payload'

let payload: Payload
let fermer: () => Promise<void>

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
})
afterAll(async () => fermer())

const JOUR = 86_400_000
const entree = (ilYaJours: number, resume: string) =>
  payload.create({
    collection: 'journal',
    overrideAccess: true,
    data: {
      action: 'connexion',
      resume,
      createdAt: new Date(Date.now() - ilYaJours * JOUR).toISOString(),
    } as never,
  })

describe("Conservation du journal d'audit", () => {
  it('dure 365 jours par défaut, JOURNAL_RETENTION_JOURS sinon ; une valeur invalide est refusée au démarrage', () => {
    delete process.env.JOURNAL_RETENTION_JOURS
    oublierConfiguration()
    expect(retentionJournal()).toBe(365)
    process.env.JOURNAL_RETENTION_JOURS = '180'
    oublierConfiguration()
    expect(retentionJournal()).toBe(180)
    expect(() => lireConfiguration({ JOURNAL_RETENTION_JOURS: 'n’importe quoi' })).toThrow(
      /^JOURNAL_RETENTION_JOURS : /,
    )
    delete process.env.JOURNAL_RETENTION_JOURS
    oublierConfiguration()
  })

  it('la tâche quotidienne supprime les entrées plus anciennes, garde les autres et se replanifie', async () => {
    await entree(400, 'ancienne')
    await entree(366, 'juste trop ancienne')
    await entree(364, 'encore gardée')
    await entree(1, 'récente')
    await payload.jobs.queue({ task: TACHE_PURGE, input: {} })
    await executerLaFile(payload)
    const restantes = await payload.find({
      collection: 'journal',
      overrideAccess: true,
      pagination: false,
      sort: 'createdAt',
    })
    expect(restantes.docs.map((d) => d.resume)).toEqual(['encore gardée', 'récente'])
    const suivante = await tachesEnAttente(payload, TACHE_PURGE)
    expect(suivante).toHaveLength(1)
    expect(new Date(suivante[0]!.waitUntil as string).getTime()).toBeGreaterThan(Date.now())
  })
})
