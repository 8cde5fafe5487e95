import type { CollectionConfig } from 'payload'
import path from 'node:path'

import { createAnnexes, modifierAnnexes, readAnnexes } from '../access/annexes'
import { ajouterALaDemande, retirerDeLaDemande } from '../hooks/annexes/synchroniserDemande'
import {
  verifierDemandeModifiable,
  verifierSuppressionPermise,
} from '../hooks/annexes/verifierDemandeModifiable'
import { controlerFichier } from '../hooks/fichiers/controlerFichier'
import { servirEnPieceJointe } from '../src/fichiers/servir'
import { journaliserSuppression } from '../hooks/demandes/journaliserInstruction'
import { statutSelonLecteur } from '../hooks/demandes/statutVu'
import { relationExistante } from '../hooks/relationExistante'
import { garderRequetes } from '../hooks/requetes/garderRequetes'
import { configuration } from '../src/env'

export const TYPES_ANNEXES = [
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'image/jpeg',
  'image/png',
]

export const TYPES_ANNEXES_LIBELLE =
  'PDF, Word, Excel, PowerPoint, OpenDocument (texte, classeur, présentation), JPEG, PNG'

const dossierAnnexes = path.resolve(configuration().UPLOAD_DIR)

export const Annexes: CollectionConfig = {
  slug: 'annexes',
  lockDocuments: false,
  graphQL: { singularName: 'Annexe', pluralName: 'Annexes' },
  labels: { singular: 'Annexe', plural: 'Annexes' },
  admin: {
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'description', 'demande', 'filesize'],
    group: 'Demandes',
    description: `Documents joints à une demande : PV du CP/CA, plan d'implantation, lettre de soutien… Formats acceptés : ${TYPES_ANNEXES_LIBELLE}.`,
  },
  access: { read: readAnnexes, create: createAnnexes, update: modifierAnnexes, delete: modifierAnnexes },
  upload: {
    staticDir: dossierAnnexes,
    mimeTypes: TYPES_ANNEXES,
    pasteURL: false,
    disableLocalStorage: false,
    // Served as a download named after the stored file (its extension is the detected type's).
    handlers: [servirEnPieceJointe(dossierAnnexes)],
    modifyResponseHeaders: ({ headers }) => {
      // Keeps the file's name when the handler above gave it (cloud storage).
      if (!headers.get('Content-Disposition')?.startsWith('attachment'))
        headers.set('Content-Disposition', 'attachment')
      headers.set('X-Content-Type-Options', 'nosniff')
      return headers
    },
  },
  hooks: {
    beforeOperation: [controlerFichier, garderRequetes, statutSelonLecteur],
    beforeChange: [verifierDemandeModifiable],
    afterChange: [ajouterALaDemande],
    beforeDelete: [verifierSuppressionPermise],
    afterDelete: [retirerDeLaDemande, journaliserSuppression],
  },
  fields: [
    {
      name: 'demande',
      type: 'relationship',
      validate: relationExistante,
      relationTo: 'demandes',
      label: 'Demande',
      required: true,
      index: true,
      admin: {
        allowCreate: false,
        components: { Field: '/src/admin/ChampDemandeAnnexe#ChampDemandeAnnexe' },
      },
    },
    { name: 'description', type: 'text', label: 'Description', maxLength: 300 },
    // Payload's own upload field, merged with this: lists show the name the filer gave, not the stored one.
    {
      name: 'filename',
      type: 'text',
      label: 'Nom du fichier',
      admin: { components: { Cell: '/src/admin/CelluleNomFichier#CelluleNomFichier' } },
    },
    // Payload's own size field, merged with this: « 20,1 Ko » in lists, not a raw byte count.
    {
      name: 'filesize',
      type: 'number',
      label: 'Taille',
      admin: { components: { Cell: '/src/admin/CelluleTaille#CelluleTaille' } },
    },
  ],
}
