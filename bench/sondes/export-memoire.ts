/**
 * Control probe for the export's memory: the server's RSS (anonymous and file-backed, from /proc) before and at its
 * peak during one CSV export of everything by the Région, sampled every 50 ms.
 *   tsx bench/sondes/export-memoire.ts <url du serveur> <pid du serveur>
 */
import fs from 'node:fs'

const [url, pid] = process.argv.slice(2)
if (!url || !pid) throw new Error('usage : tsx bench/sondes/export-memoire.ts <url> <pid>')
const lire = (): Record<string, number> =>
  Object.fromEntries(
    fs
      .readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .filter((l) => /^(VmRSS|RssAnon|RssFile):/.test(l))
      .map((l) => [l.split(':')[0]!, Math.round(Number(/(\d+)/.exec(l)![1]) / 1024)]),
  )
const connexion = await fetch(`${url}/api/users/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: 'region', password: 'Banc-d-essai-2027' }),
})
const { token } = (await connexion.json()) as { token: string }
const avant = lire()
const pic = { ...avant }
const sonde = setInterval(() => {
  for (const [k, v] of Object.entries(lire())) pic[k] = Math.max(pic[k] ?? 0, v)
}, 50)
const debut = performance.now()
const r = await fetch(`${url}/api/demandes/export?format=csv`, { headers: { Authorization: `JWT ${token}` } })
let octets = 0
for await (const morceau of r.body as unknown as AsyncIterable<Uint8Array>) octets += morceau.length
clearInterval(sonde)
console.log(
  `export : ${(octets / 1e6).toFixed(1)} Mo en ${((performance.now() - debut) / 1000).toFixed(1)} s ; RSS ${avant.VmRSS} → pic ${pic.VmRSS} Mo (+${pic.VmRSS! - avant.VmRSS!}), dont anonyme ${avant.RssAnon} → ${pic.RssAnon} Mo`,
)
