import type { CollectionConfig } from 'payload'
import {
  createDemandes,
  deleteDemandes,
  readDemandes,
  readDemandeVersions,
  updateDemandes,
} from '../../access/demandes'
import { horodaterInstruction } from '../../hooks/demandes/horodaterInstruction'
import { statutSelonLecteur } from '../../hooks/demandes/statutVu'
import { jointuresSurDemande } from '../../hooks/demandes/jointuresSurDemande'
import { journaliserInstruction, journaliserSuppression } from '../../hooks/demandes/journaliserInstruction'
import { renseignerChampsServeur } from '../../hooks/demandes/renseignerChampsServeur'
import { verifierCampagneOuverte } from '../../hooks/demandes/verifierCampagneOuverte'
import { verifierChampsConditionnels } from '../../hooks/demandes/verifierChampsConditionnels'
import { verifierGroupes } from '../../hooks/demandes/verifierGroupes'
import { garderListeAnnexes } from '../../hooks/demandes/garderListeAnnexes'
import { resoudreProjetLie } from '../../hooks/demandes/projetLie'
import {
  interdireSuppressionApresValidation,
  verrouillerApresValidation,
} from '../../hooks/demandes/verrouillerApresValidation'
import { demanderCorrection } from './endpoints/demanderCorrection'
import { exporter } from './endpoints/exporter'
import { instruireEnLot } from './endpoints/instruireEnLot'
import { pdf } from './endpoints/pdf'
import { statistiques } from './endpoints/statistiques'
import { valider } from './endpoints/valider'
import { verifierTextes } from '../../hooks/texte'
import { INDEX_DEMANDES } from './indexComposes'
import { garderRequetes } from '../../hooks/requetes/garderRequetes'
import { champsEntete } from './champs/entete'
import { champsEtablissement } from './champs/etablissement'
import { champsFormation } from './champs/formation'
import { champsProjet } from './champs/projet'
import { champsInstruction } from './champs/instruction'
import { champsServeur } from './champs/serveur'

export const Demandes: CollectionConfig = {
  slug: 'demandes',
  // Payload's lock records are readable by every signed-in user (they reveal who edits what): off.
  lockDocuments: false,
  graphQL: { singularName: 'Demande', pluralName: 'Demandes' },
  labels: { singular: 'Demande', plural: 'Demandes' },
  admin: {
    useAsTitle: 'titre',
    // Nine columns that fit 1,366 px; the others stay in the column picker (« Colonnes »).
    defaultColumns: [
      'numero',
      'etablissementConcerne',
      'diplome',
      'mesure',
      'ecartCapacite',
      'priorite',
      'statut',
      'avis.avis',
      'decision.decision',
    ],
    listSearchableFields: ['numero', 'rapportOpportunite'],
    group: 'Demandes',
    description:
      "Demandes d'ouverture, de fermeture ou d'évolution de capacité des formations professionnelles.",
    pagination: { defaultLimit: 50 },
    components: {
      edit: {
        beforeDocumentControls: ['/src/admin/boutons#BoutonsDemande', '/src/admin/AllerAuChamp#AllerAuChamp'],
      },
      beforeListTable: [
        '/src/admin/FiltresListe#FiltresListe',
        '/src/admin/BoutonExport#BoutonExport',
        '/src/admin/InstructionEnLot#InstructionEnLot',
      ],
    },
  },
  defaultSort: '-numero',
  disableDuplicate: true,
  // Payload's bulk edit writes demande after demande without a transaction (a refusal halfway leaves the first ones
  // written) and offers every filer field to the authorities: the committee's batch is instruire-en-lot.
  disableBulkEdit: true,
  // « Filtres enregistrés »: Payload's query presets (filters, columns, sort), private or shared.
  enableQueryPresets: true,
  endpoints: [exporter, statistiques, valider, pdf, demanderCorrection, instruireEnLot],
  versions: { maxPerDoc: 100 },
  indexes: INDEX_DEMANDES,
  // The statut's read hook needs the stored views whatever the caller selects.
  forceSelect: {
    statutDepot: true,
    statutSansDecision: true,
    modifieeLeDepot: true,
    modifieeLeSansDecision: true,
  },
  access: {
    create: createDemandes,
    read: readDemandes,
    update: updateDemandes,
    delete: deleteDemandes,
    readVersions: readDemandeVersions,
    unlock: updateDemandes,
  },
  hooks: {
    beforeOperation: [verifierGroupes, jointuresSurDemande, garderRequetes, statutSelonLecteur],
    beforeValidate: [resoudreProjetLie],
    beforeChange: [
      verifierCampagneOuverte,
      verifierChampsConditionnels,
      renseignerChampsServeur,
      verrouillerApresValidation,
      horodaterInstruction,
      garderListeAnnexes,
    ],
    afterChange: [journaliserInstruction],
    beforeDelete: [interdireSuppressionApresValidation],
    afterDelete: [journaliserSuppression],
  },
  // Every text field: a string, no control character, within its length (hooks/texte.ts).
  fields: verifierTextes([
    ...champsEntete,
    ...champsEtablissement,
    ...champsFormation,
    ...champsProjet,
    ...champsInstruction,
    ...champsServeur,
  ]),
}
