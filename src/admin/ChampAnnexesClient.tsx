'use client'
import type { JoinFieldClientProps } from 'payload'
import { JoinField, useDocumentInfo, useForm } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

// Set just before the first save that « Ajouter une annexe » asks for; read on the saved demande's page.
const CLE_OUVRIR = 'carte-formations:ajouter-annexe'
const DELAI_MS = 60_000

/** Payload's own « Ajouter » of the annexes table, once it is rendered. */
function ouvrirLeTiroir(path: string, essais = 50) {
  const bouton = document.querySelector<HTMLButtonElement>(
    `#field-${path.replace(/\./g, '__')} .relationship-table__add-new`,
  )
  if (bouton) bouton.click()
  else if (essais > 0) setTimeout(() => ouvrirLeTiroir(path, essais - 1), 100)
}

/**
 * A new demande has no id for an annexe to point at: « Ajouter une annexe » saves the draft first (the filer would
 * save it anyway), then the annexe drawer opens on the saved demande. Once saved, Payload's table of annexes.
 */
export function ChampAnnexesClient({
  field,
  path,
  peutAjouter,
}: {
  field: JoinFieldClientProps['field']
  path: string
  peutAjouter: boolean
}) {
  const { id } = useDocumentInfo()
  const { submit, getFields } = useForm()
  const [envoi, setEnvoi] = useState(false)

  useEffect(() => {
    if (id === undefined || !peutAjouter) return
    const demande = sessionStorage.getItem(CLE_OUVRIR)
    if (!demande) return
    sessionStorage.removeItem(CLE_OUVRIR)
    if (Date.now() - Number(demande) < DELAI_MS) ouvrirLeTiroir(path)
  }, [id, path, peutAjouter])

  if (id !== undefined)
    return (
      <JoinField
        field={
          { ...field, admin: { ...field.admin, allowCreate: peutAjouter } } as JoinFieldClientProps['field']
        }
        path={path}
      />
    )

  const ajouter = async () => {
    setEnvoi(true)
    sessionStorage.setItem(CLE_OUVRIR, String(Date.now()))
    await submit()
    // Refused (a field to correct): no drawer on a later save.
    if (Object.values(getFields()).some((f) => f.valid === false)) sessionStorage.removeItem(CLE_OUVRIR)
    setEnvoi(false)
  }
  const description = typeof field.admin?.description === 'string' ? field.admin.description : null
  return (
    <div className="field-type champ-annexes" id={`field-${path.replace(/\./g, '__')}`}>
      <h4 className="champ-annexes__titre">Annexes</h4>
      <p>Aucune annexe pour l&apos;instant.</p>
      {peutAjouter ? (
        <p>
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small champ-annexes__ajouter"
            disabled={envoi}
            onClick={() => void ajouter()}
          >
            Ajouter une annexe
          </button>{' '}
          <span className="field-description">
            La demande est d&apos;abord enregistrée en brouillon, puis vous choisissez le fichier.
          </span>
        </p>
      ) : null}
      {description ? <p className="field-description">{description}</p> : null}
    </div>
  )
}
