import type { Collection, CollectionSlug, Payload } from 'payload'

/** Whether a slug read from a request or an error (any string) names a configured collection. */
const estCollection = (payload: Payload, slug: string): slug is CollectionSlug =>
  Object.hasOwn(payload.collections, slug)

/** The configured collection a slug names, if any: Payload's map is typed by the known slugs only. */
export function collectionDe(payload: Payload, slug: string): Collection | undefined {
  return estCollection(payload, slug) ? payload.collections[slug] : undefined
}
