'use client'
import type { RelationshipFieldClientComponent } from 'payload'
import { FieldError, useAuth, useField } from '@payloadcms/ui'
import React, { useEffect, useId, useState } from 'react'

import { idDe, rattachementDe } from '../../access/roles'
import type { Etablissement, User } from '../payload-types'
import { normaliserUai, verifierUai } from '../uai'

// The id is a number on SQLite, a string on MongoDB (the generated types say number).
type EtablissementLu = Pick<Etablissement, 'uai' | 'nom' | 'commune'> & { id: number | string }

async function chercher(query: string): Promise<EtablissementLu | null> {
  const r = await fetch(`/api/etablissements${query}`, { credentials: 'include' })
  if (!r.ok) return null
  const corps = await r.json()
  return (corps.docs ? corps.docs[0] : corps) ?? null
}

/**
 * "Code UAI de l'établissement concerné": typed as the guide shows it (8 characters, counter 0/8), checked
 * letter by letter against the UAI key, and resolved to the établissement's name once valid.
 */
export const ChampUai: RelationshipFieldClientComponent = ({ path, readOnly, field }) => {
  const { value, setValue, showError, errorMessage } = useField<number | string | null>({ path })
  const { user } = useAuth<User>()
  const [saisie, setSaisie] = useState('')
  const [etablissement, setEtablissement] = useState<EtablissementLu | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const idChamp = useId()
  const idAide = `${idChamp}-aide`

  // Existing value: show its UAI. New demande of an établissement account: its own UAI, the only one allowed.
  useEffect(() => {
    const propre = rattachementDe(user) === 'etablissement' ? idDe(user?.etablissement) : null
    const id = value ?? propre
    if (id === null || id === undefined || id === '' || etablissement?.id === id) return
    chercher(`/${id}?depth=0`).then((e) => {
      if (!e) return
      setEtablissement(e)
      setSaisie(e.uai)
      if (value !== e.id) setValue(e.id)
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, user])

  const changer = async (brut: string) => {
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
    setMessage(null)
    setEtablissement(trouve)
    setValue(trouve.id)
  }

  const libelle = typeof field.label === 'string' ? field.label : "Code UAI de l'établissement concerné"
  return (
    <div className="field-type champ-uai requis-validation" id={`field-${path.replace(/\./g, '__')}`}>
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
          readOnly={readOnly}
          aria-invalid={Boolean(message) || showError}
          aria-describedby={idAide}
          onChange={(e) => void changer(e.target.value)}
          placeholder="0340042L"
        />
        <span className="champ-uai__compteur" aria-hidden="true">
          {saisie.length}/8
        </span>
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
      </div>
      {showError && <FieldError message={errorMessage} path={path} showError />}
    </div>
  )
}
