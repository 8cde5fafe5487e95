import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { TACHE_COURRIEL } from '../../src/courriels/file'
import { traiterValidation } from '../../src/validation'
import { executerLaFile, lireEml, serveurSmtp, tachesEnAttente } from '../aides/courriels'
import { AVEC_DOUBLONS, construireMonde, demandeComplete, type Monde } from '../aides/fabrique'
import { payloadDeTest, requetePour } from '../aides/payload'

let payload: Payload
let fermer: () => Promise<void>
let monde: Monde
let smtp: Awaited<ReturnType<typeof serveurSmtp>>

beforeAll(async () => {
  smtp = await serveurSmtp()
  process.env.SMTP_HOST = '127.0.0.1'
  process.env.SMTP_PORT = String(smtp.port)
  process.env.MAIL_FROM = 'carte-formations@laregion.fr'
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
  await payload.update({
    collection: 'users',
    id: monde.users.etabA.id,
    data: { email: 'ce.0340042l@ac-montpellier.fr' },
    overrideAccess: true,
  })
})
afterAll(async () => {
  await fermer()
  await smtp.fermer()
})

/** Makes a job that is waiting for its retry due now (the backoff is 20 s and more). */
async function avancerLesRelances() {
  for (const job of await tachesEnAttente(payload, TACHE_COURRIEL)) {
    await payload.db.updateOne({
      collection: 'payload-jobs',
      id: job.id,
      data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
    })
  }
}

describe('Envoi par SMTP (SMTP_HOST configuré)', () => {
  it("remet l'accusé de réception au serveur SMTP, de l'expéditeur configuré, en texte et en HTML, et n'écrit aucun .eml", async () => {
    const d = await payload.create({
      collection: 'demandes',
      data: demandeComplete(monde) as never,
      user: monde.users.etabA,
      overrideAccess: false,
    })
    expect(
      (await traiterValidation(await requetePour(payload, monde.users.etabA), d.id, true, AVEC_DOUBLONS))
        .status,
    ).toBe(200)
    expect(smtp.recus).toHaveLength(0)
    await executerLaFile(payload)
    expect(smtp.recus).toHaveLength(1)
    const m = smtp.recus[0]!
    expect(m.from?.value[0]?.address).toBe('carte-formations@laregion.fr')
    expect(m.destinataires.sort()).toEqual([
      'ce.0340042l@ac-montpellier.fr',
      'claire.martin@ac-montpellier.fr',
    ])
    expect(m.subject).toBe(`Accusé de réception — demande n° ${d.numero} validée (rentrée 2027)`)
    expect(m.text).toContain('Capacité')
    expect(m.html).toContain('<table')
    expect(await lireEml(process.env.MAIL_DIR!)).toHaveLength(0)
  })

  it('réessaie un envoi refusé par le serveur (451) et le remet au passage suivant, sans doublon', async () => {
    const avant = smtp.recus.length
    smtp.refuser(1)
    await payload.forgotPassword({ collection: 'users', data: { username: '0340042l' } as never })
    await executerLaFile(payload)
    expect(smtp.recus).toHaveLength(avant)
    const [enEchec] = await tachesEnAttente(payload, TACHE_COURRIEL)
    expect(enEchec!.totalTried).toBe(1)
    expect(JSON.stringify(enEchec!.log)).toContain('451')

    await avancerLesRelances()
    await executerLaFile(payload)
    expect(smtp.recus).toHaveLength(avant + 1)
    expect(smtp.recus[avant]!.subject).toBe('Réinitialisation de votre mot de passe — Carte des formations')
    expect(await tachesEnAttente(payload, TACHE_COURRIEL)).toHaveLength(0)
  })
})
