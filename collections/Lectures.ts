import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { ValidationError } from 'payload'

import { creerLectures, lireLectures, modifierLectures, supprimerLectures } from '../access/lectures'
import { demandesDuFil } from '../access/messages'
import { demandeAdmise } from '../access/demandes'
import { idDe, utilisateurDe } from '../access/roles'
import { relationExistante } from '../hooks/relationExistante'
import { garderRequetes } from '../hooks/requetes/garderRequetes'
import { LECTURE_DATE_HEURE } from '../src/formatsDates'

const refus = (req: Parameters<CollectionBeforeChangeHook>[0]['req'], message: string) =>
  new ValidationError({ collection: 'lectures', errors: [{ path: 'demande', message }], req }, req.t)

/**
 * The owner is the signed-in user and the date the server's clock (a marker says what its owner saw, nothing a
 * client chooses); a new marker is for a demande whose thread the user reads, one per user and demande.
 */
const renseignerLecture: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  const user = utilisateurDe(req)
  const maintenant = new Date().toISOString()
  if (operation !== 'create') return { ...data, luJusquA: maintenant }
  const demandeId = idDe(data.demande)
  const proprietaire = user?.id ?? idDe(data.user)
  if (user && demandeId !== null) {
    const filtre = await demandesDuFil(req)
    if (!(await demandeAdmise(req, demandeId, filtre === true ? {} : filtre)))
      throw refus(req, "Cette demande n'existe pas ou ne vous est pas accessible.")
  }
  if (proprietaire !== null && demandeId !== null) {
    const { totalDocs } = await req.payload.count({
      collection: 'lectures',
      where: { and: [{ user: { equals: proprietaire } }, { demande: { equals: demandeId } }] },
      overrideAccess: true,
      req,
    })
    if (totalDocs > 0) throw refus(req, 'Cette demande est déjà marquée comme lue : modifiez ce marqueur.')
  }
  return { ...data, user: proprietaire, luJusquA: maintenant }
}

/**
 * How far each account has read each demande's thread (src/messagesNonLus.ts): set when the account opens the
 * demande's consultation and when it writes in the thread. Server-side bookkeeping, hidden from the navigation.
 */
export const Lectures: CollectionConfig = {
  slug: 'lectures',
  lockDocuments: false,
  graphQL: { singularName: 'Lecture', pluralName: 'Lectures' },
  labels: { singular: 'Lecture des messages', plural: 'Lectures des messages' },
  admin: { hidden: true },
  disableDuplicate: true,
  access: { read: lireLectures, create: creerLectures, update: modifierLectures, delete: supprimerLectures },
  hooks: { beforeOperation: [garderRequetes], beforeChange: [renseignerLecture] },
  indexes: [{ fields: ['user', 'demande'], unique: true }],
  fields: [
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      label: 'Compte',
      index: true,
      access: { create: () => false, update: () => false },
      admin: { readOnly: true },
    },
    {
      name: 'demande',
      type: 'relationship',
      relationTo: 'demandes',
      label: 'Demande',
      required: true,
      index: true,
      validate: relationExistante,
      access: { update: () => false },
    },
    {
      name: 'luJusquA',
      type: 'date',
      label: 'Messages lus jusqu’au',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, date: LECTURE_DATE_HEURE },
    },
  ],
}
