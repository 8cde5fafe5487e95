import type { CollectionConfig } from 'payload'

const COMPOSANT = '/src/admin/FiltresIgnores#FiltresIgnores'

/**
 * Every list says, above its table, the filters and sorts of the followed link it does not apply
 * (src/admin/adresseListe.ts takes them off the address of any collection's list).
 */
export function avecFiltresIgnores(c: CollectionConfig): CollectionConfig {
  const avant = c.admin?.components?.beforeListTable ?? []
  if (avant.includes(COMPOSANT)) return c
  return {
    ...c,
    admin: {
      ...c.admin,
      components: { ...c.admin?.components, beforeListTable: [COMPOSANT, ...avant] },
    },
  }
}
