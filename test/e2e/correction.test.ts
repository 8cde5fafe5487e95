import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { appel, deposerDemande, jeton, validerDemande } from '../aides/http'
import {
  capturer,
  Chrono,
  connecter,
  lancerNavigateur,
  nouvellePage,
  url,
  verifierAccessibilite,
  visible,
} from '../aides/navigateur'

/**
 * Issue 16, item 3, as the school secretary lives it: the rectorat sends a validated demande back with a message
 * (contract: POST /api/demandes/:id/demander-correction), the school finds it first on its dashboard, corrects it
 * and validates it again through the recap.
 */
let navigateur: Browser
let page: Page
const chrono = new Chrono('correction')
const MOTIF = 'Précisez le plateau technique prévu pour la rentrée et joignez le PV du conseil.'
let d: { id: number | string; numero: number }

beforeAll(async () => {
  navigateur = await lancerNavigateur()
  const ecole = await jeton('0310024H')
  d = await deposerDemande(ecole, '0310024H', {
    responsable: { nom: 'Inès Correction', telephone: '05 61 51 00 00', email: 'ines@demo.example' },
    rapportOpportunite: 'Première version du rapport.',
  })
  await validerDemande(ecole, d.id)
})
afterAll(async () => {
  chrono.ecrire()
  await navigateur?.close()
})

describe('Une demande renvoyée pour correction', () => {
  it('le rectorat la renvoie depuis sa consultation, avec ce qu’il faut corriger ; le message entre dans les échanges', async () => {
    const officier = await nouvellePage(navigateur)
    await connecter(officier, 'rectorat-toulouse')
    await officier.goto(url(`/admin/demandes/${d.id}/consulter`))
    await visible(officier.getByRole('heading', { name: 'Échanges' }))
    // Sending it back without saying what to correct: refused beside the field, in French.
    officier.once('dialog', (dialogue) => dialogue.accept())
    await officier.getByRole('button', { name: 'Renvoyer pour correction' }).click()
    await visible(officier.getByRole('alert').getByText(/Message/))
    await officier.getByLabel("Ce qu'il faut corriger").fill(MOTIF)
    officier.once('dialog', (dialogue) => dialogue.accept())
    await officier.getByRole('button', { name: 'Renvoyer pour correction' }).click()
    await visible(officier.locator('.echanges__fil').getByText(MOTIF))
    await visible(officier.getByText(/Demande renvoyée pour correction/))
    expect(await officier.getByRole('button', { name: 'Renvoyer pour correction' }).count()).toBe(0)
    await capturer(officier, 'correction-00-rectorat')
    await officier.context().close()
    chrono.top('rectorat : renvoi pour correction')
  })

  it('apparaît en tête du tableau de bord de l’établissement, avec le message du rectorat', async () => {
    page = await nouvellePage(navigateur)
    await connecter(page, '0310024H')
    const section = page.locator('section.a-corriger')
    await visible(section.getByRole('heading', { name: 'Demandes à corriger' }))
    await visible(section.getByText(MOTIF))
    await visible(section.getByText(`Demande n° ${d.numero}`))
    // First on the page: before the drafts.
    const titres = await page.locator('.tableau-de-bord h2').allInnerTexts()
    expect(titres[0]).toBe('Demandes à corriger')
    await capturer(page, 'correction-01-tableau-de-bord')
    chrono.top('tableau de bord : demande à corriger')
  })

  it('se corrige dans le formulaire, puis se valide de nouveau par le récapitulatif', async () => {
    await page.getByRole('link', { name: `Corriger la demande ${d.numero}` }).click()
    await page.waitForURL(url(`/admin/collections/demandes/${d.id}`))
    const rapport = page.locator('#field-rapportOpportunite')
    await visible(rapport)
    await rapport.fill('Version corrigée : plateau technique de 12 postes, PV du conseil du 2 décembre.')
    await page.getByRole('button', { name: 'Valider la demande' }).click()
    await page.waitForURL(url(`/admin/demandes/${d.id}/recapitulatif`))
    await visible(page.getByText('Version corrigée : plateau technique de 12 postes'))
    await capturer(page, 'correction-02-recapitulatif')
    await page.getByRole('button', { name: 'Confirmer la validation' }).click()
    await page.waitForURL(/\/admin(\?|$)/)
    await visible(page.getByText(`La demande n° ${d.numero} a été validée.`))
    expect(await page.locator('section.a-corriger').count()).toBe(0)
    await capturer(page, 'correction-03-validee')
    const relue = (
      await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: await jeton('rectorat-toulouse') })
    ).corps
    expect(relue.statut).toBe('validee')
    expect(relue.rapportOpportunite).toMatch(/^Version corrigée/)
    // The school answers in the thread, from its consult page.
    await page.goto(url(`/admin/demandes/${d.id}/consulter`))
    await visible(page.locator('.echanges__fil').getByText(MOTIF))
    await page.getByLabel('Votre message').fill('Corrigé : plateau technique précisé.')
    await page.getByRole('button', { name: 'Envoyer le message' }).click()
    await visible(page.locator('.echanges__fil').getByText('Corrigé : plateau technique précisé.'))
    expect(await page.getByRole('button', { name: 'Renvoyer pour correction' }).count()).toBe(0)
    await capturer(page, 'correction-04-echanges')
    chrono.top('correction puis nouvelle validation')
  })
})

describe('L’avis et la décision se donnent à côté de la demande en lecture seule', () => {
  it('le rectorat trouve le formulaire d’avis dès l’ouverture (5 chargements de suite), l’enregistre ; la Région décide ; l’établissement ne voit rien avant publication', async () => {
    const officier = await nouvellePage(navigateur)
    await connecter(officier, 'rectorat-toulouse')
    // The list opens a validated demande on its review screen, not in the filer's form.
    await officier.goto(url(`/admin/collections/demandes?where[numero][equals]=${d.numero}`))
    await officier.getByRole('link', { name: `Consulter la demande n° ${d.numero}` }).click()
    // The list's link carries the list to come back to (`?depuis=`).
    await officier.waitForURL((u) => u.pathname === `/admin/demandes/${d.id}/consulter`)
    for (let i = 0; i < 5; i++) {
      await officier.goto(url(`/admin/demandes/${d.id}/consulter`))
      await visible(officier.locator('#instruction-avis'))
    }
    expect(await officier.locator('#instruction-decision').count()).toBe(0)
    await verifierAccessibilite(officier, 'consultation du rectorat (avis, échanges, correction)')
    await officier.locator('#instruction-avis').selectOption('favorable')
    await officier
      .getByLabel("Commentaire de l'avis", { exact: true })
      .last()
      .fill('Avis favorable après correction.')
    await officier.getByRole('button', { name: "Enregistrer l'avis" }).click()
    await visible(officier.getByRole('status').getByText('Avis enregistré.'))
    await visible(officier.locator('.recapitulatif').getByText('Avis favorable après correction.'))
    await capturer(officier, 'correction-05-avis')
    await officier.context().close()

    const region = await nouvellePage(navigateur)
    await connecter(region, 'region')
    await region.goto(url(`/admin/demandes/${d.id}/consulter`))
    await visible(region.getByRole('heading', { name: 'Votre décision' }))
    await region.locator('#instruction-decision').selectOption('retenue')
    await region.getByLabel('Commentaire de la décision', { exact: true }).last().fill('Retenue au comité.')
    await region.getByRole('button', { name: 'Enregistrer la décision' }).click()
    await visible(region.getByRole('status').getByText('Décision enregistrée.'))
    await capturer(region, 'correction-06-decision')
    await region.context().close()
    const relue = (await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: await jeton('region') }))
      .corps
    expect(relue.statut).toBe('retenue')
    expect(relue.avis.avis).toBe('favorable')

    // Before publication (another file may have left it published) the school reads « Validée », no avis, no
    // décision, no form.
    const campagne = await appel('POST', '/api/globals/campagne', {
      jeton: await jeton('carif-oref'),
      corps: { decisionsPubliees: false },
    })
    expect(campagne.status, JSON.stringify(campagne.corps)).toBe(200)
    await page.goto(url(`/admin/demandes/${d.id}/consulter`))
    await visible(page.getByText(/Demande validée le/))
    const texte = await page.locator('.consultation').innerText()
    expect(texte).not.toMatch(/Favorable|Retenue|après correction|au comité/)
    expect(await page.locator('#instruction-avis, #instruction-decision').count()).toBe(0)
  })
})
