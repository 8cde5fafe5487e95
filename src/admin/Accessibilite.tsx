'use client'
import React, { useEffect } from 'react'

/** aria-labels Payload's widgets write in English (the rich-text link bubble), in French. */
const ANGLAIS: readonly [string, string][] = [
  ['Edit link', 'Modifier le lien'],
  ['Remove link', 'Retirer le lien'],
]

/** Icon-only buttons of Payload's widgets, by selector, and the name each gets. */
const BOUTONS_SANS_NOM: readonly [string, string][] = [
  ['.popup-button', 'Autres actions'],
  ['.date-time-picker__clear-button', 'Effacer la date'],
  ['.clickable-arrow--left', 'Page précédente'],
  ['.clickable-arrow--right', 'Page suivante'],
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
  // Buttons Payload draws with an icon only: named after what they do.
  for (const [selecteur, nom] of BOUTONS_SANS_NOM)
    racine.querySelectorAll<HTMLElement>(selecteur).forEach((e) => {
      if (!e.getAttribute('aria-label') && !e.textContent?.trim()) e.setAttribute('aria-label', nom)
    })
  // The rich-text editor's area is a textbox without a name: its field's label.
  racine.querySelectorAll<HTMLElement>('[contenteditable="true"][role="textbox"]').forEach((e) => {
    if (e.getAttribute('aria-label')) return
    const libelle = e.closest('.field-type')?.querySelector('label')?.textContent?.replace(/\*/g, '').trim()
    e.setAttribute('aria-label', libelle || 'Texte')
  })
  // The document's tabs are links and buttons straight inside a <ul>: a named group instead of a broken list.
  racine.querySelectorAll<HTMLElement>('ul.doc-tabs__tabs:not([role])').forEach((e) => {
    e.setAttribute('role', 'group')
    e.setAttribute('aria-label', 'Vues du document')
  })
  // A multiple choice's chips are sortable buttons inside the combobox (nested controls); their order means nothing.
  racine.querySelectorAll<HTMLElement>('.rs__multi-value[role="button"]').forEach((e) => {
    e.removeAttribute('role')
    e.removeAttribute('tabindex')
    e.removeAttribute('aria-roledescription')
  })
  // The « Colonnes » pills are toggle buttons marked aria-checked, which a button cannot carry: aria-pressed.
  racine.querySelectorAll<HTMLElement>('button[aria-checked]').forEach((e) => {
    e.setAttribute('aria-pressed', e.getAttribute('aria-checked') ?? 'false')
    e.removeAttribute('aria-checked')
  })
  // On a phone the document's dates scroll sideways: a region the keyboard can reach and scroll.
  racine.querySelectorAll<HTMLElement>('.doc-controls__content').forEach((e) => {
    if (e.scrollWidth <= e.clientWidth || e.hasAttribute('tabindex')) return
    e.setAttribute('tabindex', '0')
    e.setAttribute('role', 'region')
    e.setAttribute('aria-label', 'Informations du document')
  })
  // A list's row selection box has an empty name: named after its row's first cell.
  racine.querySelectorAll<HTMLInputElement>('.select-row input[type="checkbox"]').forEach((input) => {
    if (input.getAttribute('aria-label')) return
    const premiere = input.closest('tr')?.querySelector('td:nth-child(2)')?.textContent?.trim()
    input.setAttribute(
      'aria-label',
      premiere ? `Sélectionner la ligne « ${premiere} »` : 'Sélectionner la ligne',
    )
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
    observateur.observe(document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['aria-checked'],
    })
    return () => observateur.disconnect()
  }, [])
  return <>{children}</>
}
