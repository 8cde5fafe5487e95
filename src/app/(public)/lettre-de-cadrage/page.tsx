import { RichText } from '@payloadcms/richtext-lexical/react'
import React from 'react'

import { sansLiensInterdits } from '../../../liens'
import { campagnePublique } from '../campagne'

export const dynamic = 'force-dynamic'

export default async function LettreDeCadrage() {
  const campagne = await campagnePublique()
  return (
    <article className="accueil">
      <p>
        <a href="/">← Retour à l&apos;accueil</a>
      </p>
      <h1>Lettre de cadrage — rentrée {campagne.rentree}</h1>
      {campagne.lettreDeCadrage ? (
        <RichText data={sansLiensInterdits(campagne.lettreDeCadrage)} />
      ) : (
        <p>La lettre de cadrage de la campagne n&apos;est pas encore publiée.</p>
      )}
    </article>
  )
}
