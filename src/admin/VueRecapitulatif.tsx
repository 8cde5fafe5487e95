import React from 'react'

import type { Recapitulatif } from '../regles/validationDemande'

/** Every value of a demande, readable, section by section (recap before validation, consult, print). */
export function VueRecapitulatif({ recap }: { recap: Recapitulatif }) {
  return (
    <div className="recapitulatif">
      {recap.sections.map((s, i) => (
        <section key={s.titre} aria-labelledby={`recap-section-${i}`}>
          <h2 id={`recap-section-${i}`}>{s.titre}</h2>
          <dl>
            {s.lignes.map((l) => (
              <div
                key={l.champ}
                className={`recapitulatif__ligne recapitulatif__ligne--${l.champ.replace(/\W/g, '-')}`}
              >
                <dt>{l.libelle}</dt>
                <dd>{l.valeur}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  )
}
