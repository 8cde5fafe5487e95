'use client'
import React from 'react'

/**
 * Any failure while drawing an admin page (Payload's own components included): a French page with a way on, instead
 * of Next's « Application error: a client-side exception has occurred ».
 */
export default function ErreurDePage({ error }: { error: Error & { digest?: string } }) {
  // `preset=` also leaves a saved filter the list keeps choosing (its preferences).
  const sansParametres = typeof window === 'undefined' ? '/admin' : `${window.location.pathname}?preset=`
  return (
    <main className="erreur-page" role="alert">
      <h1>Cette page n&apos;a pas pu s&apos;afficher</h1>
      <p>
        Une information de la page ou de son adresse (un filtre, un tri) n&apos;a pas pu être affichée. Vos
        données ne sont pas touchées.
      </p>
      <ul>
        <li>
          <a href={sansParametres}>Afficher la page sans ses filtres</a>
        </li>
        <li>
          <a href="/admin">Retour au tableau de bord</a>
        </li>
      </ul>
      {error.digest ? (
        <p className="erreur-page__reference">
          Si le problème continue, indiquez au support cette référence : {error.digest}
        </p>
      ) : null}
    </main>
  )
}
