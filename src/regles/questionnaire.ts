/**
 * A campaign's configurable questionnaire (contract v2, `campagnes.questions` and `demandes.reponses`): the rules on
 * the questions an editor writes and on the answers a filer gives. Pure: the campaign's hooks, the demande's
 * validation, the form, the recap, the exports and the reprise of a past demande all ask here.
 */
import { longueurUnicode } from './unicode'

export const TYPES_QUESTION = [
  { value: 'texte', label: 'Texte court' },
  { value: 'texteLong', label: 'Texte long' },
  { value: 'nombre', label: 'Nombre' },
  { value: 'ouiNon', label: 'Oui / non' },
  { value: 'choix', label: 'Choix dans une liste' },
  { value: 'choixMultiple', label: 'Plusieurs choix dans une liste' },
  { value: 'date', label: 'Date' },
] as const
export type TypeQuestion = (typeof TYPES_QUESTION)[number]['value']

/** Where the form shows a question: the guide's sections. */
export const SECTIONS_QUESTION = [
  { value: 'etablissement', label: 'A/ Informations sur l’établissement' },
  { value: 'formation', label: 'B/ Informations sur la formation' },
  { value: 'travaux', label: 'C/ Travaux et équipements' },
  { value: 'rapport', label: 'D/ Rapport d’opportunité' },
  { value: 'complements', label: 'E/ Questions complémentaires' },
] as const
export type SectionQuestion = (typeof SECTIONS_QUESTION)[number]['value']

export type Question = {
  id?: string | null
  code: string
  section?: SectionQuestion | null
  libelle: string
  aide?: string | null
  type: TypeQuestion
  options?: { valeur?: string | null; libelle?: string | null }[] | null
  obligatoire?: boolean | null
  min?: number | null
  max?: number | null
  longueurMax?: number | null
  condition?: { question?: string | null; valeur?: string | null } | null
}
export type Reponses = Record<string, unknown>
export type Erreur = { path: string; message: string }

/** Texts without a bound of their own keep the fixed fields' (a line; the rapport d'opportunité's 5,000). */
export const LONGUEUR_PAR_DEFAUT: Record<'texte' | 'texteLong', number> = { texte: 250, texteLong: 5000 }
export const CODE_VALIDE = /^[a-z][a-z0-9-]{0,39}$/

const nombre = (n: number) => n.toLocaleString('fr-FR')
const vide = (v: unknown) =>
  v === null ||
  v === undefined ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0)
const nomDe = (q: Pick<Question, 'libelle' | 'code'>) => `« ${q.libelle?.trim() || q.code} »`
const estChoix = (t: TypeQuestion) => t === 'choix' || t === 'choixMultiple'
const estTexte = (t: TypeQuestion): t is 'texte' | 'texteLong' => t === 'texte' || t === 'texteLong'
const valeursDe = (q: Question) => (q.options ?? []).map((o) => o.valeur ?? '').filter(Boolean)

/** A date as the form and the API give it: `2027-01-31` or a full ISO instant. */
function dateValide(v: unknown): boolean {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(v)) return false
  const t = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v)
  if (Number.isNaN(t)) return false
  // `2027-02-30` parses as 2 March in some engines: the day must survive the round trip.
  return v.length !== 10 || new Date(t).toISOString().slice(0, 10) === v
}

/** Why this value is not a valid answer to the question (type, bounds, options, length), or null. */
export function erreurValeur(q: Question, v: unknown): string | null {
  const nom = nomDe(q)
  switch (q.type) {
    case 'texte':
    case 'texteLong': {
      if (typeof v !== 'string') return `${nom} : attendu un texte.`
      const max = q.longueurMax ?? LONGUEUR_PAR_DEFAUT[q.type]
      const n = longueurUnicode(v)
      if (n > max) return `${nom} : ${nombre(max)} caractères au maximum (${nombre(n)} saisis).`
      if (q.type === 'texte' && /[\r\n]/.test(v))
        return `${nom} : une seule ligne (pas de retour à la ligne).`
      return null
    }
    case 'nombre': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return `${nom} : attendu un nombre.`
      const { min, max } = q
      if (typeof min === 'number' && typeof max === 'number' && (v < min || v > max))
        return `${nom} : indiquez un nombre de ${nombre(min)} à ${nombre(max)}.`
      if (typeof min === 'number' && v < min) return `${nom} : indiquez un nombre d’au moins ${nombre(min)}.`
      if (typeof max === 'number' && v > max) return `${nom} : indiquez un nombre d’au plus ${nombre(max)}.`
      return null
    }
    case 'ouiNon':
      return typeof v === 'boolean' ? null : `${nom} : répondez par oui ou par non.`
    case 'choix':
      return typeof v === 'string' && valeursDe(q).includes(v)
        ? null
        : `${nom} : choisissez une des réponses proposées.`
    case 'choixMultiple': {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && valeursDe(q).includes(x)))
        return `${nom} : choisissez parmi les réponses proposées.`
      return new Set(v).size === v.length ? null : `${nom} : une même réponse est choisie deux fois.`
    }
    case 'date':
      return dateValide(v) ? null : `${nom} : attendu une date (jour, mois, année).`
    default:
      return `${nom} : type de question inconnu.`
  }
}

/** Whether an answer matches a condition's value (written as text by the editor). */
function satisfait(cible: Question, reponse: unknown, valeur: string): boolean {
  if (vide(reponse)) return false
  switch (cible.type) {
    case 'ouiNon':
      return reponse === (['oui', 'true'].includes(valeur.trim().toLowerCase()) ? true : false)
    case 'nombre':
      return typeof reponse === 'number' && reponse === Number(valeur.replace(',', '.'))
    case 'choixMultiple':
      return Array.isArray(reponse) && reponse.includes(valeur)
    default:
      return typeof reponse === 'string' && reponse.trim() === valeur.trim()
  }
}

/**
 * Whether the question is shown (and so may be required): it has no condition, or the question it depends on is
 * shown and answered with the condition's value.
 */
export function estVisible(q: Question, questions: Question[], reponses: Reponses, profondeur = 0): boolean {
  const code = q.condition?.question
  if (!code) return true
  const cible = questions.find((x) => x.code === code)
  if (!cible || cible === q || profondeur > questions.length) return false
  return (
    estVisible(cible, questions, reponses, profondeur + 1) &&
    satisfait(cible, reponses[code], q.condition?.valeur ?? '')
  )
}

/**
 * The answers' errors. A draft keeps what it can (type and bounds of what is answered, no unknown code); at
 * validation, every shown required question must be answered. An answer to a hidden question is not checked for
 * being required (nor shown): `reponsesRetenues` leaves it out of what is validated.
 */
export function erreursReponses(
  questions: Question[],
  reponses: unknown,
  { validation }: { validation: boolean },
): Erreur[] {
  if (reponses === null || reponses === undefined) reponses = {}
  if (typeof reponses !== 'object' || Array.isArray(reponses))
    return [
      {
        path: 'reponses',
        message: 'Réponses aux questions de la campagne : attendu un objet { code: réponse }.',
      },
    ]
  const r = reponses as Reponses
  const erreurs: Erreur[] = []
  for (const code of Object.keys(r)) {
    if (!questions.some((q) => q.code === code))
      erreurs.push({
        path: `reponses.${code}`,
        message: `« ${code.slice(0, 40)} » n’est pas une question de la campagne de cette demande.`,
      })
  }
  for (const q of questions) {
    const v = r[q.code]
    if (vide(v)) {
      if (validation && q.obligatoire && estVisible(q, questions, r))
        erreurs.push({ path: `reponses.${q.code}`, message: `${nomDe(q)} : réponse obligatoire.` })
      continue
    }
    const e = erreurValeur(q, v)
    if (e) erreurs.push({ path: `reponses.${q.code}`, message: e })
  }
  return erreurs
}

/** The answers as a validated demande keeps them: those of shown questions, empty ones left out. */
export function reponsesRetenues(questions: Question[], reponses: Reponses): Reponses {
  const retenues: Reponses = {}
  for (const q of questions)
    if (!vide(reponses[q.code]) && estVisible(q, questions, reponses)) retenues[q.code] = reponses[q.code]
  return retenues
}

/** The errors of a questionnaire as the editor wrote it (each named by its position and label). */
export function erreursQuestionnaire(questions: Question[]): Erreur[] {
  const erreurs: Erreur[] = []
  const vus = new Map<string, number>()
  questions.forEach((q, i) => {
    const ici = (champ: string, texte: string) =>
      erreurs.push({
        path: `questions.${i}.${champ}`,
        message: `Question ${i + 1}${q.libelle?.trim() ? ` (${nomDe(q)})` : ''} : ${texte}`,
      })
    if (!q.libelle?.trim()) ici('libelle', 'indiquez son libellé.')
    if (!CODE_VALIDE.test(q.code ?? ''))
      ici(
        'code',
        'le code commence par une lettre minuscule, puis lettres minuscules, chiffres ou tirets (40 caractères au plus).',
      )
    else if (vus.has(q.code))
      ici('code', `le code « ${q.code} » est déjà celui de la question ${vus.get(q.code)! + 1}.`)
    else vus.set(q.code, i)
    if (!TYPES_QUESTION.some((t) => t.value === q.type)) ici('type', 'choisissez un type de question.')
    if (q.section && !SECTIONS_QUESTION.some((s) => s.value === q.section))
      ici('section', 'choisissez une section du formulaire.')
    if (estChoix(q.type)) {
      const valeurs = (q.options ?? []).map((o) => o.valeur?.trim() ?? '')
      if (valeurs.length === 0) ici('options', 'indiquez au moins une réponse proposée.')
      ;(q.options ?? []).forEach((o, j) => {
        if (!o.valeur?.trim() || !o.libelle?.trim())
          ici(`options.${j}`, `la réponse proposée ${j + 1} a besoin d’une valeur et d’un libellé.`)
        else if (valeurs.indexOf(o.valeur.trim()) !== j)
          ici(`options.${j}.valeur`, `la valeur « ${o.valeur} » est proposée deux fois.`)
      })
    }
    if (q.type === 'nombre' && typeof q.min === 'number' && typeof q.max === 'number' && q.min > q.max)
      ici('max', `le maximum (${nombre(q.max)}) est inférieur au minimum (${nombre(q.min)}).`)
    if (estTexte(q.type) && q.longueurMax !== null && q.longueurMax !== undefined) {
      if (!Number.isInteger(q.longueurMax) || q.longueurMax < 1 || q.longueurMax > 20_000)
        ici('longueurMax', 'la longueur maximale est un nombre entier de 1 à 20 000 caractères.')
    }
    const code = q.condition?.question
    if (code) {
      const j = questions.findIndex((x) => x.code === code)
      // A condition on an earlier question only: no cycle, and the form reads from top to bottom.
      if (j < 0 || j >= i)
        ici(
          'condition.question',
          `la condition porte sur « ${code} », qui n’est pas une question placée avant elle.`,
        )
      else {
        const cible = questions[j]!
        const valeur = q.condition?.valeur?.trim() ?? ''
        if (!valeur)
          ici('condition.valeur', `indiquez la réponse à ${nomDe(cible)} qui fait apparaître la question.`)
        else if (estChoix(cible.type) && !valeursDe(cible).includes(valeur))
          ici('condition.valeur', `« ${valeur} » n’est pas une réponse proposée à ${nomDe(cible)}.`)
        else if (cible.type === 'ouiNon' && !['oui', 'non', 'true', 'false'].includes(valeur.toLowerCase()))
          ici('condition.valeur', `la réponse à ${nomDe(cible)} est « oui » ou « non ».`)
        else if (cible.type === 'nombre' && !Number.isFinite(Number(valeur.replace(',', '.'))))
          ici('condition.valeur', `la réponse à ${nomDe(cible)} est un nombre.`)
      }
    }
  })
  return erreurs
}

/**
 * Once a demande answered a question, its code and type are frozen: removing it, changing its code or its type is
 * refused (its label, help, bounds and options may still be corrected). Rows are matched by their id, else code.
 */
export function changementsRefuses(
  avant: Question[],
  apres: Question[],
  codesRepondus: ReadonlySet<string>,
): Erreur[] {
  const erreurs: Erreur[] = []
  for (const q of avant) {
    if (!codesRepondus.has(q.code)) continue
    const meme = (q.id && apres.find((x) => x.id === q.id)) || apres.find((x) => x.code === q.code)
    const i = meme ? apres.indexOf(meme) : -1
    if (!meme)
      erreurs.push({
        path: 'questions',
        message: `La question ${nomDe(q)} a déjà des réponses : elle ne peut plus être supprimée.`,
      })
    else if (meme.code !== q.code)
      erreurs.push({
        path: `questions.${i}.code`,
        message: `La question ${nomDe(q)} a déjà des réponses : son code « ${q.code} » ne peut plus changer.`,
      })
    else if (meme.type !== q.type)
      erreurs.push({
        path: `questions.${i}.type`,
        message: `La question ${nomDe(q)} a déjà des réponses : son type ne peut plus changer.`,
      })
  }
  return erreurs
}

export type ReponseAbandonnee = { code: string; libelle: string; raison: string }

/**
 * A past demande taken up into a new campaign: its answers to questions that still exist (same code, same type) and
 * are still valid there are copied; the others are dropped and listed, for the filer to be told.
 */
export function reponsesReprises(
  origine: Question[],
  cible: Question[],
  reponses: Reponses,
): { reponses: Reponses; abandonnees: ReponseAbandonnee[] } {
  const copiees: Reponses = {}
  const abandonnees: ReponseAbandonnee[] = []
  for (const [code, valeur] of Object.entries(reponses ?? {})) {
    if (vide(valeur)) continue
    const ancienne = origine.find((q) => q.code === code)
    const libelle = ancienne?.libelle ?? code
    const nouvelle = cible.find((q) => q.code === code)
    if (!nouvelle) abandonnees.push({ code, libelle, raison: 'la question n’est plus posée cette année' })
    else if (ancienne && ancienne.type !== nouvelle.type)
      abandonnees.push({ code, libelle, raison: 'la question a changé de nature' })
    else if (erreurValeur(nouvelle, valeur))
      abandonnees.push({ code, libelle, raison: 'la réponse ne convient plus à la question de cette année' })
    else copiees[code] = valeur
  }
  return { reponses: copiees, abandonnees }
}

// Paris time: a date-only answer (midnight UTC) stays its day; an instant reads as in France.
const DATE_FR = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Paris',
})

/** An answer as the recap, the PDF and the exports write it (option labels, « Oui », « 31 janvier 2027 »). */
export function texteReponse(q: Question, v: unknown): string {
  if (vide(v)) return ''
  const libelleOption = (x: unknown) => (q.options ?? []).find((o) => o.valeur === x)?.libelle ?? String(x)
  switch (q.type) {
    case 'ouiNon':
      return v === true ? 'Oui' : v === false ? 'Non' : String(v)
    case 'nombre':
      return typeof v === 'number' ? nombre(v) : String(v)
    case 'choix':
      return libelleOption(v)
    case 'choixMultiple':
      return Array.isArray(v) ? v.map(libelleOption).join(' ; ') : String(v)
    case 'date':
      return dateValide(v)
        ? DATE_FR.format(new Date(String(v).length === 10 ? `${v}T00:00:00Z` : String(v)))
        : String(v)
    default:
      return String(v)
  }
}
