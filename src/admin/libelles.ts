import type { Role } from '../../access/roles'

/** "Vous êtes connecté en tant qu'établissement de formation…", adapted to each role. */
export const CONNECTE_EN_TANT_QUE: Record<Role, string> = {
  admin: "qu'administrateur",
  'carif-oref': 'que Carif-Oref',
  region: 'que Région Occitanie',
  rectorat: 'que rectorat',
  draaf: 'que DRAAF',
  reseau: "que réseau d'établissements",
  etablissement: "qu'établissement de formation",
  integration: "qu'intégration",
}

export const MODALITE_COURTE: Record<string, string> = { scolaire: 'S', mixte: 'M' }
