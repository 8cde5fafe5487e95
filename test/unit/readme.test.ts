import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import { tableauComptes } from '../../access/comptes'
import { tableauCapacites, tableauPermissions } from '../../access/permissions'

describe('README', () => {
  it('montre exactement la table des permissions du code', () => {
    expect(fs.readFileSync('README.md', 'utf8')).toContain(tableauPermissions())
  })

  it('montre exactement la table des capacités du code', () => {
    expect(fs.readFileSync('README.md', 'utf8')).toContain(tableauCapacites())
  })

  it('montre exactement la table des droits sur les comptes du code', () => {
    expect(fs.readFileSync('README.md', 'utf8')).toContain(tableauComptes())
  })

  it('donne les deux commandes de mise en route', () => {
    const readme = fs.readFileSync('README.md', 'utf8')
    expect(readme).toContain('npm ci && npm run demo')
    expect(readme).toContain('npm ci && npm test')
  })
})
