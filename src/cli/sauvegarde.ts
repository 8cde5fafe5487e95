/**
 * npm run backup [-- --dest DOSSIER] : copie cohérente de la base embarquée et des fichiers, serveur en marche.
 * npm run restore -- --from DOSSIER : remet une sauvegarde en place (serveur arrêté).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import { ErreurConfiguration } from '../env'
import { restaurer, sauvegarder } from '../sauvegarde'
import { quitterSurErreur } from './commun'

try {
  const { values } = parseArgs({
    options: { dest: { type: 'string' }, from: { type: 'string' }, restaurer: { type: 'boolean' } },
  })
  if (values.restaurer) {
    if (!values.from)
      throw new ErreurConfiguration('--from : indiquez le dossier de la sauvegarde à restaurer.')
    const { miseDeCote } = restaurer(values.from)
    console.log(
      `Sauvegarde ${path.resolve(values.from)} restaurée. Les données remplacées sont conservées dans ${miseDeCote}.`,
    )
  } else {
    const { dossier, manifeste } = await sauvegarder(values.dest)
    console.log(
      `Sauvegarde cohérente écrite dans ${dossier} : ${manifeste.demandes} demandes, ${manifeste.annexes} annexes (${manifeste.fichiersAnnexes} fichiers), ${manifeste.comptes} comptes.`,
    )
  }
  process.exit(0)
} catch (err) {
  quitterSurErreur(err)
}
