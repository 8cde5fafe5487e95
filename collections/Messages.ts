import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  TextareaFieldValidation,
} from 'payload'
import { ValidationError } from 'payload'

import {
  createMessages,
  deleteMessages,
  demandesDuFil,
  ecritPourLeDeposant,
  readMessages,
  updateMessages,
} from '../access/messages'
import { demandeAdmise } from '../access/demandes'
import { idDe, utilisateurDe } from '../access/roles'
import { statutSelonLecteur } from '../hooks/demandes/statutVu'
import { relationExistante } from '../hooks/relationExistante'
import { garderRequetes } from '../hooks/requetes/garderRequetes'
import { verifierTexte } from '../hooks/texte'
import { envoyerNouveauMessage } from '../src/courriels/envois'
import { marquerLu } from '../src/messagesNonLus'
import { longueurUnicode } from '../src/regles/unicode'

/** At most this many characters (Unicode characters, as a reader counts them) in a message. */
export const MESSAGE_MAX = 5000

/** Set by the server when it posts a message itself and mails it on its own (the correction request). */
export const CONTEXTE_MESSAGE_SERVEUR = 'messageServeur'

/** The checks of a message's text, shared with the correction endpoint: true or the French message. */
export function verifierMessage(texte: unknown): true | string {
  if (typeof texte === 'string' && texte.trim() === '') return '« Message » : écrivez un message.'
  if (texte === null || texte === undefined) return '« Message » : écrivez un message.'
  const r = verifierTexte('Message', texte, { multiligne: true })
  if (r !== true) return r
  const n = longueurUnicode(texte as string)
  if (n > MESSAGE_MAX)
    return `« Message » dépasse ${MESSAGE_MAX.toLocaleString('fr-FR')} caractères (${n.toLocaleString('fr-FR')} saisis).`
  return true
}

const validerTexte: TextareaFieldValidation = (value) => verifierMessage(value)

/** The author is the signed-in user; the demande must be one the user reads (else: as if it did not exist). */
const renseignerMessage: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const user = utilisateurDe(req)
  const demandeId = idDe(data.demande)
  if (user && demandeId !== null) {
    const filtre = await demandesDuFil(req)
    // Reading every demande (`true`), it must still exist: this hook runs before the fields' own checks.
    if (!(await demandeAdmise(req, demandeId, filtre === true ? {} : filtre)))
      throw new ValidationError(
        {
          collection: 'messages',
          errors: [{ path: 'demande', message: "Cette demande n'existe pas ou ne vous est pas accessible." }],
          req,
        },
        req.t,
      )
  }
  return { ...data, auteur: user?.id ?? null }
}

/** The other side is told (a queued mail). */
const notifierMessage: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create' || req.context[CONTEXTE_MESSAGE_SERVEUR]) return doc
  const demandeId = idDe(doc.demande)
  if (demandeId === null) return doc
  const demande = await req.payload
    .findByID({ collection: 'demandes', id: demandeId, depth: 0, req, overrideAccess: true })
    .catch(() => null)
  if (!demande) return doc
  const pourLesInstructeurs = ecritPourLeDeposant(req, demande)
  // A draft is its structure's alone: the authority does not read it, nor hears of it.
  if (pourLesInstructeurs && demande.statut === 'brouillon') return doc
  try {
    await envoyerNouveauMessage(req, demande, String(doc.texte ?? ''), pourLesInstructeurs)
  } catch (err) {
    req.payload.logger.error({
      err,
      msg: `Message sur la demande n° ${demande.numero} : courriel non mis en file`,
    })
  }
  return doc
}

/** Who writes has read the thread so far: their own message never shows as unread, nor what they answered. */
const marquerLuParLAuteur: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  const demandeId = idDe(doc.demande)
  // A marker not written costs an « unread » notice, never the message itself.
  if (operation === 'create' && demandeId !== null)
    await marquerLu(req, demandeId).catch((err) =>
      req.payload.logger.warn({ err, msg: `Lecture de la demande ${demandeId} non enregistrée` }),
    )
  return doc
}

export const Messages: CollectionConfig = {
  slug: 'messages',
  lockDocuments: false,
  graphQL: { singularName: 'Message', pluralName: 'Messages' },
  labels: { singular: 'Message', plural: 'Messages' },
  admin: {
    useAsTitle: 'texte',
    defaultColumns: ['demande', 'texte', 'auteur', 'createdAt'],
    group: 'Demandes',
    description:
      "Échanges sur une demande entre l'établissement qui l'a déposée et les autorités qui l'instruisent.",
  },
  defaultSort: 'createdAt',
  disableDuplicate: true,
  access: { read: readMessages, create: createMessages, update: updateMessages, delete: deleteMessages },
  hooks: {
    beforeOperation: [garderRequetes, statutSelonLecteur],
    beforeChange: [renseignerMessage],
    afterChange: [marquerLuParLAuteur, notifierMessage],
  },
  fields: [
    {
      name: 'demande',
      type: 'relationship',
      relationTo: 'demandes',
      label: 'Demande',
      required: true,
      index: true,
      validate: relationExistante,
    },
    { name: 'texte', type: 'textarea', label: 'Message', required: true, validate: validerTexte },
    {
      name: 'auteur',
      type: 'relationship',
      relationTo: 'users',
      label: 'Auteur',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true },
    },
  ],
}
