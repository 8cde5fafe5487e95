import PDFDocument from 'pdfkit'
import { dateHeureFr } from '../formatsDates'

export { dateHeureFr }

/**
 * The PDF of a demande (GET /api/demandes/:id/pdf, the accusé de réception's attachment): data in, Buffer out.
 * What the caller may read is decided before (src/pdf/donnees.ts); this module only lays it out, tagged (headings,
 * lists, paragraphs; page footers as artifacts) and in French.
 *
 * The standard Helvetica of PDF readers covers French (WinAnsi encoding) and needs no font file. A character
 * outside WinAnsi (an emoji, « ≤ », Chinese) would otherwise come out as another character: a few are written
 * the usual way (« <= »), every other one is replaced by « [?] », and the document says so at its end.
 */

export type LignePdf = { champ: string; libelle: string; valeur: string }
export type SectionPdf = { titre: string; lignes: LignePdf[] }
export type AnnexePdf = {
  nom: string
  type?: string | null
  taille?: number | null
  description?: string | null
}

export type DonneesPdf = {
  numero: number | string | null
  /** The établissement concerné as the recap names it (« 0340042L — Lycée Jean Mermoz (Montpellier) »). */
  etablissement: string
  /** The statut's label, as the caller may see it. */
  statut: string
  sections: SectionPdf[]
  annexes: AnnexePdf[]
  validation: { le: string; par: string | null } | null
  genereLe?: Date
}

// ---------------------------------------------------------------------------------------------------------------
// Characters

/** WinAnsi (Windows-1252): what the standard fonts can show. */
const WIN_ANSI = new Set<string>([
  '\n',
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => String.fromCharCode(0xa0 + i)),
  ...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ',
])

/** Usual replacements (typography, maths, arrows) before giving up on a character. */
const EQUIVALENTS: Record<string, string> = {
  '\t': ' ',
  '\u202f': '\u00a0', // espace fine insécable (before « ; : ! ? » in French)
  '\u2007': '\u00a0',
  '\u2060': '',
  '\u200b': '',
  '\u200e': '',
  '\u200f': '',
  '\ufeff': '',
  '\u00ad': '',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u2015': '—',
  '\u2032': '’',
  '\u2033': '"',
  '\u02bc': '’',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2192': '->',
  '\u2190': '<-',
  '\u21d2': '=>',
  '\u2194': '<->',
  '\u2022': '•',
  '\u25cf': '•',
  '\u25aa': '•',
  '\u2023': '•',
  '\u2043': '-',
  '\u2713': 'v',
  '\u2714': 'v',
}

export const REMPLACEMENT = '[?]'

const segmenteur = new Intl.Segmenter('fr', { granularity: 'grapheme' })

/** The text as the standard fonts can show it, and how many characters had to be replaced by « [?] ». */
export function texteImprimable(texte: string): { texte: string; remplaces: number } {
  let remplaces = 0
  let sortie = ''
  const normalise = texte.replace(/\r\n?/g, '\n').normalize('NFC')
  for (const { segment } of segmenteur.segment(normalise)) {
    if (WIN_ANSI.has(segment)) sortie += segment
    else if (segment in EQUIVALENTS) sortie += EQUIVALENTS[segment]
    else {
      // Compatibility forms that have a WinAnsi equivalent: ligatures (« ﬁ »), full-width letters, spaces.
      const compatible = segment.normalize('NFKC')
      if ([...compatible].every((c) => WIN_ANSI.has(c))) sortie += compatible
      else if (/^\s$/u.test(segment)) sortie += ' '
      else {
        sortie += REMPLACEMENT
        remplaces++
      }
    }
  }
  return { texte: sortie, remplaces }
}

// ---------------------------------------------------------------------------------------------------------------
// French formats

const TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.ms-excel': 'Excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.ms-powerpoint': 'PowerPoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'OpenDocument texte',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument classeur',
  'application/vnd.oasis.opendocument.presentation': 'OpenDocument présentation',
  'image/jpeg': 'image JPEG',
  'image/png': 'image PNG',
}

export function typeFr(mime: string | null | undefined): string {
  if (!mime) return 'type inconnu'
  return TYPES[mime] ?? mime
}

/** « 340 Ko », « 1,2 Mo » (1 Ko = 1 024 octets, as file managers count). */
export function tailleFr(octets: number | null | undefined): string {
  if (typeof octets !== 'number' || !Number.isFinite(octets) || octets < 0) return 'taille inconnue'
  if (octets < 1024 * 1024) return `${Math.max(1, Math.round(octets / 1024))} Ko`
  return `${(octets / (1024 * 1024)).toFixed(1).replace('.', ',')} Mo`
}

// ---------------------------------------------------------------------------------------------------------------
// Layout

const MARGE = 56
const LARGEUR_LIBELLE = 165
const ECART = 14
const BLEU = '#000091'
const GRIS = '#3a3a3a'
const NOIR = '#161616'
const TAILLE_TEXTE = 10.5
const TAILLE_LIBELLE = 9.5

type Doc = PDFKit.PDFDocument
type Element = PDFKit.PDFStructureElement

/** The title of the document (info dictionary, window title, page footers). */
export function titreDuPdf(d: Pick<DonneesPdf, 'numero' | 'etablissement'>): string {
  const numero = d.numero === null || d.numero === undefined ? 'sans numéro' : `n° ${d.numero}`
  return d.etablissement ? `Demande ${numero} — ${d.etablissement}` : `Demande ${numero}`
}

/** Writes the PDF of a demande. */
export async function pdfDeLaDemande(d: DonneesPdf): Promise<Buffer> {
  let remplaces = 0
  const t = (texte: string) => {
    const r = texteImprimable(texte)
    remplaces += r.remplaces
    return r.texte
  }
  const titre = titreDuPdf(d)
  const genereLe = d.genereLe ?? new Date()
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGE, bottom: MARGE + 14, left: MARGE, right: MARGE },
    pdfVersion: '1.7',
    tagged: true,
    lang: 'fr-FR',
    displayTitle: true,
    bufferPages: true,
    font: 'Helvetica',
    info: {
      // Info strings are UTF-16: the title is kept as written.
      Title: titre,
      Author: 'Carte des formations — Région Occitanie et Carif-Oref Occitanie',
      Subject: `Récapitulatif de la demande ${d.numero ?? ''}`.trim(),
      Creator: 'Carte des formations',
      CreationDate: genereLe,
    },
  })
  const morceaux: Buffer[] = []
  doc.on('data', (m: Buffer) => morceaux.push(m))
  const fini = new Promise<Buffer>((ok, ko) => {
    doc.on('end', () => ok(Buffer.concat(morceaux)))
    doc.on('error', ko)
  })

  const gauche = MARGE
  const largeur = doc.page.width - 2 * MARGE
  const bas = () => doc.page.height - doc.page.margins.bottom
  const racine = doc.struct('Document')
  doc.addStructure(racine)

  const ajouter = (parent: Element, type: string, dessin: () => void) => {
    parent.add(doc.struct(type, {}, dessin))
  }
  const paragraphe = (parent: Element, texte: string, options: PDFKit.Mixins.TextOptions = {}) =>
    ajouter(parent, 'P', () => {
      doc.font('Helvetica').fontSize(TAILLE_TEXTE).fillColor(NOIR)
      doc.text(t(texte), gauche, doc.y, { width: largeur, ...options })
    })
  const titreSection = (parent: Element, texte: string) => {
    // A heading alone at the foot of a page: to the next one.
    if (doc.y + 60 > bas()) doc.addPage()
    doc.moveDown(0.6)
    ajouter(parent, 'H2', () => {
      doc.font('Helvetica-Bold').fontSize(13).fillColor(BLEU)
      doc.text(t(texte), gauche, doc.y, { width: largeur })
    })
    const y = doc.y + 2
    // The rule is decoration: an artifact, begun before the path (no marked-content operator inside a path).
    doc.markContent('Artifact')
    doc
      .save()
      .moveTo(gauche, y)
      .lineTo(gauche + largeur, y)
      .lineWidth(0.6)
      .strokeColor(BLEU)
      .stroke()
      .restore()
    doc.endMarkedContent()
    doc.y = y + 6
  }

  /** A label and its value: side by side when the value fits on the page, else the label above the value. */
  const ligne = (liste: Element, libelle: string, valeur: string) => {
    const l = t(libelle)
    const v = t(valeur)
    const xValeur = gauche + LARGEUR_LIBELLE + ECART
    const largeurValeur = largeur - LARGEUR_LIBELLE - ECART
    doc.font('Helvetica-Bold').fontSize(TAILLE_LIBELLE)
    const hLibelle = doc.heightOfString(l, { width: LARGEUR_LIBELLE })
    doc.font('Helvetica').fontSize(TAILLE_TEXTE)
    const hValeur = doc.heightOfString(v, { width: largeurValeur })
    const pleinePage = bas() - doc.page.margins.top
    const cote = Math.max(hLibelle, hValeur) <= pleinePage / 2
    if (cote && doc.y + Math.max(hLibelle, hValeur) > bas()) doc.addPage()
    else if (!cote && doc.y + hLibelle + 40 > bas()) doc.addPage()
    const item = doc.struct('LI')
    liste.add(item)
    const y0 = doc.y
    ajouter(item, 'Lbl', () => {
      doc.font('Helvetica-Bold').fontSize(TAILLE_LIBELLE).fillColor(GRIS)
      doc.text(l, gauche, y0 + 1, { width: cote ? LARGEUR_LIBELLE : largeur })
    })
    const finLibelle = doc.y
    ajouter(item, 'LBody', () => {
      doc.font('Helvetica').fontSize(TAILLE_TEXTE).fillColor(NOIR)
      if (cote) doc.text(v, xValeur, y0, { width: largeurValeur })
      else doc.text(v, gauche, finLibelle + 2, { width: largeur, align: 'left' })
    })
    item.end()
    doc.y = (cote ? Math.max(finLibelle, doc.y) : doc.y) + 5
    doc.x = gauche
  }

  // Title.
  ajouter(racine, 'H1', () => {
    doc.font('Helvetica-Bold').fontSize(19).fillColor(BLEU)
    const numero = d.numero === null || d.numero === undefined ? 'sans numéro' : `n° ${d.numero}`
    doc.text(t(`Demande ${numero}`), gauche, doc.y, { width: largeur })
  })
  if (d.etablissement)
    ajouter(racine, 'P', () => {
      doc.font('Helvetica-Bold').fontSize(12.5).fillColor(NOIR)
      doc.text(t(d.etablissement), gauche, doc.y + 2, { width: largeur })
    })
  doc.moveDown(0.5)
  paragraphe(racine, `Statut : ${d.statut}`)
  paragraphe(
    racine,
    d.validation
      ? `Validée le ${dateHeureFr(d.validation.le)}${d.validation.par ? ` par ${d.validation.par}` : ''}.`
      : "Demande en cours de saisie : elle n'est pas encore validée.",
  )

  for (const section of d.sections) {
    const partie = doc.struct('Sect')
    racine.add(partie)
    titreSection(partie, section.titre)
    const liste = doc.struct('L')
    partie.add(liste)
    // The Instruction section carries the comments, authors and dates (src/regles/validationDemande.ts).
    for (const l of section.lignes) ligne(liste, l.libelle, l.valeur)
    liste.end()
    partie.end()
  }

  const annexes = doc.struct('Sect')
  racine.add(annexes)
  titreSection(annexes, 'Annexes')
  if (d.annexes.length === 0) paragraphe(annexes, 'Aucune annexe.')
  else {
    const liste = doc.struct('L')
    annexes.add(liste)
    for (const a of d.annexes)
      ligne(
        liste,
        a.nom,
        `${typeFr(a.type)}, ${tailleFr(a.taille)}${a.description ? `\n${a.description}` : ''}`,
      )
    liste.end()
  }
  annexes.end()

  if (remplaces > 0) {
    doc.moveDown(1)
    const s = remplaces > 1 ? 's' : ''
    ajouter(racine, 'P', () => {
      doc.font('Helvetica-Oblique').fontSize(9).fillColor(GRIS)
      doc.text(
        `${remplaces} caractère${s} que ce document ne peut pas reproduire (émoji, écriture non latine, symbole) ${remplaces > 1 ? 'sont remplacés' : 'est remplacé'} par « ${REMPLACEMENT} ». La demande sur la plateforme les conserve.`,
        gauche,
        doc.y,
        { width: largeur },
      )
    })
  }
  racine.end()

  // Footers: numbered pages, marked as artifacts (not read out as content).
  const pages = doc.bufferedPageRange()
  const pied = t(
    `${titreDuPdf({ numero: d.numero, etablissement: '' })} — document généré le ${dateHeureFr(genereLe)}`,
  )
  for (let i = pages.start; i < pages.start + pages.count; i++) {
    doc.switchToPage(i)
    const margeBas = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc.markContent('Artifact', { type: 'Pagination' })
    doc.font('Helvetica').fontSize(8).fillColor(GRIS)
    const y = doc.page.height - MARGE + 8
    doc.text(pied, gauche, y, { width: largeur - 80, lineBreak: false })
    doc.text(`Page ${i - pages.start + 1} / ${pages.count}`, gauche + largeur - 80, y, {
      width: 80,
      align: 'right',
      lineBreak: false,
    })
    doc.endMarkedContent()
    doc.page.margins.bottom = margeBas
  }
  doc.end()
  return fini
}
