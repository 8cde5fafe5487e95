import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { appel, deposerDemande, deposerEtValider, graphql, idPar, jeton } from '../aides/http'
import {
  capturer,
  connecter,
  lancerNavigateur,
  nouvellePage,
  url,
  verifierAccessibilite,
  visible,
} from '../aides/navigateur'

/**
 * Issue 18, the translation part: every screen of every role's journey (dashboard, list, create and edit forms,
 * consult page, account page, an error toast) reads in French, in the guide's words — no English word, none of
 * Payload's hedged generic texts (« Créer un(e) nouveau ou nouvelle Demande », « Aucun(e) Annexes trouvé(e) »,
 * « [Sans titre] »), no internal field name (« etablissementConcerne », « general:null ») — and passes axe-core,
 * at 1,366 px and at 390 px. A filer sees neither Payload's preferences nor the saved-filter bar; nobody sees the
 * API tab.
 */
let navigateur: Browser

/** Payload's generic patterns, English words of its admin, raw field names and translation keys. */
const INTERDITS: [string, RegExp][] = [
  ['genre hésitant', /\bun\(e\)|\(e\)|\(s\)s?\b|nouveau ou nouvelle|ce ou cette|de ou du|le ou la\b/],
  ['titre vide', /\[Sans titre\]|Sans titre - ID/],
  ['nom de Payload', /Payload/],
  [
    'anglais',
    /\b(Create|Save|Delete|Edit|Search|Columns|Loading|Untitled|No results|Submit|Cancel|Settings|Preferences|Dashboard|Log ?out|Password|Username|Created|Updated|MIME Type|Object Key|Api Key|Thumbnail URL|Time|Select|Ascending|Descending|Remove link|Edit link)\b/,
  ],
  ['nom interne', /\b[a-z]+[A-Z][A-Za-z]*\b|\bselect-all\b|^_\w+|\b_object\b/m],
  ['clé de traduction', /\b(general|fields|error|authentication|validation|version|upload):[A-Za-z]+/],
]

/** What the reader meets: the visible text, the names given to assistive technologies, tooltips, the tab title. */
async function textes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vu = (e: Element) => {
      const r = e.getBoundingClientRect()
      const s = getComputedStyle(e)
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'
    }
    const attributs = [...document.querySelectorAll('[aria-label], [placeholder], [title]')]
      .filter(vu)
      .flatMap((e) => ['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? ''))
    return [...document.body.innerText.split('\n'), ...attributs, document.title]
      .map((t) => t.trim())
      .filter(Boolean)
  })
}

/** Fails naming each offending text and the rule it breaks. */
async function enFrancais(page: Page, ecran: string) {
  const fautes = (await textes(page)).flatMap((t) =>
    INTERDITS.filter(([, motif]) => motif.test(t)).map(([regle]) => `${regle} : « ${t.slice(0, 90)} »`),
  )
  // Soft: one run lists every screen's faults, not only the first.
  expect.soft([...new Set(fautes)], `${ecran} (${page.url()})`).toEqual([])
}

/** Every screen at both widths: the scan, axe-core, and a screenshot. */
async function verifierEcran(page: Page, chemin: string, nom: string, avant?: (p: Page) => Promise<void>) {
  for (const largeur of [1366, 390]) {
    await page.setViewportSize({ width: largeur, height: largeur > 500 ? 900 : 844 })
    await page.goto(url(chemin))
    await page.waitForLoadState('networkidle')
    // The admin hydrates, then fills the form and the lists from the API.
    await page.waitForTimeout(600)
    await avant?.(page)
    await enFrancais(page, `${nom} à ${largeur} px`)
    await verifierAccessibilite(page, `${nom} à ${largeur} px`).catch((e: Error & { actual?: unknown }) =>
      expect.soft(e.actual ?? e.message, `${nom} à ${largeur} px : axe-core`).toEqual([]),
    )
    await capturer(page, `textes-${nom}-${largeur}`)
  }
}

/** The list's « Colonnes » panel: the name of every field Payload adds (« MIME Type », « _object Key »). */
async function ouvrirColonnes(page: Page) {
  const bouton = page.getByRole('button', { name: 'Colonnes' })
  if (await bouton.count()) {
    await bouton.first().click()
    await page.waitForTimeout(300)
  }
}

type Parcours = { role: string; ecrans: [string, string, ((p: Page) => Promise<void>)?][] }
let parcours: Parcours[]
const MEMBRE_NIMES = '0300058A'

beforeAll(async () => {
  navigateur = await lancerNavigateur()
  const ecole = await jeton('0310024H')
  const brouillon = await deposerDemande(ecole, '0310024H')
  const validee = await deposerEtValider(ecole, '0310024H')
  const duReseau = await deposerDemande(await jeton('reseau-nimes'), MEMBRE_NIMES)
  const agricoles = await appel(
    'GET',
    '/api/etablissements?where[ministere][equals]=agriculture&depth=0&limit=1',
    {
      jeton: await jeton('admin'),
    },
  )
  const agricole = agricoles.corps.docs[0].uai as string
  const deLaDraaf = await deposerDemande(await jeton('draaf'), agricole)
  const annexe = (id: number | string) => `/admin/collections/annexes?where[demande][equals]=${id}`
  const deposant = (d: { id: number | string }): Parcours['ecrans'] => [
    ['/admin', 'tableau-de-bord'],
    ['/admin/collections/demandes', 'liste'],
    ['/admin/collections/demandes/create', 'creation'],
    [`/admin/collections/demandes/${d.id}`, 'edition'],
    [`/admin/demandes/${d.id}/consulter`, 'consultation'],
    [annexe(d.id), 'annexes', ouvrirColonnes],
    ['/admin/account', 'compte'],
  ]
  const autorite: Parcours['ecrans'] = [
    ['/admin', 'tableau-de-bord'],
    ['/admin/collections/demandes', 'liste'],
    [`/admin/collections/demandes/${validee.id}`, 'edition'],
    [`/admin/demandes/${validee.id}/consulter`, 'consultation'],
    ['/admin/account', 'compte'],
  ]
  const editeur: Parcours['ecrans'] = [
    ...autorite,
    ['/admin/collections/etablissements', 'etablissements'],
    ['/admin/collections/etablissements/create', 'etablissement-creation'],
    ['/admin/collections/users', 'comptes'],
    ['/admin/collections/users/create', 'compte-creation'],
    ['/admin/collections/diplomes', 'diplomes'],
    ['/admin/collections/documents', 'documents', ouvrirColonnes],
    ['/admin/collections/documents/create', 'document-creation'],
    ['/admin/globals/campagne', 'campagne'],
  ]
  parcours = [
    { role: '0310024H', ecrans: deposant(brouillon) },
    { role: 'reseau-nimes', ecrans: deposant(duReseau) },
    { role: 'draaf', ecrans: [...deposant(deLaDraaf), [`/admin/demandes/${validee.id}/consulter`, 'avis']] },
    { role: 'rectorat-toulouse', ecrans: autorite },
    { role: 'region', ecrans: autorite },
    { role: 'carif-oref', ecrans: editeur },
    { role: 'admin', ecrans: [...editeur, ['/admin/collections/journal', 'journal']] },
  ]
})
afterAll(async () => {
  await navigateur?.close()
})

describe('Chaque écran de chaque rôle, en français et sans les textes génériques de Payload', () => {
  for (const role of [
    '0310024H',
    'reseau-nimes',
    'draaf',
    'rectorat-toulouse',
    'region',
    'carif-oref',
    'admin',
  ])
    it(
      `parcours ${role} : tableau de bord, liste, formulaires, consultation, compte`,
      { timeout: 600_000 },
      async () => {
        const page = await nouvellePage(navigateur)
        await connecter(page, role)
        for (const [chemin, nom, avant] of parcours.find((p) => p.role === role)!.ecrans)
          await verifierEcran(page, chemin, `${role}-${nom}`, avant)
        await page.context().close()
      },
    )
})

describe('Ce qu’un rôle n’a pas à voir', () => {
  it('ni onglet API, ni préférences de Payload, ni filtres enregistrés pour un établissement ; le nom de la plateforme dans l’en-tête', async () => {
    const page = await nouvellePage(navigateur)
    await connecter(page, '0310024H')
    await page.goto(url('/admin/account'))
    await visible(page.getByLabel('Nom (personne ou service)'))
    expect(await page.getByText('Clé d’API').count()).toBe(0)
    expect(await page.locator('.payload-settings').isVisible()).toBe(false)
    // Its own attachment only: no académie, réseau, « compte actif » nor the administrator's opening check.
    await visible(page.getByText('Obligatoire pour un compte établissement.'))
    for (const texte of [
      'Obligatoire pour un compte de rectorat.',
      'Obligatoire pour un compte de réseau.',
      'Ouverture validée',
      'Compte actif',
    ])
      expect(await page.getByText(texte, { exact: true }).count(), texte).toBe(0)
    await visible(page.locator('.step-nav').getByText('Carte des formations'))
    await page.goto(url('/admin/collections/demandes'))
    await page.waitForLoadState('networkidle')
    expect(await page.locator('.query-preset-bar').isVisible()).toBe(false)
    const d = await deposerDemande(await jeton('0310024H'), '0310024H')
    await page.goto(url(`/admin/collections/demandes/${d.id}`))
    await visible(page.getByRole('button', { name: 'Sauvegarder' }))
    expect(await page.locator('.doc-tab').filter({ hasText: 'API' }).count()).toBe(0)
    // The API view itself is gone, not only its tab.
    await page.goto(url(`/admin/collections/demandes/${d.id}/api`))
    expect(await page.locator('.query-inspector, .api-view').count()).toBe(0)
    await page.context().close()
    // An officer who lists many demandes keeps both.
    const officier = await nouvellePage(navigateur)
    await connecter(officier, 'rectorat-toulouse')
    await officier.goto(url('/admin/account'))
    await visible(officier.locator('.payload-settings').getByText('Préférences d’affichage'))
    await visible(officier.getByText('Obligatoire pour un compte de rectorat.'))
    expect(await officier.getByText('Ouverture validée', { exact: true }).count()).toBe(0)
    await officier.context().close()
  })

  it('un titre selon le genre de la collection pour un document neuf', async () => {
    const page = await nouvellePage(navigateur)
    await connecter(page, '0310024H')
    await page.goto(url('/admin/collections/demandes/create'))
    await visible(page.getByRole('heading', { level: 1, name: 'Nouvelle demande' }))
    await page.context().close()
    const editeur = await nouvellePage(navigateur)
    await connecter(editeur, 'carif-oref')
    await editeur.goto(url('/admin/collections/etablissements/create'))
    await visible(editeur.getByRole('heading', { level: 1, name: 'Nouvel établissement' }))
    await editeur.context().close()
  })
})

describe('Un message d’erreur nomme le champ par son libellé', () => {
  it('le toast du formulaire : « Code UAI de l’établissement concerné », pas etablissementConcerne', async () => {
    const page = await nouvellePage(navigateur)
    await connecter(page, 'reseau-nimes')
    const d = await deposerDemande(await jeton('reseau-nimes'), MEMBRE_NIMES)
    await page.goto(url(`/admin/collections/demandes/${d.id}`))
    const uai = page.getByLabel("Code UAI de l'établissement concerné")
    await expect.poll(() => uai.inputValue()).toBe(MEMBRE_NIMES)
    await uai.fill('0340042L')
    await page.getByRole('button', { name: 'Sauvegarder' }).click()
    const toast = page
      .locator('.payload-toast-container, .Toastify')
      .getByText(/valide|membre/)
      .first()
    await visible(toast)
    await enFrancais(page, 'toast du réseau hors réseau')
    await capturer(page, 'textes-toast-reseau')
    await page.context().close()
  })

  it('REST et GraphQL : le message nomme le libellé du champ', async () => {
    const reseau = await jeton('reseau-nimes')
    const horsReseau = await idPar('etablissements', 'uai', '0340042L')
    const rest = await appel('POST', '/api/demandes?depth=0', {
      jeton: reseau,
      corps: { etablissementConcerne: horsReseau },
    })
    expect(rest.status).toBe(400)
    const message = rest.corps.errors[0].message as string
    expect(message).toContain("Code UAI de l'établissement concerné")
    expect(message).not.toMatch(/etablissementConcerne/)
    // Ids are numbers on SQLite, strings on MongoDB.
    const type = typeof horsReseau === 'number' ? 'Int' : 'String'
    const d = await deposerDemande(reseau, MEMBRE_NIMES)
    const gql = await graphql(
      `mutation ($id: ${type}!, $e: ${type}) { updateDemande(id: $id, data: { etablissementConcerne: $e }) { id } }`,
      { id: d.id, e: horsReseau },
      { jeton: reseau },
    )
    const messageGql = gql.corps.errors?.[0]?.message as string
    expect(messageGql).toContain("Code UAI de l'établissement concerné")
    expect(messageGql).not.toMatch(/etablissementConcerne/)
  })
})
