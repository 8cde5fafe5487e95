import zlib from 'node:zlib'

/** Files built in code for the upload tests: ZIP archives (sizes may be forged), office files, PDFs. */

export type EntreeZip = { nom: string; contenu: Buffer | string; stocke?: boolean; tailleDeclaree?: number }

/** A ZIP written by hand, so that a test can lie in its headers as an attacker would. */
export function zipper(entrees: EntreeZip[]): Buffer {
  const locaux: Buffer[] = []
  const centraux: Buffer[] = []
  let position = 0
  for (const e of entrees) {
    const donnees = Buffer.isBuffer(e.contenu) ? e.contenu : Buffer.from(e.contenu, 'utf8')
    const compresse = e.stocke ? donnees : zlib.deflateRawSync(donnees, { level: 9 })
    const nom = Buffer.from(e.nom, 'utf8')
    const crc = zlib.crc32(donnees)
    const taille = e.tailleDeclaree ?? donnees.length
    // The local and central headers share one run of fields (flags to name length), at offsets 6 and 8.
    const communs = (b: Buffer, o: number) => {
      b.writeUInt16LE(0x0800, o)
      b.writeUInt16LE(e.stocke ? 0 : 8, o + 2)
      b.writeUInt32LE(crc, o + 8)
      b.writeUInt32LE(compresse.length, o + 12)
      b.writeUInt32LE(taille, o + 16)
      b.writeUInt16LE(nom.length, o + 20)
      return b
    }
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    communs(local, 6)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    communs(central, 8)
    central.writeUInt32LE(position, 42)
    locaux.push(local, nom, compresse)
    centraux.push(central, nom)
    position += 30 + nom.length + compresse.length
  }
  const repertoire = Buffer.concat(centraux)
  const fin = Buffer.alloc(22)
  fin.writeUInt32LE(0x06054b50, 0)
  fin.writeUInt16LE(entrees.length, 8)
  fin.writeUInt16LE(entrees.length, 10)
  fin.writeUInt32LE(repertoire.length, 12)
  fin.writeUInt32LE(position, 16)
  return Buffer.concat([...locaux, repertoire, fin])
}

const TYPES_DOCX =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
const RELS_DOCX =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
const DOCUMENT_DOCX =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Procès-verbal du conseil d’administration</w:t></w:r></w:p></w:body></w:document>'

/** A minimal, valid Word document, plus any extra entries. */
export function docx(autres: EntreeZip[] = []): Buffer {
  return zipper([
    { nom: '[Content_Types].xml', contenu: TYPES_DOCX },
    { nom: '_rels/.rels', contenu: RELS_DOCX },
    { nom: 'word/document.xml', contenu: DOCUMENT_DOCX },
    ...autres,
  ])
}

/** A minimal OpenDocument text (the `mimetype` entry first and stored, as the format requires). */
export function odt(): Buffer {
  return zipper([
    { nom: 'mimetype', contenu: 'application/vnd.oasis.opendocument.text', stocke: true },
    {
      nom: 'META-INF/manifest.xml',
      contenu:
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    },
    {
      nom: 'content.xml',
      contenu:
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text><text:p>Lettre de soutien</text:p></office:text></office:body></office:document-content>',
    },
  ])
}

/**
 * A PDF written object by object with a correct xref table. Objects are given as their body (between `obj` and
 * `endobj`); `flux` adds a stream (compressed with FlateDecode unless `brut`).
 */
export type ObjetPdf = string | { dict: string; flux: Buffer | string; brut?: boolean }

export function pdf(
  objets: ObjetPdf[],
  { trailer = '/Root 1 0 R', apres = '' }: { trailer?: string; apres?: string | Buffer } = {},
): Buffer {
  const morceaux: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  let taille = morceaux[0]!.length
  const positions: number[] = []
  objets.forEach((o, i) => {
    positions.push(taille)
    let corps: Buffer
    if (typeof o === 'string') corps = Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1')
    else {
      const donnees = Buffer.isBuffer(o.flux) ? o.flux : Buffer.from(o.flux, 'latin1')
      const flux = o.brut ? donnees : zlib.deflateSync(donnees)
      corps = Buffer.concat([
        Buffer.from(
          `${i + 1} 0 obj\n<<${o.dict}${o.brut ? '' : '/Filter/FlateDecode'}/Length ${flux.length}>>\nstream\n`,
          'latin1',
        ),
        flux,
        Buffer.from('\nendstream\nendobj\n', 'latin1'),
      ])
    }
    morceaux.push(corps)
    taille += corps.length
  })
  const xref = `xref\n0 ${objets.length + 1}\n0000000000 65535 f \n${positions.map((p) => `${String(p).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<</Size ${objets.length + 1}${trailer}>>\nstartxref\n${taille}\n%%EOF\n`
  morceaux.push(Buffer.from(xref, 'latin1'))
  morceaux.push(Buffer.isBuffer(apres) ? apres : Buffer.from(apres, 'latin1'))
  return Buffer.concat(morceaux)
}

const CONTENU_PAGE = "BT /F1 18 Tf 72 720 Td (Plan d'implantation de la formation) Tj ET\n".repeat(20)

/** A legitimate PDF with a compressed page content. */
export function pdfSain(): Buffer {
  return pdf([
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>',
    { dict: '', flux: CONTENU_PAGE },
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ])
}

/**
 * A PDF 1.5 whose catalog lives in a compressed object stream (as Word and most producers write it), the `extra`
 * text added to the catalog.
 */
export function pdfObjetsCompresses(extraCatalogue = ''): Buffer {
  const objets = [`<</Type/Catalog/Pages 3 0 R${extraCatalogue}>>`, '<</Type/Pages/Kids[4 0 R]/Count 1>>']
  let entete = ''
  let corps = ''
  objets.forEach((o, i) => {
    entete += `${i + 2} ${corps.length} `
    corps += `${o}\n`
  })
  const flux = entete + corps
  return pdf(
    [
      '<</Type/Catalog/Pages 3 0 R>>', // overridden by the object stream's object 2 for a reader: the catalog is 2 0 R
      '',
      '',
      '<</Type/Page/Parent 3 0 R/MediaBox[0 0 595 842]/Contents 5 0 R>>',
      { dict: '', flux: CONTENU_PAGE },
      { dict: `/Type/ObjStm/N ${objets.length}/First ${entete.length}`, flux },
    ].map((o) => (o === '' ? 'null' : o)),
    { trailer: '/Root 2 0 R' },
  )
}
