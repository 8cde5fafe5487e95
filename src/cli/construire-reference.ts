/**
 * npx tsx src/cli/construire-reference.ts [--annuaire EXPORT.csv] [--bcn DOSSIER] [--jour AAAA-MM-JJ]
 *   [--sortie data/reference]
 * Builds data/reference from the public sources: etablissements_occitanie.csv from the Annuaire de l'éducation's
 * export (the CFA rows of the current file, from ACCE and SIFA, are kept), formations_diplomes_pro.csv from the
 * BCN's tables (N_FORMATION_DIPLOME, N_MEF, CFD → RNCP). The derived columns come from src/referentiel/deriver.ts,
 * the functions `npm run import:reference` uses. No database.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { tableDe } from '../referentiel/bcn'
import { construireDiplomes, construireEtablissements } from '../referentiel/construire'
import { cleEntete } from '../referentiel/deriver'
import { fichiersDuDossier } from '../referentiel/fichiers'

const { values } = parseArgs({
  options: {
    annuaire: { type: 'string' },
    bcn: { type: 'string' },
    jour: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    sortie: { type: 'string', default: 'data/reference' },
  },
})
if (!values.annuaire && !values.bcn) {
  console.error('Indiquez --annuaire EXPORT.csv et/ou --bcn DOSSIER.')
  process.exit(1)
}
const sortie = path.resolve(values.sortie)
if (values.annuaire) {
  const cible = path.join(sortie, 'etablissements_occitanie.csv')
  const actuel = fs.existsSync(cible) ? fs.readFileSync(cible, 'utf8') : ''
  const csv = construireEtablissements(fs.readFileSync(values.annuaire, 'utf8'), actuel)
  fs.writeFileSync(cible, csv)
  console.log(`${cible} : ${csv.trimEnd().split('\n').length - 1} établissements.`)
}
if (values.bcn) {
  const tables: { formations?: string; mef?: string; rncp: string[] } = { rncp: [] }
  for (const f of fichiersDuDossier(values.bcn)) {
    const entetes = (f.texte.replace(/^\uFEFF/, '').split('\n')[0] ?? '').split(',').map(cleEntete)
    const table = tableDe(entetes)
    if (table === 'formations') tables.formations = f.texte
    else if (table === 'mef') tables.mef = f.texte
    else if (table === 'rncp') tables.rncp.push(f.texte)
  }
  if (!tables.formations || !tables.mef) {
    console.error(`${values.bcn} : N_FORMATION_DIPLOME et N_MEF sont nécessaires.`)
    process.exit(1)
  }
  const cible = path.join(sortie, 'formations_diplomes_pro.csv')
  const csv = construireDiplomes(
    { formations: tables.formations, mef: tables.mef, rncp: tables.rncp },
    values.jour,
  )
  fs.writeFileSync(cible, csv)
  console.log(`${cible} : ${csv.trimEnd().split('\n').length - 1} diplômes (ouverts au ${values.jour}).`)
}
