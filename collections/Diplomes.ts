import type { CollectionConfig } from 'payload'

import { cacherAuxDeposants, connecte, editeur } from '../access/roles'
import { garderRequetes } from '../hooks/requetes/garderRequetes'
import { datePlausible } from '../hooks/dates'
import { verifierTextes } from '../hooks/texte'
import { DATE_SAISIE } from '../src/formatsDates'

export const Diplomes: CollectionConfig = {
  slug: 'diplomes',
  lockDocuments: false,
  graphQL: { singularName: 'Diplome', pluralName: 'Diplomes' },
  labels: { singular: 'Diplôme', plural: 'Diplômes' },
  admin: {
    hidden: cacherAuxDeposants,
    useAsTitle: 'intitule',
    defaultColumns: ['cfd', 'typeDiplome', 'libelle', 'durees', 'ouvert'],
    listSearchableFields: ['cfd', 'libelle', 'typeDiplome'],
    group: 'Référentiels',
    description:
      'Diplômes professionnels de la BCN (code formation diplôme), avec leurs durées et leurs codes RNCP.',
    pagination: { defaultLimit: 50 },
  },
  defaultSort: 'libelle',
  access: { read: connecte, create: editeur, update: editeur, delete: editeur },
  hooks: {
    beforeOperation: [garderRequetes],
    beforeChange: [
      ({ data, originalDoc }) => {
        const type = data.typeDiplome ?? originalDoc?.typeDiplome
        const libelle = data.libelle ?? originalDoc?.libelle
        const cfd = data.cfd ?? originalDoc?.cfd
        return { ...data, intitule: `${type} ${libelle} (${cfd})` }
      },
    ],
  },
  // Every text field: a string, no control character, within its length (hooks/texte.ts).
  fields: verifierTextes([
    {
      name: 'cfd',
      type: 'text',
      label: 'Code formation diplôme (CFD)',
      required: true,
      unique: true,
      index: true,
      validate: (value: string | null | undefined) =>
        value && /^[0-9A-Z]{8}$/.test(value)
          ? true
          : 'Le code formation diplôme comporte 8 caractères (ex. 50022137).',
      hooks: {
        beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)],
      },
    },
    { name: 'libelle', type: 'text', label: 'Libellé', required: true, maxLength: 300 },
    {
      name: 'typeDiplome',
      type: 'text',
      label: 'Type de diplôme',
      required: true,
      index: true,
      maxLength: 20,
      admin: { description: 'CAP, BAC PRO, BTS, BP, CS, MC, CAPA, BTSA…' },
    },
    { name: 'niveau', type: 'text', label: 'Niveau de qualification (RNCP)', maxLength: 2 },
    { name: 'codesRncp', type: 'text', hasMany: true, label: 'Codes RNCP' },
    {
      name: 'durees',
      type: 'number',
      hasMany: true,
      label: 'Durées possibles (en années)',
      min: 1,
      max: 4,
      required: true,
    },
    { name: 'ouvert', type: 'checkbox', label: 'Diplôme ouvert', defaultValue: true, index: true },
    {
      name: 'dateOuverture',
      type: 'date',
      label: "Date d'ouverture",
      validate: datePlausible("Date d'ouverture", { de: 1900 }),
      admin: { date: { pickerAppearance: 'dayOnly', displayFormat: DATE_SAISIE } },
    },
    {
      name: 'dateFermeture',
      type: 'date',
      label: 'Date de fermeture',
      validate: datePlausible('Date de fermeture', { de: 1900 }),
      admin: { date: { pickerAppearance: 'dayOnly', displayFormat: DATE_SAISIE } },
    },
    { name: 'intitule', type: 'text', label: 'Intitulé', admin: { hidden: true, readOnly: true } },
  ]),
}
