'use client'
import { useSearchParams } from 'next/navigation'
import React from 'react'

/** Above the demandes list: downloads what the list currently shows (its `where` filter), as CSV. */
export function BoutonExport() {
  const parametres = useSearchParams()
  const requete = new URLSearchParams([...parametres.entries()].filter(([cle]) => cle.startsWith('where')))
  requete.set('format', 'csv')
  return (
    <p className="bouton-export">
      <a className="btn btn--style-secondary btn--size-small" href={`/api/demandes/export?${requete.toString()}`} download>
        Exporter la liste filtrée (CSV)
      </a>
    </p>
  )
}
