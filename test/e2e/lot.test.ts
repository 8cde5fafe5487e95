import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { questionPublication } from '../../src/admin/textesLot'
import { appel, deposerEtValider, jeton, publierLesDecisions } from '../aides/http'
import {
  capturer,
  Chrono,
  confirmerDialogue,
  connecter,
  lancerNavigateur,
  nouvellePage,
  url,
  visible,
} from '../aides/navigateur'

/**
 * Issue 16, item 5, as the Région's officer lives it after the committee: in the demandes list, select rows, record
 * one décision with a comment for all of them, read what was done, then publish the decisions to the schools.
 */
let navigateur: Browser
let page: Page
const chrono = new Chrono('lot')
let d1: { id: number | string; numero: number }
let d2: { id: number | string; numero: number }
let renvoyee: { id: number | string; numero: number }

beforeAll(async () => {
  navigateur = await lancerNavigateur()
  // Another file may have left the campaign published: this one starts from « not published ».
  expect((await publierLesDecisions(false)).status).toBe(200)
  const ecole = await jeton('0340042L')
  d1 = await deposerEtValider(ecole, '0340042L')
  d2 = await deposerEtValider(ecole, '0340042L')
  renvoyee = await deposerEtValider(ecole, '0340042L')
  const renvoi = await appel('POST', `/api/demandes/${renvoyee.id}/demander-correction`, {
    jeton: await jeton('rectorat-montpellier'),
    corps: { message: 'Joignez le PV du conseil.' },
  })
  expect(renvoi.status).toBe(200)
})
afterAll(async () => {
  chrono.ecrire()
  await navigateur?.close()
  await publierLesDecisions(false)
})

const filtreIds = (ids: (number | string)[]) =>
  `/admin/collections/demandes?${ids.map((id, i) => `where[or][0][and][0][id][in][${i}]=${id}`).join('&')}`

describe('Décision en lot et publication par la Région', () => {
  it('le rectorat donne un avis aux lignes cochées ; celle renvoyée pour correction est refusée, avec son numéro', async () => {
    const officier = await nouvellePage(navigateur)
    await connecter(officier, 'rectorat-montpellier')
    await officier.goto(url(filtreIds([d1.id, renvoyee.id])))
    const bouton = officier.getByRole('button', { name: 'Donner un avis aux demandes sélectionnées' })
    await visible(bouton)
    // It gives avis: no décision, no publication.
    expect(
      await officier
        .getByRole('button', { name: 'Enregistrer une décision pour les demandes sélectionnées' })
        .count(),
    ).toBe(0)
    expect(await officier.getByRole('button', { name: 'Publier les décisions' }).count()).toBe(0)
    const lignes = officier.locator('tbody tr')
    await visible(lignes.nth(1))
    for (const i of [0, 1]) await lignes.nth(i).locator('input[type="checkbox"]').check()
    await bouton.click()
    await officier.locator('#lot-avis').selectOption('favorable')
    const question = confirmerDialogue(officier)
    await officier.getByRole('button', { name: "Donner l'avis" }).click()
    expect(await question).toBe('Donner l\'avis "Favorable" à 2 demandes ?')
    await visible(
      officier
        .getByRole('alert')
        .getByText(
          `1 demande mise à jour (n° ${d1.numero}) ; 1 refusée : n° ${renvoyee.numero} — demande renvoyée à sa structure pour correction`,
        ),
    )
    await capturer(officier, 'lot-00-avis-rectorat')
    await officier.context().close()
    chrono.top('rectorat : avis en lot')
  })

  it('sélectionne deux lignes, enregistre une décision commentée, voit le bilan, puis publie', async () => {
    page = await nouvellePage(navigateur)
    await connecter(page, 'region')
    await page.goto(url(filtreIds([d1.id, d2.id])))
    const bouton = page.getByRole('button', {
      name: 'Enregistrer une décision pour les demandes sélectionnées',
    })
    await visible(bouton)
    // The Région decides, it gives no avis.
    expect(
      await page.getByRole('button', { name: 'Donner un avis aux demandes sélectionnées' }).count(),
    ).toBe(0)
    chrono.top('région : liste')

    const lignes = page.locator('tbody tr')
    await visible(lignes.nth(1))
    expect(await lignes.count()).toBe(2)
    for (const i of [0, 1]) await lignes.nth(i).locator('input[type="checkbox"]').check()
    await bouton.click()
    await visible(page.getByText('2 demandes sélectionnées.'))
    await page.locator('#lot-decision').selectOption('retenue')
    await page.locator('#lot-decision-commentaire').fill('Retenue par la commission permanente.')
    await capturer(page, 'lot-01-panneau')
    const question = confirmerDialogue(page)
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click()
    expect(await question).toBe('Enregistrer la décision "Retenue" pour 2 demandes ?')
    await visible(page.getByRole('status').getByText(/^2 demandes mises à jour \(n° \d+, \d+\)\.$/))
    // The list is refreshed: both rows show the décision.
    await visible(lignes.nth(0).getByText('Retenue').first())
    await visible(lignes.nth(1).getByText('Retenue').first())
    await capturer(page, 'lot-02-bilan')
    chrono.top('région : décision en lot')
    for (const d of [d1, d2]) {
      const lue = (await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: await jeton('region') }))
        .corps
      expect(lue.statut).toBe('retenue')
      expect(lue.decision.commentaire).toBe('Retenue par la commission permanente.')
    }

    // Publishing: the confirmation gives the numbers the server counts.
    const bilan = (
      await appel('POST', '/api/globals/campagne/publier-decisions', {
        jeton: await jeton('region'),
        corps: { confirmer: false },
      })
    ).corps
    const attendue = questionPublication(bilan.decisions, bilan.structures, bilan.sansDecision)
    const publication = confirmerDialogue(page)
    await page.getByRole('button', { name: 'Publier les décisions' }).click()
    expect(await publication).toBe(attendue)
    expect(attendue).toMatch(
      /^\d+ décisions seront publiées ; \d+ structures? recevr(a|ont) un courriel\.( .+ pas encore de décision : .+\.)? Publier \?$/,
    )
    await visible(page.getByText(/^Décisions publiées le \d{1,2} \S+ \d{4} à \d\d h \d\d$/))
    expect(await page.getByRole('button', { name: 'Publier les décisions' }).count()).toBe(0)
    await capturer(page, 'lot-03-publiees')
    chrono.top('région : publication')
    // The school now reads its décision.
    const vue = (await appel('GET', `/api/demandes/${d1.id}?depth=0`, { jeton: await jeton('0340042L') }))
      .corps
    expect(vue.statut).toBe('retenue')
    await page.context().close()
  })
})
