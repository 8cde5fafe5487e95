import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { appel, type EtablissementLibre, etablissementsLibres, jeton, PDF_MINIMAL } from '../aides/http'
import {
  capturer,
  Chrono,
  connecter,
  lancerNavigateur,
  url,
  verifierAccessibilite,
  visible,
} from '../aides/navigateur'

let navigateur: Browser
let page: Page
const chrono = new Chrono('parcours-etablissement')
let numero = ''
let idDemande = ''
let lycee: EtablissementLibre

beforeAll(async () => {
  navigateur = await lancerNavigateur()
  page = await navigateur.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' })
  // A lycée's first visit: a new account for a lycée of the annuaire that has no account nor demande yet (the
  // next one on a server an earlier run has used).
  const admin = await jeton('admin')
  lycee = (await etablissementsLibres(1))[0]!
  const compte = await appel('POST', '/api/users', {
    jeton: admin,
    corps: {
      username: lycee.uai,
      password: 'Premiere-visite-2027',
      role: 'etablissement',
      etablissement: lycee.id,
      nom: lycee.nom,
    },
  })
  expect(compte.status).toBe(201)
})
afterAll(async () => {
  chrono.ecrire()
  await navigateur?.close()
})

async function choisirOption(p: Page, champ: string, option: string) {
  await p.locator(`#field-${champ}`).click()
  await p.getByRole('option', { name: option, exact: true }).click()
}

describe("Parcours d'un établissement, comme dans le guide", () => {
  it('1. la page de connexion est en français, avec identifiant, mot de passe et « mot de passe oublié »', async () => {
    await page.goto(url('/admin/login'))
    expect(await page.getAttribute('html', 'lang')).toBe('fr')
    await visible(page.getByText('Carte des formations — Occitanie').first())
    await visible(page.getByLabel('Identifiant'))
    await visible(page.getByRole('link', { name: /Mot de passe oublié/ }))
    await capturer(page, '01-connexion')
    await verifierAccessibilite(page, 'connexion')
    chrono.top('page de connexion')
  })

  it('2. première visite : le tableau de bord est vide et propose de déposer une nouvelle demande', async () => {
    await connecter(page, lycee.uai, 'Premiere-visite-2027')
    await visible(
      page.getByText(
        `Vous êtes connecté en tant qu'établissement de formation avec l'identifiant ${lycee.uai}`,
      ),
    )
    await visible(page.getByRole('link', { name: 'Déconnexion' }))
    await visible(page.getByText('Aucune demande en cours de saisie'))
    await visible(page.getByText('Aucune demande validée'))
    await capturer(page, '02-premiere-visite')
    await verifierAccessibilite(page, 'tableau de bord vide')
    chrono.top('connexion et tableau de bord (première visite)')
  })

  it('3. nouvelle demande : l’UAI est prérempli et reconnu, une saisie incomplète se sauvegarde', async () => {
    await page.getByRole('link', { name: 'Déposer une nouvelle demande' }).click()
    await page.waitForURL(/\/admin\/collections\/demandes\/create/)
    const uai = page.getByLabel("Code UAI de l'établissement concerné")
    await expect.poll(() => uai.inputValue()).toBe(lycee.uai)
    await visible(page.getByText(lycee.nom).first())
    await capturer(page, '03-nouvelle-demande')
    await verifierAccessibilite(page, 'formulaire')
    await page.locator('#field-responsable__nom').fill('Claire Martin')
    await choisirOption(page, 'mesure', 'Ouverture')
    await page.getByRole('button', { name: 'Sauvegarder' }).click()
    await page.waitForURL(/\/admin\/collections\/demandes\/\d+|\/admin\/collections\/demandes\/[a-f0-9]{24}/)
    idDemande = page.url().split('/').pop()!.split('?')[0]!
    await expect.poll(() => page.locator('#field-numero').inputValue()).not.toBe('')
    numero = await page.locator('#field-numero').inputValue()
    await capturer(page, '04-brouillon-sauvegarde')
    chrono.top('nouvelle demande, saisie incomplète sauvegardée')
  })

  it('4. la demande apparaît « en cours de saisie » ; « Continuer la saisie » y ramène', async () => {
    await page.goto(url('/admin'))
    const ligne = page.getByRole('row').filter({ has: page.getByRole('cell', { name: numero, exact: true }) })
    await visible(ligne.getByText('Ouverture'))
    await ligne.getByRole('link', { name: /Continuer la saisie/ }).click()
    await page.waitForURL(url(`/admin/collections/demandes/${idDemande}`))
    chrono.top('retour au tableau de bord, continuer la saisie')
  })

  it('4 bis. joint une annexe depuis le formulaire (types et taille indiqués), la retrouve dans la liste et la télécharge', async () => {
    await visible(page.getByText(/Formats acceptés : PDF, Word/))
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click()
    await page
      .locator('input[type=file]')
      .last()
      .setInputFiles({
        name: 'pv-conseil.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(PDF_MINIMAL),
      })
    await page.locator('input#field-description').last().fill('PV du conseil d’administration')
    await page.getByRole('button', { name: 'Sauvegarder' }).last().click()
    const ligne = page.locator('.relationship-table').getByRole('row').filter({ hasText: 'pv-conseil.pdf' })
    await visible(ligne)
    // The name the school gave, never the stored one with its random suffix.
    expect(await page.locator('.relationship-table').innerText()).not.toMatch(/-[0-9a-f]{16}\.pdf/)
    await visible(ligne.getByText('PV du conseil d’administration'))
    await capturer(page, '04b-annexe-jointe')
    const telechargement = await page.evaluate(async (id) => {
      const demande = await (await fetch(`/api/demandes/${id}?depth=1`, { credentials: 'include' })).json()
      const annexe = demande.annexes[0]
      const fichier = await fetch(annexe.url, { credentials: 'include' })
      return {
        nombre: demande.annexes.length,
        statut: fichier.status,
        disposition: fichier.headers.get('content-disposition'),
      }
    }, idDemande)
    expect(telechargement).toMatchObject({
      nombre: 1,
      statut: 200,
      disposition: expect.stringMatching(/^attachment/),
    })
    chrono.top('annexe jointe depuis le formulaire')
  })

  it('4 ter. « Quitter » abandonne, après confirmation, les modifications non sauvegardées', async () => {
    await page.keyboard.press('Escape')
    await page.locator('#field-siteFormation').fill('Site modifié puis abandonné')
    page.once('dialog', (dialogue) => {
      expect(dialogue.message()).toContain('Les modifications non sauvegardées seront perdues')
      void dialogue.accept()
    })
    await page.getByRole('button', { name: 'Quitter' }).click()
    await page.waitForURL(url('/admin'))
    await page.goto(url(`/admin/collections/demandes/${idDemande}`))
    await expect.poll(() => page.locator('#field-siteFormation').inputValue()).toBe('')
    chrono.top('quitter sans sauvegarder')
  })

  it('5. « Valider la demande » refuse une demande incomplète et liste les erreurs, chacune menant à son champ', async () => {
    await page.getByRole('button', { name: 'Valider la demande' }).click()
    await page.waitForURL(url(`/admin/demandes/${idDemande}/recapitulatif`))
    await visible(page.getByRole('heading', { name: 'La demande ne peut pas encore être validée' }))
    const erreurs = page.locator('.liste-erreurs a')
    expect(await erreurs.count()).toBeGreaterThan(5)
    await visible(page.getByRole('link', { name: 'Le téléphone du responsable du projet est obligatoire.' }))
    await capturer(page, '05-validation-refusee')
    await verifierAccessibilite(page, 'erreurs de validation')
    await page.getByRole('link', { name: 'Le téléphone du responsable du projet est obligatoire.' }).click()
    await page.waitForURL(new RegExp(`/admin/collections/demandes/${idDemande}#field-responsable__telephone`))
    chrono.top('validation refusée, retour au champ en erreur')
  })

  it('6. la saisie corrigée : arbre des diplômes, compteur du rapport, champs conditionnels', async () => {
    await page.locator('#field-responsable__telephone').fill('04 67 13 81 55')
    await page.locator('#field-responsable__email').fill('claire.martin@ac-montpellier.fr')
    await choisirOption(page, 'modalite', 'Scolaire uniquement (S)')
    await page.getByLabel('Type de diplôme').selectOption('CAP')
    await page.getByLabel('Rechercher (libellé ou code diplôme)').fill('ebeniste')
    await page.locator('.choix-diplome__liste').selectOption({ label: 'CAP EBENISTE — 50023445' })
    await page.getByLabel('Durée de la formation').selectOption('2')
    await page.getByLabel('Année de formation').selectOption('1')
    await visible(page.getByText('1re année du CAP EBENISTE en 2 ans'))
    await page.locator('#field-priorite').fill('1')
    await page.locator('#field-capaciteActuelle').fill('0')
    await page.locator('#field-capaciteNouvelle').fill('12')
    await expect(page.locator('#field-anneePrecedentDepot').count()).resolves.toBe(0)
    await page.locator('#field-premiereDemande').uncheck()
    await visible(page.locator('#field-anneePrecedentDepot'))
    await page.locator('#field-anneePrecedentDepot').fill('2025')
    await page.locator('#field-dateConseil input, input#field-dateConseil').first().fill('10/11/2026')
    await page.keyboard.press('Escape')
    await choisirOption(page, 'zonesRecrutement', 'Départementale')
    await page.locator('#field-travaux__equipementsDemandes').check()
    await page.locator('#field-travaux__descriptionEquipements').fill('Établis et machines à bois.')
    const rapport = 'Ouverture d’un CAP Ébéniste : besoins confirmés par les entreprises du bassin. 🪵'
    await page.locator('#field-rapportOpportunite').fill(rapport)
    await visible(page.getByText(`${[...rapport].length} / 5 000 caractères`))
    await capturer(page, '06-saisie-complete')
    chrono.top('saisie complète')
  })

  it('7. récapitulatif : chaque valeur lisible, « Revenir à la saisie » et « Confirmer la validation »', async () => {
    await page.getByRole('button', { name: 'Valider la demande' }).click()
    await page.waitForURL(url(`/admin/demandes/${idDemande}/recapitulatif`))
    await visible(page.getByRole('heading', { name: `Récapitulatif de la demande n° ${numero}` }))
    for (const texte of [
      '1re année du CAP EBENISTE en 2 ans',
      'Ouverture',
      'Scolaire uniquement (S)',
      '04 67 13 81 55',
      '10 novembre 2026',
      'Départementale',
      'Établis et machines à bois.',
    ]) {
      await visible(page.locator('.recapitulatif').getByText(texte, { exact: true }).first())
    }
    await visible(page.getByRole('link', { name: 'Revenir à la saisie' }))
    await capturer(page, '07-recapitulatif')
    await verifierAccessibilite(page, 'récapitulatif')
    await page.getByRole('button', { name: 'Confirmer la validation' }).click()
    await page.waitForURL(url(`/admin?valide=${numero}`))
    await visible(page.getByRole('status').getByText(`La demande n° ${numero} a été validée.`))
    const validee = page
      .locator('section', { has: page.getByRole('heading', { name: 'Demandes validées' }) })
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: numero, exact: true }) })
    await visible(validee.getByRole('link', { name: /Consulter/ }))
    await capturer(page, '08-validee')
    chrono.top('récapitulatif, confirmation, retour au tableau de bord')
  })

  it('8. la demande validée est verrouillée : le formulaire n’est plus modifiable', async () => {
    await page.goto(url(`/admin/collections/demandes/${idDemande}`))
    await expect.poll(() => page.locator('#field-responsable__nom').isDisabled()).toBe(true)
    await expect(page.getByRole('button', { name: 'Valider la demande' }).count()).resolves.toBe(0)
    const patch = await page.evaluate(
      async (id) =>
        (
          await fetch(`/api/demandes/${id}`, {
            method: 'PATCH',
            credentials: 'include',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ rapportOpportunite: 'modifié' }),
          })
        ).status,
      idDemande,
    )
    expect([403, 404]).toContain(patch)
    await capturer(page, '09-verrouillee')
    chrono.top('demande verrouillée')
  })

  it('9. « Consulter » affiche la demande en lecture seule et s’imprime sur A4', async () => {
    await page.goto(url(`/admin/demandes/${idDemande}/consulter`))
    await visible(page.getByRole('heading', { name: `Demande n° ${numero}` }))
    await visible(page.getByText(/Demande validée le .* elle n'est plus modifiable/))
    await visible(page.getByRole('button', { name: 'Imprimer' }))
    await capturer(page, '10-consultation')
    await verifierAccessibilite(page, 'consultation')
    await page.emulateMedia({ media: 'print' })
    await capturer(page, '11-impression')
    const pdf = await page.pdf({
      format: 'A4',
      path: 'test-artifacts/captures/11-impression.pdf',
      printBackground: false,
    })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
    expect(pages).toBeGreaterThanOrEqual(1)
    expect(pages).toBeLessThanOrEqual(2)
    await page.emulateMedia({ media: 'screen' })
    chrono.top('consultation et impression')
  })
})
