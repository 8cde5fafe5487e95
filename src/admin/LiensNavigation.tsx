import type { ServerProps } from 'payload'
import React from 'react'

import type { Role } from '../../access/roles'

const AUTORITES: Role[] = ['admin', 'carif-oref', 'region', 'rectorat', 'draaf']

/** Links to the custom pages, in the side navigation, for the roles that use them. */
export function LiensNavigation({ user }: ServerProps) {
  const role = (user as { role?: Role } | undefined)?.role
  if (!role) return null
  const liens: [string, string][] = []
  if (AUTORITES.includes(role)) liens.push(['/admin/statistiques', 'Statistiques'])
  if (role === 'admin' || role === 'carif-oref')
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
