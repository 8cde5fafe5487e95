import type { Field } from 'payload'
import { relationExistante } from '../../../hooks/relationExistante'
import { saisie, serveur, donneesPersonnelles, accesSaisie } from '../../../access/champsDemandes'

/** A/ Établissement de formation (the guide's first section). */
export const champsEtablissement: Field[] = [
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
          components: {
            Field: '/src/admin/ChampReferent#ChampReferent',
            // Rendered on the server in the list too (Payload's cell fetches the label after the first paint).
            Cell: '/src/admin/CellulesDemande#CelluleEtablissement',
          },
        },
      },
      {
        name: 'etablissementConcerne',
        type: 'relationship',
        validate: relationExistante,
        relationTo: 'etablissements',
        label: "Code UAI de l'établissement concerné",
        required: true,
        access: accesSaisie,
        admin: {
          description: "L'établissement de votre réseau concerné par le projet.",
          components: {
            Field: '/src/admin/ChampEtablissementConcerne#ChampEtablissementConcerne',
            Cell: '/src/admin/CellulesDemande#CelluleEtablissement',
          },
        },
      },
      {
        name: 'siteFormation',
        type: 'text',
        label: "Site de formation (s'il est différent du site de l'établissement concerné)",
        maxLength: 300,
        access: accesSaisie,
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
]
