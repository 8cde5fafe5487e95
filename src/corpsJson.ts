import type { PayloadRequest } from 'payload'
import type { z } from 'zod'

/**
 * The JSON body of a custom endpoint, checked by `schema`; or the 400 to answer, in French, with the field at
 * fault (`parDefaut` when the body is not even an object). `exemple` shows what a right body looks like.
 */
export async function lireCorpsJson<S extends z.ZodType>(
  req: PayloadRequest,
  schema: S,
  exemple: string,
  parDefaut: string,
): Promise<{ donnees: z.infer<S>; reponse?: undefined } | { reponse: Response }> {
  let brut: unknown
  try {
    brut = req.json ? await req.json() : {}
  } catch {
    return {
      reponse: Response.json(
        { errors: [{ message: `Le corps de la requête doit être du JSON : ${exemple}.` }] },
        { status: 400 },
      ),
    }
  }
  const lu = schema.safeParse(brut)
  if (lu.success) return { donnees: lu.data }
  const probleme = lu.error.issues[0]!
  // A list or a bare value: zod's own message would be in English.
  const message =
    probleme.path.length === 0
      ? probleme.code === 'unrecognized_keys'
        ? `Le corps de la requête ne prend pas ${probleme.keys.map((k) => `« ${k} »`).join(', ')} : ${exemple}.`
        : `Le corps de la requête doit être un objet JSON : ${exemple}.`
      : probleme.message
  return {
    reponse: Response.json(
      {
        errors: [
          {
            name: 'ValidationError',
            message,
            data: { errors: [{ path: String(probleme.path[0] ?? parDefaut), message }] },
          },
        ],
      },
      { status: 400 },
    ),
  }
}
