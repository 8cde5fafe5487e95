import type { CollectionBeforeChangeHook, CollectionConfig, FieldAccess } from 'payload'
import { baseUsernameField, ValidationError } from 'payload'

import {
  creerComptes,
  deverrouillerComptes,
  lireComptes,
  modifierComptes,
  supprimerComptes,
} from '../access/comptes'
import {
  ACADEMIES,
  cacherAuxDeposants,
  champDeCompteVisible,
  LIBELLES_ROLES,
  peut,
  ROLE_ETABLISSEMENT,
  ROLES,
} from '../access/roles'
import { refuserCompteDesactive } from '../hooks/users/refuserCompteDesactive'
import {
  inviterALaValidation,
  marquerOuverture,
  refuserOuvertureEnAttente,
  fermerOubliEnAttente,
} from '../hooks/users/ouvertureCompte'
import { verifierCoherenceCompte } from '../hooks/users/verifierCoherenceCompte'
import {
  journaliserCompte,
  journaliserConnexion,
  revoquerCleALaDeconnexion,
  revoquerSessions,
} from '../hooks/users/journaliserComptes'
import { egaliserConnexion } from '../hooks/users/egaliserConnexion'
import { verifierDroitsComptes } from '../hooks/users/verifierDroitsComptes'
import {
  avertirAncienneAdresse,
  CHAMP_MOT_DE_PASSE_ACTUEL,
  exigerMotDePasseActuel,
  LIBELLE_MOT_DE_PASSE_ACTUEL,
} from '../hooks/users/motDePasseActuel'
import { inviterNouveauCompte, remplacerMotDePasseChoisi } from '../hooks/users/motDePasseInconnu'
import { relationExistante } from '../hooks/relationExistante'
import { corpsCreation, creerComptesEnMasse, refusCreation } from '../src/comptes/creerEnMasse'
import { lienAdmin } from '../src/courriels/envois'
import { reinitialisation } from '../src/courriels/modeles'
import { garderRequetes } from '../hooks/requetes/garderRequetes'
import { champTexte } from '../hooks/texte'
import { lireCorpsJson } from '../src/corpsJson'
import { configuration } from '../src/env'
import { LECTURE_DATE_HEURE } from '../src/formatsDates'
import type { User } from '../src/payload-types'

// Defence in depth only: hooks/users/verifierDroitsComptes.ts refuses (403) a write of these fields by anyone the
// table of access/comptes.ts does not allow, before this access could silently drop it.
const champEditeur: FieldAccess = ({ req }) => peut(req, 'gererReferentiels')
const champAdministrateur: FieldAccess = ({ req }) => peut(req, 'administrerPlateforme')
/** A preference of the account holder (or set for them by the administrator). */
const sonChoix: FieldAccess = ({ req, id, doc }) =>
  peut(req, 'administrerPlateforme') ||
  (req.user !== null && req.user !== undefined && String(doc?.id ?? id) === String(req.user.id))

export const LIBELLE_RESUME_QUOTIDIEN =
  "Recevoir un résumé quotidien des messages au lieu d'un courriel par message"

/** Payload skips a field's own validation where its admin condition hides it: checked here for every role. */
const refuserResumeHorsCapacite: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const role = data.role ?? originalDoc?.role
  // Any truthy value (1, "on"…) is stored as ticked: refused as such.
  if (Boolean(data.resumeQuotidien) && !peut({ role }, 'recevoirResumeQuotidien')) {
    const message = `« ${LIBELLE_RESUME_QUOTIDIEN} » : réservé aux comptes des autorités qui instruisent les demandes.`
    throw new ValidationError(
      { collection: 'users', errors: [{ path: 'resumeQuotidien', message }], req },
      req.t,
    )
  }
  return data
}

export const Users: CollectionConfig = {
  slug: 'users',
  lockDocuments: false,
  graphQL: { singularName: 'User', pluralName: 'Users' },
  labels: { singular: 'Compte', plural: 'Comptes' },
  admin: {
    hidden: cacherAuxDeposants,
    useAsTitle: 'username',
    defaultColumns: ['username', 'nom', 'role', 'email', 'actif', 'ouvertureValidee'],
    listSearchableFields: ['username', 'nom', 'email'],
    group: 'Administration',
    description: "Comptes d'accès à la plateforme. Pour un établissement, l'identifiant est son code UAI.",
  },
  auth: {
    // The signed-in user is read on every request: its établissement and réseau stay ids (Payload's default
    // would populate them, two more queries per request; the access rules only need the ids).
    depth: 0,
    loginWithUsername: { allowEmailLogin: false, requireEmail: false },
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 2 * 60 * 60,
    useAPIKey: true,
    forgotPassword: {
      expiration: 60 * 60 * 1000,
      generateEmailSubject: () => reinitialisation({ lien: '', identifiant: '' }).subject,
      generateEmailHTML: (args) => {
        // Payload types the user of this callback as any.
        const user: Pick<User, 'username'> = args!.user
        return reinitialisation({
          lien: lienAdmin(args!.req!, `/reset/${args!.token}`),
          identifiant: String(user.username ?? ''),
        }).html
      },
    },
    cookies: {
      sameSite: 'Strict',
      secure: configuration().NODE_ENV === 'production' && configuration().serverURL.startsWith('https://'),
    },
  },
  access: {
    admin: ({ req }) => peut(req, 'utiliserAdministration'),
    create: creerComptes,
    read: lireComptes,
    update: modifierComptes,
    delete: supprimerComptes,
    unlock: deverrouillerComptes,
  },
  hooks: {
    beforeOperation: [
      verifierDroitsComptes,
      exigerMotDePasseActuel,
      egaliserConnexion,
      fermerOubliEnAttente,
      garderRequetes,
    ],
    beforeValidate: [verifierCoherenceCompte],
    beforeLogin: [refuserCompteDesactive, refuserOuvertureEnAttente],
    beforeChange: [refuserResumeHorsCapacite, revoquerSessions, remplacerMotDePasseChoisi, marquerOuverture],
    afterChange: [journaliserCompte, inviterNouveauCompte, inviterALaValidation, avertirAncienneAdresse],
    afterLogin: [journaliserConnexion],
    afterLogout: [revoquerCleALaDeconnexion],
  },
  endpoints: [
    {
      path: '/creer-en-masse',
      method: 'post',
      handler: async (req) => {
        const refus = refusCreation(req)
        if (refus) return Response.json(refus.body, { status: refus.status })
        const lu = await lireCorpsJson(
          req,
          corpsCreation,
          '{"lignes": "0340042L\\n0310024H", "inviter": true}',
          'lignes',
        )
        if (lu.reponse) return lu.reponse
        const { status, body } = await creerComptesEnMasse(req, lu.donnees.lignes, lu.donnees.inviter)
        return Response.json(body, { status })
      },
    },
  ],
  fields: [
    {
      ...baseUsernameField,
      label: 'Identifiant',
      admin: {
        ...baseUsernameField.admin,
        description:
          "Pour un établissement : son code UAI (ex. 0340042L). L'identifiant ne tient pas compte des majuscules.",
      },
      hooks: {
        ...baseUsernameField.hooks,
        // Payload stores usernames in lower case; show UAIs as the register writes them.
        afterRead: [
          ({ value }) =>
            typeof value === 'string' && /^\d{7}[a-z]$/.test(value) ? value.toUpperCase() : value,
        ],
      },
    },
    // Asked of whoever changes their own password or address (hooks/users/motDePasseActuel.ts); never stored.
    {
      name: CHAMP_MOT_DE_PASSE_ACTUEL,
      type: 'text',
      label: LIBELLE_MOT_DE_PASSE_ACTUEL,
      virtual: true,
      hooks: { afterRead: [() => undefined] },
      admin: {
        // Payload makes virtual fields read-only in the admin panel unless told otherwise.
        readOnly: false,
        autoComplete: 'current-password',
        // Hook for the admin stylesheet to show typed characters as dots (no password type for collection fields).
        className: 'champ-mot-de-passe-actuel',
        description: 'Obligatoire pour changer votre mot de passe ou votre adresse mail.',
        condition: (data, _soeurs, { user }) =>
          Boolean(user && data?.id !== undefined && String(user.id) === String(data.id)),
      },
    },
    champTexte({ name: 'nom', type: 'text', label: 'Nom (personne ou service)', maxLength: 200 }),
    {
      name: 'role',
      type: 'select',
      label: 'Rôle',
      required: true,
      defaultValue: ROLE_ETABLISSEMENT,
      saveToJWT: true,
      options: ROLES.map((value) => ({ value, label: LIBELLES_ROLES[value] })),
      access: { create: champEditeur, update: champAdministrateur },
    },
    {
      name: 'academie',
      type: 'select',
      label: 'Académie',
      saveToJWT: true,
      options: [...ACADEMIES],
      access: { create: champEditeur, update: champAdministrateur },
      admin: {
        description: 'Obligatoire pour un compte de rectorat.',
        condition: champDeCompteVisible('academie'),
      },
    },
    {
      name: 'etablissement',
      type: 'relationship',
      validate: relationExistante,
      relationTo: 'etablissements',
      label: 'Établissement de formation',
      saveToJWT: true,
      access: { create: champEditeur, update: champAdministrateur },
      admin: {
        description: 'Obligatoire pour un compte établissement.',
        condition: champDeCompteVisible('etablissement'),
      },
    },
    {
      name: 'reseau',
      type: 'relationship',
      validate: relationExistante,
      relationTo: 'reseaux',
      label: "Réseau d'établissements",
      saveToJWT: true,
      access: { create: champEditeur, update: champAdministrateur },
      admin: {
        description: 'Obligatoire pour un compte de réseau.',
        condition: champDeCompteVisible('reseau'),
      },
    },
    // Payload's API-key field, merged with this override: only an administrator sets a key (and the admin panel
    // shows the key section to nobody else); the rule on which accounts may hold one is in verifierCoherenceCompte.
    { name: 'apiKey', type: 'text', access: { create: champAdministrateur, update: champAdministrateur } },
    {
      name: 'actif',
      type: 'checkbox',
      label: 'Compte actif',
      defaultValue: true,
      access: { create: champEditeur, update: champEditeur },
      admin: {
        description: 'Décochez pour désactiver le compte : il ne peut plus se connecter.',
        condition: champDeCompteVisible('gestion'),
      },
    },
    // hooks/users/ouvertureCompte.ts: absent (accounts from before the rule, MongoDB) or null counts as validated.
    {
      name: 'ouvertureValidee',
      type: 'checkbox',
      label: 'Ouverture validée',
      access: { create: champAdministrateur, update: champAdministrateur },
      admin: {
        condition: champDeCompteVisible('gestion'),
        description:
          "Un compte d'établissement ou de réseau ouvert par le Carif-Oref attend la validation de l'administrateur : vérifiez l'établissement et l'adresse mail, puis cochez pour envoyer l'invitation. Plusieurs comptes à la fois : cochez-les dans la liste, puis « Éditer ».",
      },
    },
    // The daily digest of the threads (src/taches/index.ts), for the roles that may take it.
    {
      name: 'resumeQuotidien',
      type: 'checkbox',
      label: LIBELLE_RESUME_QUOTIDIEN,
      defaultValue: false,
      access: { create: champAdministrateur, update: sonChoix },
      admin: {
        condition: (data) => peut(data, 'recevoirResumeQuotidien'),
        description:
          'Chaque matin vers 6 h, un seul courriel liste les nouveaux messages de la veille, demande par demande ; plus de courriel à chaque message.',
      },
    },
    {
      name: 'ouvertureValideePar',
      type: 'text',
      label: 'Ouverture validée par',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, condition: (data) => Boolean(data?.ouvertureValideePar) },
    },
    {
      name: 'ouvertureValideeLe',
      type: 'date',
      label: 'Ouverture validée le',
      access: { create: () => false, update: () => false },
      admin: {
        readOnly: true,
        condition: (data) => Boolean(data?.ouvertureValideeLe),
        date: LECTURE_DATE_HEURE,
      },
    },
  ],
}
