'use client'
import { useDocumentInfo, useDocumentTitle } from '@payloadcms/ui'
import { useEffect } from 'react'

import { NOUVEAU } from './traductions'

/**
 * A document not yet saved has no title: Payload writes « [Sans titre] ». Its title says what is being created,
 * in the collection's gender (« Nouvelle demande », « Nouvel établissement »).
 */
export function TitreNouveau() {
  const { id, collectionSlug } = useDocumentInfo()
  const { title, setDocumentTitle } = useDocumentTitle()
  const nouveau = !id && collectionSlug ? NOUVEAU[collectionSlug] : undefined
  useEffect(() => {
    if (!nouveau || title === nouveau) return
    // After the providers' own effects, which run after this child's and set « [Sans titre] » again.
    const minuterie = setTimeout(() => setDocumentTitle(nouveau), 0)
    return () => clearTimeout(minuterie)
  }, [nouveau, title, setDocumentTitle])
  return null
}
