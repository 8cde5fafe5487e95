import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lienListeFiltree } from '../../src/admin/filtresDemandes'
import { appel, deposerEtValider, jeton, publierLesDecisions } from '../aides/http'
import {
  capturer,
  Chrono,
  connecter,
  lancerNavigateur,
  nouvellePage,
  url,
  visible,
} from '../aides/navigateur'

/**
 * Issue 16, item 2: the authorities' list (nine columns that fit 1,366 px, labels not ids), its filters by name,
 * the dashboard's « à instruire » counters that open the same filtered list, the history on the consult page.
 */
let navigateur: Browser
let page: Page
const chrono = new Chrono('liste-autorites')
/** Two new demandes of the lycée Jean Mermoz (Hérault): one without avis, one with the rectorat's. */
let sansAvis: { id: number | string; numero: number }
let avecAvis: { id: number | string; numero: number }

const numerosAffiches = async () =>
  (await page.locator('tbody td.cell-numero').allInnerTexts()).map((t) => Number(t.trim()))
const total = async () => {
  const texte = await page.getByText(/^\d+-\d+ de \d+$/).innerText()
  return Number(/de (\d+)$/.exec(texte)![1])
}

beforeAll(async () => {
  navigateur = await lancerNavigateur()
  // Before publication (another file may have left it published): what filers may not read is the instruction.
  expect((await publierLesDecisions(false)).status).toBe(200)
  const ecole = await jeton('0340042L')
  sansAvis = await deposerEtValider(ecole, '0340042L')
  avecAvis = await deposerEtValider(ecole, '0340042L', {
    mesure: 'fermeture',
    capaciteActuelle: 12,
    capaciteNouvelle: 0,
  })
  const r = await appel('PATCH', `/api/demandes/${avecAvis.id}?depth=0`, {
    jeton: await jeton('rectorat-montpellier'),
    corps: { avis: { avis: 'favorable', commentaire: 'Cohérent avec le schéma régional.' } },
  })
  expect(r.status).toBe(200)
  page = await nouvellePage(navigateur)
  await page.setViewportSize({ width: 1366, height: 768 })
  await connecter(page, 'rectorat-montpellier')
})
afterAll(async () => {
  chrono.ecrire()
  await navigateur?.close()
})

describe('La liste des demandes du rectorat', () => {
  it('à 1 366 px : neuf colonnes sans défilement horizontal, les noms et libellés, jamais un identifiant', async () => {
    await page.goto(url('/admin/collections/demandes'))
    await visible(page.locator('tbody td.cell-numero').first())
    const entetes = (await page.locator('thead th').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())
    expect(entetes.filter(Boolean)).toEqual([
      'N° de projet (identifiant)',
      "Code UAI de l'établissement concerné",
      'Diplôme',
      'Mesure demandée',
      'Écart de capacité',
      'Priorité',
      'Statut',
      'Avis des autorités académiques > Avis',
      'Décision de la Région > Décision',
    ])
    // Rendered by the server: the labels are in the HTML it sends, before any script runs (Payload's relationship
    // cell fetches them in the browser, showing « <Pas de Code UAI…> » meanwhile).
    const html = await page.evaluate(() => fetch('/admin/collections/demandes').then((r) => r.text()))
    expect
      .soft(html)
      .toContain('<span class="cellule-etablissement__nom">Lycée polyvalent Jean Mermoz</span>')
    expect.soft(html).toContain('<span class="cellule-diplome__libelle">CUISINE (CAP)</span>')
    expect.soft(html).not.toMatch(/Pas de (Code UAI|Diplôme)/)
    const mesures = await page.evaluate(() => {
      const table = document.querySelector('.collection-list--demandes .table')!
      return {
        page: document.scrollingElement!.scrollWidth,
        fenetre: window.innerWidth,
        table: table.scrollWidth,
        conteneur: table.clientWidth,
      }
    })
    expect.soft(mesures.page).toBeLessThanOrEqual(mesures.fenetre)
    expect.soft(mesures.table).toBeLessThanOrEqual(mesures.conteneur)
    const ligne = page.locator('tbody tr').filter({
      has: page.getByRole('link', { name: `Consulter la demande n° ${sansAvis.numero}`, exact: true }),
    })
    await visible(ligne.locator('td.cell-etablissementConcerne').getByText('Lycée polyvalent Jean Mermoz'))
    await visible(ligne.locator('td.cell-etablissementConcerne').getByText('Montpellier'))
    await visible(ligne.locator('td.cell-etablissementConcerne').getByText('0340042L'))
    await visible(ligne.locator('td.cell-diplome').getByText('CUISINE (CAP)'))
    const avis = page.locator('tbody tr').filter({
      has: page.getByRole('link', { name: `Consulter la demande n° ${avecAvis.numero}`, exact: true }),
    })
    await visible(avis.locator('td.cell-avis__avis').getByText('Favorable'))
    await capturer(page, 'liste-autorites-01-1366')
    chrono.top('liste à 1 366 px')
  })

  it('à 390 px : le tableau défile dans son cadre, la page ne déborde pas', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    const mesures = await page.evaluate(() => {
      const table = document.querySelector('.collection-list--demandes .table')!
      return {
        page: document.scrollingElement!.scrollWidth,
        fenetre: window.innerWidth,
        table: table.scrollWidth,
        conteneur: table.clientWidth,
        defile: getComputedStyle(table).overflowX,
      }
    })
    expect(mesures.page).toBeLessThanOrEqual(mesures.fenetre)
    expect(mesures.table).toBeGreaterThan(mesures.conteneur)
    expect(mesures.defile).toBe('auto')
    await capturer(page, 'liste-autorites-02-390')
    await page.setViewportSize({ width: 1366, height: 768 })
    chrono.top('liste à 390 px')
  })

  it('se filtre par le nom du département, puis « sans avis » ; les valeurs restent affichées, l’export suit', async () => {
    await page.goto(url('/admin/collections/demandes'))
    // Its académie's départements only: Haute-Garonne (Toulouse) would always give nothing.
    const departements = await page.getByLabel('Département').locator('option').allInnerTexts()
    expect(departements).toContain('Hérault (34)')
    expect(departements).not.toContain('Haute-Garonne (31)')
    expect(await page.getByLabel('Académie').locator('option').allInnerTexts()).not.toContain('Toulouse')
    await page.getByLabel('Département').selectOption({ label: 'Hérault (34)' })
    await page.getByRole('button', { name: 'Filtrer' }).click()
    await page.waitForURL(
      /where%5Band%5D%5B0%5D%5Bdepartement%5D%5Bequals%5D=34|where\[and\]\[0\]\[departement\]\[equals\]=34/,
    )
    await visible(page.locator('tbody td.cell-numero').first())
    expect(await page.getByLabel('Département').inputValue()).toBe('34')
    const herault = await numerosAffiches()
    expect(herault).toEqual(expect.arrayContaining([sansAvis.numero, avecAvis.numero]))
    // Only Hérault: every établissement shown is one of Montpellier's city (the demo's Gard and Lozère are gone).
    const communes = await page
      .locator('tbody td.cell-etablissementConcerne .cellule-etablissement__uai')
      .allInnerTexts()
    expect(communes.every((uai) => uai.startsWith('034'))).toBe(true)

    await page.getByLabel('Sans avis').check()
    await page.getByRole('button', { name: 'Filtrer' }).click()
    await page.waitForURL(/avis\.avis/)
    await visible(page.locator('tbody td.cell-numero').first())
    const sans = await numerosAffiches()
    expect(sans).toContain(sansAvis.numero)
    expect(sans).not.toContain(avecAvis.numero)
    expect(sans.length).toBeLessThan(herault.length)
    expect(await page.getByLabel('Sans avis').isChecked()).toBe(true)
    expect(await page.getByLabel('Département').inputValue()).toBe('34')
    // The export button forwards the list's where.
    const csv = await page.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href')
    expect(decodeURIComponent(csv!)).toContain('[departement][equals]=34')
    expect(decodeURIComponent(csv!)).toContain('[avis.avis][exists]=false')
    await capturer(page, 'liste-autorites-03-filtres')

    await page.getByRole('button', { name: 'Effacer les filtres' }).click()
    await page.waitForURL((u) => !u.search.includes('where'))
    expect(await page.getByLabel('Département').inputValue()).toBe('')
    chrono.top('filtres : département, sans avis, effacer')
  })

  it('la DRAAF, qui dépose et donne des avis, a la barre avec « Sans avis », sans « Sans décision » qu’elle ne lit pas, et son compteur d’avis au tableau de bord', async () => {
    const draaf = await nouvellePage(navigateur)
    await connecter(draaf, 'draaf')
    await draaf.goto(url('/admin/collections/demandes'))
    await visible(draaf.getByLabel('Sans avis'))
    expect(await draaf.getByLabel('Sans décision').count()).toBe(0)
    // Its dashboard is a filer's, with what waits for its avis on top of it, linking to the same filtered list.
    await draaf.goto(url('/admin'))
    const avis = draaf.getByRole('link', { name: /attend(ent)? votre avis/ })
    await visible(avis)
    expect(await avis.getAttribute('href')).toBe(lienListeFiltree({ sansAvis: true }))
    expect(await draaf.getByRole('link', { name: /votre décision/ }).count()).toBe(0)
    await draaf.context().close()
    // An établissement has its dashboard: no bar.
    const ecole = await nouvellePage(navigateur)
    await connecter(ecole, '0340042L')
    await ecole.goto(url('/admin/collections/demandes'))
    await visible(ecole.locator('tbody td.cell-numero').first())
    expect(await ecole.locator('form.filtres-liste').count()).toBe(0)
    await ecole.context().close()
  })

  it('le compteur « à instruire » du tableau de bord ouvre la même liste filtrée, du même nombre', async () => {
    await page.goto(url('/admin'))
    const lien = page.getByRole('link', { name: /demandes? validées? attend(ent)? votre avis/ })
    await visible(lien)
    const n = Number(/^(\d+)/.exec(await lien.innerText())![1])
    expect(n).toBeGreaterThan(0)
    await visible(page.getByRole('link', { name: /renvoyées? pour correction/ }))
    await capturer(page, 'liste-autorites-04-tableau-de-bord')
    await lien.click()
    await page.waitForURL((u) => `${u.pathname}${u.search}` === lienListeFiltree({ sansAvis: true }))
    await visible(page.locator('tbody td.cell-numero').first())
    expect(await page.getByLabel('Sans avis').isChecked()).toBe(true)
    expect(await total()).toBe(n)
    expect(await numerosAffiches()).not.toContain(avecAvis.numero)
    chrono.top('tableau de bord → liste sans avis')
  })
})

describe('La consultation montre l’historique des statuts', () => {
  it('au rectorat : créée, validée par le lycée, avis donné ; à l’établissement, pas l’avis avant publication', async () => {
    await page.goto(url(`/admin/demandes/${avecAvis.id}/consulter`))
    const historique = page.locator('section.historique')
    await visible(historique.getByRole('heading', { name: 'Historique' }))
    const lignes = await historique.locator('li').allInnerTexts()
    expect(lignes[0]).toMatch(/^Créée le \d{1,2} \S+ \d{4} à \d{2} h \d{2}$/)
    expect(lignes[1]).toMatch(/^Validée le .+ par /)
    expect(lignes[2]).toMatch(/^Avis « Favorable » donné le .+ par /)
    await capturer(page, 'liste-autorites-05-historique')

    const ecole = await nouvellePage(navigateur)
    await connecter(ecole, '0340042L')
    await ecole.goto(url(`/admin/demandes/${avecAvis.id}/consulter`))
    const sien = ecole.locator('section.historique')
    await visible(sien.getByRole('heading', { name: 'Historique' }))
    const siennes = await sien.locator('li').allInnerTexts()
    expect(siennes).toHaveLength(2)
    expect(siennes.join('\n')).not.toMatch(/Avis|Favorable|rectorat/i)
    await ecole.context().close()
    chrono.top('historique : rectorat, établissement')
  })
})
