'use client'
import { useSearchParams } from 'next/navigation'
import React, { useState } from 'react'

import {
  autresParametres,
  type Filtres,
  filtresDesParametres,
  parametresDuWhere,
  whereDesFiltres,
} from './filtresDemandes'

type Option = { value: string; label: string }

/** Navigates to the list with the filters' `where` (a full load: the list, its count and the export follow it). */
function aller(parametres: [string, string][]) {
  const requete = new URLSearchParams(parametres).toString()
  window.location.assign(`${window.location.pathname}${requete ? `?${requete}` : ''}`)
}

function Choix({
  id,
  libelle,
  options,
  valeur,
  changer,
}: {
  id: string
  libelle: string
  options: Option[]
  valeur: string | undefined
  changer: (v: string) => void
}) {
  return (
    <div className="filtres-liste__champ">
      <label htmlFor={id}>{libelle}</label>
      <select id={id} value={valeur ?? ''} onChange={(e) => changer(e.target.value)}>
        <option value="">Tous</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/** The filter form: shows the values the address carries, writes them back as `where[...]` parameters. */
export function BarreFiltres(props: {
  academies: Option[]
  departements: Option[]
  types: Option[]
  mesures: Option[]
  statuts: Option[]
  sansAvis: boolean
  sansDecision: boolean
}) {
  const parametres = useSearchParams()
  const actuels = filtresDesParametres([...parametres.entries()])
  const [f, setF] = useState<Filtres>(actuels)
  const changer = (cle: keyof Filtres) => (v: string | boolean) =>
    setF((x) => ({ ...x, [cle]: v || undefined }))
  const appliquer = (e: React.FormEvent) => {
    e.preventDefault()
    aller([...autresParametres([...parametres.entries()]), ...parametresDuWhere(whereDesFiltres(f))])
  }
  const actif =
    Object.values(actuels).some(Boolean) || [...parametres.keys()].some((k) => k.startsWith('where'))
  return (
    <form className="filtres-liste" onSubmit={appliquer} aria-label="Filtrer les demandes">
      <Choix
        id="filtre-academie"
        libelle="Académie"
        options={props.academies}
        valeur={f.academie}
        changer={changer('academie')}
      />
      <Choix
        id="filtre-departement"
        libelle="Département"
        options={props.departements}
        valeur={f.departement}
        changer={changer('departement')}
      />
      <div className="filtres-liste__champ">
        <label htmlFor="filtre-etablissement">Établissement (code UAI ou nom)</label>
        <input
          id="filtre-etablissement"
          type="search"
          value={f.etablissement ?? ''}
          onChange={(e) => changer('etablissement')(e.target.value)}
        />
      </div>
      <Choix
        id="filtre-type"
        libelle="Type de diplôme"
        options={props.types}
        valeur={f.typeDiplome}
        changer={changer('typeDiplome')}
      />
      <Choix
        id="filtre-mesure"
        libelle="Mesure"
        options={props.mesures}
        valeur={f.mesure}
        changer={changer('mesure')}
      />
      <Choix
        id="filtre-statut"
        libelle="Statut"
        options={props.statuts}
        valeur={f.statut}
        changer={changer('statut')}
      />
      {props.sansAvis && (
        <label className="filtres-liste__case">
          <input
            type="checkbox"
            checked={Boolean(f.sansAvis)}
            onChange={(e) => changer('sansAvis')(e.target.checked)}
          />{' '}
          Sans avis
        </label>
      )}
      {props.sansDecision && (
        <label className="filtres-liste__case">
          <input
            type="checkbox"
            checked={Boolean(f.sansDecision)}
            onChange={(e) => changer('sansDecision')(e.target.checked)}
          />{' '}
          Sans décision
        </label>
      )}
      <div className="filtres-liste__boutons">
        <button type="submit" className="btn btn--style-primary btn--size-small">
          Filtrer
        </button>
        {actif && (
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            onClick={() => aller(autresParametres([...parametres.entries()]))}
          >
            Effacer les filtres
          </button>
        )}
      </div>
    </form>
  )
}
