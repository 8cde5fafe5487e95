import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { FICHIER_DIPLOMES, FICHIER_ETABLISSEMENTS, importerFichiersReference } from '../../src/referentiel/fichiers'
import { payloadDeTest } from '../aides/payload'

let payload: Payload
let fermer: () => Promise<void>

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
})
afterAll(async () => fermer())

describe('Import des référentiels', () => {
  it('charge les 764 établissements et les diplômes, avec au moins 700 diplômes ouverts', async () => {
    const { rapport, rejets } = await importerFichiersReference(payload)
    expect(rejets).toBe(0)
    expect(rapport).toContain('Établissements : 764 créé(s)')
    expect(rapport).toContain('Diplômes : 2581 créé(s)')
    expect((await payload.count({ collection: 'etablissements' })).totalDocs).toBe(764)
    expect((await payload.count({ collection: 'diplomes', where: { ouvert: { equals: true } } })).totalDocs).toBeGreaterThanOrEqual(700)
    const cap = await payload.find({ collection: 'diplomes', where: { cfd: { equals: '50022146' } } })
    expect(cap.docs[0]).toMatchObject({ typeDiplome: 'CAP', durees: [1, 2, 3], ouvert: true, intitule: 'CAP CUISINE (CAP) (50022146)' })
  })

  it('est idempotent : un second import ne change rien et le dit', async () => {
    const avant = await payload.find({ collection: 'etablissements', where: { uai: { equals: '0340042L' } } })
    const { rapport } = await importerFichiersReference(payload)
    expect(rapport).toContain('Établissements : 0 créé(s), 0 modifié(s), 764 inchangé(s)')
    expect(rapport).toContain('Établissements : déjà à jour, rien n\'a été modifié.')
    expect(rapport).toContain('Diplômes : 0 créé(s), 0 modifié(s), 2581 inchangé(s)')
    const apres = await payload.find({ collection: 'etablissements', where: { uai: { equals: '0340042L' } } })
    expect(apres.docs[0]!.updatedAt).toBe(avant.docs[0]!.updatedAt)
  })

  it('accepte un export plus récent : modifie ce qui a changé, ajoute le nouveau, rejette le malformé', async () => {
    const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'carte-ref-'))
    const lignes = fs.readFileSync(FICHIER_ETABLISSEMENTS, 'utf8').trimEnd().split('\n')
    const mermoz = lignes.findIndex((l) => l.startsWith('0340042L,'))
    lignes[mermoz] = lignes[mermoz]!.replace('Lycée polyvalent Jean Mermoz', 'Lycée polyvalent Jean Mermoz (renommé)')
    const colonnes = lignes[0]!.split(',').length
    const nouveau = Array(colonnes).fill('')
    Object.assign(nouveau, { 0: '0349999J', 1: 'Nouveau lycée', 2: 'LP', 13: 'Sète', 14: '34', 16: '11' })
    lignes.push(nouveau.join(','), lignes[1]!.replace(/^0110004V/, '0110004X'))
    const fichier = path.join(dossier, 'annuaire.csv')
    fs.writeFileSync(fichier, lignes.join('\n'))
    const { rapport, rejets } = await importerFichiersReference(payload, { etablissements: fichier, diplomes: FICHIER_DIPLOMES })
    expect(rapport).toContain('Établissements : 1 créé(s), 1 modifié(s), 763 inchangé(s), 1 ligne(s) rejetée(s).')
    expect(rapport).toMatch(new RegExp(`ligne ${lignes.length} rejetée : Le code UAI « 0110004X »`))
    expect(rejets).toBe(1)
    const renomme = await payload.find({ collection: 'etablissements', where: { uai: { equals: '0340042L' } } })
    expect(renomme.docs[0]!.nom).toBe('Lycée polyvalent Jean Mermoz (renommé)')
    expect(renomme.docs[0]!.libelle).toBe('0340042L — Lycée polyvalent Jean Mermoz (renommé) (Montpellier)')
  })
})
