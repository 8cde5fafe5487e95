import React from 'react'

import { avertissementDoublon, CONFIRMER_DOUBLON } from '../regles/doublons'
import type { Recapitulatif } from '../regles/validationDemande'
import type { RecapitulatifAValider } from '../validation'

/** The id of the recap's duplicate confirmation, read by « Confirmer la validation » (boutons.tsx). */
export const ID_CONFIRMER_DOUBLON = 'confirmer-doublon'

/**
 * Every value of a demande, readable, section by section (recap before validation, consult, print). Before
 * validation it also lists the annexes and, for a duplicate of a validated demande, asks to confirm it.
 */
export function VueRecapitulatif({
  recap,
}: {
  recap: Recapitulatif & Partial<Pick<RecapitulatifAValider, 'annexes' | 'doublons'>>
}) {
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
      {recap.annexes && (
        <section aria-labelledby="recap-annexes" className="recapitulatif__annexes">
          <h2 id="recap-annexes">Annexes</h2>
          {recap.annexes.length ? (
            <ul>
              {recap.annexes.map((a) => (
                <li key={String(a.id)}>
                  {a.url ? (
                    <a href={a.url} download>
                      {a.nom}
                    </a>
                  ) : (
                    a.nom
                  )}
                  {a.taille ? ` (${a.taille})` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p>Aucune annexe jointe.</p>
          )}
        </section>
      )}
      {recap.doublons && recap.doublons.length > 0 && (
        <section aria-labelledby="recap-doublon" className="recapitulatif__doublon avertissement" role="note">
          <h2 id="recap-doublon">Doublon possible</h2>
          <p>{avertissementDoublon(recap.doublons, 'recap')}</p>
          <p>
            <input type="checkbox" id={ID_CONFIRMER_DOUBLON} name={CONFIRMER_DOUBLON} />{' '}
            <label htmlFor={ID_CONFIRMER_DOUBLON}>Je confirme déposer cette demande en double</label>
          </p>
        </section>
      )}
    </div>
  )
}
