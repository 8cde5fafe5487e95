import type { ServerProps } from 'payload'
import React from 'react'

import { peut } from '../../access/roles'

/**
 * Payload always renders the account page's display preferences and the list's saved-filter bar: they are
 * removed for whom they serve nothing (access/permissions.ts, capacities reglerAffichage and enregistrerFiltres).
 * A style rule, since Payload offers no slot to leave them out; the API still applies its own access rules.
 */
export function Affichage({ user }: ServerProps) {
  if (!user) return null
  const caches = [
    peut(user, 'reglerAffichage') ? null : '.payload-settings',
    peut(user, 'enregistrerFiltres') ? null : '.query-preset-bar',
  ].filter(Boolean)
  if (caches.length === 0) return null
  return <style>{`${caches.join(', ')} { display: none !important; }`}</style>
}
