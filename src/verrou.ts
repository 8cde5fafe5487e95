/** In-process lock per key: serialises check-then-write sequences (e.g. priority uniqueness) within one server. */
const files = new Map<string, Promise<unknown>>()

export async function sousVerrou<T>(cle: string, action: () => Promise<T>): Promise<T> {
  const precedent = files.get(cle) ?? Promise.resolve()
  const courant = precedent.catch(() => undefined).then(action)
  files.set(cle, courant)
  try {
    return await courant
  } finally {
    if (files.get(cle) === courant) files.delete(cle)
  }
}
