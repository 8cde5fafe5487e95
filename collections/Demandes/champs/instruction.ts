import type { Field } from 'payload'
import { peut } from '../../../access/roles'
import { AVIS, DECISIONS } from '../../../src/regles/enums'
import { LECTURE_DATE_HEURE } from '../../../src/formatsDates'
import {
  serveur,
  avisAccess,
  decisionAccess,
  instructionPubliee,
  decisionPubliee,
} from '../../../access/champsDemandes'

/** Validation et instruction: the avis and the décision, each read and written as access/champsDemandes.ts says. */
export const champsInstruction: Field[] = [
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
              date: LECTURE_DATE_HEURE,
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
              date: LECTURE_DATE_HEURE,
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
              date: LECTURE_DATE_HEURE,
            },
          },
        ],
      },
    ],
  },
]
