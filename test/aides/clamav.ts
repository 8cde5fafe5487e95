import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** The EICAR test file: every antivirus detects it, it does nothing. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'

/**
 * A clamd of our own, offline: its only signature, built here with sigtool, finds the EICAR string anywhere in a
 * file of any type. Requires Debian's clamav and clamav-daemon (installed by .ci/run).
 */
export async function demarrerClamd(): Promise<{ socket: string; arreter: () => Promise<void> }> {
  const dossier = fs.mkdtempSync(path.join(os.tmpdir(), 'carte-clamav-'))
  const base = path.join(dossier, 'signatures')
  fs.mkdirSync(base)
  const hex = spawnSync('sigtool', ['--hex-dump'], { input: EICAR, encoding: 'utf8' })
  if (hex.status !== 0)
    throw new Error(
      `sigtool indisponible (apt-get install -y clamav clamav-daemon) : ${hex.stderr || hex.error}`,
    )
  // Body signature, any file type (0), any offset (*): the hex dump of the EICAR string.
  fs.writeFileSync(
    path.join(base, 'carte-tests.ndb'),
    `Eicar-Test-Signature:0:*:${hex.stdout.trim().replace(/0a$/, '')}\n`,
  )
  const socket = path.join(dossier, 'clamd.sock')
  const conf = path.join(dossier, 'clamd.conf')
  fs.writeFileSync(
    conf,
    [
      `LocalSocket ${socket}`,
      `DatabaseDirectory ${base}`,
      'Foreground yes',
      `LogFile ${path.join(dossier, 'clamd.log')}`,
      'LogVerbose no',
      'StreamMaxLength 50M',
    ].join('\n'),
  )
  const clamd = spawn('clamd', ['-c', conf], { stdio: 'ignore' })
  const fin = Date.now() + 30_000
  while (!fs.existsSync(socket)) {
    if (clamd.exitCode !== null)
      throw new Error(
        `clamd s'est arrêté (code ${clamd.exitCode}) : ${fs.existsSync(path.join(dossier, 'clamd.log')) ? fs.readFileSync(path.join(dossier, 'clamd.log'), 'utf8') : ''}`,
      )
    if (Date.now() > fin) throw new Error('clamd ne répond pas après 30 s')
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    socket,
    arreter: async () => {
      if (clamd.exitCode === null) {
        const fini = new Promise((r) => clamd.once('exit', r))
        clamd.kill('SIGTERM')
        await fini
      }
    },
  }
}
