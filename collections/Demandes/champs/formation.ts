import type { Field } from 'payload'
import { MESURES, MODALITES, ZONES_RECRUTEMENT } from '../../../src/regles/enums'
import { relationExistante } from '../../../hooks/relationExistante'
import { entier } from '../../../hooks/nombres'
import { datePlausible } from '../../../hooks/dates'
import { DATE_SAISIE } from '../../../src/formatsDates'
import { serveur, accesSaisie } from '../../../access/champsDemandes'
import { numeroDuProjetLie } from '../../../hooks/demandes/projetLie'

/** B/ Informations sur la formation. */
export const champsFormation: Field[] = [
  {
    type: 'collapsible',
    label: 'B/ Informations sur la formation',
    fields: [
      {
        name: 'modalite',
        type: 'select',
        label: 'Modalité',
        options: [...MODALITES],
        access: accesSaisie,
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
        access: accesSaisie,
        filterOptions: { ouvert: { equals: true } },
        admin: {
          components: {
            Field: '/src/admin/ChampDiplome#ChampDiplome',
            Cell: '/src/admin/CellulesDemande#CelluleDiplome',
          },
        },
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
            access: accesSaisie,
            admin: { hidden: true },
          },
          {
            name: 'anneeFormation',
            type: 'number',
            validate: entier('Année de formation', { min: 1, max: 4 }),
            label: 'Année de formation concernée',
            min: 1,
            max: 4,
            access: accesSaisie,
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
        access: accesSaisie,
        admin: { className: 'requis-validation' },
      },
      // The notice that the form duplicates a validated demande (src/regles/doublons.ts); saving stays possible.
      {
        name: 'avertissementDoublon',
        type: 'ui',
        admin: { components: { Field: '/src/admin/AvertissementDoublon#AvertissementDoublon' } },
      },
      {
        name: 'projetLie',
        type: 'checkbox',
        label: 'Votre projet fait-il référence à un autre projet ?',
        defaultValue: false,
        access: accesSaisie,
      },
      // The link itself (the API's field); the form sets it through `numeroProjetLie` (hooks/demandes/projetLie.ts).
      {
        name: 'demandeLiee',
        type: 'relationship',
        validate: relationExistante,
        relationTo: 'demandes',
        label: "Si oui, indiquez l'identifiant du projet concerné",
        access: accesSaisie,
        admin: { components: { Field: '/src/admin/ChampProjetLie#LienSansChamp' } },
      },
      // The guide's question: the linked project's numero, the filer's own or another établissement's.
      {
        name: 'numeroProjetLie',
        type: 'number',
        virtual: true,
        label: "Si oui, indiquez l'identifiant du projet concerné",
        access: accesSaisie,
        hooks: { afterRead: [numeroDuProjetLie] },
        admin: {
          className: 'requis-validation',
          condition: (data) => Boolean(data?.projetLie),
          components: { Field: '/src/admin/ChampProjetLie#ChampProjetLie' },
        },
      },
      {
        name: 'priorite',
        type: 'number',
        validate: entier('Priorité', { min: 1, max: 999 }),
        label: 'Priorité',
        min: 1,
        access: accesSaisie,
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
            access: accesSaisie,
            admin: { className: 'requis-validation' },
          },
          {
            name: 'capaciteNouvelle',
            type: 'number',
            validate: entier("Capacité d'accueil nouvelle", { min: 0, max: 9999 }),
            label: "Capacité d'accueil nouvelle",
            min: 0,
            access: accesSaisie,
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
        access: accesSaisie,
      },
      {
        name: 'anneePrecedentDepot',
        type: 'number',
        validate: entier('Année du précédent dépôt', { min: 2000, max: 2100 }),
        label: 'Si non, année du précédent dépôt',
        min: 2000,
        max: 2100,
        access: accesSaisie,
        admin: { className: 'requis-validation', condition: (data) => !data?.premiereDemande },
      },
      {
        name: 'dateConseil',
        type: 'date',
        label: "Date de présentation du projet au Conseil de perfectionnement / Conseil d'administration",
        validate: datePlausible(
          "Date de présentation du projet au Conseil de perfectionnement / Conseil d'administration",
        ),
        access: accesSaisie,
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
        access: accesSaisie,
        admin: { className: 'requis-validation' },
      },
    ],
  },
]
