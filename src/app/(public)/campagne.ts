import config from '@payload-config'
import { getPayload } from 'payload'

/** The campagne global as anyone may read it (its access is public), with the documents' public URLs. */
export async function campagnePublique() {
  const payload = await getPayload({ config })
  return payload.findGlobal({ slug: 'campagne', depth: 1, overrideAccess: false })
}
