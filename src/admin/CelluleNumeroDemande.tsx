'use client'
import { useAuth } from '@payloadcms/ui'
import type { DefaultCellComponentProps } from 'payload'
import { useSearchParams } from 'next/navigation'
import React from 'react'

import { peut } from '../../access/roles'
import type { User } from '../payload-types'
import { modifiableParSaStructure } from '../regles/machine'
import { LISTE_DEMANDES } from './retourListe'

/**
 * The list's first column: a demande its structure still edits opens in the form; a validated one opens on its
 * consult page (the authorities' review screen: read-only demande, avis or décision beside it), except for who may
 * edit past the lock (the admin).
 */
export function CelluleNumeroDemande({ cellData, rowData }: DefaultCellComponentProps) {
  const { user } = useAuth<User>()
  const id = encodeURIComponent(String(rowData?.id ?? ''))
  const formulaire =
    modifiableParSaStructure(rowData?.statut as string | undefined) || peut(user, 'outrepasserVerrous')
  // The consult page's « Retour à la liste » comes back to this list as it is now (filters, sort, page).
  const requete = useSearchParams().toString()
  const depuis = `?depuis=${encodeURIComponent(`${LISTE_DEMANDES}${requete ? `?${requete}` : ''}`)}`
  const href = formulaire ? `/admin/collections/demandes/${id}` : `/admin/demandes/${id}/consulter${depuis}`
  return (
    <a
      href={href}
      aria-label={`${formulaire ? 'Ouvrir' : 'Consulter'} la demande n° ${String(cellData ?? '')}`}
    >
      {cellData === null || cellData === undefined ? '—' : String(cellData)}
    </a>
  )
}
