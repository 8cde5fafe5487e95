'use client'
import React, { useState } from 'react'

import type { BilanCreation } from '../comptes/creerEnMasse'

type Erreurs = { errors?: { message: string; data?: { errors?: { message: string }[] } }[] }

async function envoyer(
  url: string,
  init: RequestInit,
): Promise<{ ok: boolean; corps: Record<string, unknown> & Erreurs }> {
  try {
    const r = await fetch(url, { credentials: 'include', ...init })
    return {
      ok: r.ok,
      corps: await r
        .json()
        .catch(() => ({ errors: [{ message: `Réponse inattendue du serveur (${r.status}).` }] })),
    }
  } catch {
    return {
      ok: false,
      corps: { errors: [{ message: 'Le serveur ne répond pas : vérifiez votre connexion puis réessayez.' }] },
    }
  }
}

function Refus({ corps }: { corps: Erreurs }) {
  const e = corps.errors?.[0]
  if (!e) return null
  return (
    <div className="message-erreur" role="alert">
      <p>{e.message}</p>
      {e.data?.errors?.length ? (
        <ul className="liste-erreurs">
          {e.data.errors.map((x, i) => (
            <li key={i}>{x.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/** Editors: paste a list of UAI (and, if needed, addresses) to create the accounts and invite them. */
export function FormulaireComptesEnMasse() {
  const [lignes, setLignes] = useState('')
  const [inviter, setInviter] = useState(true)
  const [enCours, setEnCours] = useState(false)
  const [resultat, setResultat] = useState<{ ok: boolean; corps: Record<string, unknown> & Erreurs } | null>(
    null,
  )
  const soumettre = async (e: React.FormEvent) => {
    e.preventDefault()
    setEnCours(true)
    setResultat(
      await envoyer('/api/users/creer-en-masse', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ lignes, inviter }),
      }),
    )
    setEnCours(false)
  }
  const crees = (resultat?.ok ? (resultat.corps.crees as BilanCreation['crees']) : []) ?? []
  return (
    <form onSubmit={soumettre} className="outil-editeur">
      <label htmlFor="lignes-comptes">
        Établissements, un par ligne : le code UAI, puis éventuellement l&apos;adresse mail (séparée par un
        point-virgule, une virgule ou une tabulation)
      </label>
      <p className="field-description" id="aide-lignes">
        Sans adresse, celle de l&apos;établissement est utilisée (ce.uai@ac-académie.fr, pour l&apos;Éducation
        nationale). Vous pouvez coller deux colonnes d&apos;un tableur. Les comptes qui existent déjà sont
        laissés tels quels.
      </p>
      <textarea
        id="lignes-comptes"
        aria-describedby="aide-lignes"
        rows={12}
        value={lignes}
        onChange={(e) => setLignes(e.target.value)}
        placeholder={'0340042L\n0310024H;direction@exemple.fr'}
        required
      />
      <p>
        <input
          id="inviter"
          type="checkbox"
          checked={inviter}
          onChange={(e) => setInviter(e.target.checked)}
        />{' '}
        <label htmlFor="inviter">
          Envoyer à chacun une invitation à choisir son mot de passe (lien valable 14 jours)
        </label>
      </p>
      <button type="submit" className="btn btn--style-primary btn--size-medium" disabled={enCours}>
        {enCours ? 'Création en cours…' : 'Créer les comptes'}
      </button>
      <div aria-live="polite">
        {resultat && !resultat.ok && <Refus corps={resultat.corps} />}
        {resultat?.ok && (
          <div className="message-succes" role="status">
            <p>{String(resultat.corps.message)}</p>
            {crees.length > 0 && (
              <table className="tableau-demandes">
                <caption>Comptes créés</caption>
                <thead>
                  <tr>
                    <th scope="col">Identifiant</th>
                    <th scope="col">Adresse mail</th>
                    <th scope="col">Invitation</th>
                  </tr>
                </thead>
                <tbody>
                  {crees.map((c) => (
                    <tr key={c.uai}>
                      <td>{c.uai}</td>
                      <td>{c.email}</td>
                      <td>{c.invite ? 'envoyée' : 'non envoyée'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
      </div>
    </form>
  )
}
