'use client'
import { FieldError, useField } from '@payloadcms/ui'
import React, { useEffect, useId, useMemo, useState } from 'react'

import type { Diplome } from '../payload-types'
import { formationEnClair, libelleSansType } from '../regles/validationDemande'

// The id is a number on SQLite, a string on MongoDB (the generated types say number).
export type DiplomeLu = Pick<Diplome, 'cfd' | 'libelle' | 'typeDiplome' | 'durees'> & {
  id: number | string
  ouvert?: boolean | null
}

const ORDRE_TYPES = [
  'CAP',
  'CAPA',
  'BAC PRO',
  'BAC PRO AG',
  'BP',
  'BPA4',
  'BPA5',
  'BTS',
  'BTSA',
  'MC',
  'CS 3',
  'CS 4',
  'CSA NIV3',
  'CSA NIV4',
  'CSA NIV5',
  'BMA',
  'DMA',
  'DNMADE',
]
const rang = (t: string) => (ORDRE_TYPES.includes(t) ? ORDRE_TYPES.indexOf(t) : 100)

/** Accents and case do not matter when searching "ebeniste" or "Ébéniste". */
const plier = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

/**
 * The guide's tree: type de diplôme → diplôme (searchable by libellé or code) → durée → année, read back as
 * "1re année du CAP Ébéniste en 2 ans". It fills `diplome`, `dureeFormation` and `anneeFormation`. The chosen
 * diplôme comes from the server (src/admin/ChampDiplome.tsx): shown from the first paint; read-only, the list of
 * every diplôme is not fetched at all.
 */
export function ChoixDiplome({
  path,
  readOnly,
  initial = null,
}: {
  path: string
  readOnly?: boolean
  initial?: DiplomeLu | null
}) {
  const diplome = useField<number | string | null>({ path })
  const duree = useField<number | null>({ path: 'dureeFormation' })
  const annee = useField<number | null>({ path: 'anneeFormation' })
  const [liste, setListe] = useState<DiplomeLu[]>(initial ? [initial] : [])
  const [type, setType] = useState(initial?.typeDiplome ?? '')
  const [recherche, setRecherche] = useState('')
  const base = useId()

  useEffect(() => {
    if (readOnly) return
    const params =
      'where[ouvert][equals]=true&limit=3000&depth=0&sort=libelle&select[cfd]=true&select[libelle]=true&select[typeDiplome]=true&select[durees]=true'
    fetch(`/api/diplomes?${params}`, { credentials: 'include' })
      .then((r) => r.json())
      .then(async (corps: { docs: DiplomeLu[] }) => {
        let docs = corps.docs
        // A draft may point at a diplôme closed since: keep it visible so that the user sees what to change.
        if (diplome.value && !docs.some((d) => String(d.id) === String(diplome.value))) {
          const r = await fetch(`/api/diplomes/${diplome.value}?depth=0`, { credentials: 'include' })
          if (r.ok) docs = [...docs, await r.json()]
        }
        setListe(docs)
      })
      .catch(() => undefined)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const choisi = liste.find((d) => String(d.id) === String(diplome.value)) ?? null
  useEffect(() => {
    if (choisi && !type) setType(choisi.typeDiplome)
  }, [choisi, type])

  const types = useMemo(
    () =>
      [...new Set(liste.map((d) => d.typeDiplome))].sort((a, b) => rang(a) - rang(b) || a.localeCompare(b)),
    [liste],
  )
  const candidats = useMemo(() => {
    const q = plier(recherche.trim())
    return liste
      .filter(
        (d) =>
          (!type || d.typeDiplome === type) &&
          (!q || plier(d.libelle).includes(q) || d.cfd.toLowerCase().includes(q)),
      )
      .slice(0, 200)
  }, [liste, type, recherche])

  const choisirDiplome = (id: string) => {
    const d = liste.find((x) => String(x.id) === id)
    diplome.setValue(d ? d.id : null)
    const unique = d && d.durees.length === 1 ? d.durees[0]! : null
    duree.setValue(unique)
    annee.setValue(unique ? 1 : null)
  }

  const lecture = choisi
    ? formationEnClair(
        { anneeFormation: annee.value, dureeFormation: duree.value },
        { ...choisi, libelle: choisi.libelle, ouvert: true },
      )
    : ''
  const mesureLisible = choisi
    ? `${lecture}${choisi.ouvert === false ? ' — ce diplôme est fermé' : ''}`
    : 'Aucun diplôme choisi.'

  return (
    <fieldset className="choix-diplome requis-validation" id={`field-${path}`} disabled={readOnly}>
      <legend className="field-label">
        Diplôme, durée et année de formation<span className="required">*</span>
      </legend>
      <div className="choix-diplome__grille">
        <div>
          <label htmlFor={`${base}-type`}>Type de diplôme</label>
          <select id={`${base}-type`} value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">Tous les types</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${base}-recherche`}>Rechercher (libellé ou code diplôme)</label>
          <input
            id={`${base}-recherche`}
            type="search"
            value={recherche}
            onChange={(e) => setRecherche(e.target.value)}
            placeholder="ébéniste, cuisine, 50023445…"
          />
        </div>
      </div>
      <label htmlFor={`${base}-diplome`}>
        Diplôme ({candidats.length}
        {candidats.length === 200 ? '+' : ''} proposés)
      </label>
      <select
        id={`${base}-diplome`}
        data-ancre={`field-${path}`}
        size={8}
        className="choix-diplome__liste"
        value={diplome.value ? String(diplome.value) : ''}
        onChange={(e) => choisirDiplome(e.target.value)}
      >
        {candidats.map((d) => (
          <option key={String(d.id)} value={String(d.id)}>
            {d.typeDiplome} {libelleSansType(d.libelle)} — {d.cfd}
          </option>
        ))}
        {choisi && !candidats.some((d) => d.id === choisi.id) && (
          <option value={String(choisi.id)}>
            {choisi.typeDiplome} {libelleSansType(choisi.libelle)} — {choisi.cfd}
          </option>
        )}
      </select>
      <div className="choix-diplome__grille">
        <div className="requis-validation" data-bloc>
          <label htmlFor={`${base}-duree`}>Durée de la formation</label>
          <select
            id={`${base}-duree`}
            data-ancre="field-dureeFormation"
            data-sinon={`field-${path}`}
            value={duree.value ?? ''}
            disabled={!choisi}
            onChange={(e) => {
              const v = e.target.value ? Number(e.target.value) : null
              duree.setValue(v)
              if (v && annee.value && annee.value > v) annee.setValue(null)
            }}
          >
            <option value="">—</option>
            {(choisi?.durees ?? []).map((n) => (
              <option key={n} value={n}>
                en {n} an{n > 1 ? 's' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="requis-validation" data-bloc>
          <label htmlFor={`${base}-annee`}>Année de formation</label>
          <select
            id={`${base}-annee`}
            data-ancre="field-anneeFormation"
            data-sinon="field-dureeFormation"
            value={annee.value ?? ''}
            disabled={!duree.value}
            onChange={(e) => annee.setValue(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">—</option>
            {Array.from({ length: duree.value ?? 0 }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n === 1 ? '1re' : `${n}e`} année
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="choix-diplome__lecture" aria-live="polite">
        {mesureLisible}
      </p>
      <p className="field-description">
        Si la formation proposée n&apos;est pas dans la liste, vérifiez son existence (arrêté de création au
        Journal officiel, code RNCP, code diplôme) puis contactez le Carif-Oref, qui l&apos;ajoutera.
      </p>
      {diplome.showError && <FieldError message={diplome.errorMessage} path={path} showError />}
    </fieldset>
  )
}
