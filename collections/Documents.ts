import type { CollectionConfig } from 'payload'
import path from 'node:path'

import { cacherAuxDeposants, editeur } from '../access/roles'
import { controlerFichier } from '../hooks/fichiers/controlerFichier'
import { garderRequetes } from '../hooks/requetes/garderRequetes'
import { servirEnPieceJointe } from '../src/fichiers/servir'
import { configuration } from '../src/env'

const dossierDocuments = path.resolve(configuration().DOCUMENTS_DIR)

/** Campaign documents to consult (guide de saisie, CPRDFOP, diagnostics sectoriels): public. */
export const Documents: CollectionConfig = {
  slug: 'documents',
  lockDocuments: false,
  graphQL: { singularName: 'Document', pluralName: 'Documents' },
  labels: { singular: 'Document à consulter', plural: 'Documents à consulter' },
  admin: {
    useAsTitle: 'titre',
    group: 'Campagne',
    hidden: cacherAuxDeposants,
  },
  access: { read: () => true, create: editeur, update: editeur, delete: editeur },
  hooks: { beforeOperation: [controlerFichier, garderRequetes] },
  upload: {
    staticDir: dossierDocuments,
    handlers: [servirEnPieceJointe(dossierDocuments)],
    mimeTypes: [
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.oasis.opendocument.text',
    ],
    pasteURL: false,
  },
  fields: [{ name: 'titre', type: 'text', label: 'Titre', required: true, maxLength: 200 }],
}
