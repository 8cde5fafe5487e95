/** The words of the batch instruction and of the publication (pure: the list's panel and the unit tests use them). */

export type BilanLot = {
  faites?: { id: number | string; numero: number | null }[]
  refusees?: { id: number | string; numero?: number | null; motif: string }[]
}

const pluriel = (n: number, un: string, plusieurs: string) => (n > 1 ? plusieurs : un)
export const demandes = (n: number) => `${n} ${pluriel(n, 'demande', 'demandes')}`

/** « Donner l'avis "Favorable" à 12 demandes ? » / « Enregistrer la décision "Retenue" pour 2 demandes ? » */
export function questionLot(champ: 'avis' | 'decision', libelle: string, n: number): string {
  return champ === 'avis'
    ? `Donner l'avis "${libelle}" à ${demandes(n)} ?`
    : `Enregistrer la décision "${libelle}" pour ${demandes(n)} ?`
}

/**
 * « 11 demandes mises à jour (n° 1, 2, …) ; 1 refusée : n° 42 — hors de votre périmètre ». A refused demande the caller cannot
 * read comes without its numero: the list's own (`numeros`, id → numero of the rows shown) or its identifier.
 */
export function resumeDuLot(r: BilanLot, numeros: Record<string, number> = {}): string {
  const faites = r.faites?.length ?? 0
  const refusees = r.refusees ?? []
  // Named, since a filtered list (« Sans décision ») no longer shows them once done; the first 20.
  const noms = (r.faites ?? []).map((f) => f.numero ?? f.id)
  const lesquelles =
    faites === 0
      ? ''
      : ` (n° ${noms.slice(0, 20).join(', ')}${faites > 20 ? ` et ${faites - 20} autres` : ''})`
  const fait =
    faites === 0
      ? 'Aucune demande mise à jour'
      : `${demandes(faites)} ${pluriel(faites, 'mise', 'mises')} à jour${lesquelles}`
  if (refusees.length === 0) return `${fait}.`
  const detail = refusees
    .map((x) => {
      const numero = x.numero ?? numeros[String(x.id)]
      return `${numero ? `n° ${numero}` : `identifiant ${x.id}`} — ${x.motif}`
    })
    .join(' ; ')
  return `${fait} ; ${refusees.length} ${pluriel(refusees.length, 'refusée', 'refusées')} : ${detail}`
}

/**
 * « 57 décisions seront publiées ; 23 structures recevront un courriel. 2 demandes validées n'ont pas encore de
 * décision : elles resteront sans décision pour leur structure. Publier ? » A publication made again names the
 * structures already mailed the same decisions (they get no second mail).
 */
export function questionPublication(
  decisions: number,
  structures: number,
  sansDecision = 0,
  dejaInformees = 0,
): string {
  const deja =
    dejaInformees > 0
      ? ` (${dejaInformees} ${pluriel(dejaInformees, 'autre, déjà informée des mêmes décisions, n’en recevra', 'autres, déjà informées des mêmes décisions, n’en recevront')} pas de nouveau)`
      : ''
  const reste =
    sansDecision > 0
      ? ` ${sansDecision} ${pluriel(sansDecision, "demande validée n'a", "demandes validées n'ont")} pas encore de décision : ${pluriel(sansDecision, 'elle restera', 'elles resteront')} sans décision pour leur structure.`
      : ''
  return (
    `${decisions} ${pluriel(decisions, 'décision sera publiée', 'décisions seront publiées')} ; ` +
    `${structures} ${pluriel(structures, 'structure recevra', 'structures recevront')} un courriel${deja}.${reste} Publier ?`
  )
}
