import { toWords } from 'payload/shared'

/**
 * Payload's generic French, in the guide's words. Payload slots one label (« Demande », « Établissement ») into
 * each of these strings, whatever the collection: « Créer un(e) nouveau ou nouvelle {{label}} » hedges the gender.
 * Each string here is right for every collection without knowing it (« Créer : Demande », « Création
 * enregistrée. »); where only the gender makes it natural (the title of a new document), src/admin/TitreNouveau.tsx
 * says it per collection from NOUVEAU below.
 */
export const TEXTES_ADMIN = {
  authentication: {
    username: 'Identifiant',
    apiKey: 'Clé d’API',
    enableAPIKey: 'Activer la clé d’API',
    generateNewAPIKey: 'Générer une nouvelle clé d’API',
    generatingNewAPIKeyWillInvalidate:
      'Une nouvelle clé d’API <1>remplacera</1> la clé actuelle, qui ne servira plus. Continuer ?',
    newAPIKeyGenerated: 'Nouvelle clé d’API générée.',
  },
  general: {
    dashboard: 'Tableau de bord de suivi',
    // The account page's block, shown only to whom its settings serve (src/admin/Affichage.tsx).
    payloadSettings: 'Préférences d’affichage',
    createNew: 'Créer',
    createNewLabel: 'Créer : {{label}}',
    creatingNewLabel: 'Création : {{label}}',
    creating: 'création',
    newLabel: 'Créer : {{label}}',
    // Payload adds « :\u00a0 » itself: with the space before, « Création : 2 décembre 2026 ».
    created: 'Création\u00a0',
    createdAt: 'Date de création',
    lastModified: 'Dernière modification\u00a0',
    deletedSuccessfully: 'Suppression effectuée.',
    deletedCountSuccessfully: '{{label}} : {{count}} supprimé(s).',
    deleteLabel: 'Supprimer : {{label}}',
    editLabel: 'Modifier : {{label}}',
    ascending: 'croissant',
    descending: 'décroissant',
    sortByLabelDirection: 'Trier par « {{label}} », ordre {{direction}}',
    none: 'Aucune valeur',
    noLabel: 'Pas de valeur pour « {{label}} »',
    noResults:
      'Aucun résultat dans « {{label}} » : soit la liste est encore vide, soit rien ne correspond aux filtres choisis ci-dessus.',
    perPage: 'Par page : {{limit}}',
    selectLabel: 'Choisir : {{label}}',
    selectAll: 'Tout sélectionner ({{count}}, {{label}})',
    selectedCount: '{{label}} : {{count}} sélectionné(s)',
    showAllLabel: 'Afficher tout : {{label}}',
    filterWhere: 'Filtrer « {{label}} » où',
    groupByLabel: 'Regrouper par « {{label}} »',
    successfullyCreated: 'Création enregistrée.',
    successfullyDuplicated: 'Copie enregistrée.',
    updatedSuccessfully: 'Modifications enregistrées.',
    updatedLabelSuccessfully: 'Modifications enregistrées : {{label}}.',
    updatedCountSuccessfully: '{{label}} : {{count}} modifié(s).',
    submissionSuccessful: 'Envoi effectué.',
    titleDeleted: '« {{title}} » ({{label}}) : suppression effectuée.',
    restoredCountSuccessfully: '{{label}} : {{count}} restauré(s).',
    aboutToDelete: 'Vous allez supprimer <1>{{title}}</1> ({{label}}). Confirmez-vous ?',
    aboutToDeleteCount_one: 'Vous allez supprimer {{count}} élément ({{label}})',
    aboutToDeleteCount_many: 'Vous allez supprimer {{count}} éléments ({{label}})',
    aboutToDeleteCount_other: 'Vous allez supprimer {{count}} éléments ({{label}})',
    editingLabel_one: 'Modification de {{count}} élément ({{label}})',
    editingLabel_many: 'Modification de {{count}} éléments ({{label}})',
    editingLabel_other: 'Modification de {{count}} éléments ({{label}})',
    documentIsTrashed: 'Ce document ({{label}}) est dans la corbeille : il ne se modifie plus.',
    notFound: 'Introuvable',
    time: 'Heure',
    true: 'Oui',
    false: 'Non',
    // A checkbox column on a document where the box was never set (Payload looks up `general:null`).
    null: 'Non',
  },
  fields: {
    addLabel: 'Ajouter : {{label}}',
    addNew: 'Ajouter',
    addNewLabel: 'Ajouter : {{label}}',
    chooseFromExisting: 'Choisir parmi les documents existants',
    chooseLabel: 'Choisir : {{label}}',
    editLabelData: 'Modifier les données : {{label}}',
    labelRelationship: 'Lien vers : {{label}}',
    newLabel: 'Créer : {{label}}',
    selectExistingLabel: 'Choisir un document existant : {{label}}',
    uploadNewLabel: 'Téléverser : {{label}}',
    toggleBlock: 'Replier ou déplier la section',
  },
  error: {
    noMatchedField: 'Aucun champ ne correspond à « {{label}} »',
    unableToDeleteCount: '{{label}} : {{count}} sur {{total}} n’ont pas pu être supprimés.',
    unableToUpdateCount: '{{label}} : {{count}} sur {{total}} n’ont pas pu être modifiés.',
  },
  validation: {
    fieldHasNo: 'Ce champ n’a pas de valeur pour « {{label}} »',
    greaterThanMax: '{{value}} dépasse le maximum permis pour « {{label}} » ({{max}}).',
    lessThanMin: '{{value}} est sous le minimum permis pour « {{label}} » ({{min}}).',
    requiresAtLeast: 'Ce champ demande au moins {{count}} élément(s) ({{label}}).',
    requiresNoMoreThan: 'Ce champ accepte au plus {{count}} élément(s) ({{label}}).',
  },
  version: {
    viewingVersion: 'Version de « {{documentTitle}} » ({{entityLabel}})',
    viewingVersionGlobal: 'Version : {{entityLabel}}',
    viewingVersions: 'Versions de « {{documentTitle}} » ({{entityLabel}})',
    viewingVersionsGlobal: 'Versions : {{entityLabel}}',
    aboutToRestoreGlobal:
      'Vous allez remettre « {{label}} » dans l’état où il était le {{versionDate}}. Confirmez-vous ?',
    noRowsFound: 'Aucun résultat : {{label}}',
    restoredSuccessfully: 'Restauration effectuée.',
  },
} as const

/** The title of a document not yet saved, in each collection's gender (Payload writes « [Sans titre] »). */
export const NOUVEAU: Readonly<Record<string, string>> = {
  demandes: 'Nouvelle demande',
  annexes: 'Nouvelle annexe',
  messages: 'Nouveau message',
  lectures: 'Nouvelle lecture des messages',
  etablissements: 'Nouvel établissement',
  reseaux: 'Nouveau réseau d’établissements',
  diplomes: 'Nouveau diplôme',
  documents: 'Nouveau document à consulter',
  users: 'Nouveau compte',
  journal: 'Nouvelle entrée du journal',
  compteurs: 'Nouveau compteur',
  'payload-query-presets': 'Nouveau filtre enregistré',
}

/**
 * Fields Payload adds to upload and storage collections, labelled in English or after their name (« MIME Type »,
 * « _object Key »): what the columns and filters of the annexes' and documents' lists call them.
 */
export const LIBELLES_CHAMPS_PAYLOAD: Readonly<Record<string, string>> = {
  mimeType: 'Type de fichier',
  filesize: 'Taille du fichier',
  filename: 'Nom du fichier',
  url: 'Adresse du fichier',
  thumbnailURL: 'Adresse de la vignette',
  width: 'Largeur (pixels)',
  height: 'Hauteur (pixels)',
  focalX: 'Point focal (horizontal)',
  focalY: 'Point focal (vertical)',
  prefix: 'Dossier de stockage',
  _objectKey: 'Clé du fichier dans le stockage',
  createdAt: 'Date de création',
  updatedAt: 'Dernière modification',
  apiKey: 'Clé d’API',
  enableAPIKey: 'Activer la clé d’API',
}

/** Payload's own English labels; a field without a label is named after its name (« _object Key »). */
const ANGLAIS = new Set(['MIME Type', 'Thumbnail URL', 'URL', 'Api Key', 'Enable API Key'])

type ChampNomme = { name?: string; label?: unknown; fields?: ChampNomme[] }

/**
 * Labels the fields Payload added without a French label, in the sanitized config (the admin's columns, filters
 * and messages read them there). A label the collection chose is kept.
 */
export function franciserChampsPayload(collections: { fields: unknown[]; flattenedFields?: unknown[] }[]) {
  const etiqueter = (champs: ChampNomme[]) => {
    for (const champ of champs) {
      const libelle = champ.name ? LIBELLES_CHAMPS_PAYLOAD[champ.name] : undefined
      const nomme = champ.label === undefined || champ.label === toWords(champ.name ?? '')
      if (libelle && (nomme || ANGLAIS.has(String(champ.label)))) champ.label = libelle
      if (Array.isArray(champ.fields)) etiqueter(champ.fields)
    }
  }
  for (const c of collections) {
    etiqueter(c.fields as ChampNomme[])
    if (c.flattenedFields) etiqueter(c.flattenedFields as ChampNomme[])
  }
}
