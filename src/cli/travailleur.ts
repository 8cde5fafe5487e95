/**
 * npm run worker — runs the jobs queue (mail, reminders, decisions) in its own process, for deployments that set
 * JOBS_TRAVAILLEUR_SEPARE=true on the web servers. Every second it runs the jobs that are due.
 */
import { getPayload } from 'payload'

import { quitterSurErreur } from './commun'
import { lireConfiguration } from '../env'

try {
  process.env.CARTE_TRAVAILLEUR = '1'
  const conf = lireConfiguration()
  const { default: config } = await import('../../payload.config')
  const payload = await getPayload({ config, cron: true })
  console.log(
    `Travailleur de la file de tâches démarré (base ${conf.base.type === 'sqlite' ? conf.base.fichier : 'MongoDB'}) : tâches dues exécutées chaque seconde.`,
  )
  const arreter = async (signal: string) => {
    console.log(`${signal} reçu : arrêt du travailleur après la tâche en cours.`)
    await payload.destroy()
    process.exit(0)
  }
  process.on('SIGTERM', () => void arreter('SIGTERM'))
  process.on('SIGINT', () => void arreter('SIGINT'))
} catch (err) {
  quitterSurErreur(err)
}
