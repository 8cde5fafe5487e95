import type { DefaultServerCellComponentProps, Payload } from 'payload'
import { cache } from 'react'
import React from 'react'

import { idDe } from '../../access/roles'

type Collection = 'etablissements' | 'diplomes'
type Doc = Record<string, unknown> & { id: number | string }

const CHAMPS: Record<Collection, Record<string, true>> = {
  etablissements: { uai: true, nom: true, commune: true },
  diplomes: { libelle: true, typeDiplome: true },
}

/**
 * One query per page of the list and per collection, not one per row: the cells of a render ask within the same
 * tick, and React's `cache` scopes the batch to the request. Payload's own relationship cell fetches labels in the
 * browser after the first paint (« <Pas de Code UAI…> » until then); these render the label on the server.
 */
const lot = cache((collection: Collection) => {
  let enAttente = new Set<string>()
  let prochain: Promise<Map<string, Doc>> | null = null
  return (payload: Payload, id: number | string): Promise<Doc | undefined> => {
    enAttente.add(String(id))
    if (!prochain) {
      prochain = new Promise<void>((r) => setTimeout(r, 0)).then(async () => {
        const ids = [...enAttente]
        enAttente = new Set()
        prochain = null
        const r = await payload.find({
          collection,
          where: { id: { in: ids } },
          depth: 0,
          limit: ids.length,
          pagination: false,
          // Reference lists every signed-in account reads (their read access is `connecte`).
          overrideAccess: true,
          select: CHAMPS[collection],
        })
        return new Map(r.docs.map((d) => [String(d.id), d as unknown as Doc]))
      })
    }
    return prochain.then((m) => m.get(String(id)))
  }
})

async function charger(payload: Payload, collection: Collection, valeur: unknown): Promise<Doc | null> {
  if (valeur && typeof valeur === 'object' && Object.keys(CHAMPS[collection]).some((k) => k in valeur))
    return valeur as Doc
  const id = idDe(valeur)
  if (id === null) return null
  return (await lot(collection)(payload, id)) ?? null
}

const texte = (v: unknown) => (typeof v === 'string' ? v : '')

/** « Lycée Jean Mermoz », then « Montpellier », the UAI in smaller text. */
export async function CelluleEtablissement({ cellData, payload }: DefaultServerCellComponentProps) {
  const e = await charger(payload, 'etablissements', cellData)
  if (!e) return <span>—</span>
  return (
    <span className="cellule-etablissement">
      <span className="cellule-etablissement__nom">{texte(e.nom)}</span>
      {texte(e.commune) && <span className="cellule-etablissement__commune">{texte(e.commune)}</span>}
      <small className="cellule-etablissement__uai">{texte(e.uai)}</small>
    </span>
  )
}

/** The diplôme's libellé, its type in smaller text. */
export async function CelluleDiplome({ cellData, payload }: DefaultServerCellComponentProps) {
  const d = await charger(payload, 'diplomes', cellData)
  if (!d) return <span>—</span>
  return (
    <span className="cellule-diplome">
      {texte(d.typeDiplome) && <small className="cellule-diplome__type">{texte(d.typeDiplome)}</small>}{' '}
      <span className="cellule-diplome__libelle">{texte(d.libelle)}</span>
    </span>
  )
}
