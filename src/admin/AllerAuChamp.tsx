'use client'
import { useEffect } from 'react'

export const CLASSE_A_CORRIGER = 'champ-a-corriger'

/**
 * The element an error link's anchor names: a custom component's `data-ancre` first (the diplôme chooser holds three
 * fields), never a hidden input; marked is its block (`data-bloc`, Payload's field wrapper or a fieldset).
 */
function cibleDe(ancre: string): { bloc: HTMLElement; saisie: HTMLElement | null } | null {
  const marque = document.querySelector<HTMLElement>(`[data-ancre="${CSS.escape(ancre)}"]`)
  const parId = document.getElementById(ancre)
  const el = marque ?? (parId instanceof HTMLInputElement && parId.type === 'hidden' ? null : parId)
  if (!el) return null
  // A control that cannot take the focus yet (the durée before a diplôme is chosen) names the one to fill first.
  const sinon = el.getAttribute('data-sinon')
  if (sinon && el.matches(':disabled')) return cibleDe(sinon)
  const saisie = el.matches('input, textarea, select, button')
    ? el
    : el.querySelector<HTMLElement>(
        'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex="0"]',
      )
  const bloc = el.closest<HTMLElement>('[data-bloc], .field-type, fieldset') ?? el
  return { bloc, saisie }
}

/** A closed section (Payload's collapsible) hides its fields: opened first. */
function ouvrirSections(el: HTMLElement) {
  for (let p = el.parentElement; p; p = p.parentElement)
    if (p.classList.contains('collapsible--collapsed'))
      p.querySelector<HTMLElement>(':scope > .collapsible__toggle-wrap .collapsible__toggle')?.click()
}

function marquer(bloc: HTMLElement, saisie: HTMLElement | null) {
  bloc.classList.add(CLASSE_A_CORRIGER)
  saisie?.setAttribute('aria-invalid', 'true')
  // React rewrites a wrapper's className when it re-renders it: the mark is put back until the field is edited.
  const garde = new MutationObserver(() => {
    if (!bloc.classList.contains(CLASSE_A_CORRIGER)) bloc.classList.add(CLASSE_A_CORRIGER)
  })
  garde.observe(bloc, { attributes: true, attributeFilter: ['class'] })
  const corrige = () => {
    garde.disconnect()
    bloc.classList.remove(CLASSE_A_CORRIGER)
    saisie?.removeAttribute('aria-invalid')
    bloc.removeEventListener('input', corrige)
    bloc.removeEventListener('change', corrige)
  }
  bloc.addEventListener('input', corrige)
  bloc.addEventListener('change', corrige)
}

/**
 * The récapitulatif's error links (« #field-responsable__telephone ») land on their field: the form is rendered
 * after the browser's own jump to the anchor, so the field is looked for once it exists, scrolled to, focused and
 * marked in red.
 */
export function AllerAuChamp() {
  useEffect(() => {
    let annule = false
    const minuteries: number[] = []
    const aller = () => {
      const ancre = decodeURIComponent(window.location.hash.slice(1))
      if (!ancre.startsWith('field-')) return
      let essais = 0
      const tenter = () => {
        if (annule) return
        const cible = cibleDe(ancre)
        // Some inputs come after their wrapper (the date picker is loaded lazily): waited for a while too.
        if (!cible || (!cible.saisie && essais < 30)) {
          if (essais++ < 100) minuteries.push(window.setTimeout(tenter, 100))
          return
        }
        ouvrirSections(cible.bloc)
        marquer(cible.bloc, cible.saisie)
        const placer = () => {
          cible.bloc.scrollIntoView({ block: 'center' })
          cible.saisie?.focus({ preventScroll: true })
        }
        placer()
        // The form settles (descriptions, counters, the diplôme list) after its first paint: placed again then.
        minuteries.push(
          window.setTimeout(() => {
            const r = cible.bloc.getBoundingClientRect()
            if (r.bottom < 0 || r.top > window.innerHeight || document.activeElement !== cible.saisie)
              placer()
          }, 400),
        )
      }
      tenter()
    }
    aller()
    window.addEventListener('hashchange', aller)
    return () => {
      annule = true
      minuteries.forEach((m) => window.clearTimeout(m))
      window.removeEventListener('hashchange', aller)
    }
  }, [])
  return null
}
