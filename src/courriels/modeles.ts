import { convert, type HtmlToTextOptions } from 'html-to-text'
import { dateHeureFr } from '../formatsDates'

/** French messages, each in plain text and HTML built from the same blocks (so both always say the same thing). */

export type Bloc =
  | { p: string }
  | { lien: string; url: string }
  | { liste: string[] }
  | { tableau: { titre?: string; lignes: [string, string][] }[] }

export type Courriel = { subject: string; text: string; html: string }

const SIGNATURE = "L'équipe de la plateforme Carte des formations — Région Occitanie et Carif-Oref Occitanie"

export function echapper(texte: string): string {
  return texte.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )
}

const EN_TEXTE: HtmlToTextOptions = {
  // A long link (a reset token) must stay on one line to stay clickable.
  wordwrap: false,
  selectors: [
    // As composer() writes links in the text part: « label : url ».
    { selector: 'a', options: { linkBrackets: [': ', ''], hideLinkHrefIfSameAsText: true } },
    { selector: 'ul', options: { itemPrefix: '- ' } },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    { selector: 'hr', options: { length: 2 } },
  ],
}

/** Plain-text rendering of an HTML message (for messages Payload builds, which only have HTML). */
export function texteDepuisHtml(html: string): string {
  return convert(html, EN_TEXTE)
}

export function composer(sujet: string, salutation: string, blocs: Bloc[], support: string | null): Courriel {
  const pied = [
    'Ce message vous est adressé automatiquement par la plateforme : merci de ne pas y répondre.',
    support ? `Pour toute question, écrivez au support : ${support}` : null,
  ].filter((l): l is string => Boolean(l))
  const texte: string[] = [salutation, '']
  const html: string[] = [`<p>${echapper(salutation)}</p>`]
  for (const bloc of blocs) {
    if ('p' in bloc) {
      texte.push(bloc.p, '')
      html.push(`<p>${echapper(bloc.p)}</p>`)
    } else if ('lien' in bloc) {
      texte.push(`${bloc.lien} : ${bloc.url}`, '')
      html.push(
        `<p><a href="${echapper(bloc.url)}" style="display:inline-block;padding:10px 16px;background:#000091;color:#fff;text-decoration:none;border-radius:4px">${echapper(bloc.lien)}</a></p>`,
      )
    } else if ('liste' in bloc) {
      texte.push(...bloc.liste.map((e) => `- ${e}`), '')
      html.push(`<ul>${bloc.liste.map((e) => `<li>${echapper(e)}</li>`).join('')}</ul>`)
    } else {
      for (const section of bloc.tableau) {
        if (section.titre) {
          texte.push(section.titre, '-'.repeat(Math.min(section.titre.length, 72)))
          html.push(`<h3 style="font-size:15px;margin:16px 0 4px">${echapper(section.titre)}</h3>`)
        }
        texte.push(...section.lignes.map(([l, v]) => `  ${l} : ${v}`), '')
        html.push(
          `<table style="border-collapse:collapse;font-size:14px">${section.lignes
            .map(
              ([l, v]) =>
                `<tr><th scope="row" style="text-align:left;padding:2px 12px 2px 0;vertical-align:top;font-weight:normal;color:#3a3a3a">${echapper(l)}</th><td style="padding:2px 0">${echapper(v).replace(/\n/g, '<br>')}</td></tr>`,
            )
            .join('')}</table>`,
        )
      }
    }
  }
  texte.push('Cordialement,', SIGNATURE, '', '--', ...pied)
  html.push(
    `<p>Cordialement,<br>${echapper(SIGNATURE)}</p>`,
    `<hr><p style="font-size:12px;color:#3a3a3a">${pied.map(echapper).join('<br>')}</p>`,
  )
  return {
    subject: sujet,
    text: texte.join('\n'),
    html: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${echapper(sujet)}</title></head><body style="font-family:Arial,sans-serif;color:#161616;line-height:1.5">${html.join('\n')}</body></html>`,
  }
}

/** A demande's titre already starts with its number (« N° 12 — Ouverture CAP… »). */
const sansNumero = (titre: string) => titre.replace(/^N° \d+ — /, '')

/** « vendredi 4 décembre 2026 à 20 h 04 » (Paris time), as the guide writes times. */
export const dateLongue = (iso: string) =>
  `${new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'Europe/Paris' }).format(new Date(iso))} ${dateHeureFr(iso)}`

export type SectionRecap = { titre: string; lignes: { libelle: string; valeur: string }[] }

export function accuseReception(a: {
  numero: number | string
  rentree: number | string
  structure: string
  valideeLe: string
  recapitulatif: SectionRecap[]
  lien: string
  support: string | null
}): Courriel {
  return composer(
    `Accusé de réception — demande n° ${a.numero} validée (rentrée ${a.rentree})`,
    'Madame, Monsieur,',
    [
      {
        p: `Votre demande n° ${a.numero} pour la rentrée ${a.rentree} (${a.structure}) a bien été validée le ${dateLongue(a.valideeLe)}. Elle est désormais transmise aux autorités académiques et régionales et n'est plus modifiable.`,
      },
      {
        p: "Récapitulatif de la demande telle qu'elle a été validée (la demande en PDF est jointe à ce message) :",
      },
      {
        tableau: a.recapitulatif.map((s) => ({
          titre: s.titre,
          lignes: s.lignes.map((l) => [l.libelle, l.valeur] as [string, string]),
        })),
      },
      { lien: 'Consulter la demande sur la plateforme', url: a.lien },
    ],
    a.support,
  )
}

export type LigneDecision = {
  numero: number | string
  titre: string
  avis: string
  decision: string
  commentaire: string
}

export function decisionsPubliees(a: {
  rentree: number | string
  structure: string
  demandes: LigneDecision[]
  lien: string
  support: string | null
  /** The structure was mailed its decisions before, and they changed since. */
  miseAJour?: boolean
}): Courriel {
  return composer(
    `${a.miseAJour ? 'Décisions mises à jour' : 'Décisions publiées'} — carte des formations, rentrée ${a.rentree}`,
    'Madame, Monsieur,',
    [
      {
        p: a.miseAJour
          ? `La Région Occitanie a publié de nouveau les décisions de la campagne de la rentrée ${a.rentree} : celles qui concernent vos demandes (${a.structure}) ont changé depuis notre précédent courriel. Les voici :`
          : `La Région Occitanie a publié les décisions de la campagne de la rentrée ${a.rentree}. Voici celles qui concernent vos demandes (${a.structure}) :`,
      },
      {
        tableau: a.demandes.map((d) => ({
          titre: `Demande n° ${d.numero} — ${sansNumero(d.titre)}`,
          lignes: [
            ['Avis des autorités académiques', d.avis || '—'],
            ['Décision de la Région', d.decision || 'Pas encore de décision'],
            ...(d.commentaire ? [['Commentaire', d.commentaire] as [string, string]] : []),
          ],
        })),
      },
      { lien: 'Consulter vos demandes', url: a.lien },
    ],
    a.support,
  )
}

export function invitation(a: {
  identifiant: string
  etablissement: string
  lien: string
  expireLe: string
  support: string | null
}): Courriel {
  return composer(
    'Votre compte sur la plateforme Carte des formations — Occitanie',
    'Madame, Monsieur,',
    [
      {
        p: `Un compte a été créé pour ${a.etablissement} sur la plateforme de recueil des demandes d'évolution de la carte des formations professionnelles initiales.`,
      },
      { p: `Votre identifiant est : ${a.identifiant}` },
      {
        p: `Pour choisir votre mot de passe, suivez le lien ci-dessous. Il est valable jusqu'au ${dateLongue(a.expireLe)} ; passé ce délai, utilisez « Mot de passe oublié ? » sur la page de connexion.`,
      },
      { lien: 'Choisir mon mot de passe', url: a.lien },
    ],
    a.support,
  )
}

export function reinitialisation(a: { lien: string; identifiant: string }): {
  subject: string
  html: string
} {
  const c = composer(
    'Réinitialisation de votre mot de passe — Carte des formations',
    'Madame, Monsieur,',
    [
      {
        p: `Une demande de réinitialisation du mot de passe a été faite pour le compte « ${a.identifiant} ».`,
      },
      { p: 'Pour choisir un nouveau mot de passe, suivez le lien ci-dessous. Il est valable une heure.' },
      { lien: 'Choisir un nouveau mot de passe', url: a.lien },
      {
        p: "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
      },
    ],
    null,
  )
  return { subject: c.subject, html: c.html }
}

/** To the OLD address: the account's address was changed (a stolen session would otherwise go unnoticed). */
export function changementAdresse(a: {
  identifiant: string
  nouvelle: string
  support: string | null
}): Courriel {
  return composer(
    'Changement de l’adresse mail de votre compte — Carte des formations',
    'Madame, Monsieur,',
    [
      {
        p: `L'adresse mail du compte « ${a.identifiant} » vient d'être remplacée par ${a.nouvelle}. Les prochains messages de la plateforme, dont les liens « Mot de passe oublié ? », seront envoyés à cette nouvelle adresse.`,
      },
      {
        p: "Si vous n'êtes pas à l'origine de ce changement, contactez sans attendre le support technique : quelqu'un d'autre utilise peut-être votre compte.",
      },
    ],
    a.support,
  )
}

export function rappelCloture(a: {
  structure: string
  cloture: string
  joursRestants: number
  brouillons: { numero: number | string; titre: string }[]
  lien: string
  support: string | null
}): Courriel {
  const n = a.brouillons.length
  const s = n > 1 ? 's' : ''
  return composer(
    `Rappel : clôture de la saisie dans ${a.joursRestants} jour${a.joursRestants > 1 ? 's' : ''}, ${n} demande${s} non validée${s}`,
    'Madame, Monsieur,',
    [
      {
        p: `La saisie des demandes sera close le ${dateLongue(a.cloture)}. ${a.structure} a encore ${n} demande${s} en cours de saisie, non validée${s} :`,
      },
      { liste: a.brouillons.map((b) => `N° ${b.numero} — ${sansNumero(b.titre)}`) },
      {
        p: "Une demande qui n'est pas validée avant la clôture n'est pas transmise aux autorités. Pour la valider : ouvrez-la, cliquez sur « Valider ma demande », vérifiez le récapitulatif puis confirmez.",
      },
      { lien: 'Ouvrir mes demandes', url: a.lien },
    ],
    a.support,
  )
}

/** A demande sent back to its filer: the authority's message, what to do, where (SECURITY 26: no avis named). */
export function demandeDeCorrection(a: {
  numero: number | string
  rentree: number | string
  structure: string
  message: string
  lien: string
  support: string | null
}): Courriel {
  return composer(
    `Demande n° ${a.numero} à corriger (rentrée ${a.rentree})`,
    'Madame, Monsieur,',
    [
      {
        p: `Votre demande n° ${a.numero} pour la rentrée ${a.rentree} (${a.structure}) vous est renvoyée pour correction par les autorités qui l'instruisent, avec ce message :`,
      },
      { p: a.message },
      {
        p: 'Vous pouvez de nouveau la modifier, même après la clôture de la saisie, puis la valider depuis son récapitulatif : elle sera alors transmise de nouveau.',
      },
      { lien: 'Corriger la demande sur la plateforme', url: a.lien },
    ],
    a.support,
  )
}

/** A new message in a demande's thread, for the other side. */
export function nouveauMessage(a: {
  numero: number | string
  rentree: number | string
  auteur: string
  texte: string
  lien: string
  support: string | null
}): Courriel {
  return composer(
    `Nouveau message sur la demande n° ${a.numero} (rentrée ${a.rentree})`,
    'Madame, Monsieur,',
    [
      { p: `${a.auteur} a écrit un message sur la demande n° ${a.numero} pour la rentrée ${a.rentree} :` },
      { p: a.texte },
      { lien: 'Voir la demande et ses messages', url: a.lien },
    ],
    a.support,
  )
}

export type DemandeDuResume = {
  numero: number | string
  etablissement: string
  lien: string
  messages: { auteur: string; date: string; texte: string }[]
}

/** The daily digest of an authority: the new messages of the day before, demande by demande, with links. */
export function resumeMessages(a: {
  jour: string
  demandes: DemandeDuResume[]
  support: string | null
}): Courriel {
  const n = a.demandes.reduce((s, d) => s + d.messages.length, 0)
  const x = n > 1 ? 's' : ''
  const d = a.demandes.length > 1 ? 's' : ''
  return composer(
    `Résumé du ${a.jour} : ${n} nouveau${n > 1 ? 'x' : ''} message${x} sur ${a.demandes.length} demande${d}`,
    'Madame, Monsieur,',
    [
      {
        p: `Depuis le dernier résumé, ${n} nouveau${n > 1 ? 'x' : ''} message${x} ${n > 1 ? 'ont' : 'a'} été écrit${x} sur ${a.demandes.length > 1 ? 'des demandes' : 'une demande'} que vous suivez :`,
      },
      ...a.demandes.flatMap((dem): Bloc[] => [
        {
          tableau: [
            {
              titre: `Demande n° ${dem.numero}${dem.etablissement ? ` — ${dem.etablissement}` : ''}`,
              lignes: dem.messages.map((m) => [`${m.auteur}, le ${m.date}`, m.texte] as [string, string]),
            },
          ],
        },
        { lien: `Voir la demande n° ${dem.numero} et ses messages`, url: dem.lien },
      ]),
      {
        p: "Vous recevez ce résumé au lieu d'un courriel par message : vous pouvez changer ce choix dans votre compte.",
      },
    ],
    a.support,
  )
}
