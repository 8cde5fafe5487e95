import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { deposerDemande, deposerEtValider, jeton, PDF_MINIMAL } from '../aides/http'
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
 * Issue 18, « formulaire »: the récapitulatif's error links land on their field, annexes from the first minute (and
 * never offered where they are refused), the établissement fields prefilled and checked at once, no « Aucun … »
 * before the values arrive.
 */
let navigateur: Browser
const chrono = new Chrono('formulaire')
let ecole: string
let brouillon: { id: number | string; numero: number }
let validee: { id: number | string; numero: number }

beforeAll(async () => {
  navigateur = await lancerNavigateur()
  ecole = await jeton('0310024H')
  // Every kind of field left to correct: texts of a group, select, diplôme chooser, numbers, date, multi-select,
  // a conditional textarea of a group, the long textarea.
  brouillon = await deposerDemande(ecole, '0310024H', {
    responsable: { nom: '', telephone: '', email: '' },
    modalite: null,
    diplome: null,
    dureeFormation: null,
    anneeFormation: null,
    mesure: null,
    capaciteActuelle: null,
    capaciteNouvelle: null,
    priorite: null,
    dateConseil: null,
    zonesRecrutement: [],
    travaux: { travauxDemandes: true, descriptionTravaux: '' },
    rapportOpportunite: '',
  })
  validee = await deposerEtValider(ecole, '0310024H')
})
afterAll(async () => {
  chrono.ecrire()
  await navigateur?.close()
})

/** What the page shows of the field an error link names: focused, in sight, marked in red. */
function etatDuChamp(page: Page, ancre: string) {
  return page.evaluate((a) => {
    const trouver = (x: string) => document.querySelector(`[data-ancre="${x}"]`) ?? document.getElementById(x)
    let cible = trouver(a)
    // The durée before a diplôme is chosen: the field to fill first (data-sinon) takes the focus.
    while (cible?.matches(':disabled') && cible.getAttribute('data-sinon'))
      cible = trouver(cible.getAttribute('data-sinon')!)
    const actif = document.activeElement as HTMLElement | null
    const marque = document.querySelector<HTMLElement>('.champ-a-corriger')
    const r = actif?.getBoundingClientRect()
    return {
      focalise: Boolean(
        cible && actif && actif !== document.body && (cible === actif || cible.contains(actif)),
      ),
      dansLaFenetre: Boolean(r && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight),
      marque: Boolean(marque && actif && marque.contains(actif)),
      contour: marque ? getComputedStyle(marque).outlineColor : null,
    }
  }, ancre)
}

describe('Le formulaire de la demande', () => {
  it('chaque lien d’erreur du récapitulatif mène à son champ : la page y défile, le champ a le focus, marqué en rouge', async () => {
    const page = await nouvellePage(navigateur)
    await connecter(page, '0310024H')
    await page.goto(url(`/admin/demandes/${brouillon.id}/recapitulatif`))
    const liens = await page
      .locator('.liste-erreurs a')
      .evaluateAll((as) =>
        as.map((a) => ({ texte: a.textContent ?? '', href: a.getAttribute('href') ?? '' })),
      )
    const ancres = liens.map((l) => l.href.split('#')[1])
    // Every kind of field is among them (the phone and the rapport were the issue's examples).
    for (const a of [
      'field-responsable__telephone',
      'field-modalite',
      'field-diplome',
      'field-dureeFormation',
      'field-mesure',
      'field-priorite',
      'field-dateConseil',
      'field-zonesRecrutement',
      'field-travaux__descriptionTravaux',
      'field-rapportOpportunite',
    ])
      expect(ancres).toContain(a)
    for (const lien of liens) {
      const ancre = lien.href.split('#')[1]!
      await page.goto(url(`/admin/demandes/${brouillon.id}/recapitulatif`))
      await page.getByRole('link', { name: lien.texte, exact: true }).first().click()
      await page.waitForURL(url(`/admin/collections/demandes/${brouillon.id}#${ancre}`))
      await expect
        .poll(() => etatDuChamp(page, ancre), { timeout: 10_000, message: ancre })
        .toEqual({ focalise: true, dansLaFenetre: true, marque: true, contour: 'rgb(176, 0, 32)' })
      if (ancre === 'field-rapportOpportunite') await capturer(page, 'formulaire-01-lien-erreur-rapport')
    }
    // Edited, the field is no longer marked.
    await page.keyboard.type('Un rapport.')
    await expect.poll(() => page.locator('.champ-a-corriger').count()).toBe(0)
    await page.context().close()
    chrono.top('liens d’erreur')
  })

  it('une nouvelle demande : établissement référent prérempli, UAI de l’établissement en lecture seule', async () => {
    const page = await nouvellePage(navigateur)
    await connecter(page, '0310024H')
    await page.goto(url('/admin/collections/demandes/create'))
    await visible(page.locator('#field-etablissementReferent'))
    expect(await page.locator('#field-etablissementReferent').innerText()).toMatch(
      /^0310024H — Lycée polyvalent Pierre d'Aragon/,
    )
    const uai = page.getByLabel("Code UAI de l'établissement concerné")
    await expect.poll(() => uai.inputValue()).toBe('0310024H')
    expect(await uai.isEditable()).toBe(false)
    await capturer(page, 'formulaire-02-nouvelle-demande')
    await verifierAccessibilite(page, 'nouvelle demande d’un établissement')
    await page.context().close()
    chrono.top('référent prérempli, UAI en lecture seule')
  })

  it('un réseau qui saisit l’UAI d’un établissement qui n’est pas membre est averti aussitôt, sans nom en vert', async () => {
    const page = await nouvellePage(navigateur)
    await connecter(page, 'reseau-nimes')
    await page.goto(url('/admin/collections/demandes/create'))
    const uai = page.getByLabel("Code UAI de l'établissement concerné")
    await visible(uai)
    expect(await uai.isEditable()).toBe(true)
    await uai.fill('0310024H')
    await visible(page.getByText("L'établissement 0310024H n'est pas membre de votre réseau"))
    expect(await page.locator('.champ-uai__nom').count()).toBe(0)
    await capturer(page, 'formulaire-03-reseau-non-membre')
    await page.context().close()
    chrono.top('réseau : non-membre refusé aussitôt')
  })

  it('une annexe s’ajoute avant le premier enregistrement : le brouillon est enregistré, puis le fichier choisi', async () => {
    const page = await nouvellePage(navigateur)
    await connecter(page, '0310024H')
    await page.goto(url('/admin/collections/demandes/create'))
    const zone = page.locator('#field-piecesJointes')
    await visible(zone)
    expect(await zone.innerText()).not.toMatch(/Aucun résultat/)
    await page.locator('#field-responsable__nom').fill('Annexe Dès Le Début')
    await zone.getByRole('button', { name: 'Ajouter une annexe' }).click()
    await page.waitForURL(/\/admin\/collections\/demandes\/(\d+|[a-f0-9]{24})$/)
    const id = page.url().split('/').pop()!
    // The annexe drawer opens by itself on the saved draft: its demande is said, never a selector with « + ».
    const tiroir = page.locator('.doc-drawer').last()
    await tiroir.locator('input[type=file]').waitFor({ state: 'attached', timeout: 10_000 })
    await visible(tiroir.getByText(/Jointe à la demande n° \d+/))
    expect(await tiroir.locator('#field-demande .rs__control').count()).toBe(0)
    expect(await tiroir.locator('.relationship-add-new, .relationship__add-new').count()).toBe(0)
    // About 20 Ko: a comment line inside a valid PDF.
    const contenu = PDF_MINIMAL.replace('\n', `\n%${'x'.repeat(20_480)}\n`)
    await tiroir
      .locator('input[type=file]')
      .setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(contenu) })
    await tiroir.locator('input#field-description').fill('Plan d’implantation')
    await tiroir.getByRole('button', { name: 'Sauvegarder' }).click()
    const ligne = page.locator('.relationship-table').getByRole('row').filter({ hasText: 'plan.pdf' })
    await visible(ligne)
    // The size with its unit, in French.
    await visible(ligne.getByText('20,1 Ko'))
    expect(await page.locator('.relationship-table').innerText()).not.toMatch(/\b20\d{3}\b/)
    await capturer(page, 'formulaire-04-annexe-avant-enregistrement')
    const telechargement = await page.evaluate(async (demande) => {
      const d = await (await fetch(`/api/demandes/${demande}?depth=1`, { credentials: 'include' })).json()
      const fichier = await fetch(d.annexes[0].url, { credentials: 'include' })
      return {
        nombre: d.annexes.length,
        statut: fichier.status,
        taille: (await fichier.arrayBuffer()).byteLength,
      }
    }, id)
    expect(telechargement).toEqual({ nombre: 1, statut: 200, taille: Buffer.byteLength(contenu) })
    await page.context().close()
    chrono.top('annexe avant le premier enregistrement')
  })

  it('une demande validée : pas d’« Ajouter » aux annexes, et le diplôme lu dès le premier rendu (jamais « Aucun diplôme choisi »)', async () => {
    const page = await nouvellePage(navigateur)
    await connecter(page, '0310024H')
    // What each field shows the first time it is in the page.
    await page.addInitScript(() => {
      const vus: Record<string, string> = {}
      ;(window as unknown as { premiersRendus: Record<string, string> }).premiersRendus = vus
      const noter = () => {
        for (const [nom, selecteur] of [
          ['diplome', '.choix-diplome__lecture'],
          ['referent', '#field-etablissementReferent'],
          ['concerne', '.champ-uai__aide'],
        ] as const) {
          const el = document.querySelector<HTMLElement>(selecteur)
          if (el && !(nom in vus)) vus[nom] = el.innerText
        }
        if (document.body?.innerText.includes('Aucun diplôme choisi')) vus.aucunDiplome = 'vu'
      }
      new MutationObserver(noter).observe(document, { subtree: true, childList: true, characterData: true })
    })
    await page.goto(url(`/admin/collections/demandes/${validee.id}`))
    await visible(page.locator('#field-piecesJointes'))
    await page.waitForTimeout(1_000)
    const premiers = await page.evaluate(
      () => (window as unknown as { premiersRendus: Record<string, string> }).premiersRendus,
    )
    expect(premiers.aucunDiplome).toBeUndefined()
    expect(premiers.diplome).toMatch(/^1re année du CAP .+ en 2 ans/)
    expect(premiers.referent).toMatch(/0310024H — Lycée polyvalent Pierre d'Aragon/)
    expect(premiers.concerne).toMatch(/Lycée polyvalent Pierre d'Aragon/)
    const annexes = page.locator('#field-piecesJointes')
    expect(
      await annexes
        .getByRole('button')
        .filter({ hasText: /Ajouter|Créer/ })
        .count(),
    ).toBe(0)
    await capturer(page, 'formulaire-05-demande-validee')
    await page.context().close()
    chrono.top('demande validée : annexes sans « Ajouter », diplôme dès le premier rendu')
  })
})
