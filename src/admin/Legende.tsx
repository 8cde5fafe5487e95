import React from 'react'

/** At the top of the form, as the guide says it. */
export function Legende() {
  return (
    <p className="legende-formulaire">
      Chaque champ vous indique ce que vous devez y saisir. Les champs dont le nom est affiché{' '}
      <span className="legende-formulaire__rouge">en rouge (*)</span> sont obligatoires pour valider la
      demande ; vous pouvez sauvegarder une demande incomplète et revenir la compléter plus tard.
    </p>
  )
}
