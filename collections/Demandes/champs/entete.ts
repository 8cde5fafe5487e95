import type { Field } from 'payload'
import { statutAfficheAuLecteur } from '../../../hooks/demandes/statutVu'
import { DECISIONS } from '../../../src/regles/enums'
import { OPTIONS_STATUTS as STATUTS } from '../../../src/regles/machine'
import { statutDepot } from '../../../src/regles/statut'
import { serveur, vueSansDecision } from '../../../access/champsDemandes'

/** The values each stored view can take (src/regles/statut.ts). */
const STATUTS_DEPOT = STATUTS.filter((s) => statutDepot(s.value) === s.value)
const STATUTS_SANS_DECISION = STATUTS.filter((s) => !DECISIONS.some((d) => d.value === s.value))

/** The head of the form: the legend, numero and statut, the stored views of the statut, the title. */
export const champsEntete: Field[] = [
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
        admin: {
          readOnly: true,
          description: 'Généré automatiquement au premier enregistrement.',
          components: { Cell: '/src/admin/CelluleNumeroDemande#CelluleNumeroDemande' },
        },
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
]
