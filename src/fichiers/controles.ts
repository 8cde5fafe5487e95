/** Checks on an uploaded file that Payload does not make: its name and, for office files, what it unpacks to. */

const LONGUEUR_NOM_MAX = 120

/**
 * The stored name: no directory part, no control or bidirectional-override characters (a "facture‮fdp.exe"
 * shown as "facture.exe.pdf"), no leading dot, at most 120 characters with the extension kept.
 */
export function nomDeFichierSur(nom: string): string {
  const base = nom.split(/[\\/]/).pop() ?? ''
  let propre = base
    .normalize('NFC')
    .replace(/[\u0000-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '') // eslint-disable-line no-control-regex
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim()
  if (!propre) propre = 'annexe'
  if (propre.length > LONGUEUR_NOM_MAX) {
    const point = propre.lastIndexOf('.')
    const extension = point > 0 && propre.length - point <= 10 ? propre.slice(point) : ''
    propre = propre.slice(0, LONGUEUR_NOM_MAX - extension.length) + extension
  }
  return propre
}

/** Office documents are ZIP files: refuse one that would unpack to more than this (a "zip bomb"). */
export const DECOMPRESSE_MAX = 100 * 1024 * 1024
const RATIO_MAX = 200

export type VerdictZip = { accepte: true } | { accepte: false; raison: string }

/** Reads the ZIP central directory (sizes as declared) without unpacking anything. */
export function verifierZip(contenu: Buffer): VerdictZip {
  if (contenu.length < 22 || contenu.readUInt32LE(0) !== 0x04034b50) return { accepte: true }
  // End of central directory: last 22 bytes, or further back when the archive has a comment.
  let fin = -1
  for (let i = contenu.length - 22; i >= Math.max(0, contenu.length - 22 - 65_535); i--) {
    if (contenu.readUInt32LE(i) === 0x06054b50) {
      fin = i
      break
    }
  }
  if (fin < 0) return { accepte: false, raison: 'archive illisible' }
  const nombre = contenu.readUInt16LE(fin + 10)
  let position = contenu.readUInt32LE(fin + 16)
  let total = 0
  for (let n = 0; n < nombre; n++) {
    if (position + 46 > contenu.length || contenu.readUInt32LE(position) !== 0x02014b50) return { accepte: false, raison: 'archive illisible' }
    const compresse = contenu.readUInt32LE(position + 20)
    const decompresse = contenu.readUInt32LE(position + 24)
    if (compresse === 0xffffffff || decompresse === 0xffffffff) return { accepte: false, raison: 'archive de plus de 4 Go' }
    total += decompresse
    if (decompresse > 1024 * 1024 && decompresse / Math.max(compresse, 1) > RATIO_MAX) return { accepte: false, raison: 'taux de compression anormal' }
    position += 46 + contenu.readUInt16LE(position + 28) + contenu.readUInt16LE(position + 30) + contenu.readUInt16LE(position + 32)
  }
  if (total > DECOMPRESSE_MAX) return { accepte: false, raison: `contenu décompressé de plus de ${DECOMPRESSE_MAX / 1024 / 1024} Mo` }
  return { accepte: true }
}
