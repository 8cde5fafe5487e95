import { parse } from 'csv-parse/sync'

import {
  cfdDe,
  cleEntete,
  codeRncpDe,
  dateIso,
  departementDe,
  natureDe,
  ouvertLe,
  secteurDe,
  TYPE_PAR_NATURE,
  TYPE_PAR_NIVEAU,
  typeEtablissementDe,
} from './deriver'

/**
 * The build of data/reference from the public sources (src/cli/construire-reference.ts): the derived columns
 * come from deriver.ts, the functions the import uses, so importing a raw export gives what the shipped file says.
 */

type Ligne = Record<string, string>

function lignesCsv(texte: string): Ligne[] {
  const [entetes = [], ...valeurs] = parse(texte.replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    skip_empty_lines: true,
  }) as string[][]
  const cles = entetes.map(cleEntete)
  return valeurs.map((v) => Object.fromEntries(cles.map((c, i) => [c, (v[i] ?? '').trim()])))
}

const cellule = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
const enCsv = (colonnes: readonly string[], lignes: Ligne[]) =>
  [colonnes.join(','), ...lignes.map((l) => colonnes.map((c) => cellule(l[c] ?? '')).join(','))].join('\n') +
  '\n'

export const COLONNES_ETABLISSEMENTS = [
  'uai',
  'nom',
  'type',
  'type_etablissement',
  'nature_uai',
  'nature_uai_libelle',
  'statut',
  'secteur',
  'type_contrat_prive',
  'ministere_tutelle',
  'adresse',
  'code_postal',
  'code_commune_insee',
  'commune',
  'code_departement',
  'departement',
  'code_academie',
  'academie',
  'code_region',
  'voie_generale',
  'voie_technologique',
  'voie_professionnelle',
  'apprentissage',
  'lycee_agricole',
  'lycee_des_metiers',
  'post_bac',
  'siret',
  'latitude',
  'longitude',
  'date_ouverture',
  'etablissement_mere',
  'code_bassin_formation',
  'libelle_bassin_formation',
  'source',
] as const

/**
 * etablissements_occitanie.csv from an export of the Annuaire de l'éducation: its open rows of the natures in
 * scope (first row of a UAI kept), then the rows of `autres` (the current file's CFA lists, which the annuaire
 * does not carry) whose `source` is not the annuaire and whose UAI the export does not hold.
 */
export function construireEtablissements(
  annuaire: string,
  autres = '',
  source = 'annuaire-education',
): string {
  const sortie: Ligne[] = []
  const vus = new Set<string>()
  for (const l of lignesCsv(annuaire)) {
    const uai = (l.identifiant_de_l_etablissement ?? l.uai ?? '').toUpperCase()
    const nature = natureDe(l.code_nature ?? l.nature_uai ?? '')
    if (!uai || vus.has(uai) || !(nature in TYPE_PAR_NATURE)) continue
    if (l.etat && cleEntete(l.etat) !== 'ouvert') continue
    vus.add(uai)
    const secteur = secteurDe(l.statut_public_prive ?? '')
    sortie.push({
      uai,
      nom: l.nom_etablissement ?? '',
      type: typeEtablissementDe(nature, '') ?? '',
      type_etablissement: l.type_etablissement ?? '',
      nature_uai: nature,
      nature_uai_libelle: l.libelle_nature ?? '',
      statut: l.statut_public_prive ?? '',
      secteur: secteur === 'public' ? 'PU' : secteur === 'prive' ? 'PR' : '',
      type_contrat_prive: l.type_contrat_prive ?? '',
      ministere_tutelle: l.ministere_tutelle ?? '',
      adresse: l.adresse_1 ?? '',
      code_postal: l.code_postal ?? '',
      code_commune_insee: l.code_commune ?? '',
      commune: l.nom_commune ?? '',
      code_departement: departementDe(l.code_departement ?? '') ?? '',
      departement: l.libelle_departement ?? '',
      code_academie: l.code_academie ?? '',
      academie: l.libelle_academie ?? '',
      code_region: l.code_region ?? '',
      voie_generale: l.voie_generale ?? '',
      voie_technologique: l.voie_technologique ?? '',
      voie_professionnelle: l.voie_professionnelle ?? '',
      apprentissage: l.apprentissage ?? '',
      lycee_agricole: l.lycee_agricole ?? '',
      lycee_des_metiers: l.lycee_des_metiers ?? '',
      post_bac: l.post_bac ?? '',
      siret: l.siren_siret ?? '',
      latitude: l.latitude ?? '',
      longitude: l.longitude ?? '',
      date_ouverture: l.date_ouverture ?? '',
      etablissement_mere: l.etablissement_mere ?? '',
      code_bassin_formation: l.code_bassin_formation ?? '',
      libelle_bassin_formation: l.libelle_bassin_formation ?? '',
      source,
    })
  }
  for (const l of autres ? lignesCsv(autres) : [])
    if (!l.source?.startsWith('annuaire') && l.uai && !vus.has(l.uai)) {
      vus.add(l.uai)
      sortie.push(l)
    }
  return enCsv(COLONNES_ETABLISSEMENTS, sortie)
}

/** Distinct values, in text order, `|`-separated (as formations_diplomes_pro.csv writes them). */
const liste = (valeurs: Iterable<string>) => [...new Set(valeurs)].filter(Boolean).sort().join('|')

/**
 * formations_diplomes_pro.csv from N_FORMATION_DIPLOME, N_MEF and the CFD → RNCP files (Kit apprentissage, DGESCO
 * list), for the niveaux in scope; `jour` is the day MEFs and diplômes are said open on.
 */
export function construireDiplomes(
  tables: { formations: string; mef: string; rncp: string[] },
  jour: string,
): string {
  const mefs = new Map<string, { duree: string; ouvert: boolean }[]>()
  for (const m of lignesCsv(tables.mef)) {
    const cfd = (m.formation_diplome ?? '').toUpperCase()
    const liste = mefs.get(cfd) ?? []
    liste.push({
      duree: m.duree_dispositif ?? '',
      ouvert: ouvertLe(dateIso(m.date_fermeture ?? '') ?? null, jour),
    })
    mefs.set(cfd, liste)
  }
  const rncp = new Map<string, Set<string>>()
  for (const texte of tables.rncp)
    for (const r of lignesCsv(texte)) {
      const cfd = cfdDe(r.code_diplome ?? '')
      const code = codeRncpDe(r.code_rncp ?? '')
      if (cfd.length === 8 && code) rncp.set(cfd, (rncp.get(cfd) ?? new Set()).add(code))
    }
  const colonneOuvert = `ouvert_au_${jour.replace(/-/g, '_')}`
  const sortie: Ligne[] = []
  for (const f of lignesCsv(tables.formations)) {
    const cfd = (f.formation_diplome ?? '').toUpperCase()
    const niveau = f.niveau_formation_diplome || cfd.slice(0, 3)
    const type = TYPE_PAR_NIVEAU[niveau]
    if (!type) continue
    const m = mefs.get(cfd) ?? []
    const fermeture = dateIso(f.date_fermeture ?? '') ?? ''
    sortie.push({
      cfd,
      type_diplome: type,
      niveau_formation_diplome: niveau,
      niveau_qualification_rncp: f.niveau_qualification_rncp ?? '',
      libelle_long: f.libelle_long_200 ?? '',
      libelle_stat_33: f.libelle_stat_33 ?? '',
      groupe_specialite_nsf: f.groupe_specialite ?? '',
      date_ouverture: dateIso(f.date_ouverture ?? '') ?? '',
      date_fermeture: fermeture,
      [colonneOuvert]: ouvertLe(fermeture || null, jour) ? 'oui' : 'non',
      gestionnaire: f.gestionnaire_formation_diplome ?? '',
      durees_mef_toutes: liste(m.map((x) => x.duree)),
      durees_mef_ouverts: liste(m.filter((x) => x.ouvert).map((x) => x.duree)),
      nb_mef: String(m.length),
      nb_mef_ouverts: String(m.filter((x) => x.ouvert).length),
      codes_rncp: liste(rncp.get(cfd) ?? []),
      nouveaux_diplomes: [1, 2, 3, 4, 5, 6, 7]
        .map((i) => f[`nouveau_diplome_${i}`] ?? '')
        .filter(Boolean)
        .join('|'),
    })
  }
  sortie.sort((a, b) => (a.cfd! < b.cfd! ? -1 : 1))
  return enCsv(
    [
      'cfd',
      'type_diplome',
      'niveau_formation_diplome',
      'niveau_qualification_rncp',
      'libelle_long',
      'libelle_stat_33',
      'groupe_specialite_nsf',
      'date_ouverture',
      'date_fermeture',
      colonneOuvert,
      'gestionnaire',
      'durees_mef_toutes',
      'durees_mef_ouverts',
      'nb_mef',
      'nb_mef_ouverts',
      'codes_rncp',
      'nouveaux_diplomes',
    ],
    sortie,
  )
}
