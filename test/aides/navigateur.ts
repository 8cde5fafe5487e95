import fs from 'node:fs'
import path from 'node:path'

import { type Browser, chromium, type Locator, type Page } from 'playwright-core'
import { expect, inject } from 'vitest'

export const DOSSIER_CAPTURES = path.resolve('test-artifacts/captures')
fs.mkdirSync(DOSSIER_CAPTURES, { recursive: true })

/** Debian's Chromium, with the flags this closed network needs (no background connections). */
export function lancerNavigateur(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A fresh page in its own context (no shared cookies), French, desktop size. */
export async function nouvellePage(navigateur: Browser): Promise<Page> {
  const contexte = await navigateur.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' })
  return contexte.newPage()
}

export const url = (chemin: string) => `${inject('urlServeur')}${chemin}`

export async function connecter(page: Page, identifiant: string, motDePasse = inject('motDePasseDemo')) {
  await page.goto(url('/admin/login'))
  await page.getByLabel('Identifiant').fill(identifiant)
  await page.getByLabel('Mot de passe').fill(motDePasse)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.waitForURL(url('/admin'))
}

export async function capturer(page: Page, nom: string) {
  await page.screenshot({ path: path.join(DOSSIER_CAPTURES, `${nom}.png`), fullPage: true })
}

const AXE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8')

/** axe-core in the page: no serious or critical violation (WCAG 2.1 A/AA rules). */
export async function verifierAccessibilite(page: Page, nom: string) {
  // After a client-side navigation the title is set a moment later.
  await page.waitForFunction(() => document.title.trim().length > 0, undefined, { timeout: 10_000 })
  await page.addScriptTag({ content: AXE })
  const violations = await page.evaluate(async () => {
    const resultat = await (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{
            violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[]
          }>
        }
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return resultat.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        aide: v.help,
        cibles: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }))
  })
  expect(violations, `${nom} : violations d'accessibilité`).toEqual([])
}

/** Time of each step of a journey, written next to the screenshots (and printed) for the issue notes. */
export class Chrono {
  private etapes: { etape: string; ms: number }[] = []
  private debut = Date.now()
  constructor(private nom: string) {}
  top(etape: string) {
    const maintenant = Date.now()
    this.etapes.push({ etape, ms: maintenant - this.debut })
    this.debut = maintenant
  }
  ecrire() {
    fs.writeFileSync(
      path.join(DOSSIER_CAPTURES, `${this.nom}-durees.json`),
      JSON.stringify(this.etapes, null, 2),
    )
    console.log(`${this.nom} :\n${this.etapes.map((e) => `  ${e.etape} : ${e.ms} ms`).join('\n')}`)
  }
}

/** Waits (10 s at most) until the element is visible; fails with its description otherwise. */
export async function visible(element: Locator) {
  await element.waitFor({ state: 'visible', timeout: 10_000 })
}

/** Accepts the page's next confirmation dialog and gives back its text. */
export function confirmerDialogue(page: Page): Promise<string> {
  return new Promise<string>((resolve) => {
    page.once('dialog', (dialogue) => {
      resolve(dialogue.message())
      void dialogue.accept()
    })
  })
}
