import type { ServerProps } from 'payload'
import React from 'react'

import { peut } from '../../access/roles'

/** Links to the custom pages, in the side navigation, for the roles that use them. */
export function LiensNavigation({ user }: ServerProps) {
  const liens: [string, string][] = []
  if (peut(user, 'consulterStatistiques')) liens.push(['/admin/statistiques', 'Statistiques'])
  if (peut(user, 'gererReferentiels'))
    liens.push(
      ['/admin/comptes-en-masse', 'Créer des comptes en masse'],
      ['/admin/import-referentiels', 'Mettre à jour un référentiel'],
    )
  if (liens.length === 0) return null
  return (
    <div className="liens-navigation">
      <p className="nav-group__label">Outils</p>
      {liens.map(([href, texte]) => (
        <a key={href} className="nav__link" href={href}>
          {texte}
        </a>
      ))}
    </div>
  )
}
