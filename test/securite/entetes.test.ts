import fs from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Browser } from 'playwright-core'

import { appel, jeton, URL_SERVEUR } from '../aides/http'
import { capturer, connecter, lancerNavigateur, nouvellePage, url } from '../aides/navigateur'

/** Security headers (issue 22, finding 6; SECURITY.md 38), on pages, API answers and served files. */
const entetes = async (chemin: string, j?: string) =>
  (
    await fetch(`${URL_SERVEUR()}${chemin}`, {
      headers: j ? { Authorization: `JWT ${j}` } : {},
      redirect: 'manual',
    })
  ).headers

describe('SECURITY 38 — en-têtes de sécurité', () => {
  it('38. pages et API : CSP sans cadre étranger, X-Frame-Options, Referrer-Policy, Permissions-Policy, HSTS, nosniff', async () => {
    for (const chemin of ['/', '/admin/login', '/api/health', '/api/users/me']) {
      const h = await entetes(chemin)
      const csp = h.get('content-security-policy') ?? ''
      expect(csp, chemin).toContain("frame-ancestors 'none'")
      expect(csp, chemin).toContain("default-src 'self'")
      expect(csp, chemin).toContain("object-src 'none'")
      expect(h.get('x-frame-options'), chemin).toBe('DENY')
      expect(h.get('referrer-policy'), chemin).toBe('strict-origin-when-cross-origin')
      expect(h.get('permissions-policy'), chemin).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/)
      expect(h.get('strict-transport-security'), chemin).toMatch(/^max-age=\d{8,}/)
      expect(h.get('x-content-type-options'), chemin).toBe('nosniff')
    }
  })

  it('38. Cache-Control: no-store sur le JSON d’un compte connecté et sur les fichiers servis', async () => {
    const j = await jeton('region')
    for (const chemin of ['/api/users/me', '/api/demandes?limit=1', '/api/globals/campagne']) {
      expect((await entetes(chemin, j)).get('cache-control'), chemin).toContain('no-store')
    }
    const documents = await appel('GET', '/api/documents?limit=1&depth=0', { jeton: j })
    const annexes = await appel('GET', '/api/annexes?limit=1&depth=0', { jeton: await jeton('admin') })
    const fichiers = [...documents.corps.docs, ...annexes.corps.docs]
      .map((d: { url: string }) => d.url)
      .filter(Boolean)
    for (const f of fichiers)
      expect(
        (await entetes(new URL(f, URL_SERVEUR()).pathname, await jeton('admin'))).get('cache-control'),
        f,
      ).toContain('no-store')
  })

  it('38. la page de connexion de l’administration ne charge que des scripts, styles et polices de son origine (CSP self)', async () => {
    const html = await (await fetch(`${URL_SERVEUR()}/admin/login`)).text()
    const sources = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)
    expect(sources.length).toBeGreaterThan(0)
    expect(sources.filter((s) => /^(https?:)?\/\//.test(s) && !s.startsWith(URL_SERVEUR()))).toEqual([])
  })

  // Chromium is not installed everywhere (CHROMIUM_PATH, else Debian's /usr/bin/chromium).
  describe.skipIf(!fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'))(
    'l’administration marche sous cette CSP (Chromium)',
    () => {
      let navigateur: Browser
      beforeAll(async () => {
        navigateur = await lancerNavigateur()
      })
      afterAll(async () => {
        await navigateur?.close()
      })

      it('38. connexion et tableau de bord sans violation de CSP ; refus d’être affichée dans un cadre', async () => {
        const page = await nouvellePage(navigateur)
        const violations: string[] = []
        page.on('console', (m) => {
          if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text())
        })
        await connecter(page, 'region')
        await page.goto(url('/admin/collections/demandes'))
        await page.getByRole('table').first().waitFor({ state: 'visible', timeout: 20_000 })
        await capturer(page, 'csp-admin-demandes')
        expect(violations).toEqual([])

        // Framed by another site: the browser refuses to show the admin.
        const cadre = await nouvellePage(navigateur)
        let refus = false
        cadre.on('console', (m) => {
          if (/frame-ancestors|X-Frame-Options|Refused to (display|frame)/i.test(m.text())) refus = true
        })
        await cadre.setContent(`<iframe src="${url('/admin/login')}"></iframe>`)
        await cadre.waitForTimeout(2000)
        const contenu = await cadre
          .frames()[1]
          ?.content()
          .catch(() => '')
        expect(refus || !String(contenu).includes('Identifiant')).toBe(true)
      })
    },
  )
})
