import { randomBytes } from 'node:crypto'

import { fileTypeFromBuffer } from 'file-type'

import { RefusArchive, verifierArchive } from './archive'
import { RefusPdf, verifierPdf } from './pdf'

export { nomAffiche } from './noms'

/**
 * Checks on an uploaded file that Payload does not make: its name, what it really is (never what it claims), what a
 * PDF would run and what an archive unpacks to.
 */

const LONGUEUR_NOM_MAX = 120

/**
 * The stored name: no directory part, no control or bidirectional-override characters (a "facture‮fdp.exe"
 * shown as "facture.exe.pdf"), no leading dot, at most 120 characters with the extension kept.
 */
export function nomDeFichierSur(nom: string): string {
  const base = nom.split(/[\\/]/).pop() ?? ''
  let propre = base
    .normalize('NFC')
    .replace(/[\u0000-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim()
  // No name, or one Payload's upload parser replaced by its temporary name (« tmp-<n>-<time> »: « .. », empty).
  if (!propre || /^tmp-\d+-\d+$/.test(propre)) propre = 'annexe'
  if (propre.length > LONGUEUR_NOM_MAX) {
    const point = propre.lastIndexOf('.')
    const extension = point > 0 && propre.length - point <= 10 ? propre.slice(point) : ''
    propre = propre.slice(0, LONGUEUR_NOM_MAX - extension.length) + extension
  }
  return propre
}

/**
 * The name the file is stored under: the safe name, a random suffix and the detected type's extension
 * (« pv-ca.pdf » → « pv-ca-3f9a1c0b7e2d4a58.pdf »). Payload numbers a name already taken (« pv-ca-1.pdf »), which
 * told a school that another had a file of that name: with the suffix, no name is ever taken.
 */
export function nomStocke(nom: string, extension?: string): string {
  const sur = nomDeFichierSur(nom)
  const point = sur.lastIndexOf('.')
  const propre = point > 0 && /^[\p{L}\p{N}]{1,10}$/u.test(sur.slice(point + 1))
  const ext = extension ?? (propre ? sur.slice(point + 1) : '')
  const base = propre ? sur.slice(0, point) : sur
  const suffixe = `-${randomBytes(8).toString('hex')}${ext ? `.${ext}` : ''}`
  return `${base.slice(0, LONGUEUR_NOM_MAX - suffixe.length)}${suffixe}`
}

export type TypeDetecte = { ext: string; mime: string }
/** `inconnu`: the content matches no known type (a text, an HTML page renamed .pdf…). */
export type Examen =
  { accepte: true; type: TypeDetecte | null } | { accepte: false; raison: string; inconnu?: true }

/** Types stored inside a ZIP container (file-type reads their manifest). */
const TYPES_ZIP = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
])

/** Markup a browser would run if it ever took the file for HTML (a PDF/HTML or image/HTML polyglot). */
const BALISES_ACTIVES =
  /<(?:script|html|body|iframe|object|embed|svg|!doctype\s+html|meta\s+http-equiv)[\s>/]/i

/**
 * What the file really is, and whether it may be stored. A type outside `acceptes` is left to Payload's own
 * check (it refuses it, naming the type); an unrecognised content is refused here.
 */
export async function examinerFichier(contenu: Buffer, acceptes: readonly string[]): Promise<Examen> {
  let type: TypeDetecte | null
  try {
    type = contenu.length ? ((await fileTypeFromBuffer(contenu)) ?? null) : null
  } catch {
    return { accepte: false, raison: 'fichier illisible' }
  }
  if (!type) return { accepte: false, raison: 'son type n’a pas pu être reconnu', inconnu: true }
  const zip = contenu.readUInt32LE(0) === 0x04034b50
  if (zip && !TYPES_ZIP.has(type.mime))
    return { accepte: false, raison: 'les archives ne sont pas acceptées' }
  if (!acceptes.includes(type.mime)) return { accepte: true, type: null }
  // latin1 keeps one character per byte: the markup test sees the raw bytes, whatever the file claims to be.
  if (BALISES_ACTIVES.test(contenu.toString('latin1')))
    return { accepte: false, raison: 'il contient du code HTML ou un script' }
  try {
    if (type.mime === 'application/pdf') verifierPdf(contenu)
    if (zip) await verifierArchive(contenu)
    // Any other file (an image, a PDF) with a ZIP inside: both a local header and the end of a central directory.
    else if (
      contenu.includes(Buffer.from('PK\x03\x04', 'latin1')) &&
      contenu.includes(Buffer.from('PK\x05\x06', 'latin1'))
    ) {
      return { accepte: false, raison: 'il contient une archive cachée' }
    }
  } catch (err) {
    if (err instanceof RefusPdf || err instanceof RefusArchive) return { accepte: false, raison: err.message }
    throw err
  }
  return { accepte: true, type }
}
