import type { AdminViewServerProps } from 'payload'
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import React from 'react'

import { portee } from '../../access/permissions'
import { idDe, utilisateurDe } from '../../access/roles'
import { validerDemande } from '../validation'
import { recapitulatifDuLecteur } from '../demandeLue'
import { nomAffiche } from '../fichiers/noms'
import { dateHeureFr } from '../formatsDates'
import { marquerLu } from '../messagesNonLus'
import { AVIS, DECISIONS, libelle } from '../regles/enums'
import { appliquer, avisModifiable, enInstruction } from '../regles/machine'
import { BoutonConfirmer, BoutonImprimer } from './boutons'
import { DemanderCorrection, EcrireMessage, FormulaireInstruction } from './Echanges'
import { VueRecapitulatif } from './VueRecapitulatif'
import { historiqueDuLecteur } from './historiqueDuLecteur'
import { LISTE_DEMANDES, listeDeRetour } from './retourListe'

export function Gabarit({ props, children }: { props: AdminViewServerProps; children: React.ReactNode }) {
  const { initPageResult, params, searchParams } = props
  return (
    <DefaultTemplate
      i18n={initPageResult.req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={initPageResult.req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={initPageResult.req.user ?? undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>{children}</Gutter>
    </DefaultTemplate>
  )
}

function idDemande(props: AdminViewServerProps): string {
  const segments = (props.params?.segments ?? []) as string[]
  return String(segments[1] ?? '')
}

/** « Télécharger le PDF » of a demande (GET /api/demandes/:id/pdf, with the session's cookie). */
function LienPdf({ props, id }: { props: AdminViewServerProps; id: string | number }) {
  return (
    <a
      className="btn btn--style-secondary btn--size-medium"
      href={`${props.initPageResult.req.payload.config.routes.api}/demandes/${encodeURIComponent(String(id))}/pdf`}
      download
    >
      Télécharger le PDF
    </a>
  )
}

/** An error path ("responsable.nom") → the id Payload gives its input ("field-responsable__nom"). */
function ancreChamp(path: string): string {
  return `field-${path.replace(/\./g, '__')}`
}

/** /admin/demandes/:id/recapitulatif — "Valider la demande": the errors, or the recap and the confirmation. */
export async function Recapitulatif(props: AdminViewServerProps) {
  const req = props.initPageResult.req
  const id = idDemande(props)
  const r = await validerDemande(req, id, false)
  const retour = (
    <a className="btn btn--style-secondary btn--size-medium" href={`/admin/collections/demandes/${id}`}>
      Revenir à la saisie
    </a>
  )
  if (r.issue === 'a-corriger') {
    const erreurs = r.erreurs
    return (
      <Gabarit props={props}>
        <h1>La demande ne peut pas encore être validée</h1>
        <div className="message-erreur" role="alert">
          <p>Certaines données sont manquantes ou erronées. Corrigez-les puis validez à nouveau :</p>
          <ul className="liste-erreurs">
            {erreurs.map((e) => (
              <li key={e.path}>
                <a href={`/admin/collections/demandes/${id}#${ancreChamp(e.path)}`}>{e.message}</a>
              </li>
            ))}
          </ul>
        </div>
        <p>{retour}</p>
      </Gabarit>
    )
  }
  if (r.issue !== 'prete') {
    const message = r.issue === 'refusee' ? r.message : 'Cette demande ne peut pas être validée.'
    return (
      <Gabarit props={props}>
        <h1>Validation impossible</h1>
        <p className="message-erreur" role="alert">
          {message}
        </p>
        <p>
          <a href="/admin">Retour au tableau de bord</a>
          {r.issue === 'refusee' && (r.refus === 'deja-validee' || r.refus === 'concurrente') && (
            <>
              {' · '}
              <a href={`/admin/demandes/${id}/consulter`}>Consulter la demande</a>
            </>
          )}
        </p>
      </Gabarit>
    )
  }
  const recap = r.recapitulatif
  return (
    <Gabarit props={props}>
      <h1>Récapitulatif de la demande n° {recap.numero}</h1>
      <p className="avertissement" role="note">
        Vérifiez votre saisie.{' '}
        <strong>Attention, quand vous validez, la demande n&apos;est plus modifiable.</strong> Elle apparaîtra
        dans la liste des demandes validées de votre tableau de bord de suivi.
      </p>
      <VueRecapitulatif recap={recap} />
      <div className="boutons-recapitulatif">
        {retour}
        <LienPdf props={props} id={id} />
        <BoutonConfirmer id={id} numero={recap.numero} />
      </div>
    </Gabarit>
  )
}

/**
 * The demande's thread, oldest first, with who wrote and when; the form to write in it once the demande is
 * validated (a draft is nobody else's business yet), and the instructing authority's « Renvoyer pour correction ».
 */
async function Echanges({
  req,
  demande,
}: {
  req: AdminViewServerProps['initPageResult']['req']
  demande: { id: number | string; numero?: number | null; statut?: string | null }
}) {
  const messages = await req.payload
    .find({
      collection: 'messages',
      where: { demande: { equals: demande.id } },
      req,
      user: req.user,
      overrideAccess: false,
      depth: 0,
      limit: 200,
      sort: 'createdAt',
    })
    .then((r) => r.docs)
    .catch(() => [])
  const ids = [...new Set(messages.map((m) => idDe(m.auteur)).filter((i) => i !== null))]
  // Only the author's name is shown (the server reads it: a school may not read an authority's account).
  const auteurs = new Map(
    ids.length
      ? (
          await req.payload.find({
            collection: 'users',
            where: { id: { in: ids } },
            depth: 0,
            limit: ids.length,
            overrideAccess: true,
            select: { nom: true, username: true },
          })
        ).docs.map((u) => [String(u.id), u.nom || u.username || 'Compte supprimé'])
      : [],
  )
  const role = utilisateurDe(req)?.role
  const corriger =
    portee(role, 'demanderCorrection') !== 'non' &&
    !('refus' in appliquer(demande.statut, 'demande-correction'))
  return (
    <section aria-labelledby="titre-echanges" className="echanges">
      <h2 id="titre-echanges">Échanges</h2>
      {messages.length ? (
        <ol className="echanges__fil">
          {messages.map((m) => (
            <li key={String(m.id)}>
              <p className="echanges__entete">
                <strong>{auteurs.get(String(idDe(m.auteur))) ?? 'Plateforme'}</strong>, le{' '}
                {dateHeureFr(m.createdAt)}
              </p>
              <p className="echanges__texte">{m.texte}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p>Aucun message pour l&apos;instant.</p>
      )}
      {demande.statut !== 'brouillon' && <EcrireMessage demande={demande.id} />}
      {corriger && <DemanderCorrection demande={demande.id} numero={demande.numero ?? 0} />}
    </section>
  )
}

/** For the authority that gives the avis or the décision: its form beside the read-only demande. */
function Instruction({
  req,
  demande,
}: {
  req: AdminViewServerProps['initPageResult']['req']
  demande: {
    id: number | string
    statut?: string | null
    avis?: { avis?: string | null; commentaire?: string | null } | null
    decision?: { decision?: string | null; commentaire?: string | null } | null
  }
}) {
  const role = utilisateurDe(req)?.role
  if (!enInstruction(demande.statut)) return null
  const avis = portee(role, 'donnerAvis') !== 'non'
  const decision = portee(role, 'decider') !== 'non'
  if (!avis && !decision) return null
  return (
    <section aria-labelledby="titre-instruction" className="instruction">
      <h2 id="titre-instruction">
        {avis && !decision ? 'Votre avis' : decision && !avis ? 'Votre décision' : 'Instruction'}
      </h2>
      {avis && avisModifiable(demande.statut) && (
        <FormulaireInstruction
          demande={demande.id}
          champ="avis"
          options={AVIS}
          valeur={demande.avis?.avis ?? null}
          commentaire={demande.avis?.commentaire ?? null}
        />
      )}
      {avis && !avisModifiable(demande.statut) && (
        <p>
          La Région a décidé de cette demande : l&apos;avis qui a éclairé sa décision
          {demande.avis?.avis ? ` (${libelle(AVIS, demande.avis.avis)})` : ''} ne se modifie plus. Il se
          modifie de nouveau si la décision est retirée.
        </p>
      )}
      {decision && (
        <FormulaireInstruction
          demande={demande.id}
          champ="decision"
          options={DECISIONS}
          valeur={demande.decision?.decision ?? null}
          commentaire={demande.decision?.commentaire ?? null}
        />
      )}
    </section>
  )
}

/**
 * The consult page's subtitle: the statut as its reader reads it (the read hook gives a filer « validée » until the
 * décisions are published), so a décision is named only to who may read it.
 */
function etatDeLaDemande(demande: { statut?: string | null; valideeLe?: string | null }): string {
  if (demande.statut === 'brouillon') return 'Demande en cours de saisie.'
  if (demande.statut === 'a-corriger')
    return 'Demande renvoyée pour correction à sa structure, qui la modifie puis la valide de nouveau depuis son récapitulatif.'
  const validee = `Demande validée le ${dateHeureFr(demande.valideeLe as string)}`
  const decision = DECISION_DU_STATUT[demande.statut ?? '']
  if (decision) return `${validee}, ${decision} par la Région.`
  if (demande.statut === 'en-instruction') return `${validee}, en instruction — elle n'est plus modifiable.`
  return `${validee} — elle n'est plus modifiable.`
}
const DECISION_DU_STATUT: Record<string, string> = {
  retenue: 'retenue',
  'non-retenue': 'non retenue',
  ajournee: 'ajournée',
}

/**
 * « Retour à la liste »: the list the reader came from, filters kept (the list's link passes it as `depuis`, else
 * the Referer), only if it is this site's demandes list; else the whole list.
 */
function listeDuLecteur(props: AdminViewServerProps): string {
  const hote = props.initPageResult.req.headers.get('host')
  const depuis = props.searchParams?.depuis
  return (
    listeDeRetour(typeof depuis === 'string' ? depuis : null, hote) ??
    listeDeRetour(props.initPageResult.req.headers.get('referer'), hote) ??
    LISTE_DEMANDES
  )
}

/** /admin/demandes/:id/consulter — read-only, printable (A4). */
export async function Consulter(props: AdminViewServerProps) {
  const req = props.initPageResult.req
  const id = idDemande(props)
  const demande = await req.payload
    .findByID({ collection: 'demandes', id, depth: 0, req, user: req.user, overrideAccess: false })
    .catch(() => null)
  if (!demande) {
    return (
      <Gabarit props={props}>
        <h1>Demande introuvable</h1>
        <p>Cette demande n&apos;existe pas ou ne vous est pas accessible.</p>
        <p>
          <a href="/admin">Retour au tableau de bord</a>
        </p>
      </Gabarit>
    )
  }
  const { recap, annexes } = await recapitulatifDuLecteur(req, demande)
  const historique = await historiqueDuLecteur(req, demande)
  await marquerLu(req, demande.id)
  const liste = props.initPageResult.permissions?.collections?.demandes?.read ? listeDuLecteur(props) : null
  return (
    <Gabarit props={props}>
      <div className="consultation">
        <h1>Demande n° {demande.numero}</h1>
        <p className="consultation__etat">{etatDeLaDemande(demande)}</p>
        <div className="consultation__colonnes">
          <div className="consultation__demande">
            <VueRecapitulatif recap={recap} />
            <section aria-labelledby="titre-annexes">
              <h2 id="titre-annexes">Annexes</h2>
              {annexes.length ? (
                <ul>
                  {annexes.map((a) => (
                    <li key={String(a.id)}>
                      <a href={a.url ?? '#'} download>
                        {nomAffiche(a.filename ?? '')}
                      </a>
                      {a.description ? ` — ${a.description}` : ''}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>Aucune annexe.</p>
              )}
            </section>
            <section aria-labelledby="titre-historique" className="historique">
              <h2 id="titre-historique">Historique</h2>
              <ol>
                {historique.map((e, i) => (
                  <li key={i}>{e.texte}</li>
                ))}
              </ol>
            </section>
          </div>
          {/* Beside the demande on a wide screen: what the reader does with it. */}
          <div className="consultation__actions">
            <Instruction req={req} demande={demande} />
            <Echanges req={req} demande={demande} />
          </div>
        </div>
        <div className="boutons-recapitulatif">
          {liste && (
            <a className="btn btn--style-secondary btn--size-medium" href={liste}>
              Retour à la liste
            </a>
          )}
          <a className="btn btn--style-secondary btn--size-medium" href="/admin">
            Retour au tableau de bord
          </a>
          <LienPdf props={props} id={demande.id} />
          <BoutonImprimer />
        </div>
      </div>
    </Gabarit>
  )
}
