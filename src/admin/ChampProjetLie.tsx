'use client'
import type { NumberFieldClientComponent } from 'payload'
import { FieldError, useDocumentInfo, useField } from '@payloadcms/ui'
import React, { useEffect, useId, useState } from 'react'

import { libelle, MESURES } from '../regles/enums'
import { libelleSansType } from '../regles/validationDemande'

type DemandeLue = {
  id: number | string
  numero?: number | null
  mesure?: string | null
  diplome?: { typeDiplome?: string | null; libelle?: string | null } | number | string | null
  dureeFormation?: number | null
  anneeFormation?: number | null
}

/** « N° 16819 — CAP Cuisine, 1re année en 2 ans — Ouverture »: what a secretary recognises of her demandes. */
export function libelleDemande(d: DemandeLue): string {
  const diplome =
    d.diplome && typeof d.diplome === 'object' && d.diplome.libelle
      ? `${d.diplome.typeDiplome ?? ''} ${libelleSansType(d.diplome.libelle)}`.trim()
      : 'diplôme à choisir'
  const annee =
    d.anneeFormation && d.dureeFormation
      ? `, ${d.anneeFormation === 1 ? '1re' : `${d.anneeFormation}e`} année en ${d.dureeFormation} an${d.dureeFormation > 1 ? 's' : ''}`
      : ''
  return `N° ${d.numero} — ${diplome}${annee} — ${libelle(MESURES, d.mesure) || 'mesure à préciser'}`
}

/** `demandeLiee` has no input of its own: the form sets it through its numero (hooks/demandes/projetLie.ts). */
export function LienSansChamp() {
  return null
}

/**
 * « Si oui, indiquez l'identifiant du projet concerné »: the numero, typed (another établissement's, as its filer
 * gave it) or picked among the filer's own demandes, the demande itself excepted. The server checks that it exists
 * and never says more of another's demande. The input carries the id of `demandeLiee`, the path validation names.
 */
export const ChampProjetLie: NumberFieldClientComponent = ({ path, readOnly, field }) => {
  const { value, setValue, showError, errorMessage } = useField<number | null>({ path })
  const { id } = useDocumentInfo()
  const [siennes, setSiennes] = useState<DemandeLue[]>([])
  const base = useId()

  useEffect(() => {
    if (readOnly) return
    const select = ['numero', 'mesure', 'diplome', 'dureeFormation', 'anneeFormation']
      .map((c) => `select[${c}]=true`)
      .join('&')
    fetch(`/api/demandes?depth=1&limit=200&sort=-numero&${select}`, { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : { docs: [] }))
      .then((corps: { docs: DemandeLue[] }) =>
        setSiennes((corps.docs ?? []).filter((d) => String(d.id) !== String(id) && d.numero)),
      )
      .catch(() => setSiennes([]))
  }, [id, readOnly])

  const libelleChamp = typeof field?.label === 'string' ? field.label : 'Identifiant du projet concerné'
  const aide = `${base}-aide`
  return (
    <div className="field-type number champ-projet-lie requis-validation">
      <label className="field-label" htmlFor="field-demandeLiee">
        {libelleChamp}
      </label>
      <input
        id="field-demandeLiee"
        name={path}
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        value={value ?? ''}
        readOnly={readOnly}
        aria-describedby={aide}
        aria-invalid={showError}
        onChange={(e) => setValue(e.target.value === '' ? null : Number(e.target.value))}
      />
      {siennes.length > 0 && !readOnly && (
        <div className="champ-projet-lie__choix">
          <label htmlFor={`${base}-siennes`}>ou choisissez l&apos;une de vos demandes</label>
          <select
            id={`${base}-siennes`}
            value={siennes.some((d) => d.numero === value) ? String(value) : ''}
            onChange={(e) => setValue(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">—</option>
            {siennes.map((d) => (
              <option key={String(d.id)} value={String(d.numero)}>
                {libelleDemande(d)}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="field-description" id={aide}>
        Le n° de projet : celui d&apos;une de vos demandes, ou celui que le responsable du projet lié vous a
        transmis (il le trouve sur son tableau de bord).
      </p>
      {showError && <FieldError message={errorMessage} path={path} showError />}
    </div>
  )
}
