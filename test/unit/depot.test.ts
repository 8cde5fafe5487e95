import { execFileSync } from 'node:child_process'

import { describe, expect, it } from 'vitest'

describe('Dépôt', () => {
  it('ne versionne ni secret, ni base de données, ni fichier téléversé, ni sortie de construction', () => {
    const suivis = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter(Boolean)
    expect(suivis.length).toBeGreaterThan(50)
    const interdits = suivis.filter((f) =>
      /(^|\/)\.env(\.|$)|\.db(-wal|-shm)?$|^data\/(?!reference\/)|^node_modules\/|^\.next\/|^test-artifacts\//.test(
        f,
      ),
    )
    expect(interdits).toEqual([])
  })
})
