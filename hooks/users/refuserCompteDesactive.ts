import type { CollectionBeforeLoginHook } from 'payload'
import { AuthenticationError } from 'payload'

/** A disabled account cannot sign in; it gets the same generic message as a wrong password. */
export const refuserCompteDesactive: CollectionBeforeLoginHook = ({ user, req }) => {
  if (user?.actif === false) throw new AuthenticationError(req.t)
  return user
}
