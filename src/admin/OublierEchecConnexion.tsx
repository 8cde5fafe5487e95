'use client'
import { toast } from '@payloadcms/ui'
import { useEffect } from 'react'

// Once per page load: the first signed-in screen follows the login form (a client-side navigation).
let dejaFait = false

/**
 * The login form's red toasts (« identifiant ou mot de passe incorrect ») outlive its client-side redirect and
 * stayed over the dashboard after the successful attempt: dismissed as the first signed-in screen appears.
 */
export function OublierEchecConnexion() {
  useEffect(() => {
    if (dejaFait) return
    dejaFait = true
    for (const t of toast.getToasts()) if ('type' in t && t.type === 'error') toast.dismiss(t.id)
  }, [])
  return null
}
