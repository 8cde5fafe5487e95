import zlib from 'node:zlib'

/**
 * A strict scan of a PDF's objects, for what a reader would run or unpack: JavaScript, actions on opening or on
 * events, launched programs, embedded files, Flash, XFA forms. Names are read as a reader decodes them (`/J#53` is
 * `/JS`), and object streams (objects stored compressed, PDF 1.5+) are inflated with a bound and scanned too.
 * Anything outside the PDF grammar — HTML before `%PDF`, an archive appended after `%%EOF` — is refused: a file is
 * a PDF from its first byte to its last, never a PDF and something else.
 */

const NOMS_INTERDITS: Record<string, string> = {
  JS: 'du JavaScript',
  JavaScript: 'du JavaScript',
  OpenAction: "une action à l'ouverture",
  AA: 'des actions automatiques',
  Launch: "le lancement d'un programme",
  EmbeddedFile: 'un fichier incorporé',
  EmbeddedFiles: 'un fichier incorporé',
  RichMedia: 'un contenu multimédia actif',
  XFA: 'un formulaire XFA',
  SubmitForm: "l'envoi d'un formulaire",
  ImportData: "l'import de données",
  GoToE: "l'ouverture d'un fichier incorporé",
}

/** Inflated object streams, all together: beyond this the file is refused rather than scanned further. */
const OBJETS_DECOMPRESSES_MAX = 32 * 1024 * 1024

export class RefusPdf extends Error {}

const BLANCS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])
const DELIMITEURS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25])
const MOT_ATTENDU = /^(?:[+-]?(?:\d+\.?\d*|\.\d+)|true|false|null|R)$/

type Etat = { encrypte: boolean; objetsCompresses: Buffer[]; decompresse: number }

/** Reads one object body (or the trailer's dictionary, or an object stream's content) from `pos`. */
function lireObjet(
  s: Buffer,
  pos: number,
  etat: Etat,
  contexte: 'objet' | 'trailer' | 'flux-objets',
): number {
  const noms = new Set<string>()
  let profondeur = 0
  while (pos < s.length) {
    const c = s[pos]!
    if (BLANCS.has(c)) {
      pos++
    } else if (c === 0x25) {
      // Comment up to the end of the line.
      while (pos < s.length && s[pos] !== 0x0a && s[pos] !== 0x0d) pos++
    } else if (c === 0x3c && s[pos + 1] === 0x3c) {
      profondeur++
      pos += 2
    } else if (c === 0x3e && s[pos + 1] === 0x3e) {
      profondeur--
      pos += 2
      if (profondeur < 0) throw new RefusPdf('structure invalide')
      if (contexte === 'trailer' && profondeur === 0) {
        if (noms.has('Encrypt')) etat.encrypte = true
        return pos
      }
    } else if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) {
      pos++
    } else if (c === 0x28) {
      pos = finChaine(s, pos)
    } else if (c === 0x3c) {
      const fin = s.indexOf(0x3e, pos)
      if (fin < 0 || !/^[0-9A-Fa-f\s]*$/.test(s.toString('latin1', pos + 1, fin)))
        throw new RefusPdf('chaîne hexadécimale invalide')
      pos = fin + 1
    } else if (c === 0x2f) {
      let fin = pos + 1
      while (fin < s.length && !BLANCS.has(s[fin]!) && !DELIMITEURS.has(s[fin]!)) fin++
      const nom = decoderNom(s.toString('latin1', pos + 1, fin))
      const interdit = NOMS_INTERDITS[nom]
      if (interdit) throw new RefusPdf(`il contient ${interdit} (/${nom})`)
      noms.add(nom)
      pos = fin
    } else if (DELIMITEURS.has(c)) {
      throw new RefusPdf('structure invalide')
    } else {
      let fin = pos
      while (fin < s.length && !BLANCS.has(s[fin]!) && !DELIMITEURS.has(s[fin]!)) fin++
      const mot = s.toString('latin1', pos, fin)
      pos = fin
      if (mot === 'endobj' && contexte === 'objet') {
        if (noms.has('Encrypt')) etat.encrypte = true
        return pos
      }
      if (mot === 'stream' && contexte === 'objet') {
        pos = lireFlux(s, pos, noms, etat)
        continue
      }
      // PDF 1.5 files may omit the dictionary's "obj" in object streams: only numbers and a few keywords there.
      if (!MOT_ATTENDU.test(mot)) throw new RefusPdf(`contenu inattendu (« ${mot.slice(0, 20)} »)`)
    }
  }
  if (contexte === 'flux-objets') return pos
  throw new RefusPdf('fichier tronqué')
}

/** A literal string: balanced parentheses, backslash escapes. */
function finChaine(s: Buffer, pos: number): number {
  let profondeur = 0
  for (let i = pos; i < s.length; i++) {
    const c = s[i]
    if (c === 0x5c) i++
    else if (c === 0x28) profondeur++
    else if (c === 0x29 && --profondeur === 0) return i + 1
  }
  throw new RefusPdf('chaîne non terminée')
}

function decoderNom(brut: string): string {
  return brut.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
}

/** Skips a stream's data; keeps an object stream (its dictionary has /ObjStm, or /N and /First) for the scan. */
function lireFlux(s: Buffer, pos: number, noms: Set<string>, etat: Etat): number {
  if (s[pos] === 0x0d) pos++
  if (s[pos] === 0x0a) pos++
  const fin = s.indexOf('endstream', pos, 'latin1')
  if (fin < 0) throw new RefusPdf('flux non terminé')
  if (noms.has('ObjStm') || (noms.has('N') && noms.has('First'))) {
    const filtres = [...noms].filter((n) => /Decode$/.test(n))
    if (filtres.some((f) => f !== 'FlateDecode') || noms.has('DecodeParms'))
      throw new RefusPdf("flux d'objets dans un codage non vérifiable")
    const donnees = s.subarray(pos, fin)
    if (!filtres.length) etat.objetsCompresses.push(donnees)
    else {
      let inflate: Buffer
      try {
        inflate = zlib.inflateSync(donnees, {
          maxOutputLength: OBJETS_DECOMPRESSES_MAX - etat.decompresse + 1,
          finishFlush: zlib.constants.Z_SYNC_FLUSH,
        })
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          throw new RefusPdf('objets compressés trop volumineux')
        throw new RefusPdf(
          etat.encrypte ? 'PDF chiffré : son contenu ne peut pas être vérifié' : "flux d'objets illisible",
        )
      }
      etat.decompresse += inflate.length
      if (etat.decompresse > OBJETS_DECOMPRESSES_MAX) throw new RefusPdf('objets compressés trop volumineux')
      etat.objetsCompresses.push(inflate)
    }
  }
  return fin + 'endstream'.length
}

/** Throws RefusPdf with the reason (French, to follow « Le fichier … est refusé : »). */
export function verifierPdf(s: Buffer): void {
  if (s.toString('latin1', 0, 5) !== '%PDF-') throw new RefusPdf('il ne commence pas par l’en-tête PDF')
  const etat: Etat = { encrypte: false, objetsCompresses: [], decompresse: 0 }
  let pos = 0
  const motif = (re: RegExp) => {
    re.lastIndex = pos
    const m = re.exec(s.toString('latin1', pos, Math.min(s.length, pos + 64)))
    return m && m.index === 0 ? m : null
  }
  let eof = false
  while (pos < s.length) {
    const c = s[pos]!
    if (BLANCS.has(c)) {
      pos++
      continue
    }
    if (c === 0x25) {
      const debut = pos
      while (pos < s.length && s[pos] !== 0x0a && s[pos] !== 0x0d) pos++
      eof = s.toString('latin1', debut, pos).startsWith('%%EOF')
      continue
    }
    eof = false
    let m: RegExpExecArray | null
    if ((m = motif(/^\d+\s+\d+\s+obj(?=[\s<[(/%]|$)/))) {
      pos = lireObjet(s, pos + m[0].length, etat, 'objet')
    } else if ((m = motif(/^xref(?=\s)/))) {
      const fin = s.indexOf('trailer', pos, 'latin1')
      if (fin < 0 || !/^[0-9nf\s]*$/.test(s.toString('latin1', pos + 4, fin)))
        throw new RefusPdf('table des références invalide')
      pos = fin
    } else if ((m = motif(/^trailer(?=[\s<])/))) {
      pos = lireObjet(s, pos + m[0].length, etat, 'trailer')
    } else if ((m = motif(/^startxref\s+\d+/))) {
      pos += m[0].length
    } else {
      throw new RefusPdf(`contenu étranger au PDF à l'octet ${pos}`)
    }
  }
  if (!eof) throw new RefusPdf('il ne se termine pas par %%EOF')
  if (etat.objetsCompresses.length && etat.encrypte)
    throw new RefusPdf('PDF chiffré : son contenu ne peut pas être vérifié')
  for (const objets of etat.objetsCompresses) lireObjet(objets, 0, etat, 'flux-objets')
}
