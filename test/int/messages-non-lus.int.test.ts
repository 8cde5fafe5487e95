import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { compterNonLus, marquerLu } from '../../src/messagesNonLus'
import { TACHE_COURRIEL } from '../../src/courriels/file'
import { prochainMatinParis, TACHE_RESUME } from '../../src/taches'
import { traiterValidation } from '../../src/validation'
import { executerLaFile, lireEml, tachesEnAttente } from '../aides/courriels'
import {
  AVEC_DOUBLONS,
  construireMonde,
  demandeComplete,
  type Monde,
  type Utilisateur,
} from '../aides/fabrique'
import { payloadDeTest, requetePour } from '../aides/payload'

let payload: Payload
let fermer: () => Promise<void>
let monde: Monde

const ADRESSES = {
  etabA: 'ce.0340042l@ac-montpellier.fr',
  rectoratM: 'rectorat.m@ac-montpellier.fr',
  region: 'region@laregion.fr',
} as const

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
  for (const [cle, email] of Object.entries(ADRESSES))
    await payload.update({
      collection: 'users',
      id: monde.users[cle as keyof typeof ADRESSES].id,
      data: { email },
      overrideAccess: true,
    })
})
afterAll(async () => fermer())

const boite = () => lireEml(process.env.MAIL_DIR!)
const nonLus = async (u: Utilisateur) => compterNonLus(await requetePour(payload, u))
const total = async (u: Utilisateur) => (await nonLus(u)).total
const ecrire = (user: Utilisateur, demande: number | string, texte: string) =>
  payload.create({
    collection: 'messages',
    data: { demande: demande as number, texte },
    user,
    overrideAccess: false,
    depth: 0,
  })
const deposerEtValider = async (user: Utilisateur, extra: Record<string, unknown> = {}) => {
  const d = await payload.create({
    collection: 'demandes',
    data: demandeComplete(monde, extra) as never,
    user,
    overrideAccess: false,
    depth: 0,
  })
  const r = await traiterValidation(await requetePour(payload, user), d.id, true, AVEC_DOUBLONS)
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return d
}
/** The French message of a refusal (a ValidationError carries it per field). */
const refus = (p: Promise<unknown>) =>
  p.then(
    () => 'accepté',
    (e: { message: string; data?: unknown }) => JSON.stringify(e.data ?? e.message),
  )
const marqueurs = async (u: Utilisateur) =>
  (
    await payload.find({
      collection: 'lectures',
      where: { user: { equals: u.id } },
      overrideAccess: true,
      depth: 0,
    })
  ).docs

describe('Messages non lus (compterNonLus, collection lectures)', () => {
  it("comptés pour qui lit le fil, sans ses propres messages, jusqu'à l'ouverture de la demande", async () => {
    const { users } = monde
    const d = await deposerEtValider(users.etabA)
    const autre = await deposerEtValider(users.etabB, { etablissementConcerne: monde.etablissements.b.id })
    for (const u of Object.values(users)) expect(await total(u), u.username).toBe(0)

    await ecrire(users.rectoratM, d.id, 'Pouvez-vous préciser la capacité ?')
    // The school's accounts see it (the colleague too), the author does not, another school nor académie neither.
    const pourA = await nonLus(users.etabA)
    expect(pourA.total).toBe(1)
    expect(pourA.demandes).toEqual([
      expect.objectContaining({
        id: d.id,
        numero: d.numero,
        etablissement: 'Lycée Jean Mermoz (0340042L)',
        nonLus: 1,
      }),
    ])
    expect(await total(users.etabA2)).toBe(1)
    expect(await total(users.rectoratM)).toBe(0)
    for (const u of [users.etabB, users.rectoratT, users.reseau, users.carif, users.integration])
      expect(await total(u), u.username).toBe(0)
    expect(await total(users.region)).toBe(1)

    // Answering marks the thread read for its author; the colleague now has two unread messages.
    await ecrire(users.etabA, d.id, 'La capacité est de 12 places.')
    expect(await total(users.etabA)).toBe(0)
    expect(await total(users.etabA2)).toBe(2)
    expect(await total(users.rectoratM)).toBe(1)
    expect(await total(users.region)).toBe(2)
    expect(await total(users.rectoratT)).toBe(0)

    // Another school's thread counts only for its own readers.
    await ecrire(users.rectoratT, autre.id, 'Une question pour Toulouse.')
    expect(await total(users.etabB)).toBe(1)
    expect(await total(users.etabA2)).toBe(2)
    expect(await total(users.region)).toBe(3)
    expect((await nonLus(users.region)).demandes.map((x) => x.id)).toEqual([autre.id, d.id])

    // Opening the demande (the consultation calls marquerLu) resets the count; a new message counts again.
    await marquerLu(await requetePour(payload, users.rectoratM), d.id)
    expect(await total(users.rectoratM)).toBe(0)
    await ecrire(users.etabA2, d.id, 'Et le plateau technique est prêt.')
    expect(await total(users.rectoratM)).toBe(1)
    await marquerLu(await requetePour(payload, users.rectoratM), d.id)
    await marquerLu(await requetePour(payload, users.rectoratM), d.id)
    expect(await total(users.rectoratM)).toBe(0)
    expect(await marqueurs(users.rectoratM)).toHaveLength(1)
    // Its own message never counts for its author, even where no marker followed it (written straight to the base).
    await payload.db.create({
      collection: 'messages',
      data: { demande: d.id, texte: 'Écrit sans marqueur.', auteur: users.rectoratM.id },
    })
    expect(await total(users.rectoratM)).toBe(0)
    expect(await total(users.etabA)).toBe(2)

    // Who is not in the thread gets no marker.
    await marquerLu(await requetePour(payload, users.carif), d.id)
    await marquerLu(await requetePour(payload, users.integration), d.id)
    expect(await marqueurs(users.carif)).toHaveLength(0)
    expect(await marqueurs(users.integration)).toHaveLength(0)
  })

  it("un marqueur n'est lu et écrit que par son propriétaire, pour une demande qu'il lit, à l'heure du serveur", async () => {
    const { users } = monde
    const d = await deposerEtValider(users.etabA)
    const mien = await payload.create({
      collection: 'lectures',
      data: {
        demande: d.id as number,
        user: users.etabA2.id as number,
        luJusquA: '2099-01-01T00:00:00.000Z',
      },
      user: users.etabA,
      overrideAccess: false,
      depth: 0,
    })
    expect(String(mien.user)).toBe(String(users.etabA.id))
    expect(Date.parse(mien.luJusquA!)).toBeLessThanOrEqual(Date.now())
    // One per user and demande.
    expect(
      await refus(
        payload.create({
          collection: 'lectures',
          data: { demande: d.id as number },
          user: users.etabA,
          overrideAccess: false,
        }),
      ),
    ).toMatch(/déjà marquée comme lue/)
    // Nobody else reads or changes it, the admin included; a demande one does not read cannot be marked.
    for (const u of [users.etabA2, users.rectoratM, users.admin]) {
      const r = await payload.find({ collection: 'lectures', user: u, overrideAccess: false, depth: 0 })
      expect(
        r.docs.map((x) => String(x.id)),
        u.username,
      ).not.toContain(String(mien.id))
      await expect(
        payload.update({
          collection: 'lectures',
          id: mien.id,
          data: {},
          user: u,
          overrideAccess: false,
        }),
        u.username,
      ).rejects.toThrow()
    }
    await expect(
      payload.find({ collection: 'lectures', user: users.integration, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
    expect(
      await refus(
        payload.create({
          collection: 'lectures',
          data: { demande: d.id as number },
          user: users.etabB,
          overrideAccess: false,
        }),
      ),
    ).toMatch(/pas accessible/)
    await expect(
      payload.delete({ collection: 'lectures', id: mien.id, user: users.etabA, overrideAccess: false }),
    ).rejects.toThrow()
  })

  it('partent avec leur demande quand elle est supprimée', async () => {
    const { users } = monde
    const brouillon = await payload.create({
      collection: 'demandes',
      data: demandeComplete(monde) as never,
      user: users.etabA,
      overrideAccess: false,
      depth: 0,
    })
    await marquerLu(await requetePour(payload, users.etabA), brouillon.id)
    const surLaDemande = { demande: { equals: brouillon.id } }
    expect((await payload.count({ collection: 'lectures', where: surLaDemande })).totalDocs).toBe(1)
    await payload.delete({
      collection: 'demandes',
      id: brouillon.id,
      user: users.etabA,
      overrideAccess: false,
    })
    expect((await payload.count({ collection: 'lectures', where: surLaDemande })).totalDocs).toBe(0)
  })
})

describe('Résumé quotidien des messages (tâche resumerMessages)', () => {
  it('réservé aux autorités ; remplace le courriel par message ; un courriel par compte listant les messages par demande ; rien quand il n’y a rien', async () => {
    const { users } = monde
    // A school may not choose it; the rectorat chooses it on its own account.
    expect(
      await refus(
        payload.update({
          collection: 'users',
          id: users.etabA.id,
          data: { resumeQuotidien: true },
          user: users.etabA,
          overrideAccess: false,
        }),
      ),
    ).toMatch(/« Recevoir un résumé quotidien des messages au lieu d'un courriel par message » : réservé/)
    // Nor in another shape that would be stored as ticked.
    for (const valeur of [1, 'on']) {
      expect(
        await refus(
          payload.update({
            collection: 'users',
            id: users.etabA.id,
            data: { resumeQuotidien: valeur } as never,
            user: users.etabA,
            overrideAccess: false,
          }),
        ),
        String(valeur),
      ).toMatch(/: réservé/)
    }
    await payload.update({
      collection: 'users',
      id: users.rectoratM.id,
      data: { resumeQuotidien: true },
      user: users.rectoratM,
      overrideAccess: false,
    })
    const lancer = async (maintenant: Date) => {
      await payload.jobs.queue({ task: TACHE_RESUME, input: { maintenant: maintenant.toISOString() } })
      await executerLaFile(payload)
      await executerLaFile(payload) // the digest queues its message, the next pass sends it
    }
    // A first digest covers the last 24 hours (the other tests' messages): this one starts after it.
    await lancer(new Date())
    const d1 = await deposerEtValider(users.etabA)
    const d2 = await deposerEtValider(users.etabA)
    await executerLaFile(payload)
    const avant = (await boite()).length

    await ecrire(users.etabA, d1.id, 'Première question.')
    await ecrire(users.etabA2, d2.id, 'Seconde question.')
    await ecrire(users.etabA, d1.id, 'Un complément.')
    await ecrire(users.rectoratM, d1.id, 'Ma propre réponse.')
    await executerLaFile(payload)
    const individuels = (await boite()).slice(avant)
    // The school still gets the rectorat's message; the rectorat gets none of the school's one by one.
    expect(individuels).toHaveLength(1)
    expect(individuels[0]!.destinataires).toContain(ADRESSES.etabA)
    expect(individuels.flatMap((m) => m.destinataires)).not.toContain(ADRESSES.rectoratM)

    const apres = (await boite()).length
    await lancer(new Date(Date.now() + 1000))
    const resumes = (await boite()).slice(apres)
    expect(resumes).toHaveLength(1)
    const [r] = resumes
    expect(r!.destinataires).toEqual([ADRESSES.rectoratM])
    expect(r!.subject).toMatch(/^Résumé du \d{1,2} \S+ \d{4} : 3 nouveaux messages sur 2 demandes$/)
    for (const corps of [r!.text!, r!.html as string]) {
      expect(corps).toContain(`Demande n° ${d1.numero} — Lycée Jean Mermoz (0340042L)`)
      expect(corps).toContain(`Demande n° ${d2.numero} — Lycée Jean Mermoz (0340042L)`)
      expect(corps).toContain('Première question.')
      expect(corps).toContain('Un complément.')
      expect(corps).toContain('Seconde question.')
      expect(corps).not.toContain('Ma propre réponse.')
      expect(corps).toContain(`/admin/demandes/${d1.id}/consulter`)
      expect(corps).toContain(`/admin/demandes/${d2.id}/consulter`)
    }
    // Grouped by demande: d1's two messages come under its heading, before d2's.
    const texte = r!.text!
    expect(texte.indexOf('Première question.')).toBeGreaterThan(texte.indexOf(`Demande n° ${d1.numero}`))
    expect(texte.indexOf('Un complément.')).toBeLessThan(texte.indexOf(`Demande n° ${d2.numero}`))
    expect(texte).toMatch(/0340042l, le \d{1,2} \S+ \d{4} à \d{2} h \d{2} : Première question\./)

    // Nothing new since: nothing sent. The task keeps itself scheduled for 06:00, Paris time.
    await lancer(new Date(Date.now() + 2000))
    expect((await boite()).slice(apres)).toHaveLength(1)
    const prochains = await tachesEnAttente(payload, TACHE_RESUME)
    expect(prochains).toHaveLength(1)
    const attente = new Date(prochains[0]!.waitUntil as string)
    expect(attente.getTime()).toBe(prochainMatinParis().getTime())
    expect(
      new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', timeStyle: 'short' }).format(attente),
    ).toBe('06:00')

    // Taken back: one mail per message again.
    await payload.update({
      collection: 'users',
      id: users.rectoratM.id,
      data: { resumeQuotidien: false },
      user: users.rectoratM,
      overrideAccess: false,
    })
    await ecrire(users.etabA, d2.id, 'Encore une.')
    const enFile = (await tachesEnAttente(payload, TACHE_COURRIEL)).map(
      (t) => (t.input as { message: { to: string | string[] } }).message.to,
    )
    expect(enFile).toContainEqual(ADRESSES.rectoratM)
  })
})
