import type { CollectionConfig } from 'payload'

import { ACADEMIES, cacherAuxDeposants, connecte, editeur } from '../access/roles'
import { relationExistante } from '../hooks/relationExistante'
import { garderRequetes } from '../hooks/requetes/garderRequetes'
import { verifierTextes } from '../hooks/texte'

export const Reseaux: CollectionConfig = {
  slug: 'reseaux',
  lockDocuments: false,
  graphQL: { singularName: 'Reseau', pluralName: 'Reseaux' },
  labels: { singular: "Réseau d'établissements", plural: "Réseaux d'établissements" },
  admin: {
    hidden: cacherAuxDeposants,
    useAsTitle: 'nom',
    defaultColumns: ['nom', 'type', 'academie', 'etablissementReferent'],
    group: 'Référentiels',
    description:
      "Les lycées déposent leurs projets en concertation par réseau d'établissements ou réseau sectoriel.",
  },
  access: { read: connecte, create: editeur, update: editeur, delete: editeur },
  hooks: { beforeOperation: [garderRequetes] },
  // Every text field: a string, no control character, within its length (hooks/texte.ts).
  fields: verifierTextes([
    { name: 'nom', type: 'text', label: 'Nom du réseau', required: true, maxLength: 200 },
    {
      name: 'type',
      type: 'select',
      label: 'Type de réseau',
      required: true,
      defaultValue: 'etablissements',
      options: [
        { label: "Réseau d'établissements", value: 'etablissements' },
        { label: 'Réseau sectoriel', value: 'sectoriel' },
      ],
    },
    { name: 'academie', type: 'select', label: 'Académie', options: [...ACADEMIES] },
    {
      name: 'etablissementReferent',
      type: 'relationship',
      validate: relationExistante,
      relationTo: 'etablissements',
      label: 'Tête de réseau (établissement référent)',
    },
    {
      name: 'membres',
      type: 'relationship',
      validate: relationExistante,
      relationTo: 'etablissements',
      hasMany: true,
      label: 'Établissements membres',
    },
  ]),
}
