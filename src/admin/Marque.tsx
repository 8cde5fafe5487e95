import React from 'react'

/** The login page's title. */
export function Logo() {
  return (
    <div className="marque">
      <span className="marque__titre">Carte des formations — Occitanie</span>
      <span className="marque__sous-titre">
        Évolution de la carte régionale des formations professionnelles initiales
      </span>
    </div>
  )
}

/** The header's mark, first of the breadcrumb on every screen: the platform's name, its initials on a phone. */
export function Icone() {
  return (
    <span className="marque-icone">
      <span className="marque-icone__sigle" aria-hidden="true">
        CF
      </span>
      <span className="marque-icone__nom">Carte des formations</span>
    </span>
  )
}

/** Above the login form: what the guide says about identifiants. */
export function AvantConnexion() {
  return (
    <div className="avant-connexion">
      <p>
        <strong>
          Pour déposer, consulter ou modifier un projet, vous devez posséder un code confidentiel (identifiant
          et mot de passe).
        </strong>
      </p>
      <p>
        Ils vous ont été communiqués par les services de chaque rectorat. Pour un établissement,
        l&apos;identifiant est son code UAI. Si vous ne disposez pas de vos identifiants, contactez le support
        technique du Carif-Oref Occitanie :{' '}
        <a href="mailto:support.carte@cariforefoccitanie.fr">support.carte@cariforefoccitanie.fr</a>.
      </p>
    </div>
  )
}
