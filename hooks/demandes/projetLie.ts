import type { CollectionBeforeValidateHook, FieldHook, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import { idDe } from '../../access/roles'

/** The label errors name: the field's question is long, the guide calls it « projet lié ». */
export const LIBELLE_PROJET_LIE = 'Projet lié'

/** Numeros of linked demandes read in this request (a list reads the same ones again and again). */
function memoire(req: PayloadRequest): Map<string, number | null> {
  const gardee = req.context.numerosProjetsLies as Map<string, number | null> | undefined
  if (gardee) return gardee
  const neuve = new Map<string, number | null>()
  req.context.numerosProjetsLies = neuve
  return neuve
}

/**
 * `numeroProjetLie` (virtual) reads the linked demande's numero, and nothing else of it: the link may point at
 * another structure's demande (its numero is what its filer gave; its content is never read here).
 */
export const numeroDuProjetLie: FieldHook = async ({ siblingData, req }) => {
  const liee: unknown = siblingData?.demandeLiee
  if (liee && typeof liee === 'object' && typeof (liee as { numero?: unknown }).numero === 'number')
    return (liee as { numero: number }).numero
  const id = idDe(liee)
  if (id === null) return null
  const lus = memoire(req)
  if (!lus.has(String(id))) {
    const d = await req.payload.db
      .findOne<{ id: number | string; numero?: number | null }>({
        collection: 'demandes',
        where: { id: { equals: id } },
        req,
        select: { numero: true },
      })
      .catch(() => null)
    lus.set(String(id), d?.numero ?? null)
  }
  return lus.get(String(id)) ?? null
}

const refus = (req: PayloadRequest, path: string, message: string): never => {
  throw new ValidationError(
    { collection: 'demandes', errors: [{ path, label: LIBELLE_PROJET_LIE, message }], req },
    req.t,
  )
}

/**
 * The guide links a project to another, of the same établissement or of another one, by its number (« n° de
 * projet »): a filer cannot read another school's demande, hence its id; it gives the numero, which the server
 * turns into the link. Existence is checked without reading the demande (nor whose it is, nor its statut): a
 * numero that names no demande — never created, or deleted — gets the same answer. Never the demande itself.
 */
export const resoudreProjetLie: CollectionBeforeValidateHook = async ({ data, originalDoc, req }) => {
  if (!data) return data
  const soi = originalDoc?.id as number | string | undefined
  const numero: unknown = data.numeroProjetLie
  // Unchanged (the form sends the numero it read back): the stored link stands, as do the locks guarding it.
  const change = numero !== undefined && !(originalDoc && numero === (originalDoc.numeroProjetLie ?? null))
  if (change) {
    if (numero === null || numero === '') data.demandeLiee = null
    else if (typeof numero !== 'number' || !Number.isInteger(numero) || numero < 1 || numero > 1e9)
      refus(
        req,
        'numeroProjetLie',
        `« ${LIBELLE_PROJET_LIE} » : indiquez le n° de projet concerné, un nombre entier (par exemple 16819).`,
      )
    else {
      const trouvee = await req.payload.db.findOne<{ id: number | string }>({
        collection: 'demandes',
        where: { numero: { equals: numero } },
        req,
        select: { numero: true },
      })
      if (!trouvee)
        refus(
          req,
          'numeroProjetLie',
          `« ${LIBELLE_PROJET_LIE} » : aucun projet ne porte le n° ${numero}. Vérifiez le n° que le responsable du projet lié vous a transmis.`,
        )
      if (soi !== undefined && String(trouvee!.id) === String(soi))
        refus(
          req,
          'numeroProjetLie',
          `« ${LIBELLE_PROJET_LIE} » : une demande ne peut pas être liée à elle-même.`,
        )
      data.demandeLiee = trouvee!.id
    }
  }
  // The id given directly (the API's `demandeLiee`): not the demande itself either.
  const liee = idDe(data.demandeLiee)
  if (liee !== null && soi !== undefined && String(liee) === String(soi))
    refus(req, 'demandeLiee', `« ${LIBELLE_PROJET_LIE} » : une demande ne peut pas être liée à elle-même.`)
  delete data.numeroProjetLie
  return data
}
