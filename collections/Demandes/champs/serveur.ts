import type { Field } from 'payload'
import { ACADEMIES, estDeposant } from '../../../access/roles'
import { dateAfficheeAuLecteur } from '../../../hooks/demandes/statutVu'
import { serveur } from '../../../access/champsDemandes'

/** Fields the server sets (hooks/demandes/renseignerChampsServeur.ts), shown to authorities in the sidebar. */
export const champsServeur: Field[] = [
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
]
