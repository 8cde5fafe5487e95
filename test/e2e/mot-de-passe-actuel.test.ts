import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { appel, jeton } from '../aides/http'
import { capturer, connecter, lancerNavigateur, nouvellePage, url, visible } from '../aides/navigateur'

/** F12 in the admin panel: the account page asks for the current password before changing it. */

const MDP = 'Page-du-compte-2027'
const NOUVEAU = 'Nouveau-depuis-la-page-2027'
const N = Date.now().toString(36)

let navigateur: Browser

beforeAll(async () => {
  navigateur = await lancerNavigateur()
})
afterAll(async () => {
  await navigateur?.close()
})

describe('Page « Compte » : changer son mot de passe', () => {
  it('refusé sans le mot de passe actuel (le champ le dit), accepté avec', async () => {
    const username = `f12-page-${N}`
    const cree = await appel('POST', '/api/users', {
      jeton: await jeton('admin'),
      corps: { username, password: MDP, role: 'region', email: `${username}@example.fr` },
    })
    expect(cree.status, JSON.stringify(cree.corps)).toBe(201)

    const page = await nouvellePage(navigateur)
    await connecter(page, username, MDP)
    await page.goto(url('/admin/account'))
    const actuel = page.getByLabel('Mot de passe actuel')
    await visible(actuel)
    // Typed characters show as dots, as in a password field.
    expect(await actuel.evaluate((e) => getComputedStyle(e).getPropertyValue('-webkit-text-security'))).toBe(
      'disc',
    )
    const nouveauMotDePasse = async () => {
      await page.getByRole('button', { name: 'Changer le mot de passe' }).click()
      await page.getByLabel('Nouveau mot de passe').fill(NOUVEAU)
      await page.getByLabel('Confirmez le mot de passe').fill(NOUVEAU)
      // The form checks each change on the server: saving before that answer is refused by the form itself.
      await page.waitForTimeout(1500)
    }
    const notification = (texte: string | RegExp) => page.getByText(texte).filter({ visible: true }).first()
    await nouveauMotDePasse()
    await page.getByRole('button', { name: 'Sauvegarder' }).click()
    await visible(notification(/Le champ « Mot de passe actuel » est obligatoire/))
    await capturer(page, 'compte-mot-de-passe-actuel-manquant')
    expect((await appel('POST', '/api/users/login', { corps: { username, password: NOUVEAU } })).status).toBe(
      401,
    )

    // Payload folds the new password fields back after a refused save.
    if (await page.getByRole('button', { name: 'Changer le mot de passe' }).isVisible())
      await nouveauMotDePasse()
    await actuel.fill(MDP)
    await page.waitForTimeout(1500)
    await page.getByRole('button', { name: 'Sauvegarder' }).click()
    await visible(notification('Modifications enregistrées.'))
    await capturer(page, 'compte-mot-de-passe-change')
    expect((await appel('POST', '/api/users/login', { corps: { username, password: NOUVEAU } })).status).toBe(
      200,
    )
  })
})
