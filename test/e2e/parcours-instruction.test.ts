import fs from 'node:fs'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { deposerEtValider, jeton, publierLesDecisions } from '../aides/http'
import {
  capturer,
  Chrono,
  confirmerDialogue,
  connecter,
  DOSSIER_CAPTURES,
  lancerNavigateur,
  nouvellePage,
  url,
  verifierAccessibilite,
  visible,
} from '../aides/navigateur'
import { lirePdf } from '../aides/pdf'

/**
 * Issue 16, « done when »: the officer's journey in one go, as the people live it. The rectorat finds the demande
 * from its dashboard's « à instruire » counter, reviews it (the avis form there on first load), sends it back for
 * correction; the school sees it first on its dashboard, corrects it and validates it again through the recap; the
 * rectorat gives its avis; the Région decides in bulk from the list and publishes; the school reads the avis' and
 * the décision's comments and downloads its PDF.
 */
let navigateur: Browser
const chrono = new Chrono('parcours-instruction')
const ECOLE = '0310024H'
const MOTIF = 'Joignez la convention avec l’entreprise partenaire et précisez le plateau technique.'
const AVIS = 'Avis favorable : projet cohérent avec le bassin de Muret.'
const DECISION = 'Retenue par la commission permanente du 4 décembre.'
let d: { id: number | string; numero: number }

beforeAll(async () => {
  navigateur = await lancerNavigateur()
  // Another file may have left the decisions published: the journey starts before publication.
  expect((await publierLesDecisions(false)).status).toBe(200)
  d = await deposerEtValider(await jeton(ECOLE), ECOLE, {
    rapportOpportunite: 'Première version : ouverture demandée pour répondre aux besoins du bassin.',
  })
})
afterAll(async () => {
  chrono.ecrire()
  await navigateur?.close()
  await publierLesDecisions(false)
})

describe('Le parcours de l’instruction, de la liste à la décision publiée', () => {
  let ecole: Page

  it('le rectorat part de son compteur « à instruire », ouvre la demande et la renvoie pour correction', async () => {
    const officier = await nouvellePage(navigateur)
    await officier.setViewportSize({ width: 1366, height: 768 })
    await connecter(officier, 'rectorat-toulouse')
    chrono.top('rectorat : connexion')
    const compteur = officier.getByRole('link', { name: /attend(ent)? votre avis/ })
    await visible(compteur)
    await compteur.click()
    await officier.waitForURL(/avis\.avis/)
    const lien = officier.getByRole('link', { name: `Consulter la demande n° ${d.numero}`, exact: true })
    await visible(lien)
    await capturer(officier, 'instruction-01-liste-sans-avis')
    chrono.top('rectorat : compteur → liste sans avis')
    await lien.click()
    // The list's link carries the list to come back to (`?depuis=`).
    await officier.waitForURL((u) => u.pathname === `/admin/demandes/${d.id}/consulter`)
    // The avis form is there on first load, without any click, five loads in a row.
    for (let i = 0; i < 5; i++) {
      if (i > 0) await officier.reload()
      await visible(officier.locator('#instruction-avis'))
    }
    chrono.top('rectorat : écran d’instruction (5 chargements)')
    await verifierAccessibilite(officier, 'écran d’instruction du rectorat')
    await officier.getByLabel("Ce qu'il faut corriger").fill(MOTIF)
    const question = confirmerDialogue(officier)
    await officier.getByRole('button', { name: 'Renvoyer pour correction' }).click()
    await question
    await visible(officier.locator('.echanges__fil').getByText(MOTIF))
    await capturer(officier, 'instruction-02-renvoi')
    await officier.context().close()
    chrono.top('rectorat : renvoi pour correction')
  })

  it('l’établissement la trouve en tête de son tableau de bord, la corrige et la valide de nouveau', async () => {
    ecole = await nouvellePage(navigateur)
    await connecter(ecole, ECOLE)
    const section = ecole.locator('section.a-corriger')
    await visible(section.getByText(MOTIF))
    await visible(ecole.getByText(/message(s)? non lus?/))
    await capturer(ecole, 'instruction-03-tableau-de-bord-ecole')
    await ecole.getByRole('link', { name: `Corriger la demande ${d.numero}` }).click()
    await ecole.waitForURL(url(`/admin/collections/demandes/${d.id}`))
    const rapport = ecole.locator('#field-rapportOpportunite')
    await visible(rapport)
    await rapport.fill(
      'Version corrigée : convention signée avec l’entreprise, plateau technique de 12 postes.',
    )
    await ecole.getByRole('button', { name: 'Valider la demande' }).click()
    await ecole.waitForURL(url(`/admin/demandes/${d.id}/recapitulatif`))
    await ecole.getByRole('button', { name: 'Confirmer la validation' }).click()
    await ecole.waitForURL(/\/admin(\?|$)/)
    await visible(ecole.getByText(`La demande n° ${d.numero} a été validée.`))
    chrono.top('établissement : correction et nouvelle validation')
  })

  it('le rectorat donne son avis commenté sur l’écran d’instruction', async () => {
    const officier = await nouvellePage(navigateur)
    await connecter(officier, 'rectorat-toulouse')
    await officier.goto(url(`/admin/demandes/${d.id}/consulter`))
    await visible(officier.getByText(/Version corrigée/))
    await officier.locator('#instruction-avis').selectOption('favorable')
    await officier.getByLabel("Commentaire de l'avis", { exact: true }).last().fill(AVIS)
    await officier.getByRole('button', { name: "Enregistrer l'avis" }).click()
    await visible(officier.getByRole('status').getByText('Avis enregistré.'))
    await capturer(officier, 'instruction-04-avis')
    await officier.context().close()
    chrono.top('rectorat : avis')
  })

  it('la Région décide en lot depuis la liste, puis publie ses décisions', async () => {
    const region = await nouvellePage(navigateur)
    await region.setViewportSize({ width: 1366, height: 768 })
    await connecter(region, 'region')
    await region.goto(url(`/admin/collections/demandes?where[numero][equals]=${d.numero}`))
    const ligne = region.locator('tbody tr').first()
    await visible(ligne)
    await ligne.locator('input[type="checkbox"]').check()
    await region
      .getByRole('button', { name: 'Enregistrer une décision pour les demandes sélectionnées' })
      .click()
    await region.locator('#lot-decision').selectOption('retenue')
    await region.locator('#lot-decision-commentaire').fill(DECISION)
    const question = confirmerDialogue(region)
    await region.getByRole('button', { name: 'Enregistrer la décision' }).click()
    expect(await question).toBe('Enregistrer la décision "Retenue" pour 1 demande ?')
    await visible(region.getByRole('status').getByText(`1 demande mise à jour (n° ${d.numero}).`))
    await visible(ligne.getByText('Retenue').first())
    await capturer(region, 'instruction-05-decision-en-lot')
    chrono.top('Région : décision en lot')
    const annonce = confirmerDialogue(region)
    await region.getByRole('button', { name: 'Publier les décisions' }).click()
    expect(await annonce).toMatch(
      /^\d+ décisions? ser(a|ont) publiées? ; \d+ structures? recevr(a|ont) un courriel\.( .+ pas encore de décision : .+\.)? Publier \?$/,
    )
    await visible(region.getByText(/^Décisions publiées le \d{1,2} \S+ \d{4} à \d\d h \d\d$/))
    await capturer(region, 'instruction-06-publiees')
    await region.context().close()
    chrono.top('Région : publication')
  })

  it('l’établissement lit l’avis et la décision avec leurs commentaires, et télécharge son PDF', async () => {
    await ecole.goto(url(`/admin/demandes/${d.id}/consulter`))
    const recap = ecole.locator('.recapitulatif')
    await visible(recap.getByText(AVIS))
    await visible(recap.getByText(DECISION))
    await capturer(ecole, 'instruction-07-ecole-commentaires')
    const telechargement = ecole.waitForEvent('download')
    await ecole.getByRole('link', { name: 'Télécharger le PDF' }).click()
    const fichier = await telechargement
    const chemin = path.join(DOSSIER_CAPTURES, `instruction-demande-${d.numero}.pdf`)
    await fichier.saveAs(chemin)
    const pdf = await lirePdf(fs.readFileSync(chemin))
    expect(pdf.texte).toContain(`n° ${d.numero}`)
    expect(pdf.texte).toContain(ECOLE)
    expect(pdf.texte).toContain('Version corrigée')
    expect(pdf.texte).toContain(AVIS)
    expect(pdf.texte).toContain(DECISION)
    chrono.top('établissement : commentaires et PDF')
  })
})
