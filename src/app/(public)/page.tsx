import { RichText } from '@payloadcms/richtext-lexical/react'
import React from 'react'

import { sansLiensInterdits } from '../../liens'

import { etatCampagne, formaterInstant, jusquAuCloture } from '../../campagne'
import type { Campagne, Document as FichierDocument } from '../../payload-types'
import { campagnePublique } from './campagne'

export const dynamic = 'force-dynamic'

/** A document of the campagne whose file is populated (depth 1) and has a public URL. */
type DocumentPublie = NonNullable<Campagne['documents']>[number] & {
  fichier: FichierDocument & { url: string }
}

/** The home page of the guide: the call for projects, the documents to consult, how to sign in and file. */
export default async function Accueil() {
  const campagne = await campagnePublique()
  const etat = etatCampagne(campagne)
  const support = campagne.contactSupport || 'support.carte@cariforefoccitanie.fr'
  const documents = (campagne.documents ?? []).filter((d): d is DocumentPublie =>
    Boolean(d.fichier && typeof d.fichier === 'object' && d.fichier.url),
  )
  return (
    <div className="accueil">
      <h1>
        Appel à projets
        <span className="accueil__sous-titre">
          Évolution de la carte régionale des formations professionnelles initiales — rentrée{' '}
          {campagne.rentree}
        </span>
      </h1>
      <p className={`campagne campagne--${etat}`} role="status">
        {etat === 'ouverte' && `La saisie des demandes est ouverte ${jusquAuCloture(campagne)}.`}
        {etat === 'pas-encore-ouverte' &&
          `La saisie des demandes ouvrira le ${formaterInstant(campagne.ouverture)}.`}
        {etat === 'close' &&
          `La saisie des demandes est close depuis le ${formaterInstant(campagne.cloture)}.`}
        {etat === 'non-configuree' && 'Les dates de la campagne de saisie seront annoncées prochainement.'}
      </p>
      <div className="accueil__colonnes">
        <section className="accueil__texte" aria-labelledby="titre-appel">
          <h2 id="titre-appel">L&apos;appel à projets</h2>
          {campagne.texteAccueil ? (
            <RichText data={sansLiensInterdits(campagne.texteAccueil)} />
          ) : (
            <p>
              Cette plateforme permet aux établissements de formation de déposer leurs demandes
              d&apos;ouverture, de fermeture ou d&apos;évolution de capacité des formations professionnelles
              initiales, et aux autorités académiques et régionales de les instruire.
            </p>
          )}
        </section>
        <aside className="encadre" aria-labelledby="titre-consulter">
          <h2 id="titre-consulter">À consulter</h2>
          <ul>
            {campagne.lettreDeCadrage ? (
              <li>
                <a href="/lettre-de-cadrage">Lettre de cadrage</a>
              </li>
            ) : null}
            {documents.map((d) => {
              const f = d.fichier
              return (
                <li key={d.id ?? d.titre}>
                  <a href={f.url}>{d.titre}</a>
                  {f.filesize ? (
                    <span className="taille"> (PDF, {Math.max(1, Math.round(f.filesize / 1024))} Ko)</span>
                  ) : null}
                </li>
              )
            })}
            {documents.length === 0 && !campagne.lettreDeCadrage ? (
              <li>Les documents de la campagne seront publiés ici.</li>
            ) : null}
          </ul>
        </aside>
      </div>
      <section className="acces" aria-labelledby="titre-acces">
        <h2 id="titre-acces">
          Pour déposer, consulter ou modifier un projet, vous devez posséder un code confidentiel (identifiant
          et mot de passe)
        </h2>
        <p>
          Ceux-ci vous ont été communiqués par courrier électronique. Si ce n&apos;est pas le cas, ou si vous
          avez perdu votre mot de passe, vous pouvez{' '}
          <a href={`mailto:${support}`}>contacter le support technique par courrier électronique</a> (
          {support}) ou utiliser « Mot de passe oublié ? » sur la page de connexion.
        </p>
        <ul className="acces__liens">
          <li>
            <a className="bouton" href="/admin/login">
              Connexion
            </a>
          </li>
          <li>
            Vous êtes un établissement / service académique et vous souhaitez{' '}
            <a className="bouton" href="/admin/collections/demandes/create">
              Déposer un projet
            </a>
          </li>
        </ul>
      </section>
    </div>
  )
}
