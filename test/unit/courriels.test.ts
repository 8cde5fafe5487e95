import { describe, expect, it } from 'vitest'

import { dateLongue, texteDepuisHtml } from '../../src/courriels/modeles'

describe('partie texte des courriels que Payload écrit en HTML seulement (html-to-text)', () => {
  it('un lien se lit « texte : adresse » sur une seule ligne, les entités sont décodées, le titre n’est pas repris', () => {
    const lien = `https://carte.example.fr/admin/reset/${'a'.repeat(120)}`
    const texte = texteDepuisHtml(
      `<html><head><title>Réinitialisation</title></head><body><p>Bonjour &amp; bienvenue,</p>` +
        `<p><a href="${lien}">Choisir un nouveau mot de passe</a></p><ul><li>un</li><li>deux</li></ul>` +
        `<p>L&#39;équipe &lt;Carte&gt;</p></body></html>`,
    )
    expect(texte).toContain(`Choisir un nouveau mot de passe : ${lien}`)
    expect(texte).toContain('Bonjour & bienvenue,')
    expect(texte).toContain("L'équipe <Carte>")
    expect(texte).toMatch(/^- un$/m)
    expect(texte).toMatch(/^- deux$/m)
    expect(texte).not.toContain('Réinitialisation')
    expect(texte).not.toMatch(/<[a-z]/)
  })
})

describe('Dates des courriels', () => {
  it('en français, heure de Paris, « 20 h 04 » et non « 20:04 »', () => {
    expect(dateLongue('2026-12-04T19:04:00Z')).toBe('vendredi 4 décembre 2026 à 20 h 04')
    expect(dateLongue('2027-07-01T06:05:00Z')).toBe('jeudi 1 juillet 2027 à 08 h 05')
  })
})
