import { describe, expect, it } from 'vitest'

import {
  dateHeureFr,
  type DonneesPdf,
  pdfDeLaDemande,
  tailleFr,
  texteImprimable,
} from '../../src/pdf/demande'
import { lirePdf } from '../aides/pdf'

const ETABLISSEMENT = '0340042L — Lycée Jean Mermoz (Montpellier)'

function donnees(autres: Partial<DonneesPdf> = {}): DonneesPdf {
  return {
    numero: 42,
    etablissement: ETABLISSEMENT,
    statut: 'Validée',
    sections: [
      {
        titre: 'A/ Établissement de formation',
        lignes: [
          {
            champ: 'etablissementConcerne',
            libelle: "Code UAI de l'établissement concerné",
            valeur: ETABLISSEMENT,
          },
          { champ: 'responsable.nom', libelle: 'Responsable du projet', valeur: 'Claire Martin' },
        ],
      },
      {
        titre: "Rapport d'opportunité",
        lignes: [
          {
            champ: 'rapportOpportunite',
            libelle: "Rapport d'opportunité",
            valeur: 'Les entreprises du bassin sétois réclament des soudeurs qualifiés.',
          },
        ],
      },
    ],
    annexes: [
      { nom: 'pv-ca.pdf', type: 'application/pdf', taille: 348_160, description: 'PV du CA' },
      { nom: 'plan-implantation.png', type: 'image/png', taille: 2_500_000 },
    ],
    validation: { le: '2026-12-02T13:33:00.000Z', par: 'Claire Martin' },
    genereLe: new Date('2026-12-04T08:00:00.000Z'),
    ...autres,
  }
}

describe('PDF de la demande (src/pdf/demande.ts)', () => {
  it('titre, établissement, statut, validation datée en français, sections et annexes ; PDF balisé en français avec son titre', async () => {
    const pdf = await pdfDeLaDemande(donnees())
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const lu = await lirePdf(pdf)
    expect(lu.titre).toBe(`Demande n° 42 — ${ETABLISSEMENT}`)
    for (const attendu of [
      'Demande n° 42',
      ETABLISSEMENT,
      'Statut : Validée',
      'Validée le 2 décembre 2026 à 14 h 33 par Claire Martin.',
      'A/ Établissement de formation',
      "Code UAI de l'établissement concerné",
      'Les entreprises du bassin sétois réclament des soudeurs qualifiés.',
      'Annexes',
      'pv-ca.pdf',
      'PDF, 340 Ko',
      'PV du CA',
      'plan-implantation.png',
      'image PNG, 2,4 Mo',
      'Page 1 / 1',
    ])
      expect(lu.texte).toContain(attendu)
    const brut = pdf.toString('latin1')
    expect(brut).toContain('/StructTreeRoot')
    expect(brut).toMatch(/\/Marked true/)
    expect(brut).toMatch(/\/Lang \(fr-FR\)/)
    expect(brut).toMatch(/\/DisplayDocTitle true/)
    expect(brut).toContain('/H1')
  })

  it('caractères hors WinAnsi (émoji, « ≤ », chinois, espace fine) : ni plantage ni caractère faux, remplacés à la vue et signalés', async () => {
    const rapport =
      'Capacité ≤ 30 élèves 😀 ; partenariat 中文 « réel »\u202f! Œuvre, ﬁlière, coût en € — “guillemets” et 👩‍🔧.'
    const pdf = await pdfDeLaDemande(
      donnees({
        sections: [
          {
            titre: "Rapport d'opportunité",
            lignes: [{ champ: 'rapportOpportunite', libelle: 'Rapport', valeur: rapport }],
          },
        ],
      }),
    )
    const lu = await lirePdf(pdf)
    expect(lu.texte).toContain(
      'Capacité <= 30 élèves [?] ; partenariat [?][?] « réel » ! Œuvre, filière, coût en € — “guillemets” et [?].',
    )
    expect(lu.texte).toContain('4 caractères que ce document ne peut pas reproduire')
    for (const absent of ['≤', '😀', '中', '👩']) expect(lu.texte).not.toContain(absent)
    expect(texteImprimable('e\u0301té')).toEqual({ texte: 'été', remplaces: 0 })
    expect(texteImprimable('a\tb\r\nc')).toEqual({ texte: 'a b\nc', remplaces: 0 })
  })

  it('un rapport de 20 000 caractères se poursuit sur plusieurs pages, jusqu’à sa dernière phrase', async () => {
    const phrase = "Le bassin d'emploi de Sète manque de soudeurs qualifiés, les entreprises s'engagent. "
    let rapport = ''
    while (rapport.length < 20_000) rapport += phrase
    rapport += 'Dernière phrase du rapport, après vingt mille caractères.'
    const pdf = await pdfDeLaDemande(
      donnees({
        sections: [
          {
            titre: "Rapport d'opportunité",
            lignes: [{ champ: 'rapportOpportunite', libelle: 'Rapport', valeur: rapport }],
          },
        ],
      }),
    )
    const lu = await lirePdf(pdf)
    expect(lu.pages).toBeGreaterThanOrEqual(4)
    expect(lu.texte).toContain('Dernière phrase du rapport, après vingt mille caractères.')
    expect(lu.texte).toContain(`Page ${lu.pages} / ${lu.pages}`)
    // Every repetition of the sentence is there, nothing cut at a page's end (the footers taken out of the text).
    const corps = lu.texte.replace(/ ?Demande n° 42 — document généré le .+? Page \d+ \/ \d+ ?/g, ' ')
    expect(corps.split(phrase.trim()).length - 1).toBe(rapport.split(phrase.trim()).length - 1)
  })

  it("l'avis et la décision avec leurs commentaires et dates quand ils sont donnés ; rien sinon", async () => {
    const instruction = {
      titre: 'Instruction',
      lignes: [
        { champ: 'statut', libelle: 'Statut', valeur: 'Retenue' },
        { champ: 'avis.avis', libelle: 'Avis', valeur: 'Favorable' },
        // The recap's lines (src/regles/validationDemande.ts adds the comments, authors and dates).
        {
          champ: 'avis.commentaire',
          libelle: "Commentaire de l'avis",
          valeur: 'Projet cohérent avec le schéma.',
        },
        { champ: 'avis.auteur', libelle: 'Avis donné par', valeur: 'Rectorat' },
        { champ: 'avis.date', libelle: "Date de l'avis", valeur: '3 décembre 2026 à 10 h 05' },
        { champ: 'decision.decision', libelle: 'Décision', valeur: 'Retenue' },
        {
          champ: 'decision.commentaire',
          libelle: 'Commentaire de la décision',
          valeur: 'Retenue au CPRDFOP.',
        },
        { champ: 'decision.date', libelle: 'Date de la décision', valeur: '10 décembre 2026 à 16 h 00' },
      ],
    }
    const avec = await lirePdf(
      await pdfDeLaDemande(
        donnees({
          statut: 'Retenue',
          sections: [instruction],
        }),
      ),
    )
    for (const attendu of [
      "Commentaire de l'avis Projet cohérent avec le schéma.",
      'Avis donné par Rectorat',
      "Date de l'avis 3 décembre 2026 à 10 h 05",
      'Commentaire de la décision Retenue au CPRDFOP.',
      'Date de la décision 10 décembre 2026 à 16 h 00',
    ])
      expect(avec.texte).toContain(attendu)
    const sans = await lirePdf(
      await pdfDeLaDemande(donnees({ validation: null, statut: 'En cours de saisie' })),
    )
    expect(sans.texte).not.toMatch(/Commentaire|Décision|Instruction/)
    expect(sans.texte).toContain("Demande en cours de saisie : elle n'est pas encore validée.")
  })

  it('formats français', () => {
    expect(dateHeureFr('2026-07-14T06:07:00Z')).toBe('14 juillet 2026 à 08 h 07')
    expect(tailleFr(500)).toBe('1 Ko')
    expect(tailleFr(1_572_864)).toBe('1,5 Mo')
  })
})
