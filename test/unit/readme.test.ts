import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import { tableauPermissions } from '../../access/permissions'

describe('README', () => {
  it('montre exactement la table des permissions du code', () => {
    expect(fs.readFileSync('README.md', 'utf8')).toContain(tableauPermissions())
  })

  it('donne les deux commandes de mise en route', () => {
    const readme = fs.readFileSync('README.md', 'utf8')
    expect(readme).toContain('npm ci && npm run demo')
    expect(readme).toContain('npm ci && npm test')
  })
})
