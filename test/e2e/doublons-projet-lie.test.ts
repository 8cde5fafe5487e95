import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { dateHeureFr } from '../../src/formatsDates'
import { appel, deposerDemande, deposerEtValider, formulaireFichier, jeton, PDF_MINIMAL } from '../aides/http'
import { capturer, Chrono, lancerNavigateur, nouvellePage, url, visible } from '../aides/navigateur'

/**
 * Issue 18, as a school secretary meets it: a projet lié given by the numero another établissement sent, the
 * warning that a draft duplicates a validated demande and its confirmation in the recap, the annexes listed in the
 * recap, the closing instant shown as stored, and no red toast of a failed login left over the dashboard.
 */
let navigateur: Browser
let page: Page
const chrono = new Chrono('doublons-projet-lie')
let mermoz: string
let chezAragon: { id: number | string; numero: number }
let validee: { id: number | string; numero: number }
let double: { id: number | string; numero: number }

beforeAll(async () => {
  navigateur = await lancerNavigateur()
  mermoz = await jeton('0340042L')
  chezAragon = await deposerDemande(await jeton('0310024H'), '0310024H', {
    rapportOpportunite: 'Rapport confidentiel de Muret.',
  })
  // A BTS, which the other files of the suite do not file: the duplicate below is this file's own.
  const bts = {
    diplome: await idDiplome('32031213'),
    dureeFormation: 2,
    anneeFormation: 1,
    mesure: 'ouverture',
  }
  validee = await deposerEtValider(mermoz, '0340042L', bts)
  double = await deposerDemande(mermoz, '0340042L', { ...bts, capaciteNouvelle: 15 })
  const annexe = await appel('POST', '/api/annexes', {
    jeton: mermoz,
    corps: formulaireFichier(PDF_MINIMAL, 'pv-du-conseil.pdf', 'application/pdf', {
      demande: double.id,
      description: 'PV du conseil',
    }),
  })
  expect(annexe.status, JSON.stringify(annexe.corps)).toBe(201)
})
afterAll(async () => {
  chrono.ecrire()
  await navigateur?.close()
})

async function idDiplome(cfd: string) {
  const r = await appel('GET', `/api/diplomes?where[cfd][equals]=${cfd}&depth=0&limit=1`, { jeton: mermoz })
  const id = r.corps.docs?.[0]?.id
  if (id === undefined) throw new Error(`Diplôme ${cfd} absent des données de démonstration.`)
  return id
}

describe('Dates de la campagne', () => {
  it('la page publique donne l’instant de clôture tel qu’il est enregistré, à la minute', async () => {
    const campagne = (await appel('GET', '/api/globals/campagne?depth=0')).corps
    const attendu = `La saisie des demandes est ouverte jusqu'au ${dateHeureFr(campagne.cloture)}.`
    const publique = await nouvellePage(navigateur)
    await publique.goto(url('/'))
    await visible(publique.getByRole('status').filter({ hasText: attendu }))
    expect(await publique.locator('body').innerText()).not.toMatch(/inclus|AM|PM/)
    await capturer(publique, 'doublons-projet-lie-00-accueil')
    await publique.context().close()
    chrono.top('page publique : instant de clôture')
  })
})

describe('Connexion', () => {
  it('après un mot de passe erroné puis le bon, le message rouge ne reste pas sur le tableau de bord', async () => {
    page = await nouvellePage(navigateur)
    await page.goto(url('/admin/login'))
    await page.getByLabel('Identifiant').fill('0340042L')
    await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe')
    await page.getByRole('button', { name: 'Se connecter' }).click()
    const toastErreur = page.locator('[data-sonner-toast][data-type="error"]')
    await visible(toastErreur)
    await page.getByLabel('Mot de passe').fill(inject('motDePasseDemo'))
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.waitForURL(url('/admin'))
    await visible(page.getByRole('heading', { name: /Saisie en ligne des demandes/ }))
    // Sonner keeps a toast 4 s, then lets it fade: looked for as soon as the dashboard shows (a dismissed toast is
    // marked `data-removed` at once, while it fades out).
    const resteAffiche = page.locator('[data-sonner-toast][data-type="error"]:not([data-removed="true"])')
    await expect.poll(() => resteAffiche.count(), { timeout: 500 }).toBe(0)
    await page.waitForTimeout(600)
    expect(await toastErreur.count()).toBe(0)
    // The dashboard shows the same instant as the public page.
    const campagne = (await appel('GET', '/api/globals/campagne?depth=0')).corps
    await visible(page.getByText(`La saisie est ouverte jusqu'au ${dateHeureFr(campagne.cloture)}.`))
    await capturer(page, 'doublons-projet-lie-01-tableau-de-bord')
    chrono.top('connexion après un échec : pas de message resté')
  })
})

describe('Projet lié et doublon dans le formulaire', () => {
  it('le projet lié se donne par le numéro d’un autre établissement ; ses propres demandes se choisissent par ce qu’on en reconnaît', async () => {
    await page.goto(url(`/admin/collections/demandes/${double.id}`))
    await page.getByLabel('Votre projet fait-il référence à un autre projet ?').check()
    const choix = page.getByLabel("ou choisissez l'une de vos demandes")
    await visible(choix)
    const options = await choix.locator('option').allInnerTexts()
    const sienne = options.find((o) => o.startsWith(`N° ${validee.numero} — `))
    // What a secretary recognises: numero, diplôme (type and libellé), year and length, mesure.
    expect(sienne).toMatch(
      /^N° \d+ — BTS .*MANAGEMENT COMMERCIAL OP.RATIONNEL, 1re année en 2 ans — Ouverture$/i,
    )
    expect(options.some((o) => o.startsWith(`N° ${double.numero} `))).toBe(false)
    const numero = page.getByLabel("Si oui, indiquez l'identifiant du projet concerné")
    // A numero that names no demande: refused beside the field, in French.
    await numero.fill('98765432')
    await page.getByRole('button', { name: 'Sauvegarder' }).click()
    await visible(page.getByText(/aucun projet ne porte le n° 98765432/).first())
    await capturer(page, 'doublons-projet-lie-02-numero-inconnu')
    await numero.fill(String(chezAragon.numero))
    await page.getByRole('button', { name: 'Sauvegarder' }).click()
    await page.waitForTimeout(500)
    await page.reload()
    await expect.poll(() => numero.inputValue()).toBe(String(chezAragon.numero))
    expect(await page.locator('body').innerText()).not.toContain('confidentiel')
    const lue = await appel('GET', `/api/demandes/${double.id}?depth=0`, { jeton: mermoz })
    expect(String(lue.corps.demandeLiee)).toBe(String(chezAragon.id))
    chrono.top('projet lié par numéro')
  })

  it('le brouillon identique à une demande validée est signalé dans le formulaire, et enregistré quand même', async () => {
    const avertissement = page.locator('.avertissement-doublon')
    await visible(avertissement)
    expect(await avertissement.innerText()).toContain(
      `identique à la demande n° ${validee.numero}, déjà validée`,
    )
    await capturer(page, 'doublons-projet-lie-03-avertissement')
    chrono.top('avertissement de doublon')
  })

  it('le récapitulatif liste les annexes et demande de confirmer le doublon avant de valider', async () => {
    await page.getByRole('button', { name: 'Valider la demande' }).click()
    await page.waitForURL(url(`/admin/demandes/${double.id}/recapitulatif`))
    const annexes = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Annexes' }) })
    const lien = annexes.getByRole('link', { name: 'pv-du-conseil.pdf' })
    await visible(lien)
    expect(await lien.getAttribute('href')).toMatch(/\/api\/annexes\/file\//)
    expect(await annexes.innerText()).toMatch(/pv-du-conseil\.pdf \(\d+ octets\)/)
    await visible(page.getByRole('heading', { name: 'Doublon possible' }))
    await capturer(page, 'doublons-projet-lie-04-recapitulatif')
    // Not confirmed: refused, the demande stays a draft.
    await page.getByRole('button', { name: 'Confirmer la validation' }).click()
    await visible(page.getByRole('alert').filter({ hasText: /Je confirme déposer cette demande en double/ }))
    expect((await appel('GET', `/api/demandes/${double.id}?depth=0`, { jeton: mermoz })).corps.statut).toBe(
      'brouillon',
    )
    await page.getByLabel('Je confirme déposer cette demande en double').check()
    await page.getByRole('button', { name: 'Confirmer la validation' }).click()
    await page.waitForURL(/\/admin(\?|$)/)
    await visible(page.getByText(`La demande n° ${double.numero} a été validée.`))
    expect((await appel('GET', `/api/demandes/${double.id}?depth=0`, { jeton: mermoz })).corps.statut).toBe(
      'validee',
    )
    await capturer(page, 'doublons-projet-lie-05-validee')
    chrono.top('récapitulatif : annexes, doublon confirmé')
  })
})
