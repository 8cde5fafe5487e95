import zlib from 'node:zlib'

/**
 * A streaming XLSX writer: the sheet is deflated and sent as rows arrive, so memory stays flat whatever the
 * number of rows. Text cells are inline strings, never formulas: "=HYPERLINK(…)" typed by a filer stays text.
 */

type Valeur = string | number | null | undefined

const CARACTERES_INTERDITS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

export function xml(texte: string): string {
  return texte
    .replace(CARACTERES_INTERDITS, '')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
export function colonne(i: number): string {
  let s = ''
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

function cellule(valeur: Valeur, ref: string, style = 0): string {
  if (valeur === null || valeur === undefined || valeur === '') return ''
  const s = style ? ` s="${style}"` : ''
  if (typeof valeur === 'number' && Number.isFinite(valeur)) return `<c r="${ref}"${s}><v>${valeur}</v></c>`
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xml(String(valeur))}</t></is></c>`
}

export function ligneXlsx(valeurs: Valeur[], numero: number, style = 0): string {
  return `<row r="${numero}">${valeurs.map((v, i) => cellule(v, `${colonne(i)}${numero}`, style)).join('')}</row>`
}

const FICHIERS_FIXES = (feuille: string) => ({
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xml(feuille)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  // Style 1: bold header row.
  'xl/styles.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>',
})

type Entree = { nom: Buffer; crc: number; compresse: number; brut: number; decalage: number }

function dateDos(d = new Date()): { heure: number; jour: number } {
  return {
    heure: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    jour: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  }
}

/** ZIP (deflate, data descriptors) written as a stream; sizes stay below 4 GiB, so no ZIP64. */
export async function* zip(
  fichiers: AsyncIterable<{ nom: string; contenu: AsyncIterable<string> }>,
): AsyncGenerator<Uint8Array> {
  const entrees: Entree[] = []
  let position = 0
  const { heure, jour } = dateDos()
  for await (const fichier of fichiers) {
    const nom = Buffer.from(fichier.nom, 'utf8')
    const entete = Buffer.alloc(30)
    entete.writeUInt32LE(0x04034b50, 0)
    entete.writeUInt16LE(20, 4)
    entete.writeUInt16LE(0x0808, 6) // sizes in a data descriptor; UTF-8 names
    entete.writeUInt16LE(8, 8)
    entete.writeUInt16LE(heure, 10)
    entete.writeUInt16LE(jour, 12)
    entete.writeUInt16LE(nom.length, 26)
    const entree: Entree = { nom, crc: 0, compresse: 0, brut: 0, decalage: position }
    yield entete
    yield nom
    position += 30 + nom.length

    const deflate = zlib.createDeflateRaw({ level: 6 })
    const sortie: Buffer[] = []
    deflate.on('data', (b: Buffer) => sortie.push(b))
    const vider = function* () {
      for (const b of sortie.splice(0)) {
        entree.compresse += b.length
        position += b.length
        yield b
      }
    }
    for await (const morceau of fichier.contenu) {
      const octets = Buffer.from(morceau, 'utf8')
      entree.crc = zlib.crc32(octets, entree.crc)
      entree.brut += octets.length
      deflate.write(octets)
      await new Promise<void>((ok) => deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => ok()))
      yield* vider()
    }
    await new Promise<void>((ok) => deflate.end(() => ok()))
    await new Promise<void>((ok) => (deflate.readableEnded ? ok() : deflate.once('end', () => ok())))
    yield* vider()

    const descripteur = Buffer.alloc(16)
    descripteur.writeUInt32LE(0x08074b50, 0)
    descripteur.writeUInt32LE(entree.crc >>> 0, 4)
    descripteur.writeUInt32LE(entree.compresse, 8)
    descripteur.writeUInt32LE(entree.brut, 12)
    yield descripteur
    position += 16
    entrees.push(entree)
  }
  const debutRepertoire = position
  let tailleRepertoire = 0
  for (const e of entrees) {
    const c = Buffer.alloc(46)
    c.writeUInt32LE(0x02014b50, 0)
    c.writeUInt16LE(20, 4)
    c.writeUInt16LE(20, 6)
    c.writeUInt16LE(0x0808, 8)
    c.writeUInt16LE(8, 10)
    c.writeUInt16LE(heure, 12)
    c.writeUInt16LE(jour, 14)
    c.writeUInt32LE(e.crc >>> 0, 16)
    c.writeUInt32LE(e.compresse, 20)
    c.writeUInt32LE(e.brut, 24)
    c.writeUInt16LE(e.nom.length, 28)
    c.writeUInt32LE(e.decalage, 42)
    yield c
    yield e.nom
    tailleRepertoire += 46 + e.nom.length
  }
  const fin = Buffer.alloc(22)
  fin.writeUInt32LE(0x06054b50, 0)
  fin.writeUInt16LE(entrees.length, 8)
  fin.writeUInt16LE(entrees.length, 10)
  fin.writeUInt32LE(tailleRepertoire, 12)
  fin.writeUInt32LE(debutRepertoire, 16)
  yield fin
}

async function* texte(s: string) {
  yield s
}

/** One-sheet workbook: a bold, frozen header row, then the rows given lot by lot. */
export function classeurXlsx(
  feuille: string,
  entetes: string[],
  lots: AsyncIterable<Valeur[][]>,
): AsyncGenerator<Uint8Array> {
  async function* contenuFeuille() {
    const derniere = colonne(Math.max(entetes.length - 1, 0))
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetData>${ligneXlsx(entetes, 1, 1)}`
    let numero = 2
    for await (const lot of lots) {
      yield lot.map((valeurs) => ligneXlsx(valeurs, numero++)).join('')
    }
    yield `</sheetData><autoFilter ref="A1:${derniere}${Math.max(numero - 1, 1)}"/></worksheet>`
  }
  async function* fichiers() {
    for (const [nom, contenu] of Object.entries(FICHIERS_FIXES(feuille)))
      yield { nom, contenu: texte(contenu) }
    yield { nom: 'xl/worksheets/sheet1.xml', contenu: contenuFeuille() }
  }
  return zip(fichiers())
}
