'use client'
import React, { useEffect } from 'react'

/** aria-labels Payload's widgets write in English (the rich-text link bubble), in French. */
const ANGLAIS: readonly [string, string][] = [
  ['Edit link', 'Modifier le lien'],
  ['Remove link', 'Retirer le lien'],
]

/**
 * Repairs two accessibility defects of Payload's admin widgets (react-select) wherever they appear:
 * the dropdown chevron is a focusable button marked aria-hidden (a keyboard stop screen readers cannot name),
 * and the inputs of react-select and of the date picker have no label (the field label points at a wrapper).
 */
function reparer(racine: ParentNode) {
  racine
    .querySelectorAll<HTMLElement>(
      '[aria-hidden="true"]:is(button, a, input, [tabindex]):not([tabindex="-1"])',
    )
    .forEach((e) => {
      e.setAttribute('tabindex', '-1')
    })
  racine
    .querySelectorAll<HTMLInputElement>('input:not([type="hidden"]):not([aria-label]):not([aria-labelledby])')
    .forEach((input) => {
      if (input.id && document.querySelector(`label[for="${CSS.escape(input.id)}"]`)) return
      if (input.closest('label')) return
      const champ = input.closest(
        '.field-type, .react-select-container, .search-filter, .where-builder, .list-controls',
      )
      const libelle =
        champ?.querySelector('label')?.textContent?.replace(/\*/g, '').trim() ||
        input.closest('[aria-label]')?.getAttribute('aria-label') ||
        input.placeholder ||
        'Saisir une valeur'
      input.setAttribute('aria-label', libelle)
    })
  // The rich-text editor's link bubble is labelled in English whatever the language.
  for (const [anglais, francais] of ANGLAIS)
    racine.querySelectorAll<HTMLElement>(`[aria-label="${anglais}"]`).forEach((e) => {
      e.setAttribute('aria-label', francais)
    })
  // Payload titles each checkbox with its field's path (« projetLie », « select-all »), which also names it for
  // assistive technologies: its label instead, or what a list's selection box does.
  racine.querySelectorAll<HTMLInputElement>('input[type="checkbox"][title]').forEach((input) => {
    if (input.title !== input.name) return
    const libelle =
      input
        .closest('.checkbox-input, .field-type')
        ?.querySelector('label')
        ?.textContent?.replace(/\*/g, '')
        .trim() || (input.id === 'select-all' ? 'Tout sélectionner' : 'Sélectionner cette ligne')
    input.title = libelle
  })
}

export function Accessibilite({ children }: { children?: React.ReactNode }) {
  useEffect(() => {
    reparer(document)
    const observateur = new MutationObserver(() => reparer(document))
    observateur.observe(document.body, { childList: true, subtree: true })
    return () => observateur.disconnect()
  }, [])
  return <>{children}</>
}
