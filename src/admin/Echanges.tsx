'use client'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

/** What an action answered: a success (status) or an error (alert), read out by screen readers. */
export function Annonce({ message }: { message: { ok: boolean; texte: string } | null }) {
  if (!message) return null
  return (
    <p className={message.ok ? 'message-succes' : 'echanges__erreur'} role={message.ok ? 'status' : 'alert'}>
      {message.texte}
    </p>
  )
}

type Envoi = { chemin: string; corps: (texte: string) => Record<string, unknown> }

/** A textarea and its button, posting to the API; the answer's French message is shown beside the field. */
function Formulaire({
  id,
  libelle,
  bouton,
  aide,
  envoi,
  confirmation,
}: {
  id: string
  libelle: string
  bouton: string
  aide: string
  envoi: Envoi
  confirmation?: string
}) {
  const router = useRouter()
  const [texte, setTexte] = useState('')
  const [erreur, setErreur] = useState<string | null>(null)
  const [enCours, setEnCours] = useState(false)
  const envoyer = async (e: React.FormEvent) => {
    e.preventDefault()
    if (confirmation && !window.confirm(confirmation)) return
    setEnCours(true)
    setErreur(null)
    try {
      const r = await fetch(envoi.chemin, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(envoi.corps(texte)),
      })
      if (!r.ok) {
        const j = (await r.json().catch(() => null)) as { errors?: { message?: string }[] } | null
        setErreur(j?.errors?.[0]?.message ?? "L'envoi n'a pas abouti : réessayez.")
        return
      }
      setTexte('')
      router.refresh()
    } finally {
      setEnCours(false)
    }
  }
  return (
    <form className="echanges__formulaire" onSubmit={envoyer}>
      <label htmlFor={id}>{libelle}</label>
      <p className="echanges__aide" id={`${id}-aide`}>
        {aide}
      </p>
      <textarea
        id={id}
        value={texte}
        onChange={(e) => setTexte(e.target.value)}
        rows={4}
        maxLength={5000}
        aria-describedby={`${id}-aide${erreur ? ` ${id}-erreur` : ''}`}
        aria-invalid={erreur ? true : undefined}
      />
      {erreur && (
        <p className="echanges__erreur" id={`${id}-erreur`} role="alert">
          {erreur}
        </p>
      )}
      <button type="submit" className="btn btn--style-primary btn--size-medium" disabled={enCours}>
        {bouton}
      </button>
    </form>
  )
}

/** Writing in the demande's thread (filer structure ↔ instructing authorities). */
export function EcrireMessage({ demande }: { demande: string | number }) {
  return (
    <Formulaire
      id="nouveau-message"
      libelle="Votre message"
      bouton="Envoyer le message"
      aide="Il est envoyé par courriel à l'autre partie et reste dans l'historique des échanges ; un message envoyé ne se modifie pas. 5 000 caractères au plus."
      envoi={{ chemin: '/api/messages', corps: (texte) => ({ demande, texte }) }}
    />
  )
}

/** The instructing authority sends the demande back to its filer, with what to correct. */
export function DemanderCorrection({ demande, numero }: { demande: string | number; numero: number }) {
  return (
    <Formulaire
      id="motif-correction"
      libelle="Ce qu'il faut corriger"
      bouton="Renvoyer pour correction"
      aide="La demande redevient modifiable par sa structure, qui la validera de nouveau ; votre message lui est envoyé par courriel et figure dans les échanges."
      envoi={{ chemin: `/api/demandes/${demande}/demander-correction`, corps: (message) => ({ message }) }}
      confirmation={`Renvoyer la demande n° ${numero} à sa structure pour correction ?`}
    />
  )
}

/**
 * The avis (rectorat, DRAAF) or the décision (Région) beside the read-only demande: a select and a comment,
 * saved by PATCH as the API does (the statut follows, src/regles/machine.ts); an empty choice withdraws it.
 */
export function FormulaireInstruction({
  demande,
  champ,
  options,
  valeur,
  commentaire,
}: {
  demande: string | number
  champ: 'avis' | 'decision'
  options: readonly { value: string; label: string }[]
  valeur: string | null
  commentaire: string | null
}) {
  const router = useRouter()
  const [choix, setChoix] = useState(valeur ?? '')
  const [texte, setTexte] = useState(commentaire ?? '')
  const [message, setMessage] = useState<{ ok: boolean; texte: string } | null>(null)
  const [enCours, setEnCours] = useState(false)
  const nom = champ === 'avis' ? "l'avis" : 'la décision'
  const enregistrer = async (e: React.FormEvent) => {
    e.preventDefault()
    setEnCours(true)
    setMessage(null)
    try {
      const r = await fetch(`/api/demandes/${demande}?depth=0`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ [champ]: { [champ]: choix || null, commentaire: texte || null } }),
      })
      if (!r.ok) {
        const j = (await r.json().catch(() => null)) as { errors?: { message?: string }[] } | null
        setMessage({
          ok: false,
          texte: j?.errors?.[0]?.message ?? "L'enregistrement n'a pas abouti : réessayez.",
        })
        return
      }
      setMessage({
        ok: true,
        texte: choix
          ? `${champ === 'avis' ? 'Avis' : 'Décision'} enregistré${champ === 'avis' ? '' : 'e'}.`
          : `${champ === 'avis' ? 'Avis retiré' : 'Décision retirée'}.`,
      })
      router.refresh()
    } finally {
      setEnCours(false)
    }
  }
  const id = `instruction-${champ}`
  return (
    <form className="echanges__formulaire instruction__formulaire" onSubmit={enregistrer}>
      <label htmlFor={id}>{champ === 'avis' ? 'Avis' : 'Décision'}</label>
      <select id={id} value={choix} onChange={(e) => setChoix(e.target.value)}>
        <option value="">{champ === 'avis' ? '— Pas d’avis —' : '— Pas de décision —'}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-commentaire`}>
        {champ === 'avis' ? "Commentaire de l'avis" : 'Commentaire de la décision'}
      </label>
      <textarea
        id={`${id}-commentaire`}
        value={texte}
        onChange={(e) => setTexte(e.target.value)}
        rows={3}
        maxLength={5000}
      />
      <Annonce message={message} />
      <button type="submit" className="btn btn--style-primary btn--size-medium" disabled={enCours}>
        Enregistrer {nom}
      </button>
    </form>
  )
}
