import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'

import type { CollectionSlug, PayloadRequest } from 'payload'

import { nomAffiche } from './controles'

const TYPES_PAR_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
}

/** `attachment` with the name shown (the stored one without its random suffix), ASCII fallback and RFC 5987 UTF-8 form (accents kept, quotes impossible). */
export function dispositionPieceJointe(stocke: string): string {
  const nom = nomAffiche(stocke)
  const ascii = nom
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(nom).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`
}

/**
 * Serves a stored file (after Payload's access check) as a download named as it was sent: the browser never renders it
 * in the site's origin, and the saved file keeps the name and extension of what it really is. With cloud storage
 * (local storage disabled), only names the download in the shared headers, which the storage's handler sends.
 */
export function servirEnPieceJointe(dossier: string) {
  const racine = path.resolve(dossier)
  return (
    req: PayloadRequest,
    { headers: partages, params }: { headers?: Headers; params: { collection: string; filename: string } },
  ): Promise<Response> | void => {
    const upload = req.payload.collections[params.collection as CollectionSlug]?.config.upload
    const nom = path.basename(params.filename)
    if (upload && typeof upload === 'object' && upload.disableLocalStorage) {
      partages?.set('Content-Disposition', dispositionPieceJointe(nom))
      partages?.set('X-Content-Type-Options', 'nosniff')
      return
    }
    return servirLocal(racine, params.filename)
  }
}

async function servirLocal(racine: string, filename: string): Promise<Response> {
  const chemin = path.resolve(racine, filename)
  const introuvable = () =>
    Response.json(
      { errors: [{ message: "Ce fichier n'existe pas ou n'est plus disponible." }] },
      { status: 404 },
    )
  if (!chemin.startsWith(racine + path.sep)) return introuvable()
  let taille: number
  try {
    const stat = await fs.promises.stat(chemin)
    if (!stat.isFile()) return introuvable()
    taille = stat.size
  } catch {
    return introuvable()
  }
  const extension = path.extname(chemin).slice(1).toLowerCase()
  const headers = new Headers({
    'Content-Type': TYPES_PAR_EXTENSION[extension] ?? 'application/octet-stream',
    'Content-Length': String(taille),
    'Content-Disposition': dispositionPieceJointe(path.basename(chemin)),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'private, no-store',
  })
  return new Response(Readable.toWeb(fs.createReadStream(chemin)) as ReadableStream, { status: 200, headers })
}
