'use client'
import { useSelection } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { Annonce } from './Echanges'
import { type BilanLot, demandes, questionLot, questionPublication, resumeDuLot } from './textesLot'

type Champ = 'avis' | 'decision'
type Option = { value: string; label: string }
type Reponse = BilanLot & { errors?: { message?: string }[] }

const TEXTES: Record<Champ, { bouton: string; libelle: string; commentaire: string; valider: string }> = {
  avis: {
    bouton: 'Donner un avis aux demandes sélectionnées',
    libelle: 'Avis',
    commentaire: "Commentaire de l'avis",
    valider: "Donner l'avis",
  },
  decision: {
    bouton: 'Enregistrer une décision pour les demandes sélectionnées',
    libelle: 'Décision',
    commentaire: 'Commentaire de la décision',
    valider: 'Enregistrer la décision',
  },
}

/** The panel of one kind of batch (avis or décision) on the list's selected rows. */
function Panneau({
  champ,
  options,
  ids,
  numeros,
  fermer,
}: {
  champ: Champ
  options: Option[]
  ids: (number | string)[]
  numeros: Record<string, number>
  fermer: () => void
}) {
  const router = useRouter()
  const t = TEXTES[champ]
  const [choix, setChoix] = useState('')
  const [texte, setTexte] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; texte: string } | null>(null)
  const [enCours, setEnCours] = useState(false)
  const id = `lot-${champ}`
  const envoyer = async (e: React.FormEvent) => {
    e.preventDefault()
    setMessage(null)
    const option = options.find((o) => o.value === choix)
    if (!option) {
      setMessage({ ok: false, texte: `« ${t.libelle} » : choisissez une valeur.` })
      return
    }
    if (ids.length === 0) {
      setMessage({ ok: false, texte: 'Sélectionnez d’abord des demandes dans la liste.' })
      return
    }
    const question = questionLot(champ, option.label, ids.length)
    if (!window.confirm(question)) return
    setEnCours(true)
    try {
      const r = await fetch('/api/demandes/instruire-en-lot', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ids, [champ]: { [champ]: choix, commentaire: texte || null } }),
      })
      const j = (await r.json().catch(() => null)) as Reponse | null
      if (!r.ok || !j) {
        setMessage({ ok: false, texte: j?.errors?.[0]?.message ?? "L'envoi n'a pas abouti : réessayez." })
        return
      }
      setMessage({ ok: (j.refusees?.length ?? 0) === 0, texte: resumeDuLot(j, numeros) })
      router.refresh()
    } finally {
      setEnCours(false)
    }
  }
  return (
    <form className="echanges__formulaire instruction-en-lot__panneau" onSubmit={envoyer}>
      <p>
        {ids.length === 0
          ? 'Aucune demande sélectionnée.'
          : `${demandes(ids.length)} sélectionnée${ids.length > 1 ? 's' : ''}.`}
      </p>
      <label htmlFor={id}>{t.libelle}</label>
      <select id={id} value={choix} onChange={(e) => setChoix(e.target.value)}>
        <option value="">— Choisir —</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-commentaire`}>{t.commentaire}</label>
      <textarea
        id={`${id}-commentaire`}
        value={texte}
        onChange={(e) => setTexte(e.target.value)}
        rows={3}
        maxLength={5000}
      />
      <Annonce message={message} />
      <p>
        <button type="submit" className="btn btn--style-primary btn--size-small" disabled={enCours}>
          {t.valider}
        </button>{' '}
        <button type="button" className="btn btn--style-secondary btn--size-small" onClick={fermer}>
          Fermer
        </button>
      </p>
    </form>
  )
}

/** The batch buttons above the list; the selection is Payload's (the list's checkboxes). */
export function InstructionEnLotClient({
  sortes,
  numeros,
}: {
  sortes: { champ: Champ; options: Option[] }[]
  numeros: Record<string, number>
}) {
  const { selectedIDs } = useSelection()
  const [ouvert, setOuvert] = useState<Champ | null>(null)
  const sorte = sortes.find((s) => s.champ === ouvert)
  return (
    <section className="instruction-en-lot__lot" aria-label="Instruction en lot">
      <p>
        {sortes.map((s) => (
          <React.Fragment key={s.champ}>
            <button
              type="button"
              className="btn btn--style-secondary btn--size-small"
              aria-expanded={ouvert === s.champ}
              onClick={() => setOuvert(ouvert === s.champ ? null : s.champ)}
            >
              {TEXTES[s.champ].bouton}
            </button>{' '}
          </React.Fragment>
        ))}
      </p>
      {sorte && (
        <Panneau
          key={sorte.champ}
          champ={sorte.champ}
          options={sorte.options}
          ids={selectedIDs}
          numeros={numeros}
          fermer={() => setOuvert(null)}
        />
      )}
    </section>
  )
}

/**
 * « Publier les décisions »: asks the server what would be sent, confirms it in those words, then publishes. Once
 * published, the date (`publieesLe`: null while unpublished, '' when unknown).
 */
export function PublierDecisions({ publieesLe }: { publieesLe: string | null }) {
  const router = useRouter()
  const [message, setMessage] = useState<{ ok: boolean; texte: string } | null>(null)
  const [enCours, setEnCours] = useState(false)
  const appel = async (confirmer: boolean) => {
    const r = await fetch('/api/globals/campagne/publier-decisions', {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ confirmer }),
    })
    const j = (await r.json().catch(() => null)) as {
      decisions?: number
      structures?: number
      sansDecision?: number
      dejaInformees?: number
      errors?: { message?: string }[]
    } | null
    if (!r.ok || !j) throw new Error(j?.errors?.[0]?.message ?? "La publication n'a pas abouti : réessayez.")
    return j
  }
  const publier = async () => {
    setEnCours(true)
    setMessage(null)
    try {
      const bilan = await appel(false)
      const n = bilan.decisions ?? 0
      const m = bilan.structures ?? 0
      const question = questionPublication(n, m, bilan.sansDecision ?? 0, bilan.dejaInformees ?? 0)
      if (!window.confirm(question)) return
      await appel(true)
      setMessage({ ok: true, texte: 'Décisions publiées.' })
      router.refresh()
    } catch (err) {
      setMessage({ ok: false, texte: (err as Error).message })
    } finally {
      setEnCours(false)
    }
  }
  if (publieesLe !== null)
    return (
      <p className="message-succes" role="status">
        {publieesLe ? `Décisions publiées le ${publieesLe}` : 'Décisions publiées'}
      </p>
    )
  return (
    <section className="instruction-en-lot__publication" aria-label="Publication des décisions">
      <p>
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          onClick={publier}
          disabled={enCours}
        >
          Publier les décisions
        </button>{' '}
        Les établissements liront alors avis et décisions et recevront un courriel.
      </p>
      <Annonce message={message} />
    </section>
  )
}
