import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { peut } from '../../access/roles'
import { FormulaireImportReferentiel } from './FormulaireImportReferentiel'
import { FormulaireComptesEnMasse } from './outilsEditeur'
import { Gabarit } from './vues'

function Reserve({ props }: { props: AdminViewServerProps }) {
  return (
    <Gabarit props={props}>
      <h1>Accès réservé</h1>
      <p>Cette page est réservée au Carif-Oref et à l&apos;administrateur de la plateforme.</p>
    </Gabarit>
  )
}

/** /admin/comptes-en-masse */
export function ComptesEnMasse(props: AdminViewServerProps) {
  if (!peut(props.initPageResult.req, 'gererReferentiels')) return <Reserve props={props} />
  return (
    <Gabarit props={props}>
      <h1>Créer des comptes établissement</h1>
      <p>
        Un compte par établissement, dont l&apos;identifiant est le code UAI. Chaque établissement reçoit,
        s&apos;il est invité, un courriel avec un lien pour choisir son mot de passe. Pour désactiver un
        compte, ouvrez-le dans <a href="/admin/collections/users">Comptes</a> et décochez « Compte actif ».
      </p>
      <FormulaireComptesEnMasse />
    </Gabarit>
  )
}

/** /admin/import-referentiels */
export function ImportReferentiels(props: AdminViewServerProps) {
  if (!peut(props.initPageResult.req, 'gererReferentiels')) return <Reserve props={props} />
  return (
    <Gabarit props={props}>
      <h1>Mettre à jour un référentiel</h1>
      <p>
        Importez l&apos;export de l&apos;Annuaire de l&apos;éducation tel que vous le recevez, ou les tables
        de la BCN (N_FORMATION_DIPLOME, N_MEF et la correspondance CFD → RNCP). Les lignes nouvelles sont
        créées, les lignes modifiées mises à jour ; rien n&apos;est supprimé (un diplôme fermé reste lié aux
        demandes anciennes, un établissement fermé est marqué « Fermé »).
      </p>
      <FormulaireImportReferentiel />
    </Gabarit>
  )
}
