import type { ServerProps } from 'payload'
import React from 'react'

import { libelleAcademie, rattachementDe } from '../../access/roles'
import { CONNECTE_EN_TANT_QUE } from './libelles'
import { OublierEchecConnexion } from './OublierEchecConnexion'

/** Always visible at top left once signed in, as in the guide: who you are, and how to leave. */
export function BandeauConnexion({ user }: ServerProps) {
  if (!user) return null
  const role = user.role ? CONNECTE_EN_TANT_QUE[user.role] : ''
  const academie =
    rattachementDe(user) === 'academie' && user.academie
      ? ` (académie de ${libelleAcademie(user.academie)})`
      : ''
  return (
    <div className="bandeau-connexion" role="region" aria-label="Connexion">
      <OublierEchecConnexion />
      <p>
        Vous êtes connecté en tant {role}
        {academie} avec l&apos;identifiant <strong>{user.username}</strong>
      </p>
      <a className="bandeau-connexion__deconnexion" href="/admin/logout">
        Déconnexion
      </a>
    </div>
  )
}
