import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { capturer, connecter, lancerNavigateur, nouvellePage, url, visible } from '../aides/navigateur'

let navigateur: Browser

beforeAll(async () => {
  navigateur = await lancerNavigateur()
})
afterAll(async () => navigateur?.close())

describe('Le Carif-Oref paramètre la campagne', () => {
  it('les sélecteurs de date et heure proposent des heures sur 24 h, sous le titre « Heure »', async () => {
    const page = await nouvellePage(navigateur)
    await connecter(page, 'carif-oref')
    await page.goto(url('/admin/globals/campagne'))
    const cloture = page.locator('#field-cloture input')
    await visible(cloture)
    // The stored value is shown day first, 24-hour (never « 01/31/2027 2:33 PM »).
    expect(await cloture.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/)
    await cloture.click()
    const heures = page.locator('.react-datepicker__time-list-item')
    await visible(heures.first())
    const libelles = await heures.allInnerTexts()
    expect(libelles).toContain('14:00')
    expect(libelles).toContain('23:45')
    expect(libelles.some((l) => /AM|PM/.test(l))).toBe(false)
    await visible(page.locator('.react-datepicker-time__header', { hasText: 'Heure' }))
    await capturer(page, 'campagne-selecteur-heure')
  })
})
