import type { CollectionConfig } from 'payload'

import { administrateur, personne } from '../access/roles'
import { garderRequetes } from '../hooks/requetes/garderRequetes'

export const ACTIONS_JOURNAL = [
  { value: 'connexion', label: 'Connexion' },
  { value: 'echec-connexion', label: 'Échec de connexion' },
  { value: 'refus', label: 'Refus' },
  { value: 'validation', label: "Validation d'une demande" },
  { value: 'avis', label: 'Avis' },
  { value: 'decision', label: 'Décision' },
  { value: 'suppression', label: 'Suppression' },
  { value: 'compte', label: 'Modification de compte' },
  { value: 'import', label: 'Import de référentiel' },
] as const
export type ActionJournal = (typeof ACTIONS_JOURNAL)[number]['value']

/** Audit trail: written by the server only, read by the admin only, never edited. */
export const Journal: CollectionConfig = {
  slug: 'journal',
  lockDocuments: false,
  graphQL: { singularName: 'EntreeJournal', pluralName: 'Journal' },
  labels: { singular: 'Entrée du journal', plural: "Journal d'audit" },
  admin: {
    useAsTitle: 'resume',
    defaultColumns: ['createdAt', 'action', 'utilisateur', 'resume'],
    group: 'Administration',
    description:
      'Connexions, refus, validations, avis, décisions, suppressions, modifications de comptes et imports de référentiels.',
  },
  defaultSort: '-createdAt',
  access: { read: administrateur, create: personne, update: personne, delete: personne },
  hooks: { beforeOperation: [garderRequetes] },
  fields: [
    {
      name: 'action',
      type: 'select',
      label: 'Action',
      required: true,
      index: true,
      options: [...ACTIONS_JOURNAL],
    },
    { name: 'utilisateur', type: 'text', label: 'Utilisateur', index: true },
    { name: 'role', type: 'text', label: 'Rôle' },
    { name: 'collectionConcernee', type: 'text', label: 'Collection' },
    { name: 'documentId', type: 'text', label: 'Document', index: true },
    { name: 'resume', type: 'text', label: 'Résumé' },
    { name: 'details', type: 'json', label: 'Détails' },
    { name: 'ip', type: 'text', label: 'Adresse IP' },
  ],
}
