import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { traiterDemandeCorrection } from '../../collections/Demandes/endpoints/demanderCorrection'
import { TACHE_COURRIEL } from '../../src/courriels/file'
import { traiterValidation } from '../../src/validation'
import {
  AVEC_DOUBLONS,
  campagne,
  construireMonde,
  demandeComplete,
  type Monde,
  type Utilisateur,
} from '../aides/fabrique'
import { tachesEnAttente } from '../aides/courriels'
import { payloadDeTest, requetePour } from '../aides/payload'

let payload: Payload
let fermer: () => Promise<void>
let monde: Monde

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
  // The rectorat of Montpellier has an address: a filer's message is mailed to it.
  await payload.update({
    collection: 'users',
    id: monde.users.rectoratM.id,
    data: { email: 'rectorat.m@ac-montpellier.fr' },
    overrideAccess: true,
  })
})
afterAll(async () => fermer())
beforeEach(async () => campagne(payload, 'ouverte'))

const creer = (user: Utilisateur, data: Record<string, unknown>) =>
  payload.create({ collection: 'demandes', data: data as never, user, overrideAccess: false, depth: 0 })
const lire = (user: Utilisateur, id: number | string) =>
  payload.findByID({ collection: 'demandes', id, user, overrideAccess: false, depth: 0 })
const stockee = (id: number | string) =>
  payload.findByID({ collection: 'demandes', id, overrideAccess: true, depth: 0 })
const valider = async (user: Utilisateur, id: number | string) =>
  traiterValidation(await requetePour(payload, user), id, true, AVEC_DOUBLONS)
const corriger = async (user: Utilisateur | null, id: number | string, message: unknown) =>
  traiterDemandeCorrection(await requetePour(payload, user), id, message)
const messagesLus = async (user: Utilisateur, demande: number | string) =>
  (
    await payload.find({
      collection: 'messages',
      where: { demande: { equals: demande } },
      user,
      overrideAccess: false,
      depth: 0,
      sort: 'createdAt',
    })
  ).docs
const ecrire = (user: Utilisateur, demande: number | string, texte: string) =>
  payload.create({
    collection: 'messages',
    data: { demande: demande as number, texte },
    user,
    overrideAccess: false,
    depth: 0,
  })
const deposerEtValider = async (user = monde.users.etabA, extra: Record<string, unknown> = {}) => {
  const d = await creer(user, demandeComplete(monde, extra))
  const r = await valider(user, d.id)
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return d
}
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\nxref\n0 2\ntrailer<</Root 1 0 R/Size 2>>\nstartxref\n9\n%%EOF\n',
)
const courrielsEnFile = async () =>
  (await tachesEnAttente(payload, TACHE_COURRIEL)).map(
    (t) => (t.input as { message: { to: string[] | string; subject: string; text: string } }).message,
  )

describe("L'avis une fois la décision prise", () => {
  it('ne se modifie plus (409 en français) ; la décision retirée, il se modifie de nouveau', async () => {
    const d = await deposerEtValider()
    const instruire = (user: Utilisateur, data: Record<string, unknown>) =>
      payload.update({
        collection: 'demandes',
        id: d.id,
        data: data as never,
        user,
        overrideAccess: false,
        depth: 0,
      })
    await instruire(monde.users.rectoratM, { avis: { avis: 'favorable', commentaire: 'Besoin avéré.' } })
    await instruire(monde.users.region, { decision: { decision: 'retenue', commentaire: 'Retenue.' } })
    await expect(instruire(monde.users.rectoratM, { avis: { avis: 'defavorable' } })).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/^La Région a déjà décidé de cette demande/),
    })
    expect((await stockee(d.id)).avis?.avis).toBe('favorable')
    await instruire(monde.users.region, { decision: { decision: null } })
    const apres = await instruire(monde.users.rectoratM, { avis: { avis: 'defavorable' } })
    expect(apres.avis?.avis).toBe('defavorable')
    expect((await stockee(d.id)).statut).toBe('en-instruction')
  })
})

describe('Demande de correction (POST /api/demandes/:id/demander-correction)', () => {
  it('refuse : anonyme 401, hors lecture 404, hors rôle ou portée 403, sans message 400, autre statut 409', async () => {
    const d = await deposerEtValider()
    const { users } = monde
    expect((await corriger(null, d.id, 'À revoir')).status).toBe(401)
    // Cannot read it (the other académie; the DRAAF, a non-agricultural lycée): as if it did not exist.
    expect((await corriger(users.rectoratT, d.id, 'À revoir')).status).toBe(404)
    expect((await corriger(users.draaf, d.id, 'À revoir')).status).toBe(404)
    expect((await corriger(users.etabB, d.id, 'À revoir')).status).toBe(404)
    // Reads it, may not send it back.
    for (const u of [users.etabA, users.carif, users.integration])
      expect((await corriger(u, d.id, 'À revoir')).status, u.username).toBe(403)
    for (const m of [undefined, null, '', '   ', 42, ['a'], 'x'.repeat(5001)]) {
      const r = await corriger(users.rectoratM, d.id, m)
      expect(r.status, String(m)).toBe(400)
      expect(JSON.stringify(r.body)).toContain('« Message »')
    }
    // 5,000 characters as a reader counts them (an emoji is one), accepted.
    expect((await corriger(users.rectoratM, d.id, '🙂'.repeat(5000))).status).toBe(200)
    expect((await corriger(users.rectoratM, d.id, 'Encore')).status).toBe(409)
    // A draft: not sent back (the admin reads it: 409; the rectorat does not: 404).
    const brouillon = await creer(users.etabA, demandeComplete(monde))
    expect((await corriger(users.admin, brouillon.id, 'À revoir')).status).toBe(409)
    expect((await corriger(users.rectoratM, brouillon.id, 'À revoir')).status).toBe(404)
    // A décision recorded: too late.
    const decidee = await deposerEtValider()
    await payload.update({
      collection: 'demandes',
      id: decidee.id,
      data: { decision: { decision: 'retenue' } } as never,
      user: users.region,
      overrideAccess: false,
    })
    expect((await stockee(decidee.id)).statut).toBe('retenue')
    expect((await corriger(users.region, decidee.id, 'À revoir')).status).toBe(409)
    // Nothing changed by the refusals.
    expect((await stockee(brouillon.id)).statut).toBe('brouillon')
  })

  it('deux demandes simultanées : une 200, une 409', async () => {
    const d = await deposerEtValider()
    const r = await Promise.all([
      corriger(monde.users.rectoratM, d.id, 'Première'),
      corriger(monde.users.region, d.id, 'Seconde'),
    ])
    expect(r.map((x) => x.status).sort()).toEqual([200, 409])
    const fil = await messagesLus(monde.users.admin, d.id)
    expect(fil).toHaveLength(1)
  })

  it('renvoyée : la structure la voit « à corriger » avec le message, la corrige et la valide de nouveau', async () => {
    const { users } = monde
    const d = await deposerEtValider()
    const premiere = await stockee(d.id)
    const r = await corriger(users.rectoratM, d.id, 'Précisez la capacité demandée.')
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect((r.body.doc as { statut: string }).statut).toBe('a-corriger')
    // Every reader sees it: it is the filer's business.
    for (const u of [users.etabA, users.etabA2, users.rectoratM, users.region, users.admin])
      expect((await lire(u, d.id)).statut, u.username).toBe('a-corriger')
    const s = await stockee(d.id)
    expect([s.statut, s.statutDepot, s.statutSansDecision]).toEqual([
      'a-corriger',
      'a-corriger',
      'a-corriger',
    ])

    // The thread: the filer's structure, the authority, the admin read it; integrations, other schools do not.
    for (const u of [users.etabA, users.etabA2, users.rectoratM, users.admin]) {
      const fil = await messagesLus(u, d.id)
      expect(
        fil.map((m) => [m.texte, String(m.auteur)]),
        u.username,
      ).toEqual([['Précisez la capacité demandée.', String(users.rectoratM.id)]])
    }
    for (const u of [users.etabB, users.rectoratT]) expect(await messagesLus(u, d.id), u.username).toEqual([])
    // Neither integrations nor the Carif-Oref (who reads every validated demande) take part in the thread.
    for (const u of [users.integration, users.carif])
      await expect(messagesLus(u, d.id), u.username).rejects.toMatchObject({ status: 403 })

    // The mail to the filer's structure is queued, and says nothing of any avis.
    const mails = (await courrielsEnFile()).filter((m) => m.subject.includes('à corriger'))
    const mail = mails.find((m) => m.text.includes('Précisez la capacité demandée.'))
    expect(String(mail?.to)).toContain('claire.martin@ac-montpellier.fr')
    expect(mail!.subject).toBe(`Demande n° ${d.numero} à corriger (rentrée 2027)`)
    expect(mail!.text).not.toMatch(/avis|décision/i)

    // The filer edits it; the authority writes neither the content nor an avis meanwhile.
    await payload.update({
      collection: 'demandes',
      id: d.id,
      data: { capaciteNouvelle: 30 } as never,
      user: users.etabA,
      overrideAccess: false,
    })
    expect((await stockee(d.id)).capaciteNouvelle).toBe(30)
    await expect(
      payload.update({
        collection: 'demandes',
        id: d.id,
        data: { capaciteNouvelle: 40, avis: { avis: 'favorable' } } as never,
        user: users.rectoratM,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    expect((await stockee(d.id)).capaciteNouvelle).toBe(30)
    expect((await stockee(d.id)).avis?.avis ?? null).toBeNull()

    // Validated again through the same recap.
    const v = await valider(users.etabA, d.id)
    expect(v.status, JSON.stringify(v.body)).toBe(200)
    const seconde = await stockee(d.id)
    expect(seconde.statut).toBe('validee')
    expect(seconde.valideeLe).not.toBe(premiere.valideeLe)
    // Locked again.
    await expect(
      payload.update({
        collection: 'demandes',
        id: d.id,
        data: { capaciteNouvelle: 50 } as never,
        user: users.etabA,
        overrideAccess: false,
      }),
    ).rejects.toThrow()

    // The versions keep both validations.
    const versions = await payload.findVersions({
      collection: 'demandes',
      where: { parent: { equals: d.id } },
      overrideAccess: true,
      pagination: false,
      depth: 0,
    })
    const validations = new Set(
      versions.docs
        .filter((v) => v.version.statut === 'validee' && v.version.valideeLe)
        .map((v) => v.version.valideeLe),
    )
    expect(validations).toEqual(new Set([premiere.valideeLe, seconde.valideeLe]))
    expect(versions.docs.some((v) => v.version.statut === 'a-corriger')).toBe(true)
    // The filer reads its correction's versions, not the validated ones.
    const siennes = await payload.findVersions({
      collection: 'demandes',
      where: { parent: { equals: d.id } },
      user: users.etabA,
      overrideAccess: false,
      pagination: false,
      depth: 0,
    })
    expect(siennes.docs.every((v) => ['brouillon', 'a-corriger'].includes(v.version.statut))).toBe(true)
    expect(siennes.docs.some((v) => v.version.statut === 'a-corriger')).toBe(true)

    // The journal: the correction request and the new validation.
    const journal = await payload.find({
      collection: 'journal',
      where: { documentId: { equals: String(d.id) } },
      overrideAccess: true,
      pagination: false,
      sort: 'createdAt',
    })
    const resumes = journal.docs.map((j) => j.resume)
    expect(resumes).toContain(`Demande n° ${d.numero} renvoyée à sa structure pour correction`)
    expect(resumes).toContain(`Demande n° ${d.numero} corrigée et validée de nouveau`)
  })

  it('après un avis : renvoyée, corrigée, validée de nouveau, elle est « en instruction » ; la structure voit « validée »', async () => {
    const { users } = monde
    const d = await deposerEtValider()
    await payload.update({
      collection: 'demandes',
      id: d.id,
      data: { avis: { avis: 'reserve', commentaire: 'Capacité' } } as never,
      user: users.rectoratM,
      overrideAccess: false,
    })
    expect((await stockee(d.id)).statut).toBe('en-instruction')
    expect((await corriger(users.rectoratM, d.id, 'Revoyez la capacité.')).status).toBe(200)
    expect((await lire(users.etabA, d.id)).statut).toBe('a-corriger')
    // No avis while it is back with its filer (Local API without field access: the machine refuses, 409).
    await expect(
      payload.update({
        collection: 'demandes',
        id: d.id,
        data: { avis: { avis: 'favorable' } } as never,
        overrideAccess: true,
      }),
    ).rejects.toMatchObject({ status: 409 })
    await payload.update({
      collection: 'demandes',
      id: d.id,
      data: { capaciteNouvelle: 28 } as never,
      user: users.etabA,
      overrideAccess: false,
    })
    expect((await valider(users.etabA, d.id)).status).toBe(200)
    const s = await stockee(d.id)
    expect([s.statut, s.statutDepot, s.statutSansDecision]).toEqual([
      'en-instruction',
      'validee',
      'en-instruction',
    ])
    expect((await lire(users.etabA, d.id)).statut).toBe('validee')
    expect((await lire(users.rectoratM, d.id)).statut).toBe('en-instruction')
  })

  it('campagne close : la structure corrige encore et valide une demande à corriger (annexes comprises), pas un brouillon', async () => {
    const d = await deposerEtValider()
    const brouillon = await creer(monde.users.etabA, demandeComplete(monde))
    expect((await corriger(monde.users.rectoratM, d.id, 'À revoir')).status).toBe(200)
    await campagne(payload, 'close')
    // The draft stays closed: neither saved nor validated.
    await expect(
      payload.update({
        collection: 'demandes',
        id: brouillon.id,
        data: { capaciteNouvelle: 31 } as never,
        user: monde.users.etabA,
        overrideAccess: false,
      }),
    ).rejects.toThrow(/close/)
    expect((await valider(monde.users.etabA, brouillon.id)).status).toBe(403)
    // The correction goes on: saved, an annexe added, validated again.
    const corrigee = await payload.update({
      collection: 'demandes',
      id: d.id,
      data: { capaciteNouvelle: 31 } as never,
      user: monde.users.etabA,
      overrideAccess: false,
      depth: 0,
    })
    expect(corrigee.capaciteNouvelle).toBe(31)
    await payload.create({
      collection: 'annexes',
      data: { demande: d.id as number, description: 'Convention corrigée' } as never,
      file: { data: PDF, mimetype: 'application/pdf', name: 'convention.pdf', size: PDF.length },
      user: monde.users.etabA,
      overrideAccess: false,
    })
    const r = await valider(monde.users.etabA, d.id)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect((await stockee(d.id)).statut).toBe('validee')
  })
})

describe('Messages (collection messages)', () => {
  it('écrits et lus exactement par qui lit la demande ; jamais par une intégration ; ni modifiés ni supprimés par leur auteur', async () => {
    const { users } = monde
    const d = await deposerEtValider()
    const m = await ecrire(users.etabA, d.id, 'Une question sur la capacité.')
    expect(String(m.auteur)).toBe(String(users.etabA.id))
    // The author is the server's: not the input's.
    const usurpe = await payload.create({
      collection: 'messages',
      data: { demande: d.id as number, texte: 'Signé ?', auteur: users.admin.id } as never,
      user: users.rectoratM,
      overrideAccess: false,
      depth: 0,
    })
    expect(String(usurpe.auteur)).toBe(String(users.rectoratM.id))
    for (const u of [users.etabB, users.rectoratT, users.draaf, users.integration])
      await expect(ecrire(u, d.id, 'Intrus'), u.username).rejects.toThrow()
    expect((await messagesLus(users.admin, d.id)).map((x) => x.texte)).toEqual([
      'Une question sur la capacité.',
      'Signé ?',
    ])
    await expect(messagesLus(users.integration, d.id)).rejects.toMatchObject({ status: 403 })
    // Never edited; deleted only by the admin.
    await expect(
      payload.update({
        collection: 'messages',
        id: m.id,
        data: { texte: 'Modifié' },
        user: users.etabA,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    await expect(
      payload.delete({ collection: 'messages', id: m.id, user: users.etabA, overrideAccess: false }),
    ).rejects.toThrow()
    await payload.delete({ collection: 'messages', id: usurpe.id, user: users.admin, overrideAccess: false })
    expect(await messagesLus(users.admin, d.id)).toHaveLength(1)
    // Too long, or empty: refused, naming the field.
    await expect(ecrire(users.etabA, d.id, 'x'.repeat(5001))).rejects.toThrow(/Message/)
    await expect(ecrire(users.etabA, d.id, '')).rejects.toThrow()
  })

  it("le message d'une structure va à l'autorité qui instruit ; celui de l'autorité, à la structure", async () => {
    const { users } = monde
    const d = await deposerEtValider()
    await ecrire(users.etabA, d.id, 'Question de la structure.')
    let file = await courrielsEnFile()
    const versRectorat = file.find((x) => x.text.includes('Question de la structure.'))
    expect(String(versRectorat?.to)).toBe('rectorat.m@ac-montpellier.fr')
    await ecrire(users.rectoratM, d.id, "Réponse de l'autorité.")
    file = await courrielsEnFile()
    const versStructure = file.find((x) => x.text.includes("Réponse de l'autorité."))
    expect(String(versStructure?.to)).toContain('claire.martin@ac-montpellier.fr')
    expect(String(versStructure?.to)).not.toContain('rectorat.m@')
  })

  it('une demande en cours de saisie se supprime avec son fil', async () => {
    const d = await creer(monde.users.etabA, demandeComplete(monde))
    await ecrire(monde.users.etabA, d.id, 'Note de brouillon')
    // The authority does not read a draft: it cannot write on it.
    await expect(ecrire(monde.users.rectoratM, d.id, 'Intrus')).rejects.toThrow()
    await payload.delete({ collection: 'demandes', id: d.id, user: monde.users.etabA, overrideAccess: false })
    const restants = await payload.find({
      collection: 'messages',
      where: { demande: { equals: d.id } },
      overrideAccess: true,
    })
    expect(restants.totalDocs).toBe(0)
  })
})
