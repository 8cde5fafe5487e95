import yauzl from 'yauzl'

import type { FichierSource } from './bcn'

/** The BCN tables unzipped: far above the ~10 MB of N_FORMATION_DIPLOME + N_MEF + the RNCP links. */
export const DECOMPRESSE_MAX_REFERENTIEL = 100 * 1024 * 1024
const ENTREES_MAX = 20

export class ZipIllisible extends Error {}

/** `PK\x03\x04` or an empty archive's `PK\x05\x06`. */
export const estUnZip = (octets: Uint8Array) =>
  octets.length >= 4 && octets[0] === 0x50 && octets[1] === 0x4b && (octets[2] === 3 || octets[2] === 5)

/**
 * The CSV files of a ZIP (folders and other files skipped). Inflated sizes are counted as read, not trusted from
 * the archive; throws ZipIllisible with a French reason.
 */
/**
 * A text file as exported: UTF-8 (with or without BOM), UTF-16 with its BOM, else Windows-1252 (the BCN's own
 * tables, spreadsheets saved « CSV » on Windows) — never UTF-8 decoded loosely, which turns « é » into « � ».
 */
export function texteDuFichier(octets: Uint8Array): string {
  if (octets[0] === 0xff && octets[1] === 0xfe) return new TextDecoder('utf-16le').decode(octets.subarray(2))
  if (octets[0] === 0xfe && octets[1] === 0xff) return new TextDecoder('utf-16be').decode(octets.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(octets).replace(/^\uFEFF/, '')
  } catch {
    // Node's windows-1252 decoder is Latin-1 (U+0080–U+009F as control characters): Windows' own letters put back.
    return new TextDecoder('latin1').decode(octets).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252[c] ?? c)
  }
}

/** Windows-1252 where it differs from Latin-1 (0x80–0x9F): « Œ », « œ », « € », typographic quotes and dashes. */
const WINDOWS_1252: Record<string, string> = Object.fromEntries(
  [
    [0x80, '€'],
    [0x82, '‚'],
    [0x83, 'ƒ'],
    [0x84, '„'],
    [0x85, '…'],
    [0x86, '†'],
    [0x87, '‡'],
    [0x88, 'ˆ'],
    [0x89, '‰'],
    [0x8a, 'Š'],
    [0x8b, '‹'],
    [0x8c, 'Œ'],
    [0x8e, 'Ž'],
    [0x91, '‘'],
    [0x92, '’'],
    [0x93, '“'],
    [0x94, '”'],
    [0x95, '•'],
    [0x96, '–'],
    [0x97, '—'],
    [0x98, '˜'],
    [0x99, '™'],
    [0x9a, 'š'],
    [0x9b, '›'],
    [0x9c, 'œ'],
    [0x9e, 'ž'],
    [0x9f, 'Ÿ'],
  ].map(([code, lettre]) => [String.fromCharCode(code as number), lettre as string]),
)

/** What one request may inflate in all (several archives in one form share it). */
export type Budget = { restant: number }
export const nouveauBudget = (): Budget => ({ restant: DECOMPRESSE_MAX_REFERENTIEL })

export async function fichiersDuZip(
  contenu: Buffer,
  budget: Budget = nouveauBudget(),
): Promise<FichierSource[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(contenu, { lazyEntries: true, validateEntrySizes: true }, (err, z) =>
      err ? reject(new ZipIllisible('archive ZIP illisible')) : resolve(z),
    ),
  )
  const fichiers: FichierSource[] = []
  let total = 0
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', () => reject(new ZipIllisible('archive ZIP illisible')))
      zip.on('end', () => resolve())
      zip.on('entry', (entree: yauzl.Entry) => {
        const nom = entree.fileName
        if (nom.endsWith('/') || !/\.csv$/i.test(nom) || /(^|\/)(__MACOSX|\.)/.test(nom))
          return zip.readEntry()
        if (entree.isEncrypted()) return reject(new ZipIllisible('archive chiffrée'))
        if (fichiers.length >= ENTREES_MAX)
          return reject(new ZipIllisible(`plus de ${ENTREES_MAX} fichiers CSV dans l’archive`))
        zip.openReadStream(entree, (err, flux) => {
          if (err || !flux) return reject(new ZipIllisible('archive ZIP illisible'))
          const morceaux: Buffer[] = []
          flux.on('data', (m: Buffer) => {
            total += m.length
            budget.restant -= m.length
            if (total > DECOMPRESSE_MAX_REFERENTIEL || budget.restant < 0) {
              flux.destroy()
              reject(
                new ZipIllisible(
                  `contenu décompressé de plus de ${DECOMPRESSE_MAX_REFERENTIEL / 1024 / 1024} Mo`,
                ),
              )
            } else morceaux.push(m)
          })
          flux.on('error', () => reject(new ZipIllisible('archive ZIP illisible')))
          flux.on('end', () => {
            fichiers.push({ nom: nom.split('/').pop()!, texte: texteDuFichier(Buffer.concat(morceaux)) })
            zip.readEntry()
          })
        })
      })
      zip.readEntry()
    })
  } finally {
    zip.close()
  }
  return fichiers
}
