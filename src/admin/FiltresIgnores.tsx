import type { BeforeListTableServerProps } from 'payload'
import { createLocalReq } from 'payload'
import React from 'react'

import { refusNommes } from './adresseListe'

/**
 * Above a list: the filters and sorts of the address that the reader may not use, taken off it by the admin page
 * (src/admin/adresseListe.ts), named by their labels with the reason.
 */
export async function FiltresIgnores({
  collectionConfig,
  listPreferences,
  payload,
  searchParams,
  user,
}: BeforeListTableServerProps) {
  if (!user) return null
  const req = await createLocalReq({ user: user as never }, payload)
  const refus = await refusNommes(req, collectionConfig.slug, searchParams ?? {}, listPreferences?.sort)
  if (refus.length === 0) return null
  return (
    <div className="filtres-ignores" role="alert">
      <p>
        {refus.length === 1
          ? "Un filtre ou un tri de l'adresse n'a pas été appliqué :"
          : `${refus.length} filtres ou tris de l'adresse n'ont pas été appliqués :`}
      </p>
      <ul>
        {refus.map((r, i) => (
          <li key={i}>{r.message}</li>
        ))}
      </ul>
    </div>
  )
}
