import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fichiersDuDossier, FICHIER_DIPLOMES } from '../../src/referentiel/fichiers'
import { annuaireComplet } from '../aides/annuaire'
import { appel, jeton, URL_SERVEUR } from '../aides/http'
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
import { zipper } from '../aides/zip'

/**
 * Issue 21 as the Carif-Oref lives it, in « Mettre à jour un référentiel »: the annuaire's whole export and the
 * BCN's tables (a ZIP, or several CSV files), their dry run with what each column would lose, the report as a
 * CSV, and the second step a file that would empty RNCP codes needs.
 */
let navigateur: Browser
let page: Page
let carif: string
const chrono = new Chrono('referentiels')
const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'carte-e2e-ref-'))
const tables = fichiersDuDossier(path.resolve('test/fixtures/bcn'))
const fichierAnnuaire = path.join(dossier, 'fr-en-annuaire-education.csv')
const fichierZip = path.join(dossier, 'bcn.zip')
const sansRncp = tables.map((f) => path.join(dossier, f.nom))

const codesDuCap = async () =>
  (await appel('GET', '/api/diplomes?where[cfd][equals]=50022146&depth=0', { jeton: carif })).corps.docs[0]
    .codesRncp as string[]

/** The first paragraph of what the form shows once the server answers: its report, or its refusal. */
async function reponse(p: Page): Promise<string> {
  const zone = p.locator('.outil-editeur [role=status] > p, .outil-editeur [role=alert] > p').first()
  await visible(zone)
  return (await zone.innerText()).trim()
}

beforeAll(async () => {
  carif = await jeton('carif-oref')
  fs.writeFileSync(fichierAnnuaire, annuaireComplet().csv)
  fs.writeFileSync(fichierZip, zipper(tables))
  // The RNCP files reduced to their header: every RNCP code would be emptied.
  for (const f of tables)
    fs.writeFileSync(
      path.join(dossier, f.nom),
      /Kit|dgesco/i.test(f.nom) ? f.texte.split('\n')[0]! + '\n' : f.texte,
    )
  navigateur = await lancerNavigateur()
  page = await nouvellePage(navigateur)
  await connecter(page, 'carif-oref')
})
afterAll(async () => {
  // Back to the shipped diplômes (nothing else in the suite depends on what this file changed).
  await fetch(`${URL_SERVEUR()}/api/referentiels/importer?type=diplomes&confirmer=true`, {
    method: 'POST',
    headers: { Authorization: `JWT ${carif}`, 'Content-Type': 'text/csv' },
    body: fs.readFileSync(FICHIER_DIPLOMES, 'utf8'),
  })
  chrono.ecrire()
  await navigateur?.close()
})

describe('Mettre à jour un référentiel', () => {
  it('l’export complet de l’annuaire : la simulation compte 5 615 écoles et collèges hors champ et ne vide aucun champ', async () => {
    const avant = (await appel('GET', '/api/etablissements?limit=1&depth=0', { jeton: carif })).corps
      .totalDocs
    await page.goto(url('/admin/import-referentiels'))
    await visible(page.getByRole('heading', { name: 'Mettre à jour un référentiel' }))
    await page.getByLabel('Fichiers (CSV, ou ZIP des tables de la BCN)').setInputFiles(fichierAnnuaire)
    await page.getByRole('button', { name: 'Voir les changements' }).click()
    const bilan = page.getByRole('status')
    await visible(bilan.getByText(/^Simulation : Établissements : .* ; 5615 hors champ ;/))
    await visible(bilan.getByText('Aucun champ ne serait vidé.'))
    await visible(bilan.getByText(/absent\(s\) de l'export, conservé\(s\) sans changement/))
    expect(
      (await appel('GET', '/api/etablissements?limit=1&depth=0', { jeton: carif })).corps.totalDocs,
    ).toBe(avant)
    await verifierAccessibilite(page, 'import annuaire')
    await capturer(page, 'referentiels-00-annuaire-simulation')
    chrono.top('annuaire complet : simulation')

    const telechargement = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Télécharger le rapport (CSV)' }).click()
    const fichier = await telechargement
    expect(fichier.suggestedFilename()).toBe('rapport-import-etablissements-simulation.csv')
    const rapport = fs.readFileSync((await fichier.path())!, 'utf8')
    expect(rapport.startsWith('\uFEFFUAI;Opération;Champ;Avant;Après;Remarque\r\n')).toBe(true)
    expect(rapport).toContain(';Total;Hors champ;;;5615\r\n')
    expect(rapport).toContain("0110681F;Absent de l'export;;;;conservé sans changement\r\n")
    chrono.top('rapport CSV')
  })

  it('les tables de la BCN en ZIP : CPGE et licences hors champ, aucun champ vidé', async () => {
    await page.getByLabel(/^Diplômes/).check()
    await page.getByLabel('Fichiers (CSV, ou ZIP des tables de la BCN)').setInputFiles(fichierZip)
    await page.getByRole('button', { name: 'Voir les changements' }).click()
    const bilan = page.getByRole('status')
    expect(await reponse(page)).toMatch(/^Simulation : Diplômes : 0 ligne seraient créée.* ; 40 hors champ ;/)
    await visible(bilan.getByText('Aucun champ ne serait vidé.'))
    await capturer(page, 'referentiels-01-bcn-zip')
    chrono.top('BCN en ZIP : simulation')
  })

  it('des fichiers qui videraient les codes RNCP : la simulation le dit, « Importer » est refusé, la confirmation importe', async () => {
    const codes = await codesDuCap()
    expect(codes.length).toBeGreaterThan(0)
    await page.getByLabel('Fichiers (CSV, ou ZIP des tables de la BCN)').setInputFiles(sansRncp)
    await page.getByRole('button', { name: 'Voir les changements' }).click()
    expect(await reponse(page)).toMatch(/^Simulation : Diplômes : /)
    const bilan = page.getByRole('status')
    const ligne = bilan
      .getByRole('table', { name: 'Champs que l’import viderait' })
      .getByRole('row', { name: /^Codes RNCP \d+ [\d,]+ %$/ })
    await visible(ligne)
    await visible(bilan.getByText(/« Importer » sera refusé : « Codes RNCP » serait vidé/))
    await capturer(page, 'referentiels-02-rncp-simulation')

    await page.getByRole('button', { name: 'Importer', exact: true }).click()
    const refus = page.getByRole('alert')
    await visible(
      refus.getByText(/^fichier : rien n'a été importé\. L'import viderait « Codes RNCP » sur \d+ lignes/),
    )
    expect(await codesDuCap()).toEqual(codes)
    await capturer(page, 'referentiels-03-rncp-refus')

    await refus.getByRole('button', { name: 'Confirmer et importer quand même' }).click()
    await visible(page.getByRole('status').getByText(/^Import terminé\. Diplômes : /))
    expect(await codesDuCap()).toEqual([])
    await capturer(page, 'referentiels-04-rncp-confirme')
    chrono.top('garde de 1 % : refus puis confirmation')
  })
})
