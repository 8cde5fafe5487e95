'use client'
import React, { useEffect } from 'react'

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
