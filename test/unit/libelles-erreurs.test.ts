import { describe, expect, it } from 'vitest'

import { Annexes } from '../../collections/Annexes'
import { Demandes } from '../../collections/Demandes'
import { traduireMessage } from '../../src/erreurs-francaises'

/**
 * Issue 18: an error toast never names a field by its internal path. Payload's French ValidationError lists the
 * label of a field it validated itself, but the path of one a hook refused (`{ path: 'etablissementConcerne' }`):
 * each path is replaced by the label the form shows (the collection's own fields, through groups).
 */
const demandes = { champs: Demandes.fields }

describe('Un message d’erreur nomme les champs par leur libellé', () => {
  it('un champ refusé par un hook : son libellé, pas son nom interne', () => {
    expect(
      traduireMessage('Le champ suivant n’est pas valide : etablissementConcerne', demandes)?.message,
    ).toBe("Le champ suivant n’est pas valide : Code UAI de l'établissement concerné")
    expect(
      traduireMessage('Le champ suivant n’est pas valide : demande', { champs: Annexes.fields })?.message,
    ).toBe('Le champ suivant n’est pas valide : Demande')
  })

  it('plusieurs champs, dans un groupe ou déjà nommés par Payload : chacun par son libellé', () => {
    expect(
      traduireMessage(
        "Les champs suivants ne sont pas valides : responsable.email, Capacité d'accueil nouvelle, demandeLiee",
        demandes,
      )?.message,
    ).toBe(
      "Les champs suivants ne sont pas valides : Adresse mail, Capacité d'accueil nouvelle, Si oui, indiquez l'identifiant du projet concerné",
    )
  })

  it('le message anglais (sans la langue de la requête) aussi, libellés entre guillemets', () => {
    expect(
      traduireMessage('The following fields are invalid (2): diplome, travaux.travauxDemandes', demandes)
        ?.message,
    ).toBe('Les champs suivants ne sont pas valides : « Diplôme », « Des travaux sont nécessaires »')
  })

  it('aucun nom interne ne reste quand le champ existe', () => {
    const noms = [
      'etablissementConcerne',
      'capaciteActuelle',
      'rapportOpportunite',
      'responsable.telephone',
      'priorite',
    ]
    const m = traduireMessage(
      `Les champs suivants ne sont pas valides : ${noms.join(', ')}`,
      demandes,
    )!.message
    for (const nom of noms) expect(m).not.toContain(nom)
  })
})
