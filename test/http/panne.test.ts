import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  type Base,
  connexion,
  demarrerInstance,
  type Instance,
  preparerBase,
  requete,
} from '../aides/instances'

/**
 * SECURITY 20: the server killed (SIGKILL, no chance to flush anything) in the middle of a burst of saves. Every
 * save it acknowledged must be there after restart, and the database must open cleanly.
 */
let base: Base
let instance: Instance

beforeAll(async () => {
  base = await preparerBase()
  instance = await demarrerInstance(base, 'avant-panne')
}, 180_000)
afterAll(async () => instance?.arreter())

describe('Panne franche pendant des enregistrements', () => {
  it('SIGKILL au milieu de 8 flux d’écritures : tout enregistrement acquitté est retrouvé, la base est intègre', async () => {
    const jeton = await connexion(instance, '0340042L')
    const etab = (
      await requete(instance, 'GET', '/api/etablissements?where[uai][equals]=0340042L&depth=0', jeton)
    ).corps.docs[0]
    const aModifier = (
      await requete(instance, 'POST', '/api/demandes?depth=0', jeton, { etablissementConcerne: etab.id })
    ).corps.doc

    const creations: { id: number | string; marqueur: string }[] = []
    let derniereModification: string | null = null
    const modificationsTentees = new Set<string>()
    let envoyees = 0
    let echouees = 0
    let tuer = false
    const flux = async (n: number) => {
      for (let i = 0; !tuer || i < 1; i++) {
        const marqueur = `flux ${n} écriture ${i}`
        envoyees++
        try {
          if (i % 3 === 2) {
            modificationsTentees.add(marqueur)
            const r = await requete(instance, 'PATCH', `/api/demandes/${aModifier.id}?depth=0`, jeton, {
              rapportOpportunite: marqueur,
            })
            if (r.status === 200) derniereModification = marqueur
          } else {
            const r = await requete(instance, 'POST', '/api/demandes?depth=0', jeton, {
              etablissementConcerne: etab.id,
              rapportOpportunite: marqueur,
            })
            if (r.status === 201) creations.push({ id: r.corps.doc.id, marqueur })
          }
        } catch {
          echouees++ // the connection died with the server: not acknowledged
          return
        }
      }
    }
    const tous = Promise.all(Array.from({ length: 8 }, (_, n) => flux(n)))
    while (creations.length < 80) await new Promise((r) => setTimeout(r, 5))
    await instance.arreter('SIGKILL')
    tuer = true
    await tous

    // The database file opens and checks clean, before any server touches it again (WAL replayed on open).
    const db = createClient({ url: `file:${base.fichier}` })
    expect((await db.execute('PRAGMA integrity_check')).rows[0]![0]).toBe('ok')
    db.close()

    instance = await demarrerInstance(base, 'apres-panne')
    const relu = await connexion(instance, '0340042L')
    const manquantes: string[] = []
    for (const c of creations) {
      const r = await requete(instance, 'GET', `/api/demandes/${c.id}?depth=0`, relu)
      if (r.status !== 200 || r.corps.rapportOpportunite !== c.marqueur) manquantes.push(c.marqueur)
    }
    const modifiee = await requete(instance, 'GET', `/api/demandes/${aModifier.id}?depth=0`, relu)
    console.log(
      `panne : ${envoyees} écritures envoyées, ${creations.length} créations acquittées, ${echouees} coupées par la panne, ${manquantes.length} perdues`,
    )
    expect(manquantes).toEqual([])
    if (derniereModification) {
      // One of the updates sent (the last acknowledged or a later one cut before its answer), never a torn value.
      expect(modificationsTentees.has(modifiee.corps.rapportOpportunite)).toBe(true)
    }
    // Numbering goes on after the highest numero stored.
    const numeros = (await requete(instance, 'GET', '/api/demandes?limit=0&depth=0', relu)).corps.totalDocs
    const nouvelle = await requete(instance, 'POST', '/api/demandes?depth=0', relu, {
      etablissementConcerne: etab.id,
    })
    expect(nouvelle.status).toBe(201)
    expect(nouvelle.corps.doc.numero).toBeGreaterThanOrEqual(numeros)
  }, 180_000)
})
