/**
 * npm run demo: builds if needed, then serves the platform on the embedded SQLite database with the reference
 * data, an open demo campaign, demo accounts and a few demandes. Never use it in production.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { choisirBase } from '../env'
import { quitterSurErreur } from './commun'
import { constructionAJour, construire, exigerPortLibre, servir } from './serveur'

function secretPersistant(fichier: string, generer: () => string): string {
  if (fs.existsSync(fichier)) return fs.readFileSync(fichier, 'utf8').trim()
  const valeur = generer()
  fs.writeFileSync(fichier, valeur, { mode: 0o600 })
  return valeur
}

try {
  const debut = Date.now()
  const base = choisirBase(process.env.DATABASE_URI)
  // Demo side files live next to the database, so that each demo database keeps its own secret and password.
  const dossier = base.type === 'sqlite' ? path.dirname(base.fichier) : path.resolve('data')
  fs.mkdirSync(dossier, { recursive: true })
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' }
  env.PAYLOAD_SECRET ||= secretPersistant(path.join(dossier, '.secret-demo'), () =>
    crypto.randomBytes(32).toString('hex'),
  )
  const motDePasse =
    process.env.DEMO_PASSWORD ||
    secretPersistant(
      path.join(dossier, '.mot-de-passe-demo'),
      () => `Demo-${crypto.randomBytes(6).toString('base64url')}`,
    )
  const fichierCle = path.join(dossier, '.cle-api-demo')
  const port = Number(env.PORT || 3000)
  await exigerPortLibre(port)
  env.SERVER_URL ||= `http://localhost:${port}`
  Object.assign(process.env, env)

  if (!constructionAJour()) await construire(env)
  else console.log('Application déjà construite : pas de reconstruction.')

  const { demarrerPayload } = await import('./commun')
  const payload = await demarrerPayload()
  const { preparerDemo, COMPTES_DEMO } = await import('../demo/seed')
  const { rapport, cree, cleApi } = await preparerDemo(payload, motDePasse)
  console.log(rapport)
  if (cleApi) fs.writeFileSync(fichierCle, cleApi, { mode: 0o600 })
  await payload.destroy()

  await servir(env, port)
  const cle = fs.existsSync(fichierCle) ? fs.readFileSync(fichierCle, 'utf8') : '?'
  console.log(`
==========================================================================
 Carte des formations — Occitanie (démonstration), prête en ${((Date.now() - debut) / 1000).toFixed(0)} s
 Accueil public : ${env.SERVER_URL}/
 Administration : ${env.SERVER_URL}/admin
 ${cree ? 'Base de démonstration créée' : 'Base de démonstration existante réutilisée'} : ${base.type === 'sqlite' ? base.fichier : 'MongoDB'}

 Comptes de démonstration (mot de passe commun : ${motDePasse})
${COMPTES_DEMO.map((c) => `   ${c.identifiant.padEnd(22)} ${c.description}`).join('\n')}

 Clé d'API du compte « integration » : ${cle}
 Courriels envoyés : fichiers .eml dans ${path.resolve(env.MAIL_DIR ?? 'data/mail')}
 Arrêt : Ctrl+C
==========================================================================`)
} catch (err) {
  quitterSurErreur(err)
}
