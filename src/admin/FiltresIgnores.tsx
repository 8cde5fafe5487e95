import type { BeforeListTableServerProps } from 'payload'
import { createLocalReq } from 'payload'
import React from 'react'

import { refusNommes } from './adresseListe'

/**
 * Above a list: the filters and sorts of the address that the list does not apply, taken off it by the admin page
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
  const textes = await refusNommes(req, collectionConfig.slug, searchParams ?? {}, listPreferences?.sort)
  if (textes.length === 0) return null
  return (
    <div className="filtres-ignores" role="status">
      <p>
        Le lien suivi demande {textes.length === 1 ? 'un filtre ou un tri' : 'des filtres ou des tris'} que
        cette liste n&apos;applique pas :
      </p>
      <ul>
        {textes.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      <p>La liste est affichée sans {textes.length === 1 ? 'lui' : 'eux'}.</p>
    </div>
  )
}
