import { PDFParse } from 'pdf-parse'

export type PdfLu = { texte: string; pages: number; titre: string | undefined }

/** A PDF read back as a reader would extract it: its text (blanks collapsed), page count and title. */
export async function lirePdf(contenu: Uint8Array | ArrayBuffer): Promise<PdfLu> {
  const analyseur = new PDFParse({ data: new Uint8Array(contenu as ArrayBuffer) })
  try {
    const texte = await analyseur.getText()
    const info = await analyseur.getInfo()
    return {
      texte: texte.pages
        .map((p) => p.text)
        .join('\n')
        .replace(/\s+/g, ' '),
      pages: texte.total,
      titre: info.info?.Title,
    }
  } finally {
    await analyseur.destroy()
  }
}
