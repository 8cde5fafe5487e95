import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { TACHE_COURRIEL } from '../../src/courriels/file'
import { traiterValidation } from '../../src/validation'
import { executerLaFile, lireEml, tachesEnAttente } from '../aides/courriels'
import { AVEC_DOUBLONS, construireMonde, demandeComplete, type Monde } from '../aides/fabrique'
import { payloadDeTest, requetePour } from '../aides/payload'
import { pdfPourLeLecteur } from '../../src/pdf/donnees'
import { lirePdf } from '../aides/pdf'

let payload: Payload
let fermer: () => Promise<void>
let monde: Monde

beforeAll(async () => {
  ;({ payload, fermer } = await payloadDeTest())
  monde = await construireMonde(payload)
  await payload.update({
    collection: 'users',
    id: monde.users.etabA.id,
    data: { email: 'ce.0340042l@ac-montpellier.fr', nom: 'Proviseure Mermoz' },
    overrideAccess: true,
  })
})
afterAll(async () => fermer())

const RAPPORT =
  'Le bassin sétois réclame des cuisiniers qualifiés : les restaurateurs s’engagent à accueillir les élèves.'

describe('Accusé de réception : la demande en PDF jointe', () => {
  it('la file ne garde que l’identifiant de la demande ; le PDF, construit à l’envoi, est joint au courriel', async () => {
    const boite = () => lireEml(process.env.MAIL_DIR!)
    const avant = (await boite()).length
    const d = await payload.create({
      collection: 'demandes',
      data: demandeComplete(monde, { rapportOpportunite: RAPPORT }) as never,
      user: monde.users.etabA,
      overrideAccess: false,
      depth: 0,
    })
    const r = await traiterValidation(
      await requetePour(payload, monde.users.etabA),
      d.id,
      true,
      AVEC_DOUBLONS,
    )
    expect(r.status).toBe(200)

    const [tache, ...autres] = await tachesEnAttente(payload, TACHE_COURRIEL)
    expect(autres).toHaveLength(0)
    const entree = JSON.stringify(tache!.input)
    expect((tache!.input as { message: { pdfDemande?: unknown } }).message.pdfDemande).toEqual({
      demande: d.id,
    })
    // No file in the job: a few kilobytes of text, not the PDF.
    expect(entree).not.toContain('%PDF')
    expect(entree.length).toBeLessThan(20_000)

    await executerLaFile(payload)
    const [m] = (await boite()).slice(avant)
    expect(m!.subject).toBe(`Accusé de réception — demande n° ${d.numero} validée (rentrée 2027)`)
    expect(m!.text).toContain('la demande en PDF est jointe à ce message')
    const pieces = m!.attachments.filter((a) => a.contentType === 'application/pdf')
    expect(pieces).toHaveLength(1)
    expect(pieces[0]!.filename).toBe(`demande-${d.numero}.pdf`)
    const lu = await lirePdf(pieces[0]!.content)
    expect(lu.titre).toContain(`Demande n° ${d.numero}`)
    for (const attendu of [
      `Demande n° ${d.numero}`,
      '0340042L',
      RAPPORT,
      'Statut : Validée',
      'par Proviseure Mermoz',
      'Claire Martin',
      'Aucune annexe.',
    ])
      expect(lu.texte).toContain(attendu)
    expect(lu.texte).not.toContain('Instruction')
  })
})

describe('PDF de la demande : l’avis et la décision pour l’établissement seulement après publication', () => {
  it('avant publication : statut « Validée », ni avis ni décision ; après : statut réel, avis et décision commentés et datés', async () => {
    const d = await payload.create({
      collection: 'demandes',
      data: demandeComplete(monde, { rapportOpportunite: RAPPORT }) as never,
      user: monde.users.etabA,
      overrideAccess: false,
      depth: 0,
    })
    expect(
      (await traiterValidation(await requetePour(payload, monde.users.etabA), d.id, true, AVEC_DOUBLONS))
        .status,
    ).toBe(200)
    const instruire = (user: typeof monde.users.region, data: Record<string, unknown>) =>
      payload.update({ collection: 'demandes', id: d.id, data: data as never, user, overrideAccess: false })
    await instruire(monde.users.rectoratM, {
      avis: { avis: 'favorable', commentaire: 'Avis motivé du rectorat.' },
    })
    await instruire(monde.users.region, {
      decision: { decision: 'non-retenue', commentaire: 'Capacité régionale déjà suffisante.' },
    })
    const texte = async (user: typeof monde.users.region) => {
      const r = await pdfPourLeLecteur(await requetePour(payload, user), d.id)
      return (await lirePdf(r!.pdf)).texte
    }
    const publier = (decisionsPubliees: boolean) =>
      payload.updateGlobal({ slug: 'campagne', data: { decisionsPubliees }, overrideAccess: true })

    await publier(false)
    const avant = await texte(monde.users.etabA)
    expect(avant).toContain('Statut : Validée')
    for (const cache of [
      'Avis motivé du rectorat.',
      'Capacité régionale déjà suffisante.',
      'Non retenue',
      'Favorable',
    ])
      expect(avant).not.toContain(cache)
    // The Région reads them before publication.
    expect(await texte(monde.users.region)).toContain('Capacité régionale déjà suffisante.')

    await publier(true)
    try {
      const apres = await texte(monde.users.etabA)
      for (const attendu of [
        'Statut : Non retenue',
        'Avis Favorable',
        "Commentaire de l'avis Avis motivé du rectorat.",
        'Décision Non retenue',
        'Commentaire de la décision Capacité régionale déjà suffisante.',
      ])
        expect(apres).toContain(attendu)
      expect(apres).toMatch(/Date de la décision \d{1,2} \S+ \d{4} à \d{2} h \d{2}/)
    } finally {
      await publier(false)
    }
  })
})
