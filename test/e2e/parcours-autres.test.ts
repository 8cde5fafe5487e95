import fs from 'node:fs'

import ExcelJS from 'exceljs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { appel, jeton } from '../aides/http'
import {
  capturer,
  Chrono,
  connecter,
  lancerNavigateur,
  nouvellePage as ouvrirPage,
  url,
  verifierAccessibilite,
  visible,
} from '../aides/navigateur'

let navigateur: Browser
const chrono = new Chrono('parcours-reseau-rectorat')

beforeAll(async () => {
  navigateur = await lancerNavigateur()
})
afterAll(async () => {
  chrono.ecrire()
  await navigateur?.close()
})

const nouvellePage = () => ouvrirPage(navigateur)

describe('Un réseau dépose pour un établissement membre', () => {
  let page: Page
  it('saisit l’UAI du membre : compteur, lettre clé vérifiée en direct, nom affiché', async () => {
    page = await nouvellePage()
    await connecter(page, 'reseau-nimes')
    await visible(
      page.getByText(
        "Vous êtes connecté en tant que réseau d'établissements avec l'identifiant reseau-nimes",
      ),
    )
    await visible(page.getByRole('columnheader', { name: 'Établissement concerné' }).first())
    await page.getByRole('link', { name: 'Déposer une nouvelle demande' }).click()
    await page.waitForURL(/\/admin\/collections\/demandes\/create/)
    const uai = page.getByLabel("Code UAI de l'établissement concerné")
    await expect.poll(() => uai.inputValue()).toBe('')
    await visible(page.getByText('0/8 caractères'))
    await uai.fill('0300058')
    await visible(page.getByText('7/8 caractères'))
    await uai.fill('0300058b')
    await expect.poll(() => uai.inputValue()).toBe('0300058B')
    await visible(page.getByText(/la lettre clé ne correspond pas/))
    await capturer(page, 'reseau-01-uai-invalide')
    await uai.fill('0300058A')
    await visible(page.getByText('Lycée Frédéric Mistral (Nîmes)'))
    await capturer(page, 'reseau-02-uai-reconnu')
    chrono.top('réseau : saisie de l’UAI du membre')
  })

  it('sauvegarde : la tête de réseau est l’établissement référent ; un établissement hors réseau est refusé', async () => {
    await page.getByRole('button', { name: 'Sauvegarder' }).click()
    await page.waitForURL(/\/admin\/collections\/demandes\/(\d+|[a-f0-9]{24})$/)
    const id = page.url().split('/').pop()!
    const demande = await page.evaluate(
      async (i) => (await fetch(`/api/demandes/${i}?depth=1`, { credentials: 'include' })).json(),
      id,
    )
    expect(demande.etablissementConcerne.uai).toBe('0300058A')
    expect(demande.etablissementReferent.uai).toBe('0300057Z')
    // After the first save Next re-renders the edit view and resets the form with the stored values; on a slow
    // machine that reset may land after the next keystrokes. Open the saved demande afresh instead.
    await page.goto(url(`/admin/collections/demandes/${id}`))
    await visible(page.getByText('Lycée Frédéric Mistral (Nîmes)'))
    const uai = page.getByLabel("Code UAI de l'établissement concerné")
    await expect.poll(() => uai.inputValue()).toBe('0300058A')
    // Told as it is typed (issue 18), not shown in green with its name and refused only at save.
    await uai.fill('0340042L')
    await visible(page.getByText(/n'est pas membre de votre réseau/).first())
    expect(await page.getByText('Lycée polyvalent Jean Mermoz (Montpellier)').count()).toBe(0)
    await capturer(page, 'reseau-03-hors-reseau-refuse')
    const relu = await page.evaluate(
      async (i) => (await fetch(`/api/demandes/${i}?depth=1`, { credentials: 'include' })).json(),
      id,
    )
    expect(relu.etablissementConcerne.uai).toBe('0300058A')
    chrono.top('réseau : sauvegarde, référent, refus hors réseau')
  })
})

describe('Un rectorat consulte', () => {
  it('voit les compteurs de son académie, la liste et le détail des demandes validées', async () => {
    const page = await nouvellePage()
    await connecter(page, 'rectorat-montpellier')
    await visible(
      page.getByText(
        "Vous êtes connecté en tant que rectorat (académie de Montpellier) avec l'identifiant rectorat-montpellier",
      ),
    )
    await visible(page.getByRole('heading', { name: /Suivi des demandes/ }))
    await visible(page.getByRole('heading', { name: 'Par académie et par mesure' }))
    await capturer(page, 'rectorat-01-tableau-de-bord')
    await verifierAccessibilite(page, 'tableau de bord du rectorat')
    const validees = await appel('GET', '/api/demandes?where[statut][not_equals]=brouillon&limit=1&depth=0', {
      jeton: await jeton('rectorat-montpellier'),
    })
    const une = validees.corps.docs[0]
    expect(une.academie).toBe('montpellier')
    await page.goto(url(`/admin/demandes/${une.id}/consulter`))
    await visible(page.getByRole('heading', { name: `Demande n° ${une.numero}` }))
    await visible(page.getByRole('heading', { name: 'Instruction' }))
    await capturer(page, 'rectorat-02-consultation')
    await page.goto(url('/admin/collections/demandes'))
    // A validated demande opens on its consult page from the list.
    await visible(
      page.getByRole('link', { name: `Consulter la demande n° ${une.numero}`, exact: true }).first(),
    )
    await capturer(page, 'rectorat-03-liste')
    await page.goto(url('/admin/collections/demandes?where[mesure][equals]=ouverture'))
    await visible(page.getByText('Exporter la liste filtrée :'))
    const [telechargement] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV', exact: true }).click(),
    ])
    expect(telechargement.suggestedFilename()).toMatch(/^demandes-\d{4}-\d{2}-\d{2}\.csv$/)
    const contenu = fs
      .readFileSync((await telechargement.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(contenu[0]).toMatch(/^N° de projet;Statut;Rentrée;/)
    expect(contenu.length).toBeGreaterThan(1)
    expect(contenu.slice(1).every((l) => l.includes(';Ouverture;'))).toBe(true)
    fs.copyFileSync((await telechargement.path())!, 'test-artifacts/captures/rectorat-04-export.csv')
    const [classeur] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Excel (XLSX)' }).click(),
    ])
    expect(classeur.suggestedFilename()).toMatch(/^demandes-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const lu = new ExcelJS.Workbook()
    await lu.xlsx.readFile((await classeur.path())!)
    const feuille = lu.getWorksheet('Demandes')!
    expect(feuille.rowCount).toBe(contenu.length)
    expect(feuille.getRow(1).getCell(1).value).toBe('N° de projet')
    expect(
      feuille
        .getColumn(20)
        .values.slice(2)
        .every((v) => v === 'Ouverture'),
    ).toBe(true)
    fs.copyFileSync((await classeur.path())!, 'test-artifacts/captures/rectorat-05-export.xlsx')
    chrono.top('rectorat : tableau de bord, consultation, liste')
  })
})

describe('Un autre établissement ne voit rien de tout cela', () => {
  it('ni dans son tableau de bord, ni par l’adresse directe d’une demande d’un autre', async () => {
    const admin = await jeton('admin')
    const mermoz = (
      await appel('GET', '/api/etablissements?where[uai][equals]=0340042L&depth=0', { jeton: admin })
    ).corps.docs[0].id
    const deMermoz = (
      await appel('GET', `/api/demandes?where[etablissementConcerne][equals]=${mermoz}&limit=100&depth=0`, {
        jeton: admin,
      })
    ).corps.docs
    expect(deMermoz.length).toBeGreaterThan(0)
    const page = await nouvellePage()
    await connecter(page, '0310024H')
    const cellules = await page.locator('table.tableau-demandes tbody tr td:first-child').allTextContents()
    for (const d of deMermoz) expect(cellules).not.toContain(String(d.numero))
    await capturer(page, 'autre-01-tableau-de-bord')
    await page.goto(url(`/admin/demandes/${deMermoz[0].id}/consulter`))
    await visible(page.getByRole('heading', { name: 'Demande introuvable' }))
    await page.goto(url(`/admin/collections/demandes/${deMermoz[0].id}`))
    await visible(page.getByText(`Le document avec l'ID ${deMermoz[0].id} n'a pas pu être trouvé`))
    const html = await page.content()
    // The demo's Mermoz demandes: their subjects and their responsable never reach another school's page.
    for (const marqueur of [
      'Ouverture du CAP Cuisine',
      'Augmentation de capacité du bac pro',
      'claire.martin@ac-montpellier.example',
    ])
      expect(html).not.toContain(marqueur)
    await capturer(page, 'autre-02-acces-direct-refuse')
    chrono.top('autre établissement : rien de visible')
  })
})

describe('Au clavier seul', () => {
  async function tabulerJusqua(page: Page, condition: () => boolean | Promise<boolean>, maximum = 60) {
    for (let i = 0; i < maximum; i++) {
      if (await condition()) return
      await page.keyboard.press('Tab')
    }
    throw new Error('élément jamais atteint au clavier')
  }

  it('se connecter, ouvrir une nouvelle demande et saisir l’UAI sans souris', async () => {
    const page = await nouvellePage()
    await page.goto(url('/admin/login'))
    await tabulerJusqua(page, () => page.evaluate(() => document.activeElement?.id === 'field-username'))
    await page.keyboard.type('0310024H')
    await page.keyboard.press('Tab')
    await page.keyboard.type((await import('vitest')).inject('motDePasseDemo'))
    await page.keyboard.press('Enter')
    await page.waitForURL(url('/admin'))
    await tabulerJusqua(page, () =>
      page.evaluate(() => document.activeElement?.textContent?.trim() === 'Déposer une nouvelle demande'),
    )
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/admin\/collections\/demandes\/create/)
    await tabulerJusqua(page, () =>
      page.evaluate(() => document.activeElement?.getAttribute('placeholder') === '0340042L'),
    )
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).value))
      .toBe('0310024H')
    await capturer(page, 'clavier-01-uai-atteint')
    chrono.top('clavier seul : connexion, nouvelle demande, champ UAI')
  })
})
