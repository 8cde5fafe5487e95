/**
 * The history of a demande's statut on its consult page, built from the audit journal (written in the request's
 * transaction on SQLite and MongoDB alike: validation, correction asked, avis, décision). Pure: the loader
 * (src/admin/historiqueDuLecteur.ts) reads the entries and says what the reader may see.
 */
import { AVIS, DECISIONS, libelle } from '../regles/enums'
import type { Vue } from '../regles/statut'

/** A journal entry about the demande, as the loader passes it. */
export type EntreeHistorique = {
  action: string
  createdAt: string
  /** Whose name may be shown: null when the reader may not learn it. */
  nom: string | null
  details?: unknown
}

export type Evenement = { date: string; texte: string }

const detail = (details: unknown, cle: string): unknown =>
  details && typeof details === 'object' && !Array.isArray(details)
    ? (details as Record<string, unknown>)[cle]
    : undefined

/**
 * The events, oldest first: « Créée », « Validée » (then « Validée de nouveau »), « Renvoyée pour correction »,
 * avis given or withdrawn, décision recorded or withdrawn. What the view hides before publication is left out:
 * no avis for `sans-instruction`, no décision unless `complete` (src/regles/statut.ts).
 */
export function construireHistorique(
  creeeLe: string | null | undefined,
  entrees: readonly EntreeHistorique[],
  vue: Vue,
  dateFr: (iso: string) => string,
): Evenement[] {
  const evenements: Evenement[] = []
  if (creeeLe) evenements.push({ date: creeeLe, texte: `Créée le ${dateFr(creeeLe)}` })
  const par = (e: EntreeHistorique) => (e.nom ? ` par ${e.nom}` : '')
  let validations = 0
  const triees = [...entrees].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  for (const e of triees) {
    const le = `le ${dateFr(e.createdAt)}${par(e)}`
    if (e.action === 'validation') {
      evenements.push({
        date: e.createdAt,
        texte: validations++ === 0 ? `Validée ${le}` : `Validée de nouveau ${le}`,
      })
    } else if (e.action === 'avis' && detail(e.details, 'evenement') === 'demande-correction') {
      // A demande sent back is its filer's business: shown to every reader.
      evenements.push({ date: e.createdAt, texte: `Renvoyée pour correction ${le}` })
    } else if (e.action === 'avis' && vue !== 'sans-instruction') {
      const avis = detail(e.details, 'avis')
      evenements.push({
        date: e.createdAt,
        texte: avis ? `Avis « ${libelle(AVIS, avis)} » donné ${le}` : `Avis retiré ${le}`,
      })
    } else if (e.action === 'decision' && vue === 'complete') {
      const decision = detail(e.details, 'decision')
      evenements.push({
        date: e.createdAt,
        texte: decision
          ? `Décision « ${libelle(DECISIONS, decision)} » enregistrée ${le}`
          : `Décision retirée ${le}`,
      })
    }
  }
  return evenements
}
