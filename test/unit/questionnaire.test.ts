import { describe, expect, it } from 'vitest'

import {
  changementsRefuses,
  erreursQuestionnaire,
  erreursReponses,
  erreurValeur,
  estVisible,
  type Question,
  reponsesReprises,
  reponsesRetenues,
  texteReponse,
} from '../../src/regles/questionnaire'

const mixite: Question = {
  code: 'mixite',
  section: 'formation',
  libelle: 'Mixité des parcours',
  type: 'ouiNon',
  obligatoire: true,
}
const publicVise: Question = {
  code: 'public-vise',
  section: 'formation',
  libelle: 'Public visé par la mixité des parcours',
  type: 'choix',
  options: [
    { valeur: 'apprentis', libelle: 'Apprentis' },
    { valeur: 'scolaires', libelle: 'Scolaires' },
  ],
  obligatoire: true,
  condition: { question: 'mixite', valeur: 'oui' },
}
const effectif: Question = {
  code: 'effectif',
  section: 'formation',
  libelle: 'Effectif prévisionnel',
  type: 'nombre',
  min: 0,
  max: 200,
  obligatoire: true,
  condition: { question: 'public-vise', valeur: 'apprentis' },
}
const questions = [mixite, publicVise, effectif]

describe('Questionnaire de campagne : les réponses', () => {
  it('chaque type : une réponse valide passe, une invalide est nommée par le libellé de la question', () => {
    const cas: [Question, unknown, unknown][] = [
      [
        { code: 'a', libelle: 'Nom du partenaire', type: 'texte', longueurMax: 10 },
        'Lycée Nord',
        'Lycée du Nord',
      ],
      [{ code: 'a', libelle: 'Nom du partenaire', type: 'texte' }, 'un', 'deux\nlignes'],
      [
        { code: 'b', libelle: 'Argumentaire', type: 'texteLong', longueurMax: 5 },
        '🎓🎓🎓🎓🎓',
        '🎓🎓🎓🎓🎓🎓',
      ],
      [{ code: 'c', libelle: 'Effectif', type: 'nombre', min: 0, max: 200 }, 200, 201],
      [{ code: 'c', libelle: 'Effectif', type: 'nombre' }, 12.5, '12'],
      [{ code: 'd', libelle: 'Internat', type: 'ouiNon' }, false, 'oui'],
      [publicVise, 'scolaires', 'autres'],
      [{ ...publicVise, type: 'choixMultiple' }, ['apprentis', 'scolaires'], ['apprentis', 'apprentis']],
      [{ ...publicVise, type: 'choixMultiple' }, [], ['x']],
      [{ code: 'e', libelle: 'Date du conseil', type: 'date' }, '2027-01-31', '2027-02-30'],
      [{ code: 'e', libelle: 'Date du conseil', type: 'date' }, '2027-01-31T13:33:00.000Z', '31/01/2027'],
    ]
    for (const [q, bonne, mauvaise] of cas) {
      expect(erreurValeur(q, bonne), `${q.type} ${JSON.stringify(bonne)}`).toBeNull()
      expect(erreurValeur(q, mauvaise), `${q.type} ${JSON.stringify(mauvaise)}`).toMatch(
        new RegExp(`^« ${q.libelle} » : `),
      )
    }
    expect(erreurValeur({ code: 'c', libelle: 'Effectif', type: 'nombre', min: 0, max: 200 }, 201)).toBe(
      '« Effectif » : indiquez un nombre de 0 à 200.',
    )
    expect(
      erreurValeur(
        { code: 'b', libelle: 'Argumentaire', type: 'texteLong', longueurMax: 1000 },
        'x'.repeat(1200),
      ),
    ).toBe('« Argumentaire » : 1\u202f000 caractères au maximum (1\u202f200 saisis).')
    // Without a bound of its own, a short text keeps a line's length.
    expect(erreurValeur({ code: 'a', libelle: 'Nom', type: 'texte' }, 'x'.repeat(251))).toContain(
      '250 caractères',
    )
  })

  it('conditions : la question apparaît (et devient obligatoire) selon la réponse dont elle dépend, en chaîne', () => {
    expect(estVisible(publicVise, questions, {})).toBe(false)
    expect(estVisible(publicVise, questions, { mixite: false })).toBe(false)
    expect(estVisible(publicVise, questions, { mixite: true })).toBe(true)
    expect(estVisible(effectif, questions, { mixite: true, 'public-vise': 'apprentis' })).toBe(true)
    // Hidden when what it depends on is hidden, whatever remains stored there.
    expect(estVisible(effectif, questions, { mixite: false, 'public-vise': 'apprentis' })).toBe(false)
  })

  it('un brouillon garde une saisie incomplète ; la validation exige les questions obligatoires visibles', () => {
    expect(erreursReponses(questions, {}, { validation: false })).toEqual([])
    expect(erreursReponses(questions, null, { validation: false })).toEqual([])
    expect(erreursReponses(questions, { mixite: false }, { validation: true })).toEqual([])
    expect(erreursReponses(questions, { mixite: true }, { validation: true })).toEqual([
      {
        path: 'reponses.public-vise',
        message: '« Public visé par la mixité des parcours » : réponse obligatoire.',
      },
    ])
    expect(
      erreursReponses(
        questions,
        { mixite: true, 'public-vise': 'apprentis', effectif: ' ' },
        { validation: true },
      ),
    ).toEqual([{ path: 'reponses.effectif', message: '« Effectif prévisionnel » : réponse obligatoire.' }])
    // A draft already refuses a wrong type or an unknown question (an answer of another campaign's question).
    expect(erreursReponses(questions, { effectif: 'beaucoup', autre: 1 }, { validation: false })).toEqual([
      {
        path: 'reponses.autre',
        message: '« autre » n’est pas une question de la campagne de cette demande.',
      },
      { path: 'reponses.effectif', message: '« Effectif prévisionnel » : attendu un nombre.' },
    ])
    expect(erreursReponses(questions, ['x'], { validation: false })[0]!.path).toBe('reponses')
  })

  it('une réponse à une question masquée n’est pas retenue à la validation', () => {
    expect(reponsesRetenues(questions, { mixite: false, 'public-vise': 'apprentis', effectif: 12 })).toEqual({
      mixite: false,
    })
    expect(reponsesRetenues(questions, { mixite: true, 'public-vise': 'apprentis', effectif: 12 })).toEqual({
      mixite: true,
      'public-vise': 'apprentis',
      effectif: 12,
    })
  })

  it('écrites comme le récapitulatif les montre', () => {
    expect(texteReponse(mixite, true)).toBe('Oui')
    expect(texteReponse(publicVise, 'apprentis')).toBe('Apprentis')
    expect(texteReponse({ ...publicVise, type: 'choixMultiple' }, ['scolaires', 'apprentis'])).toBe(
      'Scolaires ; Apprentis',
    )
    expect(texteReponse(effectif, 1250)).toBe('1\u202f250')
    expect(texteReponse({ code: 'e', libelle: 'Date', type: 'date' }, '2027-01-31')).toBe('31 janvier 2027')
    expect(texteReponse(effectif, null)).toBe('')
  })
})

describe('Questionnaire de campagne : les questions', () => {
  it('un questionnaire bien écrit passe', () => {
    expect(erreursQuestionnaire(questions)).toEqual([])
  })

  it('codes, libellés, options, bornes et conditions mal écrits : nommés par la position et le libellé', () => {
    const messages = erreursQuestionnaire([
      { code: 'Effectif', libelle: 'Effectif', type: 'nombre', min: 10, max: 5 },
      { code: 'mixite', libelle: '', type: 'ouiNon' },
      { code: 'mixite', libelle: 'Doublon', type: 'choix', options: [] },
      {
        code: 'publics',
        libelle: 'Publics',
        type: 'choixMultiple',
        options: [
          { valeur: 'a', libelle: 'A' },
          { valeur: 'a', libelle: 'A bis' },
          { valeur: '', libelle: 'Sans valeur' },
        ],
      },
      { code: 'suite', libelle: 'Suite', type: 'texte', condition: { question: 'plus-loin', valeur: 'x' } },
      {
        code: 'suite2',
        libelle: 'Suite 2',
        type: 'texte',
        condition: { question: 'mixite', valeur: 'peut-être' },
      },
      { code: 'suite3', libelle: 'Suite 3', type: 'texte', condition: { question: 'publics', valeur: 'z' } },
      { code: 'long', libelle: 'Long', type: 'texteLong', longueurMax: 0 },
    ]).map((e) => `${e.path} ${e.message}`)
    expect(messages).toEqual([
      'questions.0.code Question 1 (« Effectif ») : le code commence par une lettre minuscule, puis lettres minuscules, chiffres ou tirets (40 caractères au plus).',
      'questions.0.max Question 1 (« Effectif ») : le maximum (5) est inférieur au minimum (10).',
      'questions.1.libelle Question 2 : indiquez son libellé.',
      'questions.2.code Question 3 (« Doublon ») : le code « mixite » est déjà celui de la question 2.',
      'questions.2.options Question 3 (« Doublon ») : indiquez au moins une réponse proposée.',
      'questions.3.options.1.valeur Question 4 (« Publics ») : la valeur « a » est proposée deux fois.',
      'questions.3.options.2 Question 4 (« Publics ») : la réponse proposée 3 a besoin d’une valeur et d’un libellé.',
      'questions.4.condition.question Question 5 (« Suite ») : la condition porte sur « plus-loin », qui n’est pas une question placée avant elle.',
      'questions.5.condition.valeur Question 6 (« Suite 2 ») : la réponse à « mixite » est « oui » ou « non ».',
      'questions.6.condition.valeur Question 7 (« Suite 3 ») : « z » n’est pas une réponse proposée à « Publics ».',
      'questions.7.longueurMax Question 8 (« Long ») : la longueur maximale est un nombre entier de 1 à 20 000 caractères.',
    ])
  })

  it('une question déjà répondue garde son code et son type ; son libellé se corrige', () => {
    const avant: Question[] = [
      { id: 'r1', ...mixite },
      { id: 'r2', ...effectif, condition: null },
    ]
    const repondus = new Set(['mixite'])
    expect(changementsRefuses(avant, [{ ...avant[0]!, libelle: 'Parcours mixtes' }], repondus)).toEqual([])
    expect(changementsRefuses(avant, [{ ...avant[0]!, code: 'mixite-2' }], repondus)[0]!.message).toBe(
      'La question « Mixité des parcours » a déjà des réponses : son code « mixite » ne peut plus changer.',
    )
    expect(changementsRefuses(avant, [{ ...avant[0]!, type: 'texte' }], repondus)[0]!.path).toBe(
      'questions.0.type',
    )
    expect(changementsRefuses(avant, [avant[1]!], repondus)[0]!.message).toContain(
      'ne peut plus être supprimée',
    )
    // Not answered yet: everything may change.
    expect(changementsRefuses(avant, [], new Set())).toEqual([])
  })

  it('une demande reprise garde les réponses aux questions encore posées, et dit lesquelles sont abandonnées', () => {
    const cible: Question[] = [
      mixite,
      { ...publicVise, options: [{ valeur: 'scolaires', libelle: 'Scolaires' }] },
      { ...effectif, type: 'texte' },
    ]
    const r = reponsesReprises(questions, cible, {
      mixite: true,
      'public-vise': 'apprentis',
      effectif: 24,
      ancienne: 'x',
      videe: '',
    })
    expect(r.reponses).toEqual({ mixite: true })
    expect(r.abandonnees).toEqual([
      {
        code: 'public-vise',
        libelle: 'Public visé par la mixité des parcours',
        raison: 'la réponse ne convient plus à la question de cette année',
      },
      { code: 'effectif', libelle: 'Effectif prévisionnel', raison: 'la question a changé de nature' },
      { code: 'ancienne', libelle: 'ancienne', raison: 'la question n’est plus posée cette année' },
    ])
  })
})
