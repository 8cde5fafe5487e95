/** The 23 check letters of the UAI (RNE) register: the alphabet without I, O and Q. */
const LETTRES_CLE = 'ABCDEFGHJKLMNPRSTUVWXYZ'

/** Trim and upper-case: what a user types ("0340042l ") becomes what the register holds. */
export function normaliserUai(saisie: string): string {
  return saisie.trim().toUpperCase()
}

export function lettreCleUai(chiffres: string): string {
  return LETTRES_CLE[Number.parseInt(chiffres, 10) % 23]!
}

export type VerificationUai = { valide: true; uai: string } | { valide: false; uai: string; message: string }

/** Strict check: 7 digits followed by the check letter computed from them. Input is normalised first. */
export function verifierUai(saisie: unknown): VerificationUai {
  if (saisie !== null && saisie !== undefined && typeof saisie !== 'string') {
    return {
      valide: false,
      uai: '',
      message:
        'Le code UAI doit être un texte de 8 caractères (exemple : 0340042L), pas une liste ni un objet.',
    }
  }
  if (typeof saisie !== 'string' || saisie.trim() === '') {
    return { valide: false, uai: '', message: 'Le code UAI est obligatoire.' }
  }
  const uai = normaliserUai(saisie)
  if (!/^\d{7}[A-Z]$/.test(uai)) {
    return {
      valide: false,
      uai,
      message: `Le code UAI « ${uai} » doit comporter 8 caractères : 7 chiffres suivis d'une lettre (exemple : 0340042L).`,
    }
  }
  const attendue = lettreCleUai(uai.slice(0, 7))
  if (uai[7] !== attendue) {
    return {
      valide: false,
      uai,
      message: `Le code UAI « ${uai} » n'existe pas : la lettre clé ne correspond pas aux chiffres (vérifiez votre saisie).`,
    }
  }
  return { valide: true, uai }
}

export function estUaiValide(saisie: unknown): boolean {
  return verifierUai(saisie).valide
}
