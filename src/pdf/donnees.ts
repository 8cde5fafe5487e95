import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { nomDeLaStructure } from '../../access/demandes'
import { idDe } from '../../access/roles'
import { nomAffiche } from '../fichiers/controles'
import { libelle, STATUTS } from '../regles/enums'
import { type DonneesPdf, pdfDeLaDemande } from './demande'
import { demandeDuLecteur, recapitulatifDuLecteur } from '../demandeLue'
import type { Demande } from '../payload-types'

/**
 * What the PDF of a demande shows to the caller, read through Payload with the caller's user and its access: the
 * read hooks give the statut as the caller may see it, field access removes the avis and the décision before
 * publication (filers) and the responsable's personal data (integrations). Null when the caller cannot read it.
 */
export async function donneesDuPdf(req: PayloadRequest, id: string | number): Promise<DonneesPdf | null> {
  const demande = await demandeDuLecteur(req, id, 'PDF refusé')
  if (!demande) return null
  const { recap, annexes } = await recapitulatifDuLecteur(req, demande)
  const valideeLe = demande.valideeLe || null
  return {
    numero: demande.numero ?? null,
    etablissement:
      recap.sections.flatMap((s) => s.lignes).find((l) => l.champ === 'etablissementConcerne')?.valeur ?? '',
    statut: libelle(STATUTS, demande.statut),
    sections: recap.sections,
    annexes: annexes.map((a) => ({
      nom: nomAffiche(String(a.filename ?? '')),
      type: a.mimeType,
      taille: a.filesize,
      description: a.description,
    })),
    validation:
      valideeLe && demande.statut !== 'brouillon'
        ? { le: valideeLe, par: await auteurDeLaValidation(req, demande) }
        : null,
  }
}

/**
 * Who validated: the account's name when the caller may read that account, else the filing structure (an
 * authority or an integration reads the demande, not the filers' accounts).
 */
async function auteurDeLaValidation(
  req: PayloadRequest,
  demande: Pick<Demande, 'validePar' | 'structureDeposante'>,
): Promise<string | null> {
  const id = idDe(demande.validePar)
  const compte =
    id === null
      ? null
      : await req.payload
          .findByID({ collection: 'users', id, depth: 0, req, user: req.user, overrideAccess: false })
          .catch(() => null)
  const nom = compte ? String(compte.nom || compte.username || '') : ''
  if (nom) return nom
  const structure = demande.structureDeposante || null
  if (!structure) return null
  const nomStructure = await nomDeLaStructure(req.payload, structure)
  return nomStructure === 'votre structure' ? null : nomStructure
}

/** The file name of a demande's PDF. */
export function nomDuPdf(numero: number | string | null | undefined, id: number | string): string {
  return numero === null || numero === undefined ? `demande-${id}.pdf` : `demande-${numero}.pdf`
}

/** The PDF of a demande as the caller may read it; null when the caller cannot read the demande. */
export async function pdfPourLeLecteur(
  req: PayloadRequest,
  id: string | number,
): Promise<{ pdf: Buffer; nom: string } | null> {
  const donnees = await donneesDuPdf(req, id)
  if (!donnees) return null
  return { pdf: await pdfDeLaDemande(donnees), nom: nomDuPdf(donnees.numero, id) }
}

/**
 * The PDF attached to the accusé de réception, built when the message leaves (the job holds only the demande's
 * id): the demande as the account that validated it reads it, with that account's access.
 */
export async function pdfPourLeValidateur(
  payload: Payload,
  id: string | number,
): Promise<{ pdf: Buffer; nom: string } | null> {
  const demande = await payload
    .findByID({ collection: 'demandes', id, depth: 0, overrideAccess: true, select: { validePar: true } })
    .catch(() => null)
  const compteId = idDe(demande?.validePar)
  if (compteId === null) return null
  const compte = await payload
    .findByID({ collection: 'users', id: compteId, depth: 0, overrideAccess: true })
    .catch(() => null)
  if (!compte) return null
  const req = await createLocalReq({ user: { ...compte, collection: 'users' } as never }, payload)
  return pdfPourLeLecteur(req, id)
}
