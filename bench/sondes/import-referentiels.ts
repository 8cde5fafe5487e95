/**
 * Control probe for issue 21: the dry run of a whole annuaire export and of the BCN's tables through the import
 * endpoint, as « Voir les changements » sends them (the tables as one multipart form), with its counts and times.
 *   tsx bench/sondes/import-referentiels.ts <url> <identifiant> <mot de passe> <annuaire.csv> <dossier BCN>
 */
import fs from 'node:fs'
import path from 'node:path'

const [url, identifiant, motDePasse, annuaire, dossier] = process.argv.slice(2)
if (!url || !identifiant || !motDePasse || !annuaire || !dossier)
  throw new Error(
    'usage : tsx bench/sondes/import-referentiels.ts <url> <identifiant> <mot de passe> <annuaire.csv> <dossier BCN>',
  )
const connexion = await fetch(`${url}/api/users/login`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: identifiant, password: motDePasse }),
})
const { token } = (await connexion.json()) as { token: string }
const simuler = async (type: string, corps: BodyInit, entetes: Record<string, string> = {}) => {
  const debut = performance.now()
  const r = await fetch(`${url}/api/referentiels/importer?type=${type}&simulation=true`, {
    method: 'POST',
    headers: { Authorization: `JWT ${token}`, ...entetes },
    body: corps,
  })
  const bilan = (await r.json()) as Record<string, unknown> & { vides?: unknown[] }
  const ms = Math.round(performance.now() - debut)
  console.log(`${type} : ${r.status} en ${ms} ms (serveur : ${String(bilan.duree)} ms de comparaison)`)
  console.log(`  ${String(bilan.message ?? JSON.stringify(bilan.errors))}`)
  console.log(`  champs vidés : ${JSON.stringify(bilan.vides ?? [])}`)
}
await simuler('etablissements', fs.readFileSync(annuaire, 'utf8'), { 'Content-Type': 'text/csv' })
const formulaire = new FormData()
for (const nom of fs.readdirSync(dossier).filter((n) => /\.csv$/i.test(n)))
  formulaire.append('fichiers', new Blob([fs.readFileSync(path.join(dossier, nom))]), nom)
await simuler('diplomes', formulaire)
