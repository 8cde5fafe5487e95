import type { Payload, Where } from 'payload'

/** Active accounts of a structure (`etablissement:ID`, `reseau:ID`, `draaf`) that have an email address. */
export async function adressesDeLaStructure(
  payload: Payload,
  cle: string | null | undefined,
): Promise<string[]> {
  if (!cle) return []
  const [type, id] = cle.split(':')
  let filtre: Where | null = null
  if (type === 'etablissement' && id)
    filtre = { and: [{ role: { equals: 'etablissement' } }, { etablissement: { equals: id } }] }
  else if (type === 'reseau' && id)
    filtre = { and: [{ role: { equals: 'reseau' } }, { reseau: { equals: id } }] }
  else if (type === 'draaf') filtre = { role: { equals: 'draaf' } }
  if (!filtre) return []
  const comptes = await payload.find({
    collection: 'users',
    where: { and: [filtre, { actif: { not_equals: false } }, { email: { exists: true } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { email: true },
  })
  return comptes.docs.map((c) => c.email).filter((e): e is string => typeof e === 'string' && e.includes('@'))
}

/** How the structure is named in messages. */
export async function nomDeLaStructure(payload: Payload, cle: string | null | undefined): Promise<string> {
  const [type, id] = (cle ?? '').split(':')
  if (type === 'etablissement' && id) {
    const e = await payload
      .findByID({ collection: 'etablissements', id, depth: 0, overrideAccess: true })
      .catch(() => null)
    return e ? `${e.nom} (${e.uai})` : 'votre établissement'
  }
  if (type === 'reseau' && id) {
    const r = await payload
      .findByID({ collection: 'reseaux', id, depth: 0, overrideAccess: true })
      .catch(() => null)
    return r ? `réseau ${r.nom}` : 'votre réseau'
  }
  if (type === 'draaf') return 'DRAAF Occitanie'
  return 'votre structure'
}

export function sansDoublons(adresses: (string | null | undefined)[]): string[] {
  const vues = new Map<string, string>()
  for (const a of adresses) {
    const propre = a?.trim()
    if (propre && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(propre) && !vues.has(propre.toLowerCase()))
      vues.set(propre.toLowerCase(), propre)
  }
  return [...vues.values()]
}

/** The structure's active accounts and the responsables of its demandes, each address once. */
export async function destinataires(
  payload: Payload,
  structure: string | null | undefined,
  demandes: { responsable?: { email?: string | null } | null }[],
): Promise<string[]> {
  return sansDoublons([
    ...(await adressesDeLaStructure(payload, structure)),
    ...demandes.map((d) => d.responsable?.email),
  ])
}
