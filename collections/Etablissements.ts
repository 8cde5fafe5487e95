import type { CollectionConfig } from 'payload'

import { ACADEMIES, cacherAuxDeposants, connecte, editeur } from '../access/roles'
import { normaliserChampUai, validerChampUai } from '../hooks/uai'
import { garderRequetes } from '../hooks/requetes/garderRequetes'
import { demandesSuiventEtablissement } from '../hooks/demandes/suivreEtablissement'
import { refuserSuppressionEtablissementUtilise } from '../hooks/suppressionEtablissement'
import { verifierTextes } from '../hooks/texte'

export const MINISTERES = [
  { label: 'Éducation nationale', value: 'education-nationale' },
  { label: 'Agriculture', value: 'agriculture' },
  { label: 'Autre', value: 'autre' },
] as const

export const Etablissements: CollectionConfig = {
  slug: 'etablissements',
  lockDocuments: false,
  graphQL: { singularName: 'Etablissement', pluralName: 'Etablissements' },
  labels: { singular: 'Établissement', plural: 'Établissements' },
  admin: {
    hidden: cacherAuxDeposants,
    useAsTitle: 'libelle',
    defaultColumns: ['uai', 'nom', 'type', 'commune', 'departement', 'academie', 'ministere'],
    listSearchableFields: ['uai', 'nom', 'commune'],
    group: 'Référentiels',
    description:
      "Annuaire des établissements de formation d'Occitanie (lycées, EREA, MFR, CFA), tenu par le Carif-Oref.",
    pagination: { defaultLimit: 50 },
  },
  defaultSort: 'uai',
  access: { read: connecte, create: editeur, update: editeur, delete: editeur },
  hooks: {
    beforeOperation: [garderRequetes],
    afterChange: [demandesSuiventEtablissement],
    beforeDelete: [refuserSuppressionEtablissementUtilise],
    beforeChange: [
      ({ data, originalDoc }) => {
        const uai = data.uai ?? originalDoc?.uai
        const nom = data.nom ?? originalDoc?.nom
        const commune = data.commune ?? originalDoc?.commune
        return { ...data, libelle: `${uai} — ${nom}${commune ? ` (${commune})` : ''}` }
      },
    ],
  },
  // Every text field: a string, no control character, within its length (hooks/texte.ts).
  fields: verifierTextes([
    {
      name: 'uai',
      type: 'text',
      label: 'Code UAI',
      required: true,
      unique: true,
      index: true,
      maxLength: 8,
      validate: validerChampUai,
      hooks: { beforeValidate: [normaliserChampUai] },
      admin: { description: '7 chiffres suivis de la lettre clé, par exemple 0340042L.' },
    },
    { name: 'nom', type: 'text', label: 'Nom', required: true, maxLength: 300 },
    {
      name: 'type',
      type: 'text',
      label: "Type d'établissement",
      maxLength: 20,
      admin: { description: 'LP, LPO, LGT, LEGTPA, CFA, EREA, MFR…' },
    },
    {
      name: 'secteur',
      type: 'select',
      label: 'Secteur',
      options: [
        { label: 'Public', value: 'public' },
        { label: 'Privé', value: 'prive' },
      ],
    },
    {
      name: 'ministere',
      type: 'select',
      label: 'Ministère de tutelle',
      required: true,
      defaultValue: 'education-nationale',
      options: [...MINISTERES],
      index: true,
    },
    { name: 'commune', type: 'text', label: 'Commune', maxLength: 200 },
    {
      name: 'departement',
      type: 'text',
      label: 'Département',
      maxLength: 3,
      index: true,
      validate: (value: string | null | undefined) =>
        !value || /^(\d{2}|2A|2B)$/.test(value)
          ? true
          : 'Le département est un code à 2 caractères (ex. 34).',
    },
    {
      name: 'academie',
      type: 'select',
      label: 'Académie',
      required: true,
      options: [...ACADEMIES],
      index: true,
    },
    {
      name: 'ferme',
      type: 'checkbox',
      label: 'Fermé',
      defaultValue: false,
      index: true,
      admin: {
        description:
          "Fermé selon l'annuaire de l'éducation (colonne etat de l'export) : l'établissement reste lié aux demandes anciennes.",
      },
    },
    { name: 'libelle', type: 'text', label: 'Libellé', admin: { hidden: true, readOnly: true } },
  ]),
}
