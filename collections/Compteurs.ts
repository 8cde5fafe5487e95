import type { CollectionConfig } from 'payload'

import { administrateur, personne } from '../access/roles'
import { garderRequetes } from '../hooks/requetes/garderRequetes'

/**
 * Named counters and marks: the demande's numero (src/numerotation.ts) and the once-only sends of the daily
 * tasks (src/taches/index.ts). Server-side only.
 */
export const Compteurs: CollectionConfig = {
  slug: 'compteurs',
  lockDocuments: false,
  graphQL: { singularName: 'Compteur', pluralName: 'Compteurs' },
  labels: { singular: 'Compteur', plural: 'Compteurs' },
  admin: { hidden: true },
  access: { read: administrateur, create: personne, update: personne, delete: personne },
  hooks: { beforeOperation: [garderRequetes] },
  fields: [
    { name: 'nom', type: 'text', required: true, unique: true },
    { name: 'valeur', type: 'number', required: true, defaultValue: 0 },
  ],
}
