import type { Field } from 'payload'
import { longueurUnicode } from '../../../src/regles/unicode'
import { TYPES_ANNEXES_LIBELLE } from '../../Annexes'
import { RAPPORT_MAX } from '../../../src/regles/enums'
import { annexesDeLaDemande } from '../../../hooks/relationExistante'
import { configuration } from '../../../src/env'
import { accesSaisie } from '../../../access/champsDemandes'

/** Travaux, rapport d'opportunité, annexes. */
export const champsProjet: Field[] = [
  {
    name: 'travaux',
    type: 'group',
    label: "Demande de travaux, d'équipements et autres incidences",
    admin: {
      description:
        "Si aucune demande de travaux n'est déclarée à ce stade, la Région ne pourra s'engager à en réaliser pour la rentrée concernée.",
    },
    access: accesSaisie,
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
    access: accesSaisie,
    // Counted in Unicode characters, not UTF-16 units: the limit the guide states.
    validate: (value: unknown) => {
      if (value === null || value === undefined || value === '') return true
      if (typeof value !== 'string') return "Le rapport d'opportunité doit être un texte."
      const n = longueurUnicode(value)
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
    access: accesSaisie,
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
      // « Ajouter » only where the server accepts the annexe; before the first save, it saves the draft first.
      components: { Field: '/src/admin/ChampAnnexes#ChampAnnexes' },
    },
  },
]
