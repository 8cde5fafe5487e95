/** npm start: production. Checks the configuration, applies migrations, serves. Never creates demo data. */
import { demarrerPayload, quitterSurErreur } from './commun'
import { exigerPortLibre, servir } from './serveur'
import { lireConfiguration } from '../env'

try {
  const conf = lireConfiguration()
  await exigerPortLibre(conf.PORT)
  const payload = await demarrerPayload() // applies pending migrations (prodMigrations)
  console.log('Base de données à jour (migrations appliquées).')
  await payload.destroy()
  await servir(process.env, conf.PORT)
  console.log(`Carte des formations en service sur ${conf.serverURL}`)
} catch (err) {
  quitterSurErreur(err)
}
