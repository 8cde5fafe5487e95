'use client'
import type { RelationshipFieldClientProps } from 'payload'
import { FieldError, useField } from '@payloadcms/ui'
import React, { useEffect, useId, useState } from 'react'

import { dansLePerimetre, type PerimetreDepot } from '../../access/perimetreDepot'
import type { Etablissement } from '../payload-types'
import { normaliserUai, verifierUai } from '../uai'

// The id is a number on SQLite, a string on MongoDB (the generated types say number).
export type EtablissementLu = Pick<Etablissement, 'uai' | 'nom' | 'commune' | 'ministere'> & {
  id: number | string
}

async function chercher(query: string): Promise<EtablissementLu | null> {
  const r = await fetch(`/api/etablissements${query}`, { credentials: 'include' })
  if (!r.ok) return null
  const corps = await r.json()
  return (corps.docs ? corps.docs[0] : corps) ?? null
}

type Props = Pick<RelationshipFieldClientProps, 'field' | 'path' | 'readOnly'> & {
  /** The établissement of the stored value (a school's own on a new form), read by the server. */
  initial?: EtablissementLu | null
  /** A school files only for itself: its UAI is shown, not typed. */
  fixe?: boolean
  /** Where the account may file, and the save's refusal with « {uai} » for the typed code. */
  perimetre?: PerimetreDepot
  refus?: string | null
}

/**
 * "Code UAI de l'établissement concerné": typed as the guide shows it (8 characters, counter 0/8), checked
 * letter by letter against the UAI key, resolved to the établissement's name once valid, and refused at once when
 * the account may not file for it (src/admin/ChampEtablissementConcerne.tsx gives the rule).
 */
export function ChampUai({ path, readOnly, field, initial = null, fixe = false, perimetre, refus }: Props) {
  const { value, setValue, showError, errorMessage } = useField<number | string | null>({ path })
  const [saisie, setSaisie] = useState(initial?.uai ?? '')
  const [etablissement, setEtablissement] = useState<EtablissementLu | null>(initial)
  const [message, setMessage] = useState<string | null>(null)
  const idChamp = useId()
  const idAide = `${idChamp}-aide`
  const verrouille = Boolean(readOnly) || fixe

  // A school's new demande: its own établissement, the only one allowed, recorded in the form from the start.
  useEffect(() => {
    if (fixe && initial && String(value) !== String(initial.id)) setValue(initial.id)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fixe, initial?.id])

  // A value the server did not give (set by another part of the form): its UAI and name.
  useEffect(() => {
    if (value === null || value === undefined || value === '' || String(etablissement?.id) === String(value))
      return
    chercher(`/${value}?depth=0`).then((e) => {
      if (!e) return
      setEtablissement(e)
      setSaisie(e.uai)
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value])

  const changer = async (brut: string) => {
    if (verrouille) return
    const uai = normaliserUai(brut).slice(0, 8)
    setSaisie(uai)
    setEtablissement(null)
    if (uai.length < 8) {
      setMessage(null)
      if (value) setValue(null)
      return
    }
    const verification = verifierUai(uai)
    if (!verification.valide) {
      setMessage(verification.message)
      setValue(null)
      return
    }
    const trouve = await chercher(`?where[uai][equals]=${encodeURIComponent(uai)}&depth=0&limit=1`)
    if (!trouve) {
      setMessage(
        `Aucun établissement de l'annuaire n'a le code UAI ${uai}. Vérifiez votre saisie ou contactez le Carif-Oref.`,
      )
      setValue(null)
      return
    }
    if (perimetre && !dansLePerimetre(perimetre, trouve)) {
      setMessage(
        (refus ?? "Vous ne pouvez pas déposer de demande pour l'établissement {uai}.").replace('{uai}', uai),
      )
      setValue(null)
      return
    }
    setMessage(null)
    setEtablissement(trouve)
    setValue(trouve.id)
  }

  const libelle = typeof field.label === 'string' ? field.label : "Code UAI de l'établissement concerné"
  return (
    <div
      className={`field-type champ-uai requis-validation${verrouille ? ' champ-uai--fixe read-only' : ''}`}
      id={`field-${path.replace(/\./g, '__')}`}
    >
      <label className="field-label" htmlFor={idChamp}>
        {libelle}
        <span className="required">*</span>
      </label>
      <div className="champ-uai__saisie">
        <input
          id={idChamp}
          type="text"
          value={saisie}
          maxLength={8}
          autoComplete="off"
          spellCheck={false}
          readOnly={verrouille}
          aria-readonly={verrouille || undefined}
          aria-invalid={Boolean(message) || showError}
          aria-describedby={idAide}
          onChange={(e) => void changer(e.target.value)}
          placeholder="0340042L"
        />
        {verrouille ? null : (
          <span className="champ-uai__compteur" aria-hidden="true">
            {saisie.length}/8
          </span>
        )}
      </div>
      <div id={idAide} className="champ-uai__aide" aria-live="polite">
        {message ? <span className="champ-uai__erreur">{message}</span> : null}
        {etablissement ? (
          <span className="champ-uai__nom">
            {etablissement.nom}
            {etablissement.commune ? ` (${etablissement.commune})` : ''}
          </span>
        ) : null}
        {!message && !etablissement ? (
          <span>{saisie.length}/8 caractères : 7 chiffres suivis de la lettre clé.</span>
        ) : null}
        {fixe && !readOnly ? (
          <span className="field-description">
            Votre établissement : vous déposez les demandes qui le concernent.
          </span>
        ) : null}
      </div>
      {showError && <FieldError message={errorMessage} path={path} showError />}
    </div>
  )
}
