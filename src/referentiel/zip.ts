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
export async function fichiersDuZip(contenu: Buffer): Promise<FichierSource[]> {
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
            if (total > DECOMPRESSE_MAX_REFERENTIEL) {
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
            fichiers.push({ nom: nom.split('/').pop()!, texte: Buffer.concat(morceaux).toString('utf8') })
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
