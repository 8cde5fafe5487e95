import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { CAPACITES, type Capacite, capaciteDuRole, rolesAyant } from '../../access/permissions'
import { peut, rattachementDe, ROLES } from '../../access/roles'
import { vueDuRole } from '../../src/regles/statut'

const toutes = Object.keys(CAPACITES) as Capacite[]

describe('capacités des rôles (access/permissions.ts)', () => {
  it('un rôle inconnu, absent ou hérité de Object.prototype ne peut rien', () => {
    for (const role of [undefined, null, '', 'Admin', 'constructor', '__proto__', 'toString'])
      for (const c of toutes) expect(capaciteDuRole(role, c), `${String(role)} / ${c}`).toBe(false)
    expect(peut(null, 'gererReferentiels')).toBe(false)
    expect(peut({ user: null }, 'gererReferentiels')).toBe(false)
    // A request's user counts only if it is an account of the users collection.
    expect(peut({ user: { role: 'admin', collection: 'autre' } as never }, 'gererReferentiels')).toBe(false)
    expect(peut({ user: { role: 'admin', collection: 'users', id: 1 } as never }, 'gererReferentiels')).toBe(
      true,
    )
  })

  it("l'administrateur a toutes les capacités ; seuls l'admin et le Carif-Oref gèrent les référentiels", () => {
    for (const c of toutes) expect(capaciteDuRole('admin', c)).toBe(true)
    expect(rolesAyant('gererReferentiels')).toEqual(['admin', 'carif-oref'])
    expect(rolesAyant('outrepasserVerrous')).toEqual(['admin'])
    expect(rolesAyant('administrerPlateforme')).toEqual(['admin'])
  })

  it('avant publication, écoles et réseaux ne lisent ni avis ni décision ; la DRAAF lit les avis, pas les décisions', () => {
    for (const r of ['etablissement', 'reseau']) {
      expect(capaciteDuRole(r, 'lireAvisAvantPublication')).toBe(false)
      expect(capaciteDuRole(r, 'lireDecisionsAvantPublication')).toBe(false)
    }
    expect(capaciteDuRole('draaf', 'lireAvisAvantPublication')).toBe(true)
    expect(capaciteDuRole('draaf', 'lireDecisionsAvantPublication')).toBe(false)
    // The statut views follow the same table.
    const nonPubliee = { decisionsPubliees: false }
    for (const role of ROLES) {
      const attendue = capaciteDuRole(role, 'lireDecisionsAvantPublication')
        ? 'complete'
        : capaciteDuRole(role, 'lireAvisAvantPublication')
          ? 'sans-decision'
          : 'sans-instruction'
      expect(vueDuRole(role, nonPubliee), role).toBe(attendue)
    }
  })

  it("les intégrations n'ont ni l'interface ni les coordonnées du responsable ; la DRAAF a ses statistiques", () => {
    expect(capaciteDuRole('integration', 'utiliserAdministration')).toBe(false)
    expect(capaciteDuRole('integration', 'lireDonneesPersonnelles')).toBe(false)
    expect(rolesAyant('consulterStatistiques')).toEqual([
      'admin',
      'carif-oref',
      'region',
      'rectorat',
      'draaf',
    ])
  })

  it('chaque compte est rattaché à ce qui borne ses droits', () => {
    expect(rattachementDe({ role: 'etablissement' })).toBe('etablissement')
    expect(rattachementDe({ role: 'reseau' })).toBe('reseau')
    expect(rattachementDe({ role: 'rectorat' })).toBe('academie')
    expect(rattachementDe({ role: 'constructor' })).toBe(null)
    expect(rattachementDe(null)).toBe(null)
  })
})

/** Every .ts/.tsx file of the application outside access/ (and the data that names roles as values). */
function fichiersHorsAccess(): string[] {
  const exclus = [
    'src/payload-types.ts',
    'src/demo/seed.ts', // demo accounts: data
    'src/admin/libelles.ts', // the roles' labels in the admin
  ]
  const fichiers: string[] = []
  for (const racine of ['src', 'collections', 'hooks', 'payload.config.ts']) {
    const parcourir = (p: string) => {
      if (fs.statSync(p).isDirectory()) {
        if (p.endsWith('migrations')) return
        for (const f of fs.readdirSync(p)) parcourir(path.join(p, f))
      } else if (/\.tsx?$/.test(p) && !exclus.includes(p)) fichiers.push(p)
    }
    parcourir(racine)
  }
  return fichiers
}

describe('une seule source pour « qui peut quoi »', () => {
  it('aucun fichier hors de access/ ne nomme un rôle', () => {
    // Roles that are never field names: any such literal is a role check.
    const sansAmbiguite = /'(admin|carif-oref|region|rectorat|draaf|integration)'/
    // `etablissement` and `reseau` are also field names: flag them only where they are compared to a role.
    const commeRole = /role\b[^\n]{0,30}['"](etablissement|reseau)['"]|\[\s*'etablissement',\s*'reseau'/
    const trouves = fichiersHorsAccess().flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .map((ligne, i) => ({ ligne, endroit: `${f}:${i + 1}` }))
        .filter(({ ligne }) => !/^\s*(\/\/|\*|\/\*)/.test(ligne))
        // The ARIA attribute `role` (`role="region"`, a landmark) is no account's role.
        .filter(({ ligne }) => !/setAttribute\('role', '[a-z]+'\)|\brole="[a-z]+"/.test(ligne))
        .filter(({ ligne }) => sansAmbiguite.test(ligne) || commeRole.test(ligne))
        .map(({ endroit, ligne }) => `${endroit}  ${ligne.trim()}`),
    )
    expect(trouves).toEqual([])
  })
})
