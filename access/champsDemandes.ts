import type { FieldAccess } from 'payload'
import { portee } from './permissions'
import { peut, utilisateurDe } from './roles'
import { lireCampagne } from '../src/campagne'
import { enInstruction, modifiableParSaStructure } from '../src/regles/machine'

/** Field-level access of the demandes (collections/Demandes/champs/): who reads and writes which part. */

/** The filer's fields: writable while the demande is a draft or sent back for correction (the admin: always). */
export const saisie: FieldAccess = ({ req, doc }) =>
  peut(req, 'outrepasserVerrous') || modifiableParSaStructure(doc?.statut)
/** Set by the server only. */
export const serveur: FieldAccess = () => false
/** The instruction is written on validated demandes, not on drafts nor while sent back (src/regles/machine.ts). */
export const avisAccess: FieldAccess = ({ req, doc }) =>
  portee(utilisateurDe(req)?.role, 'donnerAvis') !== 'non' && enInstruction(doc?.statut)
export const decisionAccess: FieldAccess = ({ req, doc }) =>
  portee(utilisateurDe(req)?.role, 'decider') !== 'non' && enInstruction(doc?.statut)
export const donneesPersonnelles: FieldAccess = ({ req }) => peut(req, 'lireDonneesPersonnelles')
/** Filers see the avis and the décision only once the Région has published the campaign's decisions. */
export const instructionPubliee: FieldAccess = async ({ req }) =>
  peut(req, 'lireAvisAvantPublication') || Boolean((await lireCampagne(req)).decisionsPubliees)
/** The DRAAF gives avis, so it reads them; like every filer, it reads the décision only once published. */
export const decisionPubliee: FieldAccess = async ({ req }) =>
  peut(req, 'lireDecisionsAvantPublication') || Boolean((await lireCampagne(req)).decisionsPubliees)
/** The view without the décision tells an avis exists: not for schools and réseaux (src/regles/statut.ts). */
export const vueSansDecision: FieldAccess = ({ req }) => peut(req, 'lireAvisAvantPublication')

/** The filer's fields, as a field's `access`. */
export const accesSaisie = { create: saisie, update: saisie }
