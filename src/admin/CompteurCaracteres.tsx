'use client'
import { useField } from '@payloadcms/ui'
import React from 'react'

import { RAPPORT_MAX } from '../regles/enums'
import { longueurUnicode } from '../regles/unicode'

const nombre = new Intl.NumberFormat('fr-FR')

/** "n / 5 000" under the rapport d'opportunité, counted in characters as the rule counts them. */
export function CompteurCaracteres({ path }: { path: string }) {
  const { value } = useField<string>({ path })
  const n = longueurUnicode(value ?? '')
  const depasse = n > RAPPORT_MAX
  return (
    <p className={`compteur-caracteres${depasse ? ' compteur-caracteres--depasse' : ''}`} aria-live="polite">
      {nombre.format(n)} / {nombre.format(RAPPORT_MAX)} caractères
      {depasse ? ` : ${nombre.format(n - RAPPORT_MAX)} de trop` : ''}
    </p>
  )
}
