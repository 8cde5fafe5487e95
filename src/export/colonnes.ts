import { AVIS, DECISIONS, libelle, MESURES, MODALITES, STATUTS, ZONES_RECRUTEMENT } from '../regles/enums'
import { ecartDeCapacite, libelleSansType } from '../regles/validationDemande'
import { libelleAcademie } from '../../access/roles'
import type { Demande, Diplome, Etablissement } from '../payload-types'

/** A relationship as the export reads it: an id (a number on SQLite, a string on MongoDB) or the fields it shows. */
type Lien<T> = T | number | string | null
type Relations = 'etablissementConcerne' | 'etablissementReferent' | 'diplome' | 'demandeLiee'

/** A demande as the export reads it: the selected fields, its relationships filled with the fields shown. */
export type DemandeExportee = Partial<Omit<Demande, Relations>> & {
  etablissementConcerne?: Lien<Pick<Etablissement, 'uai' | 'nom' | 'commune'>>
  etablissementReferent?: Lien<Pick<Etablissement, 'uai'>>
  diplome?: Lien<Pick<Diplome, 'cfd' | 'libelle' | 'typeDiplome'>>
  demandeLiee?: Lien<Pick<Demande, 'numero'>>
}

export type Colonne = {
  entete: string
  valeur: (d: DemandeExportee) => string | number | null | undefined
  personnelle?: boolean
}

const objet = <T extends object>(v: Lien<T> | undefined): T | null => (v && typeof v === 'object' ? v : null)
const ouiNon = (v: unknown) => (v ? 'Oui' : 'Non')
const date = (v: unknown) => (typeof v === 'string' && v ? v.slice(0, 10) : '')

/** One row per demande, labels not codes, in the guide's order. */
export const COLONNES: Colonne[] = [
  { entete: 'N° de projet', valeur: (d) => d.numero },
  { entete: 'Statut', valeur: (d) => libelle(STATUTS, d.statut) },
  { entete: 'Rentrée', valeur: (d) => d.rentree },
  { entete: 'UAI établissement concerné', valeur: (d) => objet(d.etablissementConcerne)?.uai },
  { entete: 'Établissement concerné', valeur: (d) => objet(d.etablissementConcerne)?.nom },
  { entete: 'Commune', valeur: (d) => objet(d.etablissementConcerne)?.commune },
  { entete: 'Département', valeur: (d) => d.departement },
  {
    entete: 'Académie',
    valeur: (d) => libelleAcademie(d.academie),
  },
  { entete: 'UAI établissement référent', valeur: (d) => objet(d.etablissementReferent)?.uai },
  { entete: 'Site de formation', valeur: (d) => d.siteFormation },
  { entete: 'Responsable du projet', valeur: (d) => d.responsable?.nom, personnelle: true },
  { entete: 'Téléphone du responsable', valeur: (d) => d.responsable?.telephone, personnelle: true },
  { entete: 'Adresse mail du responsable', valeur: (d) => d.responsable?.email, personnelle: true },
  { entete: 'Modalité', valeur: (d) => libelle(MODALITES, d.modalite) },
  { entete: 'Type de diplôme', valeur: (d) => objet(d.diplome)?.typeDiplome },
  { entete: 'Diplôme', valeur: (d) => (objet(d.diplome) ? libelleSansType(objet(d.diplome)!.libelle) : '') },
  { entete: 'Code diplôme (CFD)', valeur: (d) => objet(d.diplome)?.cfd },
  { entete: 'Durée (années)', valeur: (d) => d.dureeFormation },
  { entete: 'Année de formation', valeur: (d) => d.anneeFormation },
  { entete: 'Mesure', valeur: (d) => libelle(MESURES, d.mesure) },
  { entete: "Capacité d'accueil actuelle", valeur: (d) => d.capaciteActuelle },
  { entete: "Capacité d'accueil nouvelle", valeur: (d) => d.capaciteNouvelle },
  {
    entete: 'Écart de capacité',
    valeur: (d) => ecartDeCapacite(d.capaciteActuelle, d.capaciteNouvelle) ?? '',
  },
  { entete: 'Priorité', valeur: (d) => d.priorite },
  { entete: 'Projet lié', valeur: (d) => ouiNon(d.projetLie) },
  { entete: 'N° du projet lié', valeur: (d) => objet(d.demandeLiee)?.numero ?? '' },
  { entete: 'Première demande', valeur: (d) => ouiNon(d.premiereDemande) },
  { entete: 'Année du précédent dépôt', valeur: (d) => d.anneePrecedentDepot },
  { entete: 'Date de présentation au CP/CA', valeur: (d) => date(d.dateConseil) },
  {
    entete: 'Zones de recrutement',
    valeur: (d) => (d.zonesRecrutement ?? []).map((z) => libelle(ZONES_RECRUTEMENT, z)).join(', '),
  },
  { entete: 'Travaux demandés', valeur: (d) => ouiNon(d.travaux?.travauxDemandes) },
  { entete: 'Description des travaux', valeur: (d) => d.travaux?.descriptionTravaux },
  { entete: 'Équipements demandés', valeur: (d) => ouiNon(d.travaux?.equipementsDemandes) },
  { entete: 'Description des équipements', valeur: (d) => d.travaux?.descriptionEquipements },
  { entete: 'Autres incidences', valeur: (d) => d.travaux?.autresIncidences },
  { entete: "Rapport d'opportunité", valeur: (d) => d.rapportOpportunite },
  { entete: 'Validée le', valeur: (d) => date(d.valideeLe) },
  { entete: 'Avis', valeur: (d) => libelle(AVIS, d.avis?.avis) },
  { entete: "Commentaire de l'avis", valeur: (d) => d.avis?.commentaire },
  { entete: 'Décision', valeur: (d) => libelle(DECISIONS, d.decision?.decision) },
  { entete: 'Commentaire de la décision', valeur: (d) => d.decision?.commentaire },
]

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return) as a formula: such text is
 * prefixed with an apostrophe, which Excel and LibreOffice show as plain text. Excel also reads the full-width
 * and small forms (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫, the minus sign −) as their ASCII sign, and skips spaces, line breaks and
 * invisible characters before it (SECURITY item 32): those count as a formula start too.
 */
const DEBUT_DE_FORMULE =
  /^[\s\u0000-\u001F\u200B-\u200D\u2060\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212]|^[\t\r\n]/

export function neutraliser(valeur: string): string {
  return DEBUT_DE_FORMULE.test(valeur) ? `'${valeur}` : valeur
}

/** RFC 4180 quoting, ';' separated (what French spreadsheets open directly). */
export function celluleCsv(valeur: string | number | null | undefined): string {
  if (valeur === null || valeur === undefined) return ''
  if (typeof valeur === 'number') return String(valeur)
  const texte = neutraliser(valeur)
  return /[";\n\r]/.test(texte) ? `"${texte.replace(/"/g, '""')}"` : texte
}

export function ligneCsv(valeurs: (string | number | null | undefined)[]): string {
  return `${valeurs.map(celluleCsv).join(';')}\r\n`
}
