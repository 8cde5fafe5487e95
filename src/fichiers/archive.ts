import yauzl from 'yauzl'

/**
 * Office files (docx, xlsx, pptx, odt…) are ZIP archives. Each entry is really inflated, with a bound, by yauzl: the
 * sizes an archive declares are not trusted (yauzl also refuses an entry whose real size differs from its declared
 * one). Refused: a zip bomb (too much inflated, or an abnormal ratio), an archive inside the archive, macros,
 * encrypted entries.
 */

export const DECOMPRESSE_MAX = 100 * 1024 * 1024
const RATIO_MAX = 200
const ENTREES_MAX = 5000
const SEUIL_RATIO = 1024 * 1024

const EXTENSIONS_ARCHIVES =
  /\.(zip|jar|war|ear|apk|rar|7z|gz|tgz|bz2|xz|zst|tar|cab|iso|arj|lz|lzh|docx|docm|xlsx|xlsm|pptx|pptm|odt|ods|odp|odg|epub)$/i
const MACROS = /(^|\/)vbaProject\.bin$|^(Basic|Scripts)\//i

/** Magic numbers of archive formats, at the start of an entry's content. */
export function estUneArchive(debut: Buffer): boolean {
  const hex = debut.subarray(0, 6).toString('hex')
  return (
    hex.startsWith('504b0304') ||
    hex.startsWith('504b0506') ||
    hex.startsWith('504b0708') || // zip
    hex.startsWith('526172211a07') || // rar
    hex.startsWith('377abcaf271c') || // 7z
    hex.startsWith('1f8b') || // gzip
    hex.startsWith('425a68') || // bzip2
    hex.startsWith('fd377a585a00') || // xz
    hex.startsWith('28b52ffd') || // zstd
    hex.startsWith('4d534346') // cab
  )
}

export class RefusArchive extends Error {}

const ouvrir = (contenu: Buffer) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      contenu,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err ? reject(err) : resolve(zip)),
    ),
  )

function motifErreur(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  if (/too many bytes|not enough bytes|expected uncompressed size|invalid.*size/i.test(message))
    return 'tailles déclarées dans l’archive inexactes'
  return 'archive illisible'
}

/** Throws RefusArchive with the reason (French, to follow « Le fichier … est refusé : »). */
export async function verifierArchive(contenu: Buffer): Promise<void> {
  let zip: yauzl.ZipFile
  try {
    zip = await ouvrir(contenu)
  } catch (err) {
    throw new RefusArchive(motifErreur(err))
  }
  if (zip.entryCount > ENTREES_MAX) {
    zip.close()
    throw new RefusArchive(`archive de plus de ${ENTREES_MAX} éléments`)
  }
  let total = 0
  try {
    await new Promise<void>((resolve, reject) => {
      const refuser = (raison: string) => reject(new RefusArchive(raison))
      zip.on('error', (err) => reject(err instanceof RefusArchive ? err : new RefusArchive(motifErreur(err))))
      zip.on('end', () => resolve())
      zip.on('entry', (entree: yauzl.Entry) => {
        const nom = entree.fileName
        if (nom.endsWith('/')) return zip.readEntry()
        if (entree.isEncrypted()) return refuser('archive chiffrée')
        if (EXTENSIONS_ARCHIVES.test(nom))
          return refuser(`il contient une autre archive (${nom.slice(0, 80)})`)
        if (MACROS.test(nom)) return refuser('il contient des macros')
        zip.openReadStream(entree, (err, flux) => {
          if (err || !flux) return reject(new RefusArchive(motifErreur(err)))
          let lu = 0
          let debut: Buffer | null = null
          let fini = false
          const arreter = (raison: string) => {
            if (fini) return
            fini = true
            flux.destroy()
            refuser(raison)
          }
          flux.on('data', (morceau: Buffer) => {
            if (!debut) {
              debut = morceau.subarray(0, 8)
              if (estUneArchive(debut)) return arreter(`il contient une autre archive (${nom.slice(0, 80)})`)
            }
            lu += morceau.length
            total += morceau.length
            if (total > DECOMPRESSE_MAX)
              return arreter(`contenu décompressé de plus de ${DECOMPRESSE_MAX / 1024 / 1024} Mo`)
            if (lu > SEUIL_RATIO && lu / Math.max(entree.compressedSize, 1) > RATIO_MAX)
              return arreter('taux de compression anormal')
          })
          flux.on('error', (e) => {
            if (fini) return
            fini = true
            reject(new RefusArchive(motifErreur(e)))
          })
          flux.on('end', () => {
            if (fini) return
            fini = true
            zip.readEntry()
          })
        })
      })
      zip.readEntry()
    })
  } finally {
    zip.close()
  }
}
