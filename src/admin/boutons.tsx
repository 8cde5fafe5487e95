'use client'
import { useDocumentInfo, useForm, useFormModified } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { ETATS_MODIFIABLES } from '../regles/machine'

/** "Quitter" and "Valider la demande" beside Payload's "Sauvegarder", as in the guide. */
export function BoutonsDemande() {
  const { id, data } = useDocumentInfo()
  const { submit } = useForm()
  const modifie = useFormModified()
  const router = useRouter()
  const [enCours, setEnCours] = useState(false)
  // A draft, or a demande sent back for correction: both are validated again through the recap.
  const brouillon = !data?.statut || ETATS_MODIFIABLES.includes(data.statut)

  const quitter = () => {
    if (modifie && !window.confirm('Quitter la saisie ? Les modifications non sauvegardées seront perdues.'))
      return
    router.push('/admin')
  }
  const valider = async () => {
    setEnCours(true)
    try {
      if (modifie) {
        const resultat = await submit()
        if (!resultat || !resultat.res.ok) return
      }
      router.push(`/admin/demandes/${id}/recapitulatif`)
    } finally {
      setEnCours(false)
    }
  }
  return (
    <div className="boutons-demande">
      <button type="button" className="btn btn--style-secondary btn--size-medium" onClick={quitter}>
        Quitter
      </button>
      {id && brouillon && (
        <button
          type="button"
          className="btn btn--style-primary btn--size-medium bouton-valider"
          onClick={valider}
          disabled={enCours}
        >
          Valider la demande
        </button>
      )}
    </div>
  )
}

/** Confirms the validation from the recap page, then returns to the dashboard with a success message. */
export function BoutonConfirmer({ id, numero }: { id: string; numero: number | null }) {
  const router = useRouter()
  const [erreur, setErreur] = useState<string | null>(null)
  const [enCours, setEnCours] = useState(false)
  const confirmer = async () => {
    setEnCours(true)
    setErreur(null)
    try {
      const r = await fetch(`/api/demandes/${id}/valider`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        // The recap's duplicate checkbox (VueRecapitulatif), when the demande duplicates a validated one.
        body: JSON.stringify({
          confirmer: true,
          confirmerDoublon: document.querySelector<HTMLInputElement>('#confirmer-doublon')?.checked === true,
        }),
      })
      if (r.ok) {
        router.push(`/admin?valide=${numero ?? ''}`)
        return
      }
      const corps = await r.json().catch(() => null)
      setErreur(corps?.errors?.[0]?.message ?? 'La validation a échoué. Réessayez ou contactez le support.')
    } finally {
      setEnCours(false)
    }
  }
  return (
    <>
      <button
        type="button"
        className="btn btn--style-primary btn--size-medium bouton-confirmer"
        onClick={confirmer}
        disabled={enCours}
      >
        Confirmer la validation
      </button>
      {erreur && (
        <p className="message-erreur" role="alert">
          {erreur}
        </p>
      )}
    </>
  )
}

export function BoutonImprimer() {
  return (
    <button
      type="button"
      className="btn btn--style-secondary btn--size-medium bouton-imprimer"
      onClick={() => window.print()}
    >
      Imprimer
    </button>
  )
}
