'use client'
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { avertissementDoublon, CHAMPS_DOUBLON, critereDoublons, numerosDoublons } from '../regles/doublons'

/** `where` as Payload's REST reads it in a query string (where[and][0][mesure][equals]=ouverture). */
function parametres(valeur: unknown, prefixe: string): string[] {
  if (valeur && typeof valeur === 'object')
    return Object.entries(valeur).flatMap(([cle, v]) => parametres(v, `${prefixe}[${cle}]`))
  return [`${encodeURIComponent(prefixe)}=${encodeURIComponent(String(valeur))}`]
}

/**
 * Beside the mesure: warns, as soon as the form names a validated demande's établissement, diplôme, durée, année,
 * mesure and rentrée, that it duplicates it (saving the draft stays possible; validating asks for a confirmation).
 * It asks the REST API with the filer's own session: only demandes the filer may read are found.
 */
export function AvertissementDoublon() {
  const { id } = useDocumentInfo()
  const valeurs = useFormFields(([champs]) =>
    CHAMPS_DOUBLON.map((c) => champs[c]?.value as number | string | null | undefined),
  )
  const [numeros, setNumeros] = useState<number[]>([])
  const cle = JSON.stringify(valeurs)

  useEffect(() => {
    const demande = {
      id: id ?? null,
      ...Object.fromEntries(CHAMPS_DOUBLON.map((c, i) => [c, valeurs[i]])),
    }
    const critere = critereDoublons(demande)
    if (!critere) {
      setNumeros([])
      return
    }
    const select = ['numero', 'statut', ...CHAMPS_DOUBLON].map((c) => `select[${c}]=true`).join('&')
    const requete = `/api/demandes?depth=0&limit=20&${select}&${parametres(critere, 'where').join('&')}`
    const annule = new AbortController()
    const minuterie = setTimeout(() => {
      fetch(requete, { credentials: 'include', signal: annule.signal })
        .then((r) => (r.ok ? r.json() : { docs: [] }))
        .then((corps: { docs: Parameters<typeof numerosDoublons>[1] }) =>
          setNumeros(numerosDoublons(demande, corps.docs ?? [])),
        )
        .catch(() => undefined)
    }, 300)
    return () => {
      clearTimeout(minuterie)
      annule.abort()
    }
    // `cle` stands for the six values.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cle, id])

  if (numeros.length === 0) return null
  return (
    <div className="avertissement avertissement-doublon" role="status">
      <p>{avertissementDoublon(numeros)}</p>
    </div>
  )
}
