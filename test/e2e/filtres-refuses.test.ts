import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { appel, deposerEtValider, jeton, publierLesDecisions } from '../aides/http'
import { capturer, connecter, lancerNavigateur, nouvellePage, url, visible } from '../aides/navigateur'

/**
 * Issue 16, the outside attack's last finding: a list address filtering or sorting on a field the reader may not
 * read (a school on the avis before publication, the DRAAF on the décision) made the admin's list page answer
 * « Application error » (HTTP 500). The list now ignores that condition, says so by the field's label, and shows
 * exactly what it shows without it (nothing is revealed); the API keeps refusing it with a 400.
 */
let navigateur: Browser

type Lecteur = { page: Page; erreurs: string[] }

async function ouvrir(identifiant: string): Promise<Lecteur> {
  const page = await nouvellePage(navigateur)
  await page.setViewportSize({ width: 1366, height: 768 })
  const erreurs: string[] = []
  page.on('pageerror', (e) => erreurs.push(e.message))
  await connecter(page, identifiant)
  return { page, erreurs }
}

/** The list at this address: its HTTP status, its total of rows, the notice above it. */
async function liste({ page }: Lecteur, adresse: string) {
  const reponse = await page.goto(url(adresse))
  await visible(page.locator('tbody td.cell-numero').first())
  const pagination = await page.getByText(/^\d+-\d+ de \d+$/).innerText()
  const avis = page.locator('.filtres-ignores')
  return {
    status: reponse?.status(),
    total: Number(/de (\d+)$/.exec(pagination)![1]),
    avis: (await avis.count()) ? (await avis.innerText()).replace(/\s+/g, ' ') : '',
  }
}

let ecole: Lecteur
let draaf: Lecteur

beforeAll(async () => {
  navigateur = await lancerNavigateur()
  expect((await publierLesDecisions(false)).status).toBe(200)
  // A validated demande of the school with a favourable avis: filtering on it would tell the school the avis.
  const d = await deposerEtValider(await jeton('0310024H'), '0310024H')
  const r = await appel('PATCH', `/api/demandes/${d.id}?depth=0`, {
    jeton: await jeton('rectorat-toulouse'),
    corps: { avis: { avis: 'favorable', commentaire: 'Projet cohérent.' } },
  })
  expect(r.status).toBe(200)
  ecole = await ouvrir('0310024H')
  draaf = await ouvrir('draaf')
})
afterAll(async () => {
  await navigateur?.close()
})

describe('Une adresse de liste filtrant sur un champ que le lecteur ne peut pas lire', () => {
  it("l'établissement avant publication : l'avis ignoré, nommé, la liste entière, jamais une erreur", async () => {
    const sans = await liste(ecole, '/admin/collections/demandes')
    expect(sans.status).toBe(200)
    expect(sans.avis).toBe('')
    for (const adresse of [
      '/admin/collections/demandes?where[avis.avis][exists]=true',
      '/admin/collections/demandes?where[avis.avis][exists]=false',
      '/admin/collections/demandes?where[and][0][avis.avis][exists]=true',
      '/admin/collections/demandes?where[or][0][and][0][avis.avis][equals]=favorable',
      '/admin/collections/demandes?where[avis.commentaire][like]=coh',
    ]) {
      const avec = await liste(ecole, adresse)
      expect.soft(avec.status, adresse).toBe(200)
      // The same rows as without the condition: « exists=true » and « exists=false » would otherwise split them.
      expect.soft(avec.total, adresse).toBe(sans.total)
      expect
        .soft(avec.avis, adresse)
        .toContain(
          "que cette liste n'applique pas : Filtre sur « Avis des autorités académiques » : vous n'avez pas accès à cette information. La liste est affichée sans lui.",
        )
      // Taken off the address itself, which Payload's filter builder reads.
      expect.soft(decodeURIComponent(ecole.page.url()), adresse).not.toMatch(/where\[[^&]*avis\./)
    }
    await capturer(ecole.page, 'filtres-refuses-ecole')
    expect(ecole.erreurs).toEqual([])
  })

  it('un tri refusé est ignoré et nommé, et ne vide pas les visites suivantes (préférences de la liste)', async () => {
    const sans = await liste(ecole, '/admin/collections/demandes?sort=-numero')
    const trie = await liste(ecole, '/admin/collections/demandes?sort=-avis.avis')
    expect(trie.status).toBe(200)
    expect(trie.total).toBe(sans.total)
    expect(trie.avis).toContain('Tri sur « Avis des autorités académiques » : vous n')
    // Payload keeps the list's last sort in the account's preferences: the next plain visit uses it.
    const ensuite = await liste(ecole, '/admin/collections/demandes')
    expect(ensuite.total).toBe(sans.total)
    expect(ecole.erreurs).toEqual([])
    await liste(ecole, '/admin/collections/demandes?sort=-numero')
  })

  it('la DRAAF avant publication : la décision ignorée, nommée, la liste entière', async () => {
    const sans = await liste(draaf, '/admin/collections/demandes')
    for (const adresse of [
      '/admin/collections/demandes?where[decision.decision][exists]=false',
      '/admin/collections/demandes?where[and][0][decision.decision][exists]=false',
    ]) {
      const avec = await liste(draaf, adresse)
      expect.soft(avec.status, adresse).toBe(200)
      expect.soft(avec.total, adresse).toBe(sans.total)
      expect.soft(avec.avis, adresse).toContain('Filtre sur « Décision de la Région » : vous n')
    }
    // What the DRAAF may filter on still filters, beside the ignored condition.
    const validees = await liste(
      draaf,
      '/admin/collections/demandes?where[and][0][decision.decision][exists]=false&where[and][1][statut][equals]=validee',
    )
    const seulStatut = await liste(draaf, '/admin/collections/demandes?where[statut][equals]=validee')
    expect(validees.total).toBe(seulStatut.total)
    expect(validees.avis).toContain('Décision de la Région')
    await capturer(draaf.page, 'filtres-refuses-draaf')
    expect(draaf.erreurs).toEqual([])
  })

  it('ce que la liste de Payload ne sait pas afficher, pour tout rôle : jamais « Application error » ni page blanche', async () => {
    const cas: [string, string, RegExp][] = [
      // `exists` through a relationship: the filter builder knows only the list's own fields.
      [
        '/admin/collections/demandes?where[etablissementConcerne.id][exists]=true',
        'Code UAI',
        /sa condition ou sa valeur n'est pas valide/,
      ],
      [
        '/admin/collections/demandes?where[diplome.id][exists]=true',
        'Diplôme',
        /sa condition ou sa valeur n'est pas valide/,
      ],
      // A value of the wrong type, an operator of another type, a version field: the fetch failed, a blank page.
      [
        '/admin/collections/demandes?where[createdAt][equals]=abc',
        'Créé le',
        /sa condition ou sa valeur n'est pas valide/,
      ],
      [
        '/admin/collections/demandes?where[numero][near]=1,2',
        'N° de projet',
        /sa condition ou sa valeur n'est pas valide/,
      ],
      [
        '/admin/collections/demandes?where[latest][equals]=true',
        '',
        /une information que cette liste ne contient pas/,
      ],
      // Text chosen by whoever writes the link is never shown.
      [
        '/admin/collections/demandes?where[Appelez le 0612345678][equals]=1',
        '',
        /une information que cette liste ne contient pas/,
      ],
    ]
    for (const [adresse, libelle, raison] of cas) {
      const avec = await liste(ecole, adresse)
      expect.soft(avec.status, adresse).toBe(200)
      expect.soft(avec.avis, adresse).toMatch(raison)
      if (libelle) expect.soft(avec.avis, adresse).toContain(`« ${libelle}`)
      expect.soft(avec.avis, adresse).not.toContain('0612345678')
    }
    // The trash list of the same collection.
    const corbeille = await ecole.page.goto(
      url('/admin/collections/demandes/trash?where[avis.avis][exists]=true'),
    )
    expect(corbeille?.status()).toBe(200)
    await visible(ecole.page.locator('.filtres-ignores'))
    expect(ecole.page.url()).toContain('/admin/collections/demandes/trash?')
    // Another collection's list names it too.
    await ecole.page.goto(url('/admin/collections/messages?where[demande.id][exists]=true'))
    await visible(ecole.page.locator('.filtres-ignores'))
    expect(ecole.erreurs).toEqual([])
  })

  it("l'API garde son refus en français (400), le même filtre", async () => {
    const r = await appel('GET', '/api/demandes?where[avis.avis][exists]=true', {
      jeton: await jeton('0310024H'),
    })
    expect(r.status).toBe(400)
    expect(JSON.stringify(r.corps)).toContain('Filtre impossible sur « Avis des autorités académiques')
  })
})
