'use client'
import { useSearchParams } from 'next/navigation'
import React from 'react'

/** Above the demandes list: downloads what the list currently shows (its `where` filter), as CSV or XLSX. */
export function BoutonExport() {
  const parametres = useSearchParams()
  const lien = (format: 'csv' | 'xlsx') => {
    const requete = new URLSearchParams([...parametres.entries()].filter(([cle]) => cle.startsWith('where')))
    requete.set('format', format)
    return `/api/demandes/export?${requete.toString()}`
  }
  return (
    <p className="bouton-export">
      <span>Exporter la liste filtrée :</span>{' '}
      <a className="btn btn--style-secondary btn--size-small" href={lien('xlsx')} download>
        Excel (XLSX)
      </a>{' '}
      <a className="btn btn--style-secondary btn--size-small" href={lien('csv')} download>
        CSV
      </a>
    </p>
  )
}
