import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { appel, type EtablissementLibre, etablissementsLibres, jeton } from '../aides/http'
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
const chrono = new Chrono('parcours-autorites-editeurs')

beforeAll(async () => {
  navigateur = await lancerNavigateur()
})
afterAll(async () => {
  chrono.ecrire()
  await navigateur?.close()
})

const nouvellePage = () => ouvrirPage(navigateur)
// Unique per run, so that the file also passes against a server reused across runs (CARTE_TEST_URL).
const N = Date.now().toString(36)

describe('Page d’accueil publique', () => {
  it('présente l’appel à projets et mène à la connexion et au dépôt, sans défaut d’accessibilité', async () => {
    const page = await nouvellePage()
    await page.goto(url('/'))
    await visible(page.getByRole('heading', { level: 1, name: /Appel à projets/ }))
    await visible(page.getByRole('heading', { name: 'À consulter' }))
    await visible(page.getByRole('status').filter({ hasText: /La saisie des demandes est ouverte jusqu'au/ }))
    await capturer(page, 'accueil-01-page-publique')
    await verifierAccessibilite(page, "page d'accueil publique")
    await page.getByRole('link', { name: 'Lettre de cadrage' }).click()
    await visible(page.getByRole('heading', { level: 1, name: /Lettre de cadrage/ }))
    await page.goto(url('/'))
    await page.getByRole('link', { name: 'Déposer un projet' }).click()
    // Not signed in: Payload sends the visitor to the sign-in page, then back to the form.
    await page.waitForURL(/\/admin\/login/)
    await visible(page.getByLabel('Identifiant'))
    chrono.top('accueil public, lettre de cadrage, déposer → connexion')
  })
})

describe('La Région consulte les statistiques', () => {
  it('voit les chiffres clés, le graphique et le tableau croisé de la campagne', async () => {
    const page = await nouvellePage()
    await connecter(page, 'region')
    await page.getByRole('link', { name: 'Voir les statistiques et le graphique' }).click()
    await page.waitForURL(/\/admin\/statistiques/)
    await visible(page.getByRole('heading', { level: 1, name: /Statistiques — rentrée \d{4}/ }))
    const stats = (await appel('GET', '/api/demandes/statistiques', { jeton: await jeton('region') })).corps
    await visible(
      page.getByRole('list', { name: 'Chiffres clés' }).getByText(`${stats.total.demandes}`, { exact: true }),
    )
    await visible(
      page.getByRole('img', { name: 'Solde de places demandé par type de diplôme et par académie' }),
    )
    const lignes = page.locator('table.tableau-statistiques tbody tr')
    await expect.poll(() => lignes.count()).toBe(stats.croise.length)
    await capturer(page, 'region-01-statistiques')
    await verifierAccessibilite(page, 'statistiques')
    // A row leads to the list filtered the same way.
    await lignes.first().getByRole('link').click()
    await page.waitForURL(/\/admin\/collections\/demandes\?/)
    await visible(page.getByText('Exporter la liste filtrée :'))
    chrono.top('région : statistiques et liste filtrée')
  })

  it('un établissement n’y a pas accès', async () => {
    const page = await nouvellePage()
    await connecter(page, '0310024H')
    await page.goto(url('/admin/statistiques'))
    await visible(
      page.getByText('Cette page est réservée à la Région, aux rectorats, à la DRAAF et au Carif-Oref.'),
    )
    expect(await page.locator('table.tableau-statistiques').count()).toBe(0)
  })

  it('la DRAAF les consulte, dans son périmètre ; sa navigation y mène', async () => {
    const page = await nouvellePage()
    await connecter(page, 'draaf')
    expect(await page.locator('a.nav__link[href="/admin/statistiques"]').count()).toBe(1)
    await page.goto(url('/admin/statistiques'))
    await visible(page.getByRole('heading', { name: /^Statistiques — rentrée \d{4}$/ }))
    expect(await page.getByText('Cette page est réservée').count()).toBe(0)
  })
})

describe('Le Carif-Oref gère les comptes et les référentiels', () => {
  it('crée des comptes établissement en collant une liste de codes UAI', async () => {
    const page = await nouvellePage()
    await connecter(page, 'carif-oref')
    await page.getByRole('link', { name: 'créer des comptes en masse', exact: true }).click()
    await page.waitForURL(/\/admin\/comptes-en-masse/)
    // Two établissements of the annuaire without an account yet (on a reused server, the next ones).
    const [premier, second] = (await etablissementsLibres(2)) as [EtablissementLibre, EtablissementLibre]
    const faux = `${premier.uai.slice(0, 7)}${premier.uai[7] === 'A' ? 'B' : 'A'}`
    await page.getByLabel(/Établissements, un par ligne/).fill(`${premier.uai}\n${faux}`)
    await page.getByRole('button', { name: 'Créer les comptes' }).click()
    await visible(page.getByText("Aucun compte n'a été créé : 1 ligne à corriger."))
    await visible(page.getByText(`Ligne 2 : Le code UAI « ${faux} » n'existe pas`))
    await capturer(page, 'carif-01-comptes-refus')
    await page.getByLabel(/Établissements, un par ligne/).fill(`${premier.uai}\n${second.uai}`)
    await page.getByRole('button', { name: 'Créer les comptes' }).click()
    await visible(
      page.getByText(
        "2 comptes créés, en attente de la validation de leur ouverture par l'administrateur de la plateforme : chacun recevra son invitation une fois validé ; 0 déjà existant.",
      ),
    )
    await visible(page.getByRole('cell', { name: `ce.${premier.uai.toLowerCase()}@ac-montpellier.fr` }))
    await capturer(page, 'carif-02-comptes-crees')
    await verifierAccessibilite(page, 'création de comptes en masse')
    const admin = await jeton('admin')
    expect(
      (
        await appel('GET', `/api/users?where[username][equals]=${premier.uai.toLowerCase()}&depth=0`, {
          jeton: admin,
        })
      ).corps.docs[0],
    ).toMatchObject({ role: 'etablissement', actif: true, ouvertureValidee: false })
    chrono.top('carif-oref : comptes en masse')
  })

  it('voit les changements d’un nouvel annuaire avant de l’importer, puis l’importe', async () => {
    // A name this run is the first to give: the file changes the établissement on a reused server too.
    const nouveauNom = `Lycée Germaine Tillion (nouveau nom ${N})`
    const fichier = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'carte-import-')), 'annuaire.csv')
    fs.writeFileSync(
      fichier,
      `uai,nom,type,secteur,ministere_tutelle,commune,code_departement,code_academie\n0110012D,${nouveauNom},LPO,PU,MINISTERE DE L'EDUCATION NATIONALE,Narbonne,11,11\n`,
    )
    const page = await nouvellePage()
    await connecter(page, 'carif-oref')
    await page.goto(url('/admin/import-referentiels'))
    await page.getByLabel('Fichiers (CSV, ou ZIP des tables de la BCN)').setInputFiles(fichier)
    await page.getByRole('button', { name: 'Voir les changements' }).click()
    await visible(page.getByText(/Simulation : Établissements : 0 ligne seraient créée, 1 modifiée/))
    await visible(
      page.getByRole('cell', {
        name: new RegExp(`nom : .* → ${nouveauNom.replace(/[()]/g, '\\$&')}`, 'i'),
      }),
    )
    await capturer(page, 'carif-03-import-simulation')
    await verifierAccessibilite(page, 'import de référentiel')
    await page.getByRole('button', { name: 'Importer' }).click()
    await visible(page.getByText(/Import terminé\. Établissements : 0 ligne ont été créée, 1 modifiée/))
    const admin = await jeton('admin')
    expect(
      (await appel('GET', '/api/etablissements?where[uai][equals]=0110012D&depth=0', { jeton: admin })).corps
        .docs[0].nom,
    ).toBe(nouveauNom)
    chrono.top('carif-oref : import de l’annuaire')
  })
})
