/**
 * Control probe for the bench's fixed-rate scenario, without autocannon: N validations (drafts of priority 501 made by
 * bench/semer.ts), one every 1/rate s, each on its own fetch; prints p50/p90/p99/max.
 *   tsx bench/sondes/validation-reguliere.ts <url du serveur> [nombre=100] [par seconde=10]
 * Run against a platform server started on a copy of a bench database (bench/resultats/<date>/plateforme.db).
 */
export {}
const [url, nombre = '100', debit = '10'] = process.argv.slice(2)
if (!url) throw new Error('usage : tsx bench/sondes/validation-reguliere.ts <url> [nombre] [par seconde]')
const connexion = await fetch(`${url}/api/users/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password: 'Banc-d-essai-2027' }),
})
const { token } = (await connexion.json()) as { token: string }
const entetes = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
const liste = await fetch(
  `${url}/api/demandes?where[priorite][equals]=501&where[statut][equals]=brouillon&limit=${nombre}&depth=0&select[numero]=true`,
  { headers: entetes },
)
const ids = ((await liste.json()) as { docs: { id: number | string }[] }).docs.map((d) => d.id)
const latences: number[] = []
let erreurs = 0
await Promise.all(
  ids.map(
    (id, i) =>
      new Promise<void>((fini) =>
        setTimeout(
          async () => {
            const debut = performance.now()
            const r = await fetch(`${url}/api/demandes/${id}/valider`, {
              method: 'POST',
              headers: entetes,
              // A generated draft may repeat a validated one: confirmed (the duplicate check still runs).
              body: JSON.stringify({ confirmer: true, confirmerDoublon: true }),
            })
            await r.text()
            if (r.status === 200) latences.push(performance.now() - debut)
            else erreurs++
            fini()
          },
          (i * 1000) / Number(debit),
        ),
      ),
  ),
)
latences.sort((a, b) => a - b)
const centile = (q: number) =>
  (latences[Math.min(latences.length - 1, Math.ceil(q * latences.length) - 1)] ?? 0).toFixed(0)
console.log(
  `${latences.length} validations à ${debit} par seconde : p50 ${centile(0.5)} ms, p90 ${centile(0.9)}, p99 ${centile(0.99)}, max ${centile(1)} ; ${erreurs} erreur(s)`,
)
