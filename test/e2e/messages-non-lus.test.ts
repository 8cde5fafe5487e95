import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { appel, deposerEtValider, jeton } from '../aides/http'
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
 * Issue 16, item 4: the school finds the rectorat's new message at the top of its dashboard, opens the demande
 * from there, and the notice is gone once read.
 */
let navigateur: Browser
let d: { id: number | string; numero: number }

/** Marks every thread the account reads as read (other test files leave messages on the shared server). */
async function toutLire(qui: string) {
  const messages = await appel('GET', '/api/messages?limit=500&depth=0&select[demande]=true', { jeton: qui })
  // The ids as the API gives them (a number on SQLite): a marker names its demande by it.
  const demandes = [
    ...new Map(
      (messages.corps.docs as { demande: unknown }[]).map((m) => [String(m.demande), m.demande]),
    ).values(),
  ]
  const marqueurs = await appel('GET', '/api/lectures?limit=500&depth=0', { jeton: qui })
  const parDemande = new Map(
    (marqueurs.corps.docs as { id: unknown; demande: unknown }[]).map((m) => [String(m.demande), m.id]),
  )
  for (const demande of demandes) {
    // A thread another file left on a demande it has since deleted or that this account no longer reads: nothing
    // to mark (the dashboard does not count it either).
    if ((await appel('GET', `/api/demandes/${demande}?depth=0`, { jeton: qui })).status !== 200) continue
    const r = parDemande.has(String(demande))
      ? await appel('PATCH', `/api/lectures/${parDemande.get(String(demande))}`, { jeton: qui, corps: {} })
      : await appel('POST', '/api/lectures', { jeton: qui, corps: { demande } })
    expect(r.status, JSON.stringify(r.corps)).toBeLessThan(300)
  }
}

beforeAll(async () => {
  navigateur = await lancerNavigateur()
  const ecole = await jeton('0340042L')
  d = await deposerEtValider(ecole, '0340042L')
  await toutLire(ecole)
})
afterAll(async () => navigateur?.close())

describe('Messages non lus sur le tableau de bord', () => {
  it('« 1 message non lu » après le message du rectorat ; ouvrir la demande le marque lu', async () => {
    const page = await nouvellePage(navigateur)
    await connecter(page, '0340042L')
    expect(await page.locator('section.messages-non-lus').count()).toBe(0)

    const m = await appel('POST', '/api/messages', {
      jeton: await jeton('rectorat-montpellier'),
      corps: { demande: d.id, texte: 'Pouvez-vous préciser le plateau technique ?' },
    })
    expect(m.status).toBe(201)

    await page.goto(url('/admin'))
    const encart = page.locator('section.messages-non-lus')
    await visible(encart.getByText('1 message non lu', { exact: true }))
    await visible(encart.getByText(/\(0340042L\)/))
    await visible(encart.getByText(/message du \d{1,2} \S+ \d{4} à \d{2} h \d{2}/))
    await capturer(page, 'non-lus-00-tableau-de-bord')
    await verifierAccessibilite(page, 'tableau de bord avec messages non lus')

    await encart.getByRole('link', { name: `Demande n° ${d.numero}` }).click()
    await page.waitForURL(url(`/admin/demandes/${d.id}/consulter`))
    await visible(page.locator('.echanges__fil').getByText('Pouvez-vous préciser le plateau technique ?'))

    await page.goto(url('/admin'))
    await visible(page.getByRole('heading', { name: /Saisie en ligne des demandes/ }))
    expect(await page.locator('section.messages-non-lus').count()).toBe(0)
    await capturer(page, 'non-lus-01-lu')
    await page.context().close()
  })
})
