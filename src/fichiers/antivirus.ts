import net from 'node:net'

import { configuration } from '../env'

/**
 * ClamAV through clamd's INSTREAM command (the daemon keeps its signatures in memory: a scan takes milliseconds).
 * CLAMAV_SOCKET (unix socket) or CLAMAV_HOST[:CLAMAV_PORT]. Without either, files are not scanned and the server
 * says so at start-up.
 */
export type Analyseur = { socket: string } | { host: string; port: number }
export type Verdict = { sain: true } | { sain: false; signature: string }

export class AntivirusIndisponible extends Error {}

type ReglagesAntivirus = { CLAMAV_SOCKET?: string; CLAMAV_HOST?: string; CLAMAV_PORT?: string | number }

export function analyseurConfigure(env: ReglagesAntivirus = configuration()): Analyseur | null {
  if (env.CLAMAV_SOCKET) return { socket: env.CLAMAV_SOCKET }
  if (env.CLAMAV_HOST) return { host: env.CLAMAV_HOST, port: Number(env.CLAMAV_PORT || 3310) }
  return null
}

export function messageDemarrageAntivirus(env: ReglagesAntivirus = configuration()): string {
  const a = analyseurConfigure(env)
  if (!a)
    return 'Antivirus : aucun analyseur configuré (CLAMAV_SOCKET ou CLAMAV_HOST) — les fichiers déposés ne sont PAS analysés.'
  return `Antivirus : fichiers analysés par ClamAV (${'socket' in a ? a.socket : `${a.host}:${a.port}`}).`
}

const DELAI_MS = 30_000
const MORCEAU = 64 * 1024

export function analyser(contenu: Buffer, analyseur: Analyseur): Promise<Verdict> {
  return new Promise((resolve, reject) => {
    const connexion =
      'socket' in analyseur
        ? net.createConnection(analyseur.socket)
        : net.createConnection(analyseur.port, analyseur.host)
    let reponse = ''
    const echec = (err: Error) => {
      connexion.destroy()
      reject(new AntivirusIndisponible(err.message))
    }
    connexion.setTimeout(DELAI_MS, () => echec(new Error('délai dépassé')))
    connexion.on('error', echec)
    connexion.on('data', (d) => (reponse += d.toString('utf8')))
    connexion.on('end', () => {
      const ligne = reponse.replace(/\0/g, '').trim()
      const trouve = /^stream: (.+) FOUND$/.exec(ligne)
      if (trouve) return resolve({ sain: false, signature: trouve[1]! })
      if (ligne === 'stream: OK') return resolve({ sain: true })
      reject(new AntivirusIndisponible(`réponse inattendue de clamd : ${ligne.slice(0, 200)}`))
    })
    connexion.on('connect', () => {
      connexion.write('zINSTREAM\0')
      for (let i = 0; i < contenu.length; i += MORCEAU) {
        const part = contenu.subarray(i, i + MORCEAU)
        const taille = Buffer.alloc(4)
        taille.writeUInt32BE(part.length)
        connexion.write(taille)
        connexion.write(part)
      }
      connexion.write(Buffer.alloc(4))
    })
  })
}
