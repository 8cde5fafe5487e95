import type { Demande } from '../payload-types'
import { longueurUnicode } from './unicode'
import {
  AVIS,
  DECISIONS,
  libelle,
  MESURES,
  MODALITES,
  RAPPORT_MAX,
  STATUTS,
  ZONES_RECRUTEMENT,
} from './enums'
import { dateHeureFr } from '../formatsDates'

export type ErreurChamp = { path: string; message: string }

/** An id as the adapter gives it: a number on SQLite, a string on MongoDB (the generated types say number). */
type Id = number | string

/** The fields the filer enters, as the generated `Demande` types them. */
type ChampsSaisis =
  | 'numero'
  | 'rentree'
  | 'siteFormation'
  | 'responsable'
  | 'modalite'
  | 'dureeFormation'
  | 'anneeFormation'
  | 'mesure'
  | 'projetLie'
  | 'priorite'
  | 'capaciteActuelle'
  | 'capaciteNouvelle'
  | 'premiereDemande'
  | 'anneePrecedentDepot'
  | 'dateConseil'
  | 'zonesRecrutement'
  | 'travaux'
  | 'rapportOpportunite'

/** A demande read at depth 0, its relationships as ids: what the rules and the recap read. */
export type DemandeSaisie = Partial<Pick<Demande, ChampsSaisis>> & {
  id?: Id
  etablissementConcerne?: Id | null
  diplome?: Id | null
  demandeLiee?: Id | null
}

/** What validation needs to know beyond the demande itself, looked up by the caller. */
export type ContexteValidation = {
  diplome: { libelle: string; typeDiplome: string; durees: number[]; ouvert: boolean } | null
  /** Does the linked demande exist (whoever it belongs to)? Its content is never needed. */
  demandeLieeExiste: boolean
  /** Priorities already used by the structure's validated demandes of the same rentrée. */
  prioritesPrises: number[]
}

const vide = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '')
const estEntier = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v)

export const TELEPHONE_FR = /^(?:(?:\+|00)33[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d{2}){4}$/
export const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-zA-Z]{2,}$/

export { longueurUnicode }

/** The capacity gap of a demande (places opened if positive, closed if negative); none without both figures. */
export function ecartDeCapacite(actuelle: unknown, nouvelle: unknown): number | null {
  return typeof actuelle === 'number' && typeof nouvelle === 'number' ? nouvelle - actuelle : null
}

/** Every rule a demande must satisfy to be validated. Drafts are saved without them. */
export function verifierDemande(d: DemandeSaisie, ctx: ContexteValidation): ErreurChamp[] {
  const erreurs: ErreurChamp[] = []
  const err = (path: string, message: string) => erreurs.push({ path, message })

  if (vide(d.etablissementConcerne))
    err('etablissementConcerne', "Le code UAI de l'établissement concerné est obligatoire.")

  const r = d.responsable ?? {}
  if (vide(r.nom)) err('responsable.nom', 'Le nom du responsable du projet est obligatoire.')
  if (vide(r.telephone))
    err('responsable.telephone', 'Le téléphone du responsable du projet est obligatoire.')
  else if (!TELEPHONE_FR.test(String(r.telephone).trim()))
    err(
      'responsable.telephone',
      'Le téléphone du responsable doit être un numéro français à 10 chiffres (exemple : 04 67 13 81 55).',
    )
  if (vide(r.email)) err('responsable.email', "L'adresse mail du responsable du projet est obligatoire.")
  else if (!EMAIL.test(String(r.email).trim()))
    err(
      'responsable.email',
      "L'adresse mail du responsable n'est pas valide (exemple : prenom.nom@ac-montpellier.fr).",
    )

  if (!MODALITES.some((m) => m.value === d.modalite))
    err('modalite', 'Indiquez la modalité : scolaire uniquement ou public mixé.')

  if (vide(d.diplome)) err('diplome', 'Choisissez le diplôme préparé.')
  else if (!ctx.diplome) err('diplome', "Ce diplôme n'existe pas dans la liste.")
  else if (!ctx.diplome.ouvert)
    err('diplome', `Le diplôme « ${ctx.diplome.libelle} » est fermé : choisissez le diplôme qui le remplace.`)

  if (!estEntier(d.dureeFormation)) err('dureeFormation', 'Indiquez la durée de la formation (en années).')
  else if (ctx.diplome && !ctx.diplome.durees.includes(d.dureeFormation))
    err(
      'dureeFormation',
      `La durée doit être l'une de celles du diplôme : ${ctx.diplome.durees.map((n) => `${n} an${n > 1 ? 's' : ''}`).join(' ou ')}.`,
    )

  if (!estEntier(d.anneeFormation) || d.anneeFormation < 1)
    err('anneeFormation', "Indiquez l'année de formation concernée (1re année, 2e année…).")
  else if (estEntier(d.dureeFormation) && d.anneeFormation > d.dureeFormation)
    err(
      'anneeFormation',
      `L'année de formation (${d.anneeFormation}) ne peut pas dépasser la durée de la formation (${d.dureeFormation} ans).`,
    )

  if (!MESURES.some((m) => m.value === d.mesure)) err('mesure', 'Cochez la mesure demandée.')

  // map, not every: both fields are reported when both are wrong.
  const capacitesOk = ['capaciteActuelle', 'capaciteNouvelle']
    .map((champ) => {
      const v = d[champ as 'capaciteActuelle']
      const nom =
        champ === 'capaciteActuelle' ? "La capacité d'accueil actuelle" : "La capacité d'accueil nouvelle"
      if (!estEntier(v) || v < 0) {
        err(champ, `${nom} doit être un nombre entier positif ou nul.`)
        return false
      }
      return true
    })
    .every(Boolean)
  if (capacitesOk) {
    const a = d.capaciteActuelle as number
    const n = d.capaciteNouvelle as number
    if (d.mesure === 'ouverture' && !(a === 0 && n > 0))
      err(
        'capaciteNouvelle',
        'Pour une ouverture, la capacité actuelle est 0 et la capacité nouvelle est supérieure à 0.',
      )
    if (d.mesure === 'fermeture' && !(a > 0 && n === 0))
      err(
        'capaciteNouvelle',
        'Pour une fermeture, la capacité actuelle est supérieure à 0 et la capacité nouvelle est 0.',
      )
    if (d.mesure === 'augmentation' && !(n > a))
      err(
        'capaciteNouvelle',
        'Pour une augmentation, la capacité nouvelle doit être supérieure à la capacité actuelle.',
      )
    if (d.mesure === 'diminution' && !(n > 0 && n < a))
      err(
        'capaciteNouvelle',
        'Pour une diminution, la capacité nouvelle doit être comprise entre 1 et la capacité actuelle moins 1 (sinon, demandez une fermeture).',
      )
  }

  if (!estEntier(d.priorite) || d.priorite < 1)
    err('priorite', 'La priorité est un nombre entier à partir de 1 (1 = le plus prioritaire).')
  else if (ctx.prioritesPrises.includes(d.priorite))
    err(
      'priorite',
      `La priorité ${d.priorite} est déjà attribuée à une autre de vos demandes validées pour cette rentrée : chaque priorité doit être unique.`,
    )

  if (d.projetLie) {
    if (vide(d.demandeLiee)) err('demandeLiee', "Indiquez l'identifiant du projet lié.")
    else if (d.id !== undefined && String(d.demandeLiee) === String(d.id))
      err('demandeLiee', 'Une demande ne peut pas être liée à elle-même.')
    else if (!ctx.demandeLieeExiste)
      err('demandeLiee', "Le projet lié indiqué n'existe pas : vérifiez son identifiant.")
  }

  if (!d.premiereDemande) {
    if (!estEntier(d.anneePrecedentDepot))
      err('anneePrecedentDepot', "Ce n'est pas une première demande : indiquez l'année du précédent dépôt.")
    else if (estEntier(d.rentree) && d.anneePrecedentDepot >= d.rentree)
      err('anneePrecedentDepot', `L'année du précédent dépôt doit être antérieure à la rentrée ${d.rentree}.`)
  }

  if (vide(d.dateConseil) || Number.isNaN(new Date(String(d.dateConseil)).getTime()))
    err(
      'dateConseil',
      "Indiquez la date de présentation du projet au Conseil de perfectionnement / Conseil d'administration.",
    )

  const zones = d.zonesRecrutement ?? []
  if (zones.length === 0) err('zonesRecrutement', 'Cochez au moins une zone de recrutement.')
  else if (zones.some((z) => !ZONES_RECRUTEMENT.some((o) => o.value === z)))
    err('zonesRecrutement', 'Zone de recrutement inconnue.')

  const t = d.travaux ?? {}
  if (t.travauxDemandes && vide(t.descriptionTravaux))
    err('travaux.descriptionTravaux', 'Vous avez indiqué des travaux : décrivez-les.')
  if (t.equipementsDemandes && vide(t.descriptionEquipements))
    err('travaux.descriptionEquipements', 'Vous avez indiqué des équipements : décrivez-les.')

  const rapport = d.rapportOpportunite ?? ''
  if (vide(rapport)) err('rapportOpportunite', "Le rapport d'opportunité est obligatoire.")
  else if (longueurUnicode(rapport) > RAPPORT_MAX)
    err(
      'rapportOpportunite',
      `Le rapport d'opportunité dépasse 5 000 caractères (${longueurUnicode(rapport)} saisis).`,
    )

  return erreurs
}

export type LigneRecap = { champ: string; libelle: string; valeur: string }
export type Recapitulatif = {
  numero: number | null
  rentree: number | null
  sections: { titre: string; lignes: LigneRecap[] }[]
}

const ordinal = (n: number) => (n === 1 ? '1re' : `${n}e`)

/** BCN libellés end with their type, "CUISINE (CAP)", "AGENT … (MC4)": drop it when the type is shown before. */
export function libelleSansType(libelle: string): string {
  return (
    libelle
      .replace(
        /\s*\((?:CAP|CAPA|BAC PRO|BAC PRO AG|BP|BPA|BTS|BTSA|BMA|DMA|DNMADE|MC|MC ?\d|CS|CS ?\d|CSA)[^)]*\)\s*$/i,
        '',
      )
      .trim() || libelle
  )
}

/** "1re année du CAP Ébéniste en 2 ans", as the guide phrases it. */
export function formationEnClair(
  d: Pick<DemandeSaisie, 'anneeFormation' | 'dureeFormation'>,
  diplome: ContexteValidation['diplome'],
): string {
  if (!diplome) return ''
  const base = `${diplome.typeDiplome} ${libelleSansType(diplome.libelle)}`
  if (!d.anneeFormation || !d.dureeFormation) return base
  return `${ordinal(d.anneeFormation)} année du ${base} en ${d.dureeFormation} an${d.dureeFormation > 1 ? 's' : ''}`
}

/** Every value, readable, in the guide's order: what the recap page shows before confirmation. */
export function recapituler(
  // `statut: string`, not the generated union: src/validation.ts passes its own, wider record type.
  d: DemandeSaisie & { statut?: string | null } & Partial<Pick<Demande, 'avis' | 'decision'>>,
  ctx: {
    diplome: ContexteValidation['diplome']
    etablissementConcerne: string
    etablissementReferent: string
    demandeLiee: string
  },
): Recapitulatif {
  const oui = (v: unknown) => (v ? 'Oui' : 'Non')
  const ligne = (champ: string, libelleChamp: string, valeur: unknown): LigneRecap => ({
    champ,
    libelle: libelleChamp,
    valeur: valeur === null || valeur === undefined || valeur === '' ? '—' : String(valeur),
  })
  // What the reader may read of an avis or a décision (field access removes them before publication for filers):
  // its comment, author and date, each line only when it has a value.
  const details = (
    prefixe: 'avis' | 'decision',
    g: { commentaire?: string | null; auteur?: string | null; date?: string | null } | null | undefined,
    libelles: [string, string, string],
  ): LigneRecap[] =>
    [
      ligne(`${prefixe}.commentaire`, libelles[0], g?.commentaire),
      ligne(`${prefixe}.auteur`, libelles[1], g?.auteur),
      ligne(`${prefixe}.date`, libelles[2], g?.date ? dateHeureFr(g.date) : null),
    ].filter((l) => l.valeur !== '—')
  const date = d.dateConseil
    ? new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(
        new Date(d.dateConseil),
      )
    : ''
  const t = d.travaux ?? {}
  return {
    numero: d.numero ?? null,
    rentree: d.rentree ?? null,
    sections: [
      {
        titre: 'A/ Établissement de formation',
        lignes: [
          ligne('etablissementReferent', "Code UAI de l'établissement référent", ctx.etablissementReferent),
          ligne('etablissementConcerne', "Code UAI de l'établissement concerné", ctx.etablissementConcerne),
          ligne('siteFormation', 'Site de formation', d.siteFormation),
          ligne('responsable.nom', 'Responsable du projet', d.responsable?.nom),
          ligne('responsable.telephone', 'Téléphone', d.responsable?.telephone),
          ligne('responsable.email', 'Adresse mail', d.responsable?.email),
        ],
      },
      {
        titre: 'B/ Informations sur la formation',
        lignes: [
          ligne('modalite', 'Modalité', libelle(MODALITES, d.modalite)),
          ligne('diplome', 'Diplôme', formationEnClair(d, ctx.diplome)),
          ligne('mesure', 'Mesure demandée', libelle(MESURES, d.mesure)),
          ligne('projetLie', 'Projet lié à un autre projet', oui(d.projetLie)),
          ...(d.projetLie ? [ligne('demandeLiee', 'Identifiant du projet lié', ctx.demandeLiee)] : []),
          ligne('priorite', 'Priorité', d.priorite),
          ligne('capaciteActuelle', "Capacité d'accueil actuelle", d.capaciteActuelle),
          ligne('capaciteNouvelle', "Capacité d'accueil nouvelle", d.capaciteNouvelle),
          ligne('premiereDemande', 'Projet déposé pour la première fois', oui(d.premiereDemande)),
          ...(d.premiereDemande
            ? []
            : [ligne('anneePrecedentDepot', 'Année du précédent dépôt', d.anneePrecedentDepot)]),
          ligne('dateConseil', 'Date de présentation au CP / CA', date),
          ligne(
            'zonesRecrutement',
            'Zone de recrutement',
            (d.zonesRecrutement ?? []).map((z) => libelle(ZONES_RECRUTEMENT, z)).join(', '),
          ),
          ligne('rentree', 'Année scolaire de programmation', d.rentree ? `Rentrée ${d.rentree}` : ''),
        ],
      },
      {
        titre: 'Travaux, équipements et autres incidences',
        lignes: [
          ligne('travaux.travauxDemandes', 'Travaux demandés', oui(t.travauxDemandes)),
          ...(t.travauxDemandes
            ? [ligne('travaux.descriptionTravaux', 'Description des travaux', t.descriptionTravaux)]
            : []),
          ligne('travaux.equipementsDemandes', 'Équipements demandés', oui(t.equipementsDemandes)),
          ...(t.equipementsDemandes
            ? [
                ligne(
                  'travaux.descriptionEquipements',
                  'Description des équipements',
                  t.descriptionEquipements,
                ),
              ]
            : []),
          ligne('travaux.autresIncidences', 'Autres incidences', t.autresIncidences),
        ],
      },
      {
        titre: "Rapport d'opportunité",
        lignes: [
          ligne(
            'rapportOpportunite',
            `Rapport d'opportunité (${longueurUnicode(d.rapportOpportunite ?? '')} / 5 000 caractères)`,
            d.rapportOpportunite,
          ),
        ],
      },
      ...(d.statut && d.statut !== 'brouillon'
        ? [
            {
              titre: 'Instruction',
              lignes: [
                ligne('statut', 'Statut', libelle(STATUTS, d.statut)),
                ligne('avis.avis', 'Avis', libelle(AVIS, d.avis?.avis)),
                ...details('avis', d.avis, ["Commentaire de l'avis", 'Avis donné par', "Date de l'avis"]),
                ligne('decision.decision', 'Décision', libelle(DECISIONS, d.decision?.decision)),
                ...details('decision', d.decision, [
                  'Commentaire de la décision',
                  'Décision enregistrée par',
                  'Date de la décision',
                ]),
              ],
            },
          ]
        : []),
    ],
  }
}
