import { describe, expect, it } from 'vitest'

import {
  DECOMPRESSE_MAX_REFERENTIEL,
  fichiersDuZip,
  nouveauBudget,
  texteDuFichier,
  ZipIllisible,
} from '../../src/referentiel/zip'
import { zipper } from '../aides/zip'

/** The files an editor sends, as the public sources publish them (attack of issue 21). */
describe('Fichiers des référentiels', () => {
  it('lus dans leur encodage : UTF-8 (avec ou sans BOM), UTF-16 avec BOM, sinon Windows-1252 — jamais « � »', () => {
    const texte = 'cfd;libelle\n40022105;BOULANGER-PÂTISSIER (BAC PRO) — élève « cœur » 5 €'
    expect(texteDuFichier(Buffer.from(texte, 'utf8'))).toBe(texte)
    expect(texteDuFichier(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(texte, 'utf8')]))).toBe(
      texte,
    )
    expect(texteDuFichier(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(texte, 'utf16le')]))).toBe(
      texte,
    )
    // Windows-1252: « Â » is 0xC2, « — » 0x97, « é » 0xE9 (invalid as UTF-8).
    const WINDOWS: Record<string, number> = {
      Â: 0xc2,
      '—': 0x97,
      é: 0xe9,
      è: 0xe8,
      '«': 0xab,
      '»': 0xbb,
      œ: 0x9c,
      '€': 0x80,
    }
    const cp1252 = Buffer.from([...texte].map((c) => WINDOWS[c] ?? c.charCodeAt(0)))
    expect(texteDuFichier(cp1252)).toBe(texte)
    expect(texteDuFichier(cp1252)).not.toContain('\uFFFD')
  })

  it("plusieurs archives d'un même envoi partagent une seule limite de décompression", async () => {
    // Each archive inflates to 60 % of the limit: alone it passes, the second one of the same request does not.
    const gros = zipper([{ nom: 'a.csv', texte: '0'.repeat(Math.floor(DECOMPRESSE_MAX_REFERENTIEL * 0.6)) }])
    expect(gros.length).toBeLessThan(1024 * 1024)
    expect((await fichiersDuZip(gros))[0]!.texte.length).toBeGreaterThan(0)
    const budget = nouveauBudget()
    await fichiersDuZip(gros, budget)
    await expect(fichiersDuZip(gros, budget)).rejects.toBeInstanceOf(ZipIllisible)
    await expect(fichiersDuZip(gros, budget)).rejects.toThrow(/contenu décompressé de plus de 100 Mo/)
  })
})
