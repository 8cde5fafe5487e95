'use client'
import type { RelationshipFieldClientComponent } from 'payload'
import { RelationshipField, useField } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { idDe } from '../../access/roles'

/**
 * An annexe's demande is the one it was added from (the server sets it, an annexe never changes demande): said,
 * not offered as a selector whose « + » would create another demande.
 */
export const ChampDemandeAnnexe: RelationshipFieldClientComponent = (props) => {
  const { value } = useField<unknown>({ path: props.path })
  const id = idDe(value)
  const [numero, setNumero] = useState<number | null>(null)

  useEffect(() => {
    if (id === null) return
    let actif = true
    fetch(`/api/demandes/${encodeURIComponent(String(id))}?depth=0&select[numero]=true`, {
      credentials: 'include',
    })
      .then((r) => (r.ok ? r.json() : null))
      .then((d: { numero?: number } | null) => {
        if (actif && typeof d?.numero === 'number') setNumero(d.numero)
      })
      .catch(() => undefined)
    return () => {
      actif = false
    }
  }, [id])

  // No demande yet (an annexe created from its own collection): the usual selector, without « + ».
  if (id === null)
    return (
      <RelationshipField
        {...props}
        field={{ ...props.field, admin: { ...props.field.admin, allowCreate: false } }}
      />
    )
  return (
    <div className="field-type demande-annexe" id={`field-${props.path.replace(/\./g, '__')}`}>
      <span className="field-label">Demande</span>
      <p className="demande-annexe__valeur">
        Jointe à la demande{numero !== null ? ` n° ${numero}` : ' en cours de saisie'}.
      </p>
    </div>
  )
}
