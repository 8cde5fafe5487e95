import type { CollectionConfig, FieldAccess } from 'payload'

import {
  createDemandes,
  deleteDemandes,
  readDemandes,
  readDemandeVersions,
  updateDemandes,
} from '../../access/demandes'
import { portee } from '../../access/permissions'
import { ACADEMIES, estDeposant, peut, utilisateurDe } from '../../access/roles'
import { horodaterInstruction } from '../../hooks/demandes/horodaterInstruction'
import {
  dateAfficheeAuLecteur,
  statutAfficheAuLecteur,
  statutSelonLecteur,
} from '../../hooks/demandes/statutVu'
import { jointuresSurDemande } from '../../hooks/demandes/jointuresSurDemande'
import { journaliserInstruction, journaliserSuppression } from '../../hooks/demandes/journaliserInstruction'
import { renseignerChampsServeur } from '../../hooks/demandes/renseignerChampsServeur'
import { verifierCampagneOuverte } from '../../hooks/demandes/verifierCampagneOuverte'
import { verifierChampsConditionnels } from '../../hooks/demandes/verifierChampsConditionnels'
import { verifierGroupes } from '../../hooks/demandes/verifierGroupes'
import {
  interdireSuppressionApresValidation,
  verrouillerApresValidation,
} from '../../hooks/demandes/verrouillerApresValidation'
import { lireCampagne } from '../../src/campagne'
import { exporter } from './endpoints/exporter'
import { statistiques } from './endpoints/statistiques'
import { valider } from './endpoints/valider'
import { TYPES_ANNEXES_LIBELLE } from '../Annexes'
import {
  AVIS,
  DECISIONS,
  MESURES,
  MODALITES,
  RAPPORT_MAX,
  STATUTS,
  ZONES_RECRUTEMENT,
} from '../../src/regles/enums'
import { annexesDeLaDemande, relationExistante } from '../../hooks/relationExistante'
import { entier } from '../../hooks/nombres'
import { datePlausible } from '../../hooks/dates'
import { verifierTextes } from '../../hooks/texte'
import { INDEX_DEMANDES } from './indexComposes'
import { garderRequetes } from '../../hooks/requetes/garderRequetes'
import { statutDepot } from '../../src/regles/statut'
import { DATE_HEURE_CHAMP, DATE_SAISIE } from '../../src/formatsDates'
import { configuration } from '../../src/env'

/** The values each stored view can take (src/regles/statut.ts). */
const STATUTS_DEPOT = STATUTS.filter((s) => statutDepot(s.value) === s.value)
const STATUTS_SANS_DECISION = STATUTS.filter((s) => !DECISIONS.some((d) => d.value === s.value))

/** The filer's fields: writable while the demande is a draft (the admin: always). */
const saisie: FieldAccess = ({ req, doc }) =>
  peut(req, 'outrepasserVerrous') || (doc?.statut ?? 'brouillon') === 'brouillon'
/** Set by the server only. */
const serveur: FieldAccess = () => false
const avisAccess: FieldAccess = ({ req, doc }) =>
  portee(utilisateurDe(req)?.role, 'donnerAvis') !== 'non' &&
  Boolean(doc?.statut) &&
  doc?.statut !== 'brouillon'
const decisionAccess: FieldAccess = ({ req, doc }) =>
  portee(utilisateurDe(req)?.role, 'decider') !== 'non' && Boolean(doc?.statut) && doc?.statut !== 'brouillon'
const donneesPersonnelles: FieldAccess = ({ req }) => peut(req, 'lireDonneesPersonnelles')
/** Filers see the avis and the décision only once the Région has published the campaign's decisions. */
const instructionPubliee: FieldAccess = async ({ req }) =>
  peut(req, 'lireAvisAvantPublication') || Boolean((await lireCampagne(req)).decisionsPubliees)
/** The DRAAF gives avis, so it reads them; like every filer, it reads the décision only once published. */
const decisionPubliee: FieldAccess = async ({ req }) =>
  peut(req, 'lireDecisionsAvantPublication') || Boolean((await lireCampagne(req)).decisionsPubliees)
/** The view without the décision tells an avis exists: not for schools and réseaux (src/regles/statut.ts). */
const vueSansDecision: FieldAccess = ({ req }) => peut(req, 'lireAvisAvantPublication')

const acces = { create: saisie, update: saisie }

export const Demandes: CollectionConfig = {
  slug: 'demandes',
  // Payload's lock records are readable by every signed-in user (they reveal who edits what): off.
  lockDocuments: false,
  graphQL: { singularName: 'Demande', pluralName: 'Demandes' },
  labels: { singular: 'Demande', plural: 'Demandes' },
  admin: {
    useAsTitle: 'titre',
    defaultColumns: [
      'numero',
      'etablissementConcerne',
      'diplome',
      'dureeFormation',
      'anneeFormation',
      'mesure',
      'capaciteActuelle',
      'capaciteNouvelle',
      'ecartCapacite',
      'priorite',
      'statut',
      'avis.avis',
      'decision.decision',
    ],
    listSearchableFields: ['numero', 'rapportOpportunite'],
    group: 'Demandes',
    description:
      "Demandes d'ouverture, de fermeture ou d'évolution de capacité des formations professionnelles.",
    pagination: { defaultLimit: 50 },
    components: {
      edit: { beforeDocumentControls: ['/src/admin/boutons#BoutonsDemande'] },
      beforeListTable: ['/src/admin/BoutonExport#BoutonExport'],
    },
  },
  defaultSort: '-numero',
  disableDuplicate: true,
  // « Filtres enregistrés »: Payload's query presets (filters, columns, sort), private or shared.
  enableQueryPresets: true,
  endpoints: [exporter, statistiques, valider],
  versions: { maxPerDoc: 100 },
  indexes: INDEX_DEMANDES,
  // The statut's read hook needs the stored views whatever the caller selects.
  forceSelect: {
    statutDepot: true,
    statutSansDecision: true,
    modifieeLeDepot: true,
    modifieeLeSansDecision: true,
  },
  access: {
    create: createDemandes,
    read: readDemandes,
    update: updateDemandes,
    delete: deleteDemandes,
    readVersions: readDemandeVersions,
    unlock: updateDemandes,
  },
  hooks: {
    beforeOperation: [verifierGroupes, jointuresSurDemande, garderRequetes, statutSelonLecteur],
    beforeChange: [
      verifierCampagneOuverte,
      verifierChampsConditionnels,
      renseignerChampsServeur,
      verrouillerApresValidation,
      horodaterInstruction,
    ],
    afterChange: [journaliserInstruction],
    beforeDelete: [interdireSuppressionApresValidation],
    afterDelete: [journaliserSuppression],
  },
  // Every text field: a string, no control character, within its length (hooks/texte.ts).
  fields: verifierTextes([
    { name: 'legende', type: 'ui', admin: { components: { Field: '/src/admin/Legende#Legende' } } },
    {
      type: 'row',
      fields: [
        {
          name: 'numero',
          type: 'number',
          label: 'N° de projet (identifiant)',
          unique: true,
          index: true,
          access: { create: serveur, update: serveur },
          admin: { readOnly: true, description: 'Généré automatiquement au premier enregistrement.' },
        },
        {
          name: 'rentree',
          type: 'number',
          label: 'Année scolaire de programmation (rentrée)',
          index: true,
          access: { create: serveur, update: serveur },
          admin: { readOnly: true, description: 'Préremplie à partir de la campagne en cours.' },
        },
        {
          name: 'statut',
          type: 'select',
          label: 'Statut',
          required: true,
          defaultValue: 'brouillon',
          index: true,
          options: [...STATUTS],
          access: { create: serveur, update: serveur },
          hooks: { afterRead: [statutAfficheAuLecteur] },
          admin: { readOnly: true },
        },
      ],
    },
    // What filers see of the statut before publication (src/regles/statut.ts), kept by the server on every write:
    // filters and sorts of filers on `statut` are answered on these (hooks/demandes/statutVu.ts).
    {
      name: 'statutDepot',
      type: 'select',
      label: 'Statut du dépôt',
      index: true,
      options: [...STATUTS_DEPOT],
      access: { create: serveur, update: serveur },
      admin: { hidden: true },
    },
    {
      name: 'statutSansDecision',
      type: 'select',
      label: 'Statut sans la décision',
      index: true,
      options: [...STATUTS_SANS_DECISION],
      access: { read: vueSansDecision, create: serveur, update: serveur },
      admin: { hidden: true },
    },
    // The date each of those views shows as `updatedAt` (an avis or a décision must not move it).
    {
      name: 'modifieeLeDepot',
      type: 'date',
      label: 'Modifiée le (vue du dépôt)',
      access: { create: serveur, update: serveur },
      admin: { hidden: true },
    },
    {
      name: 'modifieeLeSansDecision',
      type: 'date',
      label: 'Modifiée le (sans la décision)',
      access: { read: vueSansDecision, create: serveur, update: serveur },
      admin: { hidden: true },
    },
    {
      name: 'titre',
      type: 'text',
      label: 'Intitulé',
      defaultValue: 'Nouvelle demande',
      access: { create: serveur, update: serveur },
      admin: { hidden: true },
    },
    {
      type: 'collapsible',
      label: 'A/ Établissement de formation',
      fields: [
        {
          name: 'etablissementReferent',
          type: 'relationship',
          relationTo: 'etablissements',
          label: "Code UAI de l'établissement référent",
          index: true,
          access: { create: serveur, update: serveur },
          admin: {
            readOnly: true,
            description: "Prérempli à partir de l'identifiant avec lequel vous êtes connecté.",
          },
        },
        {
          name: 'etablissementConcerne',
          type: 'relationship',
          validate: relationExistante,
          relationTo: 'etablissements',
          label: "Code UAI de l'établissement concerné",
          required: true,
          access: acces,
          admin: {
            description: "L'établissement de votre réseau concerné par le projet.",
            components: { Field: '/src/admin/ChampUai#ChampUai' },
          },
        },
        {
          name: 'siteFormation',
          type: 'text',
          label: "Site de formation (s'il est différent du site de l'établissement concerné)",
          maxLength: 300,
          access: acces,
        },
        {
          name: 'responsable',
          type: 'group',
          label: 'Responsable du projet',
          access: { read: donneesPersonnelles, create: saisie, update: saisie },
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'nom',
                  type: 'text',
                  label: 'Nom du responsable',
                  maxLength: 200,
                  admin: { className: 'requis-validation' },
                },
                {
                  name: 'telephone',
                  type: 'text',
                  label: 'Téléphone',
                  maxLength: 30,
                  admin: { className: 'requis-validation', description: 'Exemple : 04 67 13 81 55' },
                },
                {
                  name: 'email',
                  type: 'text',
                  label: 'Adresse mail',
                  maxLength: 254,
                  admin: {
                    className: 'requis-validation',
                    description: 'Exemple : prenom.nom@ac-montpellier.fr',
                  },
                },
              ],
            },
          ],
        },
      ],
    },
    {
      type: 'collapsible',
      label: 'B/ Informations sur la formation',
      fields: [
        {
          name: 'modalite',
          type: 'select',
          label: 'Modalité',
          options: [...MODALITES],
          access: acces,
          admin: {
            className: 'requis-validation',
            description:
              "Scolaires uniquement, ou création ex nihilo d'une formation avec un public mixé (préciser alors le détail dans le rapport d'opportunité ou en annexe).",
          },
        },
        {
          name: 'diplome',
          type: 'relationship',
          validate: relationExistante,
          relationTo: 'diplomes',
          label: 'Diplôme',
          index: true,
          access: acces,
          filterOptions: { ouvert: { equals: true } },
          admin: { components: { Field: '/src/admin/ChoixDiplome#ChoixDiplome' } },
        },
        {
          type: 'row',
          fields: [
            {
              name: 'dureeFormation',
              type: 'number',
              validate: entier('Durée de la formation', { min: 1, max: 4 }),
              label: 'Durée de la formation (en années)',
              min: 1,
              max: 4,
              access: acces,
              admin: { hidden: true },
            },
            {
              name: 'anneeFormation',
              type: 'number',
              validate: entier('Année de formation', { min: 1, max: 4 }),
              label: 'Année de formation concernée',
              min: 1,
              max: 4,
              access: acces,
              admin: { hidden: true },
            },
          ],
        },
        {
          name: 'mesure',
          type: 'select',
          label: 'Mesure demandée',
          options: [...MESURES],
          index: true,
          access: acces,
          admin: { className: 'requis-validation' },
        },
        {
          name: 'projetLie',
          type: 'checkbox',
          label: 'Votre projet fait-il référence à un autre projet ?',
          defaultValue: false,
          access: acces,
        },
        {
          name: 'demandeLiee',
          type: 'relationship',
          validate: relationExistante,
          relationTo: 'demandes',
          label: "Si oui, indiquez l'identifiant du projet concerné",
          access: acces,
          admin: { className: 'requis-validation', condition: (data) => Boolean(data?.projetLie) },
        },
        {
          name: 'priorite',
          type: 'number',
          validate: entier('Priorité', { min: 1, max: 999 }),
          label: 'Priorité',
          min: 1,
          access: acces,
          admin: {
            className: 'requis-validation',
            description: 'Classez vos projets par ordre de priorité : 1 le plus prioritaire, 2, etc.',
          },
        },
        {
          type: 'row',
          fields: [
            {
              name: 'capaciteActuelle',
              type: 'number',
              validate: entier("Capacité d'accueil actuelle", { min: 0, max: 9999 }),
              label: "Capacité d'accueil actuelle",
              min: 0,
              access: acces,
              admin: { className: 'requis-validation' },
            },
            {
              name: 'capaciteNouvelle',
              type: 'number',
              validate: entier("Capacité d'accueil nouvelle", { min: 0, max: 9999 }),
              label: "Capacité d'accueil nouvelle",
              min: 0,
              access: acces,
              admin: { className: 'requis-validation' },
            },
            {
              name: 'ecartCapacite',
              type: 'number',
              label: 'Écart de capacité',
              index: true,
              access: { create: serveur, update: serveur },
              admin: {
                readOnly: true,
                description: "Calculé à l'enregistrement : capacité nouvelle moins capacité actuelle.",
              },
            },
          ],
        },
        {
          name: 'premiereDemande',
          type: 'checkbox',
          label: 'Projet déposé pour la première fois',
          defaultValue: true,
          access: acces,
        },
        {
          name: 'anneePrecedentDepot',
          type: 'number',
          validate: entier('Année du précédent dépôt', { min: 2000, max: 2100 }),
          label: 'Si non, année du précédent dépôt',
          min: 2000,
          max: 2100,
          access: acces,
          admin: { className: 'requis-validation', condition: (data) => !data?.premiereDemande },
        },
        {
          name: 'dateConseil',
          type: 'date',
          label: "Date de présentation du projet au Conseil de perfectionnement / Conseil d'administration",
          validate: datePlausible(
            "Date de présentation du projet au Conseil de perfectionnement / Conseil d'administration",
          ),
          access: acces,
          admin: {
            className: 'requis-validation',
            date: { pickerAppearance: 'dayOnly', displayFormat: DATE_SAISIE },
            description: 'Joignez le PV du CP/CA en annexe si vous en disposez.',
          },
        },
        {
          name: 'zonesRecrutement',
          type: 'select',
          hasMany: true,
          label: 'Zone de recrutement',
          options: [...ZONES_RECRUTEMENT],
          access: acces,
          admin: { className: 'requis-validation' },
        },
      ],
    },
    {
      name: 'travaux',
      type: 'group',
      label: "Demande de travaux, d'équipements et autres incidences",
      admin: {
        description:
          "Si aucune demande de travaux n'est déclarée à ce stade, la Région ne pourra s'engager à en réaliser pour la rentrée concernée.",
      },
      access: acces,
      fields: [
        {
          name: 'travauxDemandes',
          type: 'checkbox',
          label: 'Des travaux sont nécessaires',
          defaultValue: false,
        },
        {
          name: 'descriptionTravaux',
          type: 'textarea',
          label: 'Description des travaux',
          maxLength: 5000,
          admin: { condition: (_, siblingData) => Boolean(siblingData?.travauxDemandes) },
        },
        {
          name: 'equipementsDemandes',
          type: 'checkbox',
          label: 'Des équipements sont nécessaires',
          defaultValue: false,
        },
        {
          name: 'descriptionEquipements',
          type: 'textarea',
          label: 'Description des équipements',
          maxLength: 5000,
          admin: { condition: (_, siblingData) => Boolean(siblingData?.equipementsDemandes) },
        },
        { name: 'autresIncidences', type: 'textarea', label: 'Autres incidences', maxLength: 5000 },
      ],
    },
    {
      name: 'rapportOpportunite',
      type: 'textarea',
      label: `Rapport d'opportunité (5 000 caractères au maximum)`,
      access: acces,
      // Counted in Unicode characters, not UTF-16 units: the limit the guide states.
      validate: (value: unknown) => {
        if (value === null || value === undefined || value === '') return true
        if (typeof value !== 'string') return "Le rapport d'opportunité doit être un texte."
        const n = [...value].length
        return n <= RAPPORT_MAX ? true : `Le rapport d'opportunité dépasse 5 000 caractères (${n} saisis).`
      },
      admin: {
        className: 'requis-validation',
        rows: 14,
        components: { afterInput: ['/src/admin/CompteurCaracteres#CompteurCaracteres'] },
        description:
          "Synthèse du rapport d'opportunité : classe ou section (DRAAF), organisation envisagée pour un public mixé, lien entre deux projets, faisabilité en matière de ressources humaines.",
      },
    },
    {
      name: 'annexes',
      type: 'relationship',
      validate: annexesDeLaDemande,
      relationTo: 'annexes',
      hasMany: true,
      label: 'Annexes',
      access: acces,
      admin: { hidden: true },
    },
    {
      name: 'piecesJointes',
      type: 'join',
      collection: 'annexes',
      on: 'demande',
      label: 'Annexes',
      admin: {
        description: `Joignez tout document utile : PV du CP/CA, plan d'implantation, lettre de soutien, organisation pour un public mixé… Formats acceptés : ${TYPES_ANNEXES_LIBELLE} ; ${configuration().UPLOAD_MAX_MO} Mo au plus par fichier.`,
        defaultColumns: ['filename', 'description', 'filesize'],
        allowCreate: true,
      },
    },
    {
      type: 'collapsible',
      label: 'Validation et instruction',
      admin: { condition: (data) => Boolean(data?.statut) && data.statut !== 'brouillon' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'valideeLe',
              type: 'date',
              label: 'Validée le',
              access: { create: serveur, update: serveur },
              admin: {
                readOnly: true,
                date: { pickerAppearance: 'dayAndTime', displayFormat: DATE_HEURE_CHAMP },
              },
            },
            {
              name: 'validePar',
              type: 'relationship',
              relationTo: 'users',
              label: 'Validée par',
              access: { create: serveur, update: serveur },
              admin: { readOnly: true },
            },
          ],
        },
        {
          name: 'avis',
          type: 'group',
          label: 'Avis des autorités académiques',
          admin: { condition: (_data, _sibling, { user }) => peut(user, 'lireAvisAvantPublication') },
          access: { read: instructionPubliee, create: serveur, update: avisAccess },
          fields: [
            { name: 'avis', type: 'select', label: 'Avis', options: [...AVIS] },
            { name: 'commentaire', type: 'textarea', label: "Commentaire de l'avis", maxLength: 5000 },
            { name: 'auteur', type: 'text', label: 'Avis donné par', admin: { readOnly: true } },
            {
              name: 'date',
              type: 'date',
              label: "Date de l'avis",
              admin: {
                readOnly: true,
                date: { pickerAppearance: 'dayAndTime', displayFormat: DATE_HEURE_CHAMP },
              },
            },
          ],
        },
        {
          name: 'decision',
          type: 'group',
          label: 'Décision de la Région',
          admin: { condition: (_data, _sibling, { user }) => peut(user, 'lireAvisAvantPublication') },
          access: { read: decisionPubliee, create: serveur, update: decisionAccess },
          fields: [
            { name: 'decision', type: 'select', label: 'Décision', options: [...DECISIONS] },
            { name: 'commentaire', type: 'textarea', label: 'Commentaire de la décision', maxLength: 5000 },
            { name: 'auteur', type: 'text', label: 'Décision enregistrée par', admin: { readOnly: true } },
            {
              name: 'date',
              type: 'date',
              label: 'Date de la décision',
              admin: {
                readOnly: true,
                date: { pickerAppearance: 'dayAndTime', displayFormat: DATE_HEURE_CHAMP },
              },
            },
          ],
        },
      ],
    },
    {
      name: 'structureDeposante',
      type: 'text',
      label: 'Structure déposante',
      access: { create: serveur, update: serveur },
      admin: { hidden: true },
    },
    {
      name: 'academie',
      type: 'select',
      label: 'Académie',
      options: [...ACADEMIES],
      access: { create: serveur, update: serveur },
      admin: { readOnly: true, position: 'sidebar', condition: (_d, _s, { user }) => !estDeposant(user) },
    },
    {
      name: 'departement',
      type: 'text',
      label: 'Département',
      index: true,
      access: { create: serveur, update: serveur },
      admin: { readOnly: true, position: 'sidebar', condition: (_d, _s, { user }) => !estDeposant(user) },
    },
    {
      name: 'typeDiplome',
      type: 'text',
      label: 'Type de diplôme',
      index: true,
      access: { create: serveur, update: serveur },
      admin: {
        readOnly: true,
        position: 'sidebar',
        condition: (_d, _s, { user }) => !estDeposant(user),
        description: 'Repris du diplôme, pour filtrer la liste.',
      },
    },
    {
      name: 'agricole',
      type: 'checkbox',
      label: 'Établissement agricole',
      index: true,
      defaultValue: false,
      access: { create: serveur, update: serveur },
      admin: { readOnly: true, position: 'sidebar', condition: (_d, _s, { user }) => !estDeposant(user) },
    },
    // Payload's own timestamp (same column, index and label), declared to be read through the caller's view.
    {
      name: 'updatedAt',
      type: 'date',
      index: true,
      label: ({ t }) => t('general:updatedAt'),
      hooks: { afterRead: [dateAfficheeAuLecteur] },
      admin: { hidden: true, disableBulkEdit: true },
    },
  ]),
}
