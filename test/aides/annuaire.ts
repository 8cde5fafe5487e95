import fs from 'node:fs'

import { parse } from 'csv-parse/sync'

import { FICHIER_ETABLISSEMENTS } from '../../src/referentiel/fichiers'
import { lettreCleUai } from '../../src/uai'

/**
 * A file shaped as the Annuaire de l'éducation's own export (dataset fr-en-annuaire-education, Occitanie): its
 * column names, none of our derived columns (no `type`, no `secteur` PU/PR, départements on 3 characters), every
 * nature. The 625 annuaire rows of data/reference with their values, plus écoles and collèges up to the
 * annuaire's count per département (occitanie_departements_academies.csv: 6,240 rows in all).
 */
export const COLONNES_ANNUAIRE = [
  'identifiant_de_l_etablissement',
  'nom_etablissement',
  'type_etablissement',
  'statut_public_prive',
  'adresse_1',
  'code_postal',
  'code_commune',
  'nom_commune',
  'code_departement',
  'libelle_departement',
  'code_academie',
  'libelle_academie',
  'code_region',
  'libelle_region',
  'voie_generale',
  'voie_technologique',
  'voie_professionnelle',
  'apprentissage',
  'lycee_agricole',
  'lycee_des_metiers',
  'post_bac',
  'siren_siret',
  'type_contrat_prive',
  'latitude',
  'longitude',
  'date_ouverture',
  'date_maj_ligne',
  'etat',
  'ministere_tutelle',
  'code_nature',
  'libelle_nature',
  'etablissement_mere',
  'code_bassin_formation',
  'libelle_bassin_formation',
] as const

type Ligne = Record<(typeof COLONNES_ANNUAIRE)[number], string>

const cellule = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)

export type Annuaire = {
  csv: string
  /** The rows of the export, by UAI. */
  lignes: Ligne[]
  lycees: number
  horsChamp: number
}

/** `modifier` changes a row before it is written (a lycée closed, renamed…). */
export function annuaireComplet(modifier: (l: Ligne) => void = () => {}): Annuaire {
  const derive = parse(fs.readFileSync(FICHIER_ETABLISSEMENTS, 'utf8'), { columns: true }) as Record<
    string,
    string
  >[]
  const departements = parse(
    fs.readFileSync(
      FICHIER_ETABLISSEMENTS.replace('etablissements_occitanie', 'occitanie_departements_academies'),
      'utf8',
    ),
    { columns: true },
  ) as Record<string, string>[]
  const lignes: Ligne[] = []
  const uais = new Set(derive.map((d) => d.uai!))
  for (const d of derive.filter((x) => x.source!.startsWith('annuaire'))) {
    lignes.push({
      identifiant_de_l_etablissement: d.uai!,
      nom_etablissement: d.nom!,
      type_etablissement: d.type_etablissement!,
      statut_public_prive: d.statut!,
      adresse_1: d.adresse!,
      code_postal: d.code_postal!,
      code_commune: d.code_commune_insee!,
      nom_commune: d.commune!,
      code_departement: d.code_departement!.padStart(3, '0'),
      libelle_departement: d.departement!,
      code_academie: d.code_academie!,
      libelle_academie: d.academie!,
      code_region: d.code_region!,
      libelle_region: 'Occitanie',
      voie_generale: d.voie_generale!,
      voie_technologique: d.voie_technologique!,
      voie_professionnelle: d.voie_professionnelle!,
      apprentissage: d.apprentissage!,
      lycee_agricole: d.lycee_agricole!,
      lycee_des_metiers: d.lycee_des_metiers!,
      post_bac: d.post_bac!,
      siren_siret: d.siret!,
      type_contrat_prive: d.type_contrat_prive!,
      latitude: d.latitude!,
      longitude: d.longitude!,
      date_ouverture: d.date_ouverture!,
      date_maj_ligne: '2024-11-26',
      etat: 'OUVERT',
      ministere_tutelle: d.ministere_tutelle!,
      code_nature: d.nature_uai!,
      libelle_nature: d.nature_uai_libelle!,
      etablissement_mere: d.etablissement_mere!,
      code_bassin_formation: d.code_bassin_formation!,
      libelle_bassin_formation: d.libelle_bassin_formation!,
    })
  }
  const lycees = lignes.length
  // Écoles and collèges: valid, unused UAIs of each département, 1 collège for 5 écoles.
  for (const dep of departements) {
    const deja = lignes.filter((l) => l.code_departement === dep.code_departement_3).length
    let numero = 5000
    for (let i = 0; i < Number(dep.nb_etablissements_annuaire) - deja; i++) {
      let chiffres: string
      do chiffres = `${dep.prefixe_uai}${String(numero++).padStart(4, '0')}`
      while (uais.has(chiffres + lettreCleUai(chiffres)))
      const uai = chiffres + lettreCleUai(chiffres)
      uais.add(uai)
      const college = i % 6 === 5
      const [nature, libelle, type] = college
        ? ['340', 'COLLEGE', 'Collège']
        : i % 2
          ? ['151', 'ECOLE DE NIVEAU ELEMENTAIRE', 'Ecole']
          : ['101', 'ECOLE MATERNELLE', 'Ecole']
      lignes.push({
        ...Object.fromEntries(COLONNES_ANNUAIRE.map((c) => [c, ''])),
        identifiant_de_l_etablissement: uai,
        nom_etablissement: `${type} n° ${i + 1}`,
        type_etablissement: type!,
        statut_public_prive: i % 7 ? 'Public' : 'Privé',
        code_departement: dep.code_departement_3!,
        libelle_departement: dep.libelle_departement!,
        code_academie: dep.code_academie!,
        libelle_academie: dep.libelle_academie!,
        code_region: '76',
        libelle_region: 'Occitanie',
        etat: 'OUVERT',
        ministere_tutelle: "MINISTERE DE L'EDUCATION NATIONALE",
        code_nature: nature!,
        libelle_nature: libelle!,
      } as Ligne)
    }
  }
  lignes.forEach(modifier)
  const csv = [
    COLONNES_ANNUAIRE.join(','),
    ...lignes.map((l) => COLONNES_ANNUAIRE.map((c) => cellule(l[c])).join(',')),
  ].join('\n')
  return { csv, lignes, lycees, horsChamp: lignes.length - lycees }
}
