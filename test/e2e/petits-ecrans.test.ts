import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lienListeFiltree } from '../../src/admin/filtresDemandes'
import { appel, deposerEtValider, jeton } from '../aides/http'
import { capturer, connecter, lancerNavigateur, nouvellePage, url, visible } from '../aides/navigateur'

/**
 * A user walk at 390 × 844 (a phone): the dashboards and the account page never scroll sideways (a wide table
 * scrolls inside its own frame); the consult page leads back to the list the officer came from, filter kept, and
 * says the statut as its reader may see it.
 */
let navigateur: Browser
const ECOLE = '0310024H'
/** A demande of the lycée Pierre d'Aragon, given an avis by the rectorat and retained by the Région. */
let retenue: { id: number | string; numero: number }

const publication = async (valeur: boolean) =>
  appel('POST', '/api/globals/campagne', {
    jeton: await jeton('carif-oref'),
    corps: { decisionsPubliees: valeur },
  })

async function telephone(identifiant: string): Promise<Page> {
  const page = await nouvellePage(navigateur)
  await page.setViewportSize({ width: 390, height: 844 })
  await connecter(page, identifiant)
  return page
}

/** The page's width against the window's, and the elements that stick out of it (named for the failure message). */
const debordement = (page: Page) =>
  page.evaluate(() => {
    const fenetre = window.innerWidth
    const depassent = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > fenetre + 1)
      .filter((e) => {
        // Only the outermost offender of a chain, and never what an inner frame scrolls (body clips x: not a frame).
        for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
          if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return false
          if (p.getBoundingClientRect().right > fenetre + 1) return false
        }
        return true
      })
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} « ${(e.textContent ?? '').trim().slice(0, 40)} »`,
      )
    return { page: document.scrollingElement!.scrollWidth, fenetre, depassent }
  })

async function sansDebordement(page: Page, nom: string) {
  const m = await debordement(page)
  expect(
    m.page,
    `${nom} : ${m.page} px pour ${m.fenetre} px, dépassent : ${m.depassent.join(' ; ')}`,
  ).toBeLessThanOrEqual(m.fenetre)
}

beforeAll(async () => {
  navigateur = await lancerNavigateur()
  // Another file may have left the decisions published: the school must not read the décision here.
  expect((await publication(false)).status).toBe(200)
  retenue = await deposerEtValider(await jeton(ECOLE), ECOLE)
  const avis = await appel('PATCH', `/api/demandes/${retenue.id}?depth=0`, {
    jeton: await jeton('rectorat-toulouse'),
    corps: { avis: { avis: 'favorable', commentaire: 'Projet cohérent avec le bassin de Muret.' } },
  })
  expect(avis.status).toBe(200)
  const decision = await appel('PATCH', `/api/demandes/${retenue.id}?depth=0`, {
    jeton: await jeton('region'),
    corps: { decision: { decision: 'retenue', commentaire: 'Retenue en commission permanente.' } },
  })
  expect(decision.status).toBe(200)
})
afterAll(async () => {
  await navigateur?.close()
})

describe('À 390 px, rien ne déborde de la page', () => {
  it('le tableau de bord de l’établissement : les demandes validées défilent dans leur cadre, le bouton a sa marge', async () => {
    const page = await telephone(ECOLE)
    await visible(page.getByRole('heading', { name: 'Demandes validées' }))
    await visible(page.getByRole('link', { name: `Consulter la demande ${retenue.numero}`, exact: true }))
    await sansDebordement(page, 'tableau de bord de l’établissement')
    // « Déposer une nouvelle demande » looks like a button: text off its edges.
    const bouton = page.getByRole('link', { name: 'Déposer une nouvelle demande' })
    await visible(bouton)
    const marges = await bouton.evaluate((e) => {
      const s = getComputedStyle(e)
      return { gauche: parseFloat(s.paddingLeft), haut: parseFloat(s.paddingTop) }
    })
    expect(marges.gauche).toBeGreaterThanOrEqual(8)
    expect(marges.haut).toBeGreaterThan(0)
    await capturer(page, 'petits-ecrans-01-etablissement')
    await page.context().close()
  })

  it('le tableau de bord du rectorat : le tableau académie × mesure défile dans son cadre', async () => {
    const page = await telephone('rectorat-toulouse')
    await visible(page.getByRole('heading', { name: 'Par académie et par mesure' }))
    await sansDebordement(page, 'tableau de bord du rectorat')
    await capturer(page, 'petits-ecrans-02-rectorat')
    await page.context().close()
  })

  it('la page « Compte » : les dates de création et de modification se lisent en entier', async () => {
    for (const identifiant of [ECOLE, 'rectorat-toulouse']) {
      const page = await telephone(identifiant)
      await page.goto(url('/admin/account'))
      await visible(page.getByText(/Création/).first())
      await sansDebordement(page, `compte de ${identifiant}`)
      // Each date whole, inside the window: not cut by an ellipsis nor by the edge of a strip scrolled sideways.
      const dates = await page.locator('.doc-controls__value').evaluateAll((valeurs) =>
        valeurs.map((v) => ({
          texte: v.textContent,
          coupee: v.scrollWidth > v.clientWidth,
          droite: v.getBoundingClientRect().right,
        })),
      )
      expect(dates).toHaveLength(2)
      for (const d of dates) {
        expect(d.coupee, `${identifiant} : « ${d.texte} » coupée`).toBe(false)
        expect(d.droite, `${identifiant} : « ${d.texte} » hors de l’écran`).toBeLessThanOrEqual(390)
      }
      await capturer(page, `petits-ecrans-03-compte-${identifiant}`)
      await page.context().close()
    }
  })
})

describe('La consultation d’une demande', () => {
  it('« Retour à la liste » ramène le rectorat à la liste filtrée d’où il venait ; le sous-titre dit « retenue »', async () => {
    const page = await nouvellePage(navigateur)
    await connecter(page, 'rectorat-toulouse')
    const liste = lienListeFiltree({ statut: 'retenue' })
    await page.goto(url(liste))
    const lien = page.getByRole('link', { name: `Consulter la demande n° ${retenue.numero}`, exact: true })
    await visible(lien)
    await lien.click()
    await page.waitForURL((u) => u.pathname === `/admin/demandes/${retenue.id}/consulter`)
    await visible(page.getByRole('heading', { name: `Demande n° ${retenue.numero}` }))
    expect(await page.locator('.consultation__etat').innerText()).toMatch(
      /^Demande validée le \d{1,2} \S+ \d{4} à \d{2} h \d{2}, retenue par la Région\.$/,
    )
    await visible(page.getByRole('link', { name: 'Retour au tableau de bord' }))
    await capturer(page, 'petits-ecrans-04-consultation-rectorat')
    await page.getByRole('link', { name: 'Retour à la liste' }).click()
    await page.waitForURL((u) => `${u.pathname}${u.search}` === liste)
    await visible(lien)
    expect(await page.locator('form.filtres-liste').getByLabel('Statut').inputValue()).toBe('retenue')
    await page.context().close()
  })

  it('un lien venu d’ailleurs ne fait pas sortir du site : « Retour à la liste » mène à la liste des demandes', async () => {
    const page = await nouvellePage(navigateur)
    await connecter(page, 'rectorat-toulouse')
    for (const depuis of [
      'https://exemple.org/admin/collections/demandes',
      '//exemple.org/admin/collections/demandes',
      '/admin/collections/users',
    ]) {
      await page.goto(url(`/admin/demandes/${retenue.id}/consulter?depuis=${encodeURIComponent(depuis)}`))
      const retour = page.getByRole('link', { name: 'Retour à la liste' })
      await visible(retour)
      expect(await retour.getAttribute('href')).toBe('/admin/collections/demandes')
    }
    await page.context().close()
  })

  it('à l’établissement, avant publication, ni « retenue » ni la Région : la demande est validée', async () => {
    const page = await nouvellePage(navigateur)
    await connecter(page, ECOLE)
    await page.goto(url(`/admin/demandes/${retenue.id}/consulter`))
    await visible(page.getByRole('heading', { name: `Demande n° ${retenue.numero}` }))
    const etat = await page.locator('.consultation__etat').innerText()
    expect(etat).toMatch(/^Demande validée le .+ — elle n'est plus modifiable\.$/)
    expect(etat).not.toMatch(/retenue|Région/i)
    // On a phone, its buttons wrap instead of widening the page.
    await page.setViewportSize({ width: 390, height: 844 })
    await visible(page.getByRole('link', { name: 'Retour à la liste' }))
    await sansDebordement(page, 'consultation à l’établissement')
    await capturer(page, 'petits-ecrans-05-consultation-etablissement')
    await page.context().close()
  })
})
