import type { Metadata } from 'next'
import React from 'react'

import './public.css'

export const metadata: Metadata = {
  title: 'Carte des formations — Occitanie',
  description:
    'Appel à projets : évolution de la carte régionale des formations professionnelles initiales en Occitanie.',
}

/** The public pages (outside the admin): plain HTML and CSS, readable without JavaScript. */
export default function MiseEnPagePublique({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr">
      <body>
        <a className="evitement" href="#contenu">
          Aller au contenu
        </a>
        <header className="entete">
          <div className="entete__marque">
            <p className="entete__titre">Carte des formations</p>
            <p className="entete__sous-titre">
              Région Occitanie · Académies de Montpellier et de Toulouse · DRAAF Occitanie · Carif-Oref
              Occitanie
            </p>
          </div>
          <nav aria-label="Accès">
            <a className="bouton bouton--secondaire" href="/admin/login">
              Connexion
            </a>
          </nav>
        </header>
        <main id="contenu">{children}</main>
        <footer className="pied">
          <p>
            Plateforme de recueil des demandes d&apos;évolution de la carte régionale des formations
            professionnelles initiales.
          </p>
        </footer>
      </body>
    </html>
  )
}
