import { describe, expect, it } from 'vitest'

import {
  type ContexteValidation,
  type DemandeSaisie,
  ecartDeCapacite,
  formationEnClair,
  longueurUnicode,
  recapituler,
  verifierDemande,
} from '../../src/regles/validationDemande'

const diplome = { libelle: 'Ébéniste', typeDiplome: 'CAP', durees: [1, 2, 3], ouvert: true }
const ctx = (c: Partial<ContexteValidation> = {}): ContexteValidation => ({
  diplome,
  demandeLieeExiste: true,
  prioritesPrises: [],
  ...c,
})

const complete = (d: Partial<DemandeSaisie> = {}): DemandeSaisie => ({
  id: 10,
  rentree: 2027,
  etablissementConcerne: 1,
  responsable: {
    nom: 'Claire Martin',
    telephone: '04 67 13 81 55',
    email: 'claire.martin@ac-montpellier.fr',
  },
  modalite: 'scolaire',
  diplome: 5,
  dureeFormation: 2,
  anneeFormation: 1,
  mesure: 'ouverture',
  projetLie: false,
  priorite: 1,
  capaciteActuelle: 0,
  capaciteNouvelle: 12,
  premiereDemande: true,
  dateConseil: '2026-11-10T00:00:00.000Z',
  zonesRecrutement: ['departementale'],
  travaux: { travauxDemandes: false, equipementsDemandes: false },
  rapportOpportunite: 'Besoin confirmé par le diagnostic sectoriel.',
  ...d,
})

const chemins = (d: DemandeSaisie, c = ctx()) => verifierDemande(d, c).map((e) => e.path)

describe('Validation d’une demande : champs obligatoires', () => {
  it('accepte une demande complète et cohérente', () => {
    expect(verifierDemande(complete(), ctx())).toEqual([])
  })

  it('signale chaque champ manquant d’une demande vide, chacun avec un message en français', () => {
    const erreurs = verifierDemande(
      { premiereDemande: false, projetLie: true },
      ctx({ diplome: null, demandeLieeExiste: false }),
    )
    expect(erreurs.map((e) => e.path).sort()).toEqual(
      [
        'etablissementConcerne',
        'responsable.nom',
        'responsable.telephone',
        'responsable.email',
        'modalite',
        'diplome',
        'dureeFormation',
        'anneeFormation',
        'mesure',
        'capaciteActuelle',
        'capaciteNouvelle',
        'priorite',
        'demandeLiee',
        'anneePrecedentDepot',
        'dateConseil',
        'zonesRecrutement',
        'rapportOpportunite',
      ].sort(),
    )
    for (const e of erreurs) expect(e.message).toMatch(/^[A-ZÀ-Ü]/)
  })
})

describe('Validation : responsable', () => {
  it.each(['0467138155', '04.67.13.81.55', '+33 4 67 13 81 55', '0033467138155', '06-12-34-56-78'])(
    'accepte le téléphone %s',
    (telephone) => {
      expect(chemins(complete({ responsable: { ...complete().responsable, telephone } }))).toEqual([])
    },
  )
  it.each(['123', '0067138155', '04 67 13 81', '+44 20 7946 0958', 'téléphone'])(
    'refuse le téléphone %s',
    (telephone) => {
      expect(chemins(complete({ responsable: { ...complete().responsable, telephone } }))).toEqual([
        'responsable.telephone',
      ])
    },
  )
  it.each(['claire', 'claire@', 'claire@ac', 'cl aire@ac-montpellier.fr', '<script>@x.fr'])(
    'refuse l’adresse %s',
    (email) => {
      expect(chemins(complete({ responsable: { ...complete().responsable, email } }))).toEqual([
        'responsable.email',
      ])
    },
  )
})

describe('Validation : diplôme, durée et année', () => {
  it('exige une durée parmi celles du diplôme', () => {
    const e = verifierDemande(complete({ dureeFormation: 4, anneeFormation: 1 }), ctx())
    expect(e.map((x) => x.path)).toEqual(['dureeFormation'])
    expect(e[0]!.message).toContain('1 an ou 2 ans ou 3 ans')
  })
  it('refuse une année au-delà de la durée', () => {
    expect(chemins(complete({ dureeFormation: 2, anneeFormation: 3 }))).toEqual(['anneeFormation'])
  })
  it('refuse un diplôme fermé', () => {
    expect(chemins(complete(), ctx({ diplome: { ...diplome, ouvert: false } }))).toEqual(['diplome'])
  })
  it('formule la formation comme le guide : « 1re année du CAP Ébéniste en 2 ans »', () => {
    expect(formationEnClair({ anneeFormation: 1, dureeFormation: 2 }, diplome)).toBe(
      '1re année du CAP Ébéniste en 2 ans',
    )
    expect(
      formationEnClair(
        { anneeFormation: 1, dureeFormation: 1 },
        { ...diplome, typeDiplome: 'BTS', libelle: 'Management commercial opérationnel' },
      ),
    ).toBe('1re année du BTS Management commercial opérationnel en 1 an')
  })
})

describe('Validation : capacités cohérentes avec la mesure', () => {
  it.each([
    ['ouverture', 0, 12, true],
    ['ouverture', 5, 12, false],
    ['ouverture', 0, 0, false],
    ['fermeture', 15, 0, true],
    ['fermeture', 0, 0, false],
    ['fermeture', 15, 3, false],
    ['augmentation', 24, 30, true],
    ['augmentation', 24, 24, false],
    ['diminution', 30, 24, true],
    ['diminution', 30, 0, false],
    ['diminution', 30, 30, false],
  ] as const)('%s de %i à %i : %s', (mesure, capaciteActuelle, capaciteNouvelle, valide) => {
    expect(chemins(complete({ mesure, capaciteActuelle, capaciteNouvelle }))).toEqual(
      valide ? [] : ['capaciteNouvelle'],
    )
  })
  it.each([-1, 1.5, Number.NaN])('refuse la capacité %s', (capaciteActuelle) => {
    expect(chemins(complete({ capaciteActuelle }))).toContain('capaciteActuelle')
  })
})

describe('Validation : priorité, projet lié, précédent dépôt', () => {
  it('refuse une priorité déjà prise par une demande validée de la structure', () => {
    const e = verifierDemande(complete({ priorite: 2 }), ctx({ prioritesPrises: [1, 2] }))
    expect(e.map((x) => x.path)).toEqual(['priorite'])
    expect(e[0]!.message).toContain('déjà attribuée')
  })
  it.each([0, -3, 1.5])('refuse la priorité %s', (priorite) => {
    expect(chemins(complete({ priorite }))).toEqual(['priorite'])
  })
  it('exige un projet lié existant et différent de la demande elle-même', () => {
    expect(chemins(complete({ projetLie: true, demandeLiee: null }))).toEqual(['demandeLiee'])
    expect(chemins(complete({ projetLie: true, demandeLiee: 10 }))).toEqual(['demandeLiee'])
    expect(
      chemins(complete({ projetLie: true, demandeLiee: 11 }), ctx({ demandeLieeExiste: false })),
    ).toEqual(['demandeLiee'])
    expect(chemins(complete({ projetLie: true, demandeLiee: 11 }))).toEqual([])
  })
  it('exige une année de précédent dépôt antérieure à la rentrée', () => {
    expect(chemins(complete({ premiereDemande: false }))).toEqual(['anneePrecedentDepot'])
    expect(chemins(complete({ premiereDemande: false, anneePrecedentDepot: 2027 }))).toEqual([
      'anneePrecedentDepot',
    ])
    expect(chemins(complete({ premiereDemande: false, anneePrecedentDepot: 2025 }))).toEqual([])
  })
})

describe('Validation : travaux, zones, date, rapport', () => {
  it('exige la description des travaux et des équipements cochés', () => {
    expect(chemins(complete({ travaux: { travauxDemandes: true, equipementsDemandes: true } }))).toEqual([
      'travaux.descriptionTravaux',
      'travaux.descriptionEquipements',
    ])
  })
  it('refuse une zone de recrutement inconnue et une date illisible', () => {
    // Outside the generated union, as an old or hand-edited document may hold: the rules check it anyway.
    const inconnue = 'planetaire' as never
    expect(chemins(complete({ zonesRecrutement: [inconnue] }))).toEqual(['zonesRecrutement'])
    expect(chemins(complete({ dateConseil: 'hier' }))).toEqual(['dateConseil'])
  })
  it('compte le rapport en caractères Unicode : 5 000 emoji passent, 5 001 non', () => {
    expect(chemins(complete({ rapportOpportunite: '🎓'.repeat(5000) }))).toEqual([])
    const e = verifierDemande(complete({ rapportOpportunite: 'é'.repeat(5001) }), ctx())
    expect(e.map((x) => x.path)).toEqual(['rapportOpportunite'])
    expect(e[0]!.message).toContain('5001 saisis')
    expect(chemins(complete({ rapportOpportunite: '   ' }))).toEqual(['rapportOpportunite'])
  })
})

describe('Récapitulatif', () => {
  it('présente chaque valeur en clair, dans l’ordre du guide', () => {
    const recap = recapituler(complete({ numero: 42 }), {
      diplome,
      etablissementConcerne: '0340042L — Lycée Jean Mermoz (Montpellier)',
      etablissementReferent: '0340042L — Lycée Jean Mermoz (Montpellier)',
      demandeLiee: '',
    })
    expect(recap.numero).toBe(42)
    expect(recap.sections.map((s) => s.titre)).toEqual([
      'A/ Établissement de formation',
      'B/ Informations sur la formation',
      'Travaux, équipements et autres incidences',
      "Rapport d'opportunité",
    ])
    const valeurs = Object.fromEntries(
      recap.sections.flatMap((s) => s.lignes).map((l) => [l.champ, l.valeur]),
    )
    expect(valeurs).toMatchObject({
      diplome: '1re année du CAP Ébéniste en 2 ans',
      mesure: 'Ouverture',
      modalite: 'Scolaire uniquement (S)',
      projetLie: 'Non',
      zonesRecrutement: 'Départementale',
      dateConseil: '10 novembre 2026',
      rentree: 'Rentrée 2027',
    })
  })

  it('l’instruction : avis et décision avec leurs commentaires, auteurs et dates quand ils sont donnés ; rien sinon', () => {
    const ctx = {
      diplome,
      etablissementConcerne: '0340042L — Lycée Jean Mermoz (Montpellier)',
      etablissementReferent: '0340042L — Lycée Jean Mermoz (Montpellier)',
      demandeLiee: '',
    }
    const instruite = recapituler(
      {
        ...complete({ numero: 42 }),
        statut: 'retenue',
        avis: {
          avis: 'favorable',
          commentaire: 'Projet cohérent avec le schéma.',
          auteur: 'Rectorat',
          date: '2026-12-03T09:05:00Z',
        },
        decision: { decision: 'retenue', commentaire: 'Retenue au CPRDFOP.', date: '2026-12-10T15:00:00Z' },
      } as never,
      ctx,
    )
    const lignes = instruite.sections.find((s) => s.titre === 'Instruction')!.lignes
    expect(lignes.map((l) => [l.libelle, l.valeur])).toEqual([
      ['Statut', 'Retenue'],
      ['Avis', 'Favorable'],
      ["Commentaire de l'avis", 'Projet cohérent avec le schéma.'],
      ['Avis donné par', 'Rectorat'],
      ["Date de l'avis", '3 décembre 2026 à 10 h 05'],
      ['Décision', 'Retenue'],
      ['Commentaire de la décision', 'Retenue au CPRDFOP.'],
      ['Date de la décision', '10 décembre 2026 à 16 h 00'],
    ])
    const validee = recapituler({ ...complete({ numero: 43 }), statut: 'validee' } as never, ctx)
    expect(validee.sections.find((s) => s.titre === 'Instruction')!.lignes.map((l) => l.libelle)).toEqual([
      'Statut',
      'Avis',
      'Décision',
    ])
  })
})

describe('Libellés BCN', () => {
  it('retire le type répété en fin de libellé', async () => {
    const { libelleSansType } = await import('../../src/regles/validationDemande')
    expect(libelleSansType('MANAGEMENT COMMERCIAL OPERATIONNEL (BTS)')).toBe(
      'MANAGEMENT COMMERCIAL OPERATIONNEL',
    )
    expect(libelleSansType('AGENT DE CONTROLE NON DESTRUCTIF (MC NIVEAU IV)')).toBe(
      'AGENT DE CONTROLE NON DESTRUCTIF',
    )
    expect(libelleSansType('EMPLOYE TRAITEUR (MC4)')).toBe('EMPLOYE TRAITEUR')
    expect(libelleSansType('APICULTURE (CSA)')).toBe('APICULTURE')
    expect(libelleSansType('CUISINE (OPTION A)')).toBe('CUISINE (OPTION A)')
  })
})

describe('écart de capacité et longueur des textes (une seule définition chacun)', () => {
  it('écart = capacité nouvelle − capacité actuelle ; rien sans les deux nombres', () => {
    expect(ecartDeCapacite(24, 36)).toBe(12)
    expect(ecartDeCapacite(24, 0)).toBe(-24)
    expect(ecartDeCapacite(null, 36)).toBeNull()
    expect(ecartDeCapacite(24, '36')).toBeNull()
  })

  it('la longueur compte les caractères tels qu’on les lit (un émoji compte pour un)', () => {
    expect(longueurUnicode('élève')).toBe(5)
    expect(longueurUnicode('👩‍🏫')).toBe(3) // three code points (woman, joiner, school)
    expect(longueurUnicode('😀a')).toBe(2)
  })
})
