import type { Bilan } from './importer'

/** The import's answer as the admin screen receives it. */
export type BilanRecu = Bilan & { message: string; simulation: boolean; cle: string; duree?: number }

const enTexte = (v: unknown) =>
  v === null || v === undefined || v === '' ? '' : Array.isArray(v) ? v.join(' | ') : String(v)

/** RFC 4180 field; a leading =, +, - or @ is neutralised so a spreadsheet does not run it as a formula. */
function cellule(v: string): string {
  const sur = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
  return /[",;\n\r]/.test(sur) ? `"${sur.replace(/"/g, '""')}"` : sur
}

/**
 * The report as a CSV an editor opens in a spreadsheet (semicolons, French headers, BOM for Excel): one line per
 * field changed, per refused line, per row absent from the export, then the counts.
 */
export function rapportCsv(bilan: BilanRecu): string {
  const lignes: string[][] = [[bilan.cle, 'Opération', 'Champ', 'Avant', 'Après', 'Remarque']]
  for (const c of bilan.changements) {
    const operation = c.operation === 'creation' ? 'Création' : 'Modification'
    for (const [champ, v] of Object.entries(c.champs))
      lignes.push([
        c.cle,
        operation,
        bilan.libelles?.[champ] ?? champ,
        enTexte(v.avant),
        enTexte(v.apres),
        '',
      ])
  }
  for (const r of bilan.rejetes)
    lignes.push(['', 'Ligne refusée', '', '', '', `ligne ${r.ligne} : ${r.raison}`])
  for (const cle of bilan.absentsExport.cles)
    lignes.push([cle, "Absent de l'export", '', '', '', 'conservé sans changement'])
  for (const v of bilan.vides) lignes.push(['', 'Champ vidé', v.libelle, '', '', `${v.nombre} ligne(s)`])
  const comptes: [string, number][] = [
    ['Créations', bilan.crees],
    ['Modifications', bilan.modifies],
    ['Inchangées', bilan.inchanges],
    ['Refusées', bilan.rejetes.length],
    ['Hors champ', bilan.horsChamp],
    ["Absentes de l'export", bilan.absentsExport.nombre],
  ]
  for (const [nom, n] of comptes) lignes.push(['', 'Total', nom, '', '', String(n)])
  if (bilan.changements.length < bilan.crees + bilan.modifies)
    lignes.push(['', 'Note', '', '', '', `détail limité aux ${bilan.changements.length} premières lignes`])
  return '\uFEFF' + lignes.map((l) => l.map(cellule).join(';')).join('\r\n') + '\r\n'
}
