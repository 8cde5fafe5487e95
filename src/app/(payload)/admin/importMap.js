import { Legende as Legende_6ccc90a87a47790b742c7761770aad6b } from '../../../../src/admin/Legende'
import { CelluleNumeroDemande as CelluleNumeroDemande_2d31b4957f0ff5d01a7e70bfe43e45fc } from '../../../../src/admin/CelluleNumeroDemande'
import { CelluleEtablissement as CelluleEtablissement_79f8dea6abc3f8c7b2f23682bbd734fc } from '../../../../src/admin/CellulesDemande'
import { ChampReferent as ChampReferent_9b78a5ff5f7ffdd8bd9ca552885b3136 } from '../../../../src/admin/ChampReferent'
import { ChampEtablissementConcerne as ChampEtablissementConcerne_84378ba45bf10ddff893c22a576aed28 } from '../../../../src/admin/ChampEtablissementConcerne'
import { CelluleDiplome as CelluleDiplome_79f8dea6abc3f8c7b2f23682bbd734fc } from '../../../../src/admin/CellulesDemande'
import { ChampDiplome as ChampDiplome_bcf36cedbc3bd0f960f5d9051f089cf2 } from '../../../../src/admin/ChampDiplome'
import { AvertissementDoublon as AvertissementDoublon_88b498ea5554111f9932d4d5c2eb7bf4 } from '../../../../src/admin/AvertissementDoublon'
import { LienSansChamp as LienSansChamp_e9e6466bcca32ae25ca9cf572cbfb6cd } from '../../../../src/admin/ChampProjetLie'
import { ChampProjetLie as ChampProjetLie_e9e6466bcca32ae25ca9cf572cbfb6cd } from '../../../../src/admin/ChampProjetLie'
import { CompteurCaracteres as CompteurCaracteres_9e8307417b735ef9466f6cef47ac172c } from '../../../../src/admin/CompteurCaracteres'
import { ChampAnnexes as ChampAnnexes_865bb440b2f82d3b10f8610014910663 } from '../../../../src/admin/ChampAnnexes'
import { FiltresIgnores as FiltresIgnores_a1329e64383d3922423f2a2680e6de75 } from '../../../../src/admin/FiltresIgnores'
import { FiltresListe as FiltresListe_4ee7c4b15154f442aa2c35981d8f9594 } from '../../../../src/admin/FiltresListe'
import { BoutonExport as BoutonExport_70169a88b4fcd611f78b8b3f45400701 } from '../../../../src/admin/BoutonExport'
import { InstructionEnLot as InstructionEnLot_6d5ee4622ad0d829ebc56b86a12b9d75 } from '../../../../src/admin/InstructionEnLot'
import { TitreNouveau as TitreNouveau_63859cbf65067070d0bac0eb3d37c372 } from '../../../../src/admin/TitreNouveau'
import { BoutonsDemande as BoutonsDemande_1d39d85f68c10a5434534bde2a8a8397 } from '../../../../src/admin/boutons'
import { AllerAuChamp as AllerAuChamp_90b1f7b7c8f0bd399e9ee8b128e4bdb4 } from '../../../../src/admin/AllerAuChamp'
import { ChampDemandeAnnexe as ChampDemandeAnnexe_6bb4ea5fd1faf10bdcc329086910878b } from '../../../../src/admin/ChampDemandeAnnexe'
import { CelluleNomFichier as CelluleNomFichier_fc27faf27fc3bb11ae7e8a3ceadfcac8 } from '../../../../src/admin/CelluleNomFichier'
import { CelluleTaille as CelluleTaille_106c80452e17b4dcc27c5efe5186e694 } from '../../../../src/admin/CelluleTaille'
import { QueryPresetsAccessCell as QueryPresetsAccessCell_2b8867833a34864a02ddf429b0728a40 } from '@payloadcms/next/client'
import { QueryPresetsWhereCell as QueryPresetsWhereCell_2b8867833a34864a02ddf429b0728a40 } from '@payloadcms/next/client'
import { QueryPresetsWhereField as QueryPresetsWhereField_2b8867833a34864a02ddf429b0728a40 } from '@payloadcms/next/client'
import { QueryPresetsColumnsCell as QueryPresetsColumnsCell_2b8867833a34864a02ddf429b0728a40 } from '@payloadcms/next/client'
import { QueryPresetsColumnField as QueryPresetsColumnField_2b8867833a34864a02ddf429b0728a40 } from '@payloadcms/next/client'
import { QueryPresetsGroupByCell as QueryPresetsGroupByCell_2b8867833a34864a02ddf429b0728a40 } from '@payloadcms/next/client'
import { QueryPresetsGroupByField as QueryPresetsGroupByField_2b8867833a34864a02ddf429b0728a40 } from '@payloadcms/next/client'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BandeauConnexion as BandeauConnexion_f5b2560241ec3d08c7be946a96e9da87 } from '../../../../src/admin/BandeauConnexion'
import { Affichage as Affichage_8035e048a927585fe2c4377d2de1b70d } from '../../../../src/admin/Affichage'
import { Icone as Icone_6041950230ff46cc92e4d6638724f870 } from '../../../../src/admin/Marque'
import { Logo as Logo_6041950230ff46cc92e4d6638724f870 } from '../../../../src/admin/Marque'
import { LiensNavigation as LiensNavigation_aa4c1b1b493060e9c2d41204bc728ebb } from '../../../../src/admin/LiensNavigation'
import { AvantConnexion as AvantConnexion_6041950230ff46cc92e4d6638724f870 } from '../../../../src/admin/Marque'
import { Accessibilite as Accessibilite_3a98fe5a72f3c86f66e611159cb4bcfb } from '../../../../src/admin/Accessibilite'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { TableauDeBord as TableauDeBord_48e9d2b57dd9beafe9815d4c43e7c418 } from '../../../../src/admin/TableauDeBord'
import { Recapitulatif as Recapitulatif_756831b51fd019807b79d8c345eb951f } from '../../../../src/admin/vues'
import { Consulter as Consulter_756831b51fd019807b79d8c345eb951f } from '../../../../src/admin/vues'
import { Statistiques as Statistiques_cbe01fcd5230e5dddd403c2c3ee0961c } from '../../../../src/admin/Statistiques'
import { ComptesEnMasse as ComptesEnMasse_915521d637e3c48f1799a37992cda940 } from '../../../../src/admin/vuesEditeur'
import { ImportReferentiels as ImportReferentiels_915521d637e3c48f1799a37992cda940 } from '../../../../src/admin/vuesEditeur'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/admin/Legende#Legende": Legende_6ccc90a87a47790b742c7761770aad6b,
  "/src/admin/CelluleNumeroDemande#CelluleNumeroDemande": CelluleNumeroDemande_2d31b4957f0ff5d01a7e70bfe43e45fc,
  "/src/admin/CellulesDemande#CelluleEtablissement": CelluleEtablissement_79f8dea6abc3f8c7b2f23682bbd734fc,
  "/src/admin/ChampReferent#ChampReferent": ChampReferent_9b78a5ff5f7ffdd8bd9ca552885b3136,
  "/src/admin/ChampEtablissementConcerne#ChampEtablissementConcerne": ChampEtablissementConcerne_84378ba45bf10ddff893c22a576aed28,
  "/src/admin/CellulesDemande#CelluleDiplome": CelluleDiplome_79f8dea6abc3f8c7b2f23682bbd734fc,
  "/src/admin/ChampDiplome#ChampDiplome": ChampDiplome_bcf36cedbc3bd0f960f5d9051f089cf2,
  "/src/admin/AvertissementDoublon#AvertissementDoublon": AvertissementDoublon_88b498ea5554111f9932d4d5c2eb7bf4,
  "/src/admin/ChampProjetLie#LienSansChamp": LienSansChamp_e9e6466bcca32ae25ca9cf572cbfb6cd,
  "/src/admin/ChampProjetLie#ChampProjetLie": ChampProjetLie_e9e6466bcca32ae25ca9cf572cbfb6cd,
  "/src/admin/CompteurCaracteres#CompteurCaracteres": CompteurCaracteres_9e8307417b735ef9466f6cef47ac172c,
  "/src/admin/ChampAnnexes#ChampAnnexes": ChampAnnexes_865bb440b2f82d3b10f8610014910663,
  "/src/admin/FiltresIgnores#FiltresIgnores": FiltresIgnores_a1329e64383d3922423f2a2680e6de75,
  "/src/admin/FiltresListe#FiltresListe": FiltresListe_4ee7c4b15154f442aa2c35981d8f9594,
  "/src/admin/BoutonExport#BoutonExport": BoutonExport_70169a88b4fcd611f78b8b3f45400701,
  "/src/admin/InstructionEnLot#InstructionEnLot": InstructionEnLot_6d5ee4622ad0d829ebc56b86a12b9d75,
  "/src/admin/TitreNouveau#TitreNouveau": TitreNouveau_63859cbf65067070d0bac0eb3d37c372,
  "/src/admin/boutons#BoutonsDemande": BoutonsDemande_1d39d85f68c10a5434534bde2a8a8397,
  "/src/admin/AllerAuChamp#AllerAuChamp": AllerAuChamp_90b1f7b7c8f0bd399e9ee8b128e4bdb4,
  "/src/admin/ChampDemandeAnnexe#ChampDemandeAnnexe": ChampDemandeAnnexe_6bb4ea5fd1faf10bdcc329086910878b,
  "/src/admin/CelluleNomFichier#CelluleNomFichier": CelluleNomFichier_fc27faf27fc3bb11ae7e8a3ceadfcac8,
  "/src/admin/CelluleTaille#CelluleTaille": CelluleTaille_106c80452e17b4dcc27c5efe5186e694,
  "@payloadcms/next/client#QueryPresetsAccessCell": QueryPresetsAccessCell_2b8867833a34864a02ddf429b0728a40,
  "@payloadcms/next/client#QueryPresetsWhereCell": QueryPresetsWhereCell_2b8867833a34864a02ddf429b0728a40,
  "@payloadcms/next/client#QueryPresetsWhereField": QueryPresetsWhereField_2b8867833a34864a02ddf429b0728a40,
  "@payloadcms/next/client#QueryPresetsColumnsCell": QueryPresetsColumnsCell_2b8867833a34864a02ddf429b0728a40,
  "@payloadcms/next/client#QueryPresetsColumnField": QueryPresetsColumnField_2b8867833a34864a02ddf429b0728a40,
  "@payloadcms/next/client#QueryPresetsGroupByCell": QueryPresetsGroupByCell_2b8867833a34864a02ddf429b0728a40,
  "@payloadcms/next/client#QueryPresetsGroupByField": QueryPresetsGroupByField_2b8867833a34864a02ddf429b0728a40,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/admin/BandeauConnexion#BandeauConnexion": BandeauConnexion_f5b2560241ec3d08c7be946a96e9da87,
  "/src/admin/Affichage#Affichage": Affichage_8035e048a927585fe2c4377d2de1b70d,
  "/src/admin/Marque#Icone": Icone_6041950230ff46cc92e4d6638724f870,
  "/src/admin/Marque#Logo": Logo_6041950230ff46cc92e4d6638724f870,
  "/src/admin/LiensNavigation#LiensNavigation": LiensNavigation_aa4c1b1b493060e9c2d41204bc728ebb,
  "/src/admin/Marque#AvantConnexion": AvantConnexion_6041950230ff46cc92e4d6638724f870,
  "/src/admin/Accessibilite#Accessibilite": Accessibilite_3a98fe5a72f3c86f66e611159cb4bcfb,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/src/admin/TableauDeBord#TableauDeBord": TableauDeBord_48e9d2b57dd9beafe9815d4c43e7c418,
  "/src/admin/vues#Recapitulatif": Recapitulatif_756831b51fd019807b79d8c345eb951f,
  "/src/admin/vues#Consulter": Consulter_756831b51fd019807b79d8c345eb951f,
  "/src/admin/Statistiques#Statistiques": Statistiques_cbe01fcd5230e5dddd403c2c3ee0961c,
  "/src/admin/vuesEditeur#ComptesEnMasse": ComptesEnMasse_915521d637e3c48f1799a37992cda940,
  "/src/admin/vuesEditeur#ImportReferentiels": ImportReferentiels_915521d637e3c48f1799a37992cda940,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
