import type { GlobalConfig, RichTextFieldValidation } from 'payload'
import { validations } from 'payload'

import { editeur, peut } from '../../access/roles'
import { datePlausible, verifierDate } from '../../hooks/dates'
import { oublierCampagne } from '../campagne'
import { liensAutorises } from '../liens'
import { publierDecisions } from '../publicationDecisions'
import { CHOIX_DATE_HEURE } from '../formatsDates'

/** Links limited to http(s), mailto and this site's paths (src/liens.ts), then Payload's own rich text check. */
const texteRiche =
  (libelle: string): RichTextFieldValidation =>
  (value, options) => {
    // A Lexical document or nothing: a plain string, a list or `{ "root": "x" }` were stored, then broke the page.
    const racine =
      value && typeof value === 'object'
        ? (value as { root?: { type?: unknown; children?: unknown } }).root
        : undefined
    if (
      value !== null &&
      value !== undefined &&
      !(racine && typeof racine === 'object' && racine.type === 'root' && Array.isArray(racine.children))
    ) {
      return `« ${libelle} » : attendu un texte mis en forme (document de l'éditeur), pas ${typeof value === 'string' ? 'une chaîne' : Array.isArray(value) ? 'une liste' : 'cet objet'}.`
    }
    const liens = liensAutorises(libelle)(value)
    return liens === true ? validations.richText(value, options) : liens
  }

export const Campagne: GlobalConfig = {
  slug: 'campagne',
  lockDocuments: false,
  label: 'Campagne',
  admin: {
    group: 'Campagne',
    description: 'Paramètres de la campagne de recueil des demandes (appel à projets).',
  },
  // Its versions record who changed what and when: only who may edit the campaign reads them (SECURITY 33).
  access: { read: () => true, update: editeur, readVersions: editeur },
  // The Région publishes its decisions without editing the campaign (src/publicationDecisions.ts).
  endpoints: [publierDecisions],
  hooks: {
    afterChange: [
      // Requests of this instance read the new values at once (src/campagne.ts keeps them a few seconds).
      ({ doc, req }) => {
        oublierCampagne(req.payload)
        return doc
      },
      // Publishing the decisions informs every structure once, by the jobs queue (never in the editor's request).
      async ({ doc, previousDoc, req }) => {
        if (doc.decisionsPubliees && !previousDoc?.decisionsPubliees) {
          await req.payload.jobs.queue({ task: 'publierDecisions', input: { rentree: doc.rentree }, req })
        }
        return doc
      },
    ],
  },
  versions: { max: 20 },
  fields: [
    {
      name: 'rentree',
      type: 'number',
      label: 'Rentrée préparée (année scolaire de programmation)',
      required: true,
      defaultValue: new Date().getFullYear() + 1,
      min: 2000,
      max: 2100,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'ouverture',
          type: 'date',
          label: 'Ouverture de la saisie',
          validate: datePlausible('Ouverture de la saisie'),
          admin: { date: CHOIX_DATE_HEURE },
        },
        {
          name: 'cloture',
          type: 'date',
          label: 'Clôture de la saisie',
          admin: { date: CHOIX_DATE_HEURE },
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
            verifierDate('Clôture de la saisie', value) !== true
              ? verifierDate('Clôture de la saisie', value)
              : !value ||
                  !siblingData.ouverture ||
                  new Date(value as string) > new Date(siblingData.ouverture as string)
                ? true
                : "La date de clôture doit être postérieure à la date d'ouverture.",
        },
      ],
    },
    {
      name: 'texteAccueil',
      type: 'richText',
      label: "Texte de l'appel à projets (page d'accueil)",
      validate: texteRiche("Texte de l'appel à projets (page d'accueil)"),
    },
    {
      name: 'lettreDeCadrage',
      type: 'richText',
      label: 'Lettre de cadrage',
      validate: texteRiche('Lettre de cadrage'),
    },
    {
      name: 'documents',
      type: 'array',
      label: 'Documents à consulter',
      labels: { singular: 'Document', plural: 'Documents' },
      fields: [
        { name: 'titre', type: 'text', label: 'Titre', required: true },
        { name: 'fichier', type: 'upload', relationTo: 'documents', label: 'Fichier' },
      ],
    },
    {
      name: 'contactSupport',
      type: 'email',
      label: 'Adresse du support technique',
      defaultValue: 'support.carte@cariforefoccitanie.fr',
    },
    {
      name: 'decisionsPubliees',
      type: 'checkbox',
      label: 'Décisions publiées aux établissements',
      defaultValue: false,
      // Who edits the campaign but may not publish (none today) sees it read-only, not as a broken control.
      access: { update: ({ req }) => peut(req, 'publierDecisions') },
    },
  ],
}
