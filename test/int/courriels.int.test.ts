import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { joursAvant, prochainMatin, TACHE_DECISIONS, TACHE_RAPPEL } from '../../src/taches'
import { TACHE_COURRIEL } from '../../src/courriels/file'
import { traiterValidation } from '../../src/validation'
import { bilanPublication } from '../../src/publicationDecisions'
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
const JOUR = 86_400_000

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
  const adresse = (u: Utilisateur, email: string) =>
    payload.update({ collection: 'users', id: u.id, data: { email }, overrideAccess: true })
  await adresse(monde.users.etabA, 'ce.0340042l@ac-montpellier.fr')
  await adresse(monde.users.etabA2, 'proviseur.0340042l@ac-montpellier.fr')
  await adresse(monde.users.etabB, 'ce.0310024h@ac-toulouse.fr')
  await adresse(monde.users.reseau, 'reseau.nimes@ac-montpellier.fr')
})
afterAll(async () => fermer())

const boite = () => lireEml(process.env.MAIL_DIR!)
const nouveaux = async (avant: number) => (await boite()).slice(avant)
const creer = (user: Utilisateur, data: Record<string, unknown>) =>
  payload.create({ collection: 'demandes', data: data as never, user, overrideAccess: false, depth: 0 })

describe('Accusé de réception de la validation', () => {
  it('est mis en file pendant la validation puis envoyé par la file au responsable et aux comptes de la structure, avec le récapitulatif', async () => {
    const avant = (await boite()).length
    const d = await creer(monde.users.etabA, demandeComplete(monde))
    const r = await traiterValidation(
      await requetePour(payload, monde.users.etabA),
      d.id,
      true,
      AVEC_DOUBLONS,
    )
    expect(r.status).toBe(200)

    // Nothing is delivered inside the request: the message waits in the queue.
    expect(await nouveaux(avant)).toHaveLength(0)
    expect(await tachesEnAttente(payload, TACHE_COURRIEL)).toHaveLength(1)

    await executerLaFile(payload)
    const [m, ...autres] = await nouveaux(avant)
    expect(autres).toHaveLength(0)
    expect(m!.destinataires.sort()).toEqual([
      'ce.0340042l@ac-montpellier.fr',
      'claire.martin@ac-montpellier.fr',
      'proviseur.0340042l@ac-montpellier.fr',
    ])
    expect(m!.subject).toBe(`Accusé de réception — demande n° ${d.numero} validée (rentrée 2027)`)
    expect(m!.from?.text).toContain('Carte des formations')
    // Plain text and HTML both carry the recap.
    for (const corps of [m!.text!, m!.html as string]) {
      expect(corps).toContain('Lycée Jean Mermoz (0340042L)')
      expect(corps).toContain('A/ Établissement de formation')
      expect(corps).toContain('Claire Martin')
      expect(corps).toContain('Ouverture')
      expect(corps).toContain(`/admin/demandes/${d.id}/consulter`)
    }
    expect(await tachesEnAttente(payload, TACHE_COURRIEL)).toHaveLength(0)
  })

  it("n'envoie rien à un compte désactivé et n'écrit jamais de HTML venu de la saisie", async () => {
    await payload.update({
      collection: 'users',
      id: monde.users.etabA2.id,
      data: { actif: false },
      overrideAccess: true,
    })
    const avant = (await boite()).length
    const d = await creer(
      monde.users.etabA,
      demandeComplete(monde, {
        priorite: 12,
        responsable: {
          nom: '<img src=x onerror=alert(1)>',
          telephone: '04 67 13 81 55',
          email: 'claire.martin@ac-montpellier.fr',
        },
      }),
    )
    expect(
      (await traiterValidation(await requetePour(payload, monde.users.etabA), d.id, true, AVEC_DOUBLONS))
        .status,
    ).toBe(200)
    await executerLaFile(payload)
    const [m] = await nouveaux(avant)
    expect(m!.destinataires).not.toContain('proviseur.0340042l@ac-montpellier.fr')
    expect(m!.html).not.toContain('<img src=x')
    expect(m!.html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    await payload.update({
      collection: 'users',
      id: monde.users.etabA2.id,
      data: { actif: true },
      overrideAccess: true,
    })
  })
})

describe('Réinitialisation du mot de passe', () => {
  it('passe par la file, en français, avec un lien vers la page de réinitialisation et une partie texte', async () => {
    const avant = (await boite()).length
    const jeton = await payload.forgotPassword({
      collection: 'users',
      data: { username: '0310024h' } as never,
      disableEmail: false,
    })
    expect(await nouveaux(avant)).toHaveLength(0)
    await executerLaFile(payload)
    const [m] = await nouveaux(avant)
    expect(m!.destinataires).toEqual(['ce.0310024h@ac-toulouse.fr'])
    expect(m!.subject).toBe('Réinitialisation de votre mot de passe — Carte des formations')
    expect(m!.text).toContain(`/admin/reset/${jeton}`)
    expect(m!.text).toContain('« 0310024H »')
  })
})

describe('Rappel avant la clôture', () => {
  it('calcule les jours calendaires avant la clôture (heure de Paris) et le prochain passage du matin', () => {
    expect(joursAvant(new Date('2027-01-31T22:59:00Z'), new Date('2027-01-24T08:00:00Z'))).toBe(7)
    expect(joursAvant(new Date('2027-01-31T23:30:00Z'), new Date('2027-01-24T08:00:00Z'))).toBe(8) // 1er février à Paris
    expect(prochainMatin(new Date('2027-01-24T05:00:00Z')).toISOString()).toBe('2027-01-24T06:00:00.000Z')
    expect(prochainMatin(new Date('2027-01-24T06:00:00Z')).toISOString()).toBe('2027-01-25T06:00:00.000Z')
  })

  it("écrit, J-7, à chaque structure qui a des demandes non validées, une seule fois, et à personne d'autre", async () => {
    const cloture = new Date(Date.now() + 7 * JOUR)
    await payload.updateGlobal({
      slug: 'campagne',
      overrideAccess: true,
      data: { cloture: cloture.toISOString(), ouverture: new Date(Date.now() - 10 * JOUR).toISOString() },
    })
    const brouillonA = await creer(monde.users.etabA, { etablissementConcerne: monde.etablissements.a.id })
    const brouillonR = await creer(monde.users.reseau, {
      etablissementConcerne: monde.etablissements.m2.id,
      responsable: { email: 'chef.travaux@ac-montpellier.fr' },
    })
    // École B has only validated demandes: no reminder.
    const dB = await creer(
      monde.users.etabB,
      demandeComplete(monde, { etablissementConcerne: monde.etablissements.b.id }),
    )
    expect(
      (await traiterValidation(await requetePour(payload, monde.users.etabB), dB.id, true, AVEC_DOUBLONS))
        .status,
    ).toBe(200)
    await executerLaFile(payload)

    const avant = (await boite()).length
    const lancer = async (jour: Date) => {
      await payload.jobs.queue({ task: TACHE_RAPPEL, input: { aujourdhui: jour.toISOString() } })
      await executerLaFile(payload)
      await executerLaFile(payload) // the reminder queues the messages, the next pass sends them
    }
    await lancer(new Date(Date.now() + JOUR)) // J-6: not a reminder day
    expect(await nouveaux(avant)).toHaveLength(0)

    await lancer(new Date())
    const recus = await nouveaux(avant)
    expect(recus).toHaveLength(2)
    const pourA = recus.find((m) => m.destinataires.includes('ce.0340042l@ac-montpellier.fr'))!
    const pourReseau = recus.find((m) => m.destinataires.includes('reseau.nimes@ac-montpellier.fr'))!
    expect(pourA.subject).toMatch(/^Rappel : clôture de la saisie dans 7 jours, \d+ demandes? non validées?$/)
    expect(pourA.text).toContain(`N° ${brouillonA.numero}`)
    expect(pourA.text).not.toContain(`N° ${brouillonR.numero} `)
    expect(pourReseau.destinataires).toContain('chef.travaux@ac-montpellier.fr')
    expect(pourReseau.text).toContain(`N° ${brouillonR.numero}`)
    expect(recus.flatMap((m) => m.destinataires)).not.toContain('ce.0310024h@ac-toulouse.fr')

    await lancer(new Date()) // the same day again: already sent
    expect(await nouveaux(avant)).toHaveLength(2)
    // The runner keeps one reminder waiting for the next morning.
    const prochains = await tachesEnAttente(payload, TACHE_RAPPEL)
    expect(prochains).toHaveLength(1)
    expect(new Date(prochains[0]!.waitUntil as string).getTime()).toBeGreaterThan(Date.now())
  })
})

describe('Publication des décisions', () => {
  it('informe chaque structure des avis et décisions de ses demandes, une fois, quand la Région publie', async () => {
    const d = await creer(monde.users.etabA, demandeComplete(monde))
    expect(
      (await traiterValidation(await requetePour(payload, monde.users.etabA), d.id, true, AVEC_DOUBLONS))
        .status,
    ).toBe(200)
    // Another structure's demande, validated, without any décision: that structure is not written to.
    const sansDecision = await creer(
      monde.users.etabB,
      demandeComplete(monde, { etablissementConcerne: monde.etablissements.b.id }),
    )
    expect(
      (
        await traiterValidation(
          await requetePour(payload, monde.users.etabB),
          sansDecision.id,
          true,
          AVEC_DOUBLONS,
        )
      ).status,
    ).toBe(200)
    await payload.update({
      collection: 'demandes',
      id: d.id,
      overrideAccess: false,
      user: monde.users.rectoratM,
      data: { avis: { avis: 'favorable', commentaire: 'Besoin avéré.' } } as never,
    })
    await payload.update({
      collection: 'demandes',
      id: d.id,
      overrideAccess: false,
      user: monde.users.region,
      data: { decision: { decision: 'retenue', commentaire: 'Ouverture à la rentrée 2027.' } } as never,
    })
    await executerLaFile(payload)
    const avant = (await boite()).length

    await payload.updateGlobal({
      slug: 'campagne',
      overrideAccess: false,
      user: monde.users.carif,
      data: { decisionsPubliees: true },
    })
    expect(await tachesEnAttente(payload, TACHE_DECISIONS)).toHaveLength(1)
    await executerLaFile(payload)
    await executerLaFile(payload)
    const recus = await nouveaux(avant)
    const pourA = recus.find((m) => m.destinataires.includes('ce.0340042l@ac-montpellier.fr'))!
    expect(pourA.subject).toBe('Décisions publiées — carte des formations, rentrée 2027')
    expect(pourA.text).toContain(`Demande n° ${d.numero}`)
    expect(pourA.text).toContain('Décision de la Région : Retenue')
    expect(pourA.text).toContain('Avis des autorités académiques : Favorable')
    expect(pourA.text).toContain('Ouverture à la rentrée 2027.')
    // « Décisions publiées » with « pas encore de décision » for everything it filed would only mislead it.
    expect(recus.find((m) => m.destinataires.includes('ce.0310024h@ac-toulouse.fr'))).toBeUndefined()

    // Unpublish and publish again: nobody is written to twice.
    await payload.updateGlobal({ slug: 'campagne', overrideAccess: true, data: { decisionsPubliees: false } })
    await payload.updateGlobal({ slug: 'campagne', overrideAccess: true, data: { decisionsPubliees: true } })
    await executerLaFile(payload)
    await executerLaFile(payload)
    expect(await nouveaux(avant)).toHaveLength(recus.length)

    // Withdrawn, a décision changed, published again: the confirmation counts the one structure to mail and the
    // ones already told; that structure alone gets « Décisions mises à jour » with the new décision.
    await payload.updateGlobal({ slug: 'campagne', overrideAccess: true, data: { decisionsPubliees: false } })
    await payload.update({
      collection: 'demandes',
      id: d.id,
      overrideAccess: false,
      user: monde.users.region,
      data: { decision: { decision: 'ajournee', commentaire: 'Report à la rentrée 2028.' } } as never,
    })
    const bilan = await bilanPublication(payload, 2027)
    expect(bilan.structures).toBe(1)
    await payload.updateGlobal({ slug: 'campagne', overrideAccess: true, data: { decisionsPubliees: true } })
    await executerLaFile(payload)
    await executerLaFile(payload)
    const ensuite = (await nouveaux(avant)).slice(recus.length)
    expect(ensuite.map((m) => [m.destinataires, m.subject])).toEqual([
      [pourA.destinataires, 'Décisions mises à jour — carte des formations, rentrée 2027'],
    ])
    expect(ensuite[0]!.text).toContain('Décision de la Région : Ajournée')
    expect(ensuite[0]!.text).toContain('Report à la rentrée 2028.')
    expect(ensuite[0]!.text).toContain('ont changé depuis notre précédent courriel')
    // Once more with nothing changed: nobody.
    expect((await bilanPublication(payload, 2027)).structures).toBe(0)
    expect((await bilanPublication(payload, 2027)).dejaInformees).toBeGreaterThanOrEqual(1)
    await payload.updateGlobal({ slug: 'campagne', overrideAccess: true, data: { decisionsPubliees: false } })
    await payload.updateGlobal({ slug: 'campagne', overrideAccess: true, data: { decisionsPubliees: true } })
    await executerLaFile(payload)
    await executerLaFile(payload)
    expect((await nouveaux(avant)).length).toBe(recus.length + 1)
  })
})
