'use client'
import React, { useState } from 'react'

import { type BilanRecu, rapportCsv } from '../referentiel/rapport'

type Erreurs = { errors?: { message: string }[] }
type Reponse = { ok: boolean; status: number; corps: Partial<BilanRecu> & Erreurs }

const enTexte = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
    ? '—'
    : Array.isArray(v)
      ? v.join(', ')
      : String(v)
const pourcent = (part: number) => `${(Math.round(part * 1000) / 10).toLocaleString('fr-FR')} %`

/** One CSV as it is (text/csv), several files or a ZIP as a form (field « fichiers »). */
async function envoyer(url: string, fichiers: File[]): Promise<Reponse> {
  const seulCsv = fichiers.length === 1 && !/\.zip$/i.test(fichiers[0]!.name)
  let corps: BodyInit
  // The bytes as they are: the server reads their encoding (UTF-8, UTF-16, Windows-1252); `text()` would decode
  // them as UTF-8 here, turning a Windows file's « é » into « � ».
  if (seulCsv) corps = await fichiers[0]!.arrayBuffer()
  else {
    const formulaire = new FormData()
    for (const f of fichiers) formulaire.append('fichiers', f, f.name)
    corps = formulaire
  }
  try {
    const r = await fetch(url, {
      method: 'POST',
      credentials: 'include',
      // The browser sets the multipart boundary itself.
      ...(seulCsv ? { headers: { 'Content-Type': 'text/csv' } } : {}),
      body: corps,
    })
    return {
      ok: r.ok,
      status: r.status,
      corps: await r
        .json()
        .catch(() => ({ errors: [{ message: `Réponse inattendue du serveur (${r.status}).` }] })),
    }
  } catch {
    return {
      ok: false,
      status: 0,
      corps: { errors: [{ message: 'Le serveur ne répond pas : vérifiez votre connexion puis réessayez.' }] },
    }
  }
}

function telecharger(bilan: BilanRecu, type: string) {
  const url = URL.createObjectURL(new Blob([rapportCsv(bilan)], { type: 'text/csv;charset=utf-8' }))
  const lien = document.createElement('a')
  lien.href = url
  lien.download = `rapport-import-${type}${bilan.simulation ? '-simulation' : ''}.csv`
  document.body.appendChild(lien)
  lien.click()
  lien.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Editors: upload a newer annuaire or the BCN tables, see what would change (and what would be emptied), apply. */
export function FormulaireImportReferentiel() {
  const [type, setType] = useState<'etablissements' | 'diplomes'>('etablissements')
  const [fichiers, setFichiers] = useState<File[]>([])
  const [enCours, setEnCours] = useState(false)
  const [resultat, setResultat] = useState<Reponse | null>(null)
  const lancer = async (simulation: boolean, confirmer = false) => {
    if (!fichiers.length) return
    setEnCours(true)
    setResultat(
      await envoyer(
        `/api/referentiels/importer?type=${type}&simulation=${simulation}${confirmer ? '&confirmer=true' : ''}`,
        fichiers,
      ),
    )
    setEnCours(false)
  }
  // JSON from the server: its shape is the endpoint's, not something the client can check.
  const bilan = resultat && (resultat.ok || resultat.status === 409) ? (resultat.corps as BilanRecu) : null
  const refus = resultat && !resultat.ok ? resultat.corps.errors?.[0]?.message : null
  const ecrit = bilan && !bilan.simulation && !bilan.confirmationRequise
  return (
    <form onSubmit={(e) => e.preventDefault()} className="outil-editeur">
      <fieldset>
        <legend>Référentiel à mettre à jour</legend>
        <p>
          <input
            type="radio"
            id="type-etab"
            name="type"
            checked={type === 'etablissements'}
            onChange={() => {
              setType('etablissements')
              setResultat(null)
            }}
          />{' '}
          <label htmlFor="type-etab">
            Établissements (export de l&apos;Annuaire de l&apos;éducation, CSV)
          </label>
        </p>
        <p>
          <input
            type="radio"
            id="type-dipl"
            name="type"
            checked={type === 'diplomes'}
            onChange={() => {
              setType('diplomes')
              setResultat(null)
            }}
          />{' '}
          <label htmlFor="type-dipl">
            Diplômes (tables N_FORMATION_DIPLOME et N_MEF de la BCN, correspondance CFD → RNCP : plusieurs
            fichiers CSV ou un ZIP)
          </label>
        </p>
      </fieldset>
      <p>
        <label htmlFor="fichier-import">Fichiers (CSV, ou ZIP des tables de la BCN)</label>{' '}
        <input
          id="fichier-import"
          type="file"
          multiple
          accept=".csv,.zip,text/csv,application/zip"
          onChange={(e) => {
            setFichiers([...(e.target.files ?? [])])
            setResultat(null)
          }}
        />
      </p>
      <p className="field-description">
        Commencez par « Voir les changements » : rien n&apos;est modifié tant que vous n&apos;avez pas cliqué
        sur « Importer ». Les établissements hors champ (écoles, collèges…) et les diplômes hors champ (CPGE,
        licences…) sont comptés, ni créés ni refusés ; un établissement absent de l&apos;export est conservé.
        Une table de la BCN que vous n&apos;envoyez pas laisse ses champs tels quels.
      </p>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-medium"
        disabled={!fichiers.length || enCours}
        onClick={() => lancer(true)}
      >
        Voir les changements
      </button>{' '}
      <button
        type="button"
        className="btn btn--style-primary btn--size-medium"
        disabled={!fichiers.length || enCours}
        onClick={() => lancer(false)}
      >
        Importer
      </button>
      <div aria-live="polite">
        {enCours && <p>Lecture du fichier…</p>}
        {refus && (
          <div className="message-erreur" role="alert">
            <p>{refus}</p>
            {bilan?.confirmationRequise && (
              <button
                type="button"
                className="btn btn--style-primary btn--size-medium"
                disabled={enCours}
                onClick={() => lancer(false, true)}
              >
                Confirmer et importer quand même
              </button>
            )}
          </div>
        )}
        {bilan && (
          <div className={ecrit ? 'message-succes' : 'message-info'} role="status">
            <p>
              {ecrit ? 'Import terminé. ' : bilan.simulation ? 'Simulation : ' : 'Import refusé : '}
              {bilan.message}
            </p>
            <table className="tableau-demandes">
              <caption>Champs que l’import viderait</caption>
              <thead>
                <tr>
                  <th scope="col">Champ</th>
                  <th scope="col">Lignes vidées</th>
                  <th scope="col">Part des lignes comparées</th>
                </tr>
              </thead>
              <tbody>
                {bilan.vides.length === 0 ? (
                  <tr>
                    <td colSpan={3}>Aucun champ ne serait vidé.</td>
                  </tr>
                ) : (
                  bilan.vides.map((v) => (
                    <tr key={v.champ}>
                      <td>{v.libelle}</td>
                      <td>{v.nombre}</td>
                      <td>{pourcent(v.part)}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
            {bilan.simulation && bilan.garde.length > 0 && (
              <p className="avertissement">
                « Importer » sera refusé : {bilan.garde.map((v) => `« ${v.libelle} »`).join(', ')} serait vidé
                sur plus de 1 % des lignes. Vérifiez le fichier ; s&apos;il est juste, vous pourrez confirmer
                l&apos;import.
              </p>
            )}
            <p>
              <button
                type="button"
                className="btn btn--style-secondary btn--size-small"
                onClick={() => telecharger(bilan, type)}
              >
                Télécharger le rapport (CSV)
              </button>
            </p>
            {bilan.changements.length > 0 && (
              <table className="tableau-demandes">
                <caption>{ecrit ? 'Changements faits' : 'Changements que ferait l’import'}</caption>
                <thead>
                  <tr>
                    <th scope="col">{bilan.cle}</th>
                    <th scope="col">Opération</th>
                    <th scope="col">Champs (avant → après)</th>
                  </tr>
                </thead>
                <tbody>
                  {bilan.changements.map((c) => (
                    <tr key={c.cle}>
                      <td>{c.cle}</td>
                      <td>{c.operation === 'creation' ? 'Création' : 'Modification'}</td>
                      <td>
                        {Object.entries(c.champs)
                          .map(([k, v]) =>
                            c.operation === 'creation'
                              ? `${bilan.libelles?.[k] ?? k} : ${enTexte(v.apres)}`
                              : `${bilan.libelles?.[k] ?? k} : ${enTexte(v.avant)} → ${enTexte(v.apres)}`,
                          )
                          .join(' ; ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {bilan.absentsExport.nombre > 0 && (
              <details>
                <summary>
                  {bilan.absentsExport.nombre} absent(s) de l&apos;export, conservé(s) sans changement
                </summary>
                <p>{bilan.absentsExport.cles.join(', ')}</p>
              </details>
            )}
            {bilan.rejetes.length > 0 && (
              <>
                <p>Lignes refusées :</p>
                <ul className="liste-erreurs">
                  {bilan.rejetes.slice(0, 200).map((r, i) => (
                    <li key={i}>
                      Ligne {r.ligne} : {r.raison}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
    </form>
  )
}
