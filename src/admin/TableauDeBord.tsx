import type { PayloadRequest, Where } from 'payload'
import { type DashboardViewServerProps, DefaultDashboard } from '@payloadcms/next/views'
import { Gutter } from '@payloadcms/ui'
import React from 'react'

import { portee } from '../../access/permissions'
import { estDeposant, libelleAcademie, peut, rattachementDe, utilisateurDe } from '../../access/roles'
import { etatCampagne, jusquAuCloture, lireCampagne, messageCampagneFermee } from '../campagne'
import { libelle, MESURES, STATUTS } from '../regles/enums'
import { formationEnClair } from '../regles/validationDemande'
import type { Demande } from '../payload-types'
import { MODALITE_COURTE } from './libelles'
import { lienListeFiltree, whereDesFiltres } from './filtresDemandes'
import { MessagesNonLus } from './MessagesNonLus'

/** What the tables show: the selected fields, diplôme and établissement populated (depth 1) when readable. */
type Ligne = Pick<
  Demande,
  | 'id'
  | 'numero'
  | 'mesure'
  | 'modalite'
  | 'projetLie'
  | 'statut'
  | 'dureeFormation'
  | 'anneeFormation'
  | 'diplome'
  | 'etablissementConcerne'
>

async function demandes(req: PayloadRequest, where: Where): Promise<Ligne[]> {
  const r = await req.payload.find({
    collection: 'demandes',
    where,
    req,
    user: req.user,
    overrideAccess: false,
    depth: 1,
    limit: 500,
    sort: '-numero',
    select: {
      numero: true,
      mesure: true,
      modalite: true,
      projetLie: true,
      statut: true,
      dureeFormation: true,
      anneeFormation: true,
      diplome: true,
      etablissementConcerne: true,
    },
  })
  return r.docs
}

/** The latest message of each demande's thread (the correction asked), as the user may read it. */
async function derniersMessages(req: PayloadRequest, ids: (number | string)[]): Promise<Map<string, string>> {
  const resultat = new Map<string, string>()
  if (ids.length === 0) return resultat
  const r = await req.payload.find({
    collection: 'messages',
    where: { demande: { in: ids } },
    req,
    user: req.user,
    overrideAccess: false,
    depth: 0,
    limit: 500,
    sort: '-createdAt',
    select: { demande: true, texte: true },
  })
  for (const m of r.docs) {
    const cle = String(typeof m.demande === 'object' ? m.demande.id : m.demande)
    if (!resultat.has(cle)) resultat.set(cle, m.texte)
  }
  return resultat
}

function diplomeEnClair(d: Ligne): string {
  if (!d.diplome || typeof d.diplome !== 'object') return 'Pas encore saisi'
  return formationEnClair(d, {
    libelle: d.diplome.libelle ?? '',
    typeDiplome: d.diplome.typeDiplome ?? '',
    durees: d.diplome.durees ?? [],
    ouvert: true,
  })
}

function TableDemandes({
  lignes,
  operation,
  titre,
  idTitre,
  montrerEtablissement,
}: {
  lignes: Ligne[]
  operation: 'saisie' | 'consulter'
  titre: string
  idTitre: string
  montrerEtablissement: boolean
}) {
  return (
    // On a narrow screen the table scrolls inside this frame, never the page (focusable: scrolled by keyboard).
    <div className="tableau-defilant" role="region" aria-labelledby={idTitre} tabIndex={0}>
      <table className="tableau-demandes" aria-labelledby={idTitre}>
        <caption className="sr-only">{titre}</caption>
        <thead>
          <tr>
            <th scope="col">Id</th>
            {montrerEtablissement && <th scope="col">Établissement concerné</th>}
            <th scope="col">Mesure</th>
            <th scope="col">Diplôme</th>
            <th scope="col">
              <abbr title="S : scolaire uniquement ; M : public mixé">Modalité</abbr>
            </th>
            <th scope="col">Projet lié</th>
            {operation === 'consulter' && <th scope="col">Statut</th>}
            <th scope="col">Opération</th>
          </tr>
        </thead>
        <tbody>
          {lignes.map((d) => (
            <tr key={String(d.id)}>
              <td>{d.numero}</td>
              {montrerEtablissement && (
                <td>
                  {typeof d.etablissementConcerne === 'object' && d.etablissementConcerne
                    ? `${d.etablissementConcerne.uai} — ${d.etablissementConcerne.nom}`
                    : ''}
                </td>
              )}
              <td>{libelle(MESURES, d.mesure) || 'Pas encore saisie'}</td>
              <td>{diplomeEnClair(d)}</td>
              <td>{d.modalite ? MODALITE_COURTE[d.modalite] : ''}</td>
              <td>{d.projetLie ? 'Oui' : 'Non'}</td>
              {operation === 'consulter' && <td>{libelle(STATUTS, d.statut)}</td>}
              <td>
                {operation === 'saisie' ? (
                  <a
                    href={`/admin/collections/demandes/${d.id}`}
                    aria-label={`Continuer la saisie de la demande ${d.numero}`}
                  >
                    Continuer la saisie
                  </a>
                ) : (
                  <a
                    href={`/admin/demandes/${d.id}/consulter`}
                    aria-label={`Consulter la demande ${d.numero}`}
                  >
                    Consulter
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

async function TableauDeposant({ req, valide }: { req: PayloadRequest; valide?: string }) {
  const campagne = await lireCampagne(req)
  const etat = etatCampagne(campagne)
  const [brouillons, aCorriger, validees] = await Promise.all([
    demandes(req, { statut: { equals: 'brouillon' } }),
    demandes(req, { statut: { equals: 'a-corriger' } }),
    demandes(req, { statut: { not_in: ['brouillon', 'a-corriger'] } }),
  ])
  const motifs = await derniersMessages(
    req,
    aCorriger.map((d) => d.id),
  )
  const multi = rattachementDe(utilisateurDe(req)) !== 'etablissement'
  const support = campagne.contactSupport || 'support.carte@cariforefoccitanie.fr'
  return (
    <div className="tableau-de-bord">
      <MessagesNonLus req={req} />
      <h1>Saisie en ligne des demandes — rentrée {campagne.rentree}</h1>
      {valide && (
        <div className="message-succes" role="status">
          La demande n° {valide} a été validée. Elle figure dans la liste des demandes validées : vous pouvez
          la consulter et l&apos;imprimer, mais plus la modifier.
        </div>
      )}
      <p className={etat === 'ouverte' ? 'campagne campagne--ouverte' : 'campagne campagne--fermee'}>
        {etat === 'ouverte'
          ? `La saisie est ouverte ${jusquAuCloture(campagne)}.`
          : messageCampagneFermee(campagne, etat)}
      </p>

      {aCorriger.length > 0 && (
        <section aria-labelledby="titre-a-corriger" className="a-corriger">
          <h2 id="titre-a-corriger">Demandes à corriger</h2>
          <p>
            Ces demandes vous ont été renvoyées pour correction. Modifiez-les, puis validez-les de nouveau
            depuis leur récapitulatif, même après la clôture de la saisie.
          </p>
          <ul>
            {aCorriger.map((d) => (
              <li key={String(d.id)}>
                <strong>Demande n° {d.numero}</strong> — {diplomeEnClair(d)}
                {motifs.get(String(d.id)) && <blockquote>{motifs.get(String(d.id))}</blockquote>}
                <a
                  className="btn btn--style-primary btn--size-small"
                  href={`/admin/collections/demandes/${d.id}`}
                  aria-label={`Corriger la demande ${d.numero}`}
                >
                  Corriger la demande
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <AInstruire req={req} />

      <section aria-labelledby="titre-brouillons">
        <h2 id="titre-brouillons">Demandes en cours de saisie</h2>
        <p>
          Ces demandes ne sont consultables que par vous,{' '}
          {multi ? 'la structure responsable' : "l'établissement responsable"}. Vous pouvez en ajouter ou les
          modifier, puis, quand elles sont finalisées, demander leur validation.
        </p>
        {brouillons.length ? (
          <TableDemandes
            lignes={brouillons}
            operation="saisie"
            titre="Demandes en cours de saisie"
            idTitre="titre-brouillons"
            montrerEtablissement={multi}
          />
        ) : (
          <p className="vide">
            Aucune demande en cours de saisie. Pour commencer, déposez une nouvelle demande.
          </p>
        )}
        {etat === 'ouverte' && (
          <p>
            <a
              className="btn btn--style-primary btn--size-medium lien-nouvelle-demande"
              href="/admin/collections/demandes/create"
            >
              Déposer une nouvelle demande
            </a>
          </p>
        )}
        <p className="support">
          En cas de problème, vous pouvez <a href={`mailto:${support}`}>contacter le support technique</a> par
          courrier électronique : {support}. Merci de préciser la référence (code UAI) de votre établissement
          de formation.
        </p>
      </section>

      <section aria-labelledby="titre-validees">
        <h2 id="titre-validees">Demandes validées</h2>
        <p>Vous pouvez consulter ces demandes, mais vous ne pourrez pas les modifier.</p>
        {validees.length ? (
          <TableDemandes
            lignes={validees}
            operation="consulter"
            titre="Demandes validées"
            idTitre="titre-validees"
            montrerEtablissement={multi}
          />
        ) : (
          <p className="vide">Aucune demande validée pour l&apos;instant.</p>
        )}
      </section>
    </div>
  )
}

const pluriel = (n: number, un: string, plusieurs: string) => `${n} ${n > 1 ? plusieurs : un}`

/**
 * « À instruire »: what waits for this reader's avis or décision (the list bar's own filters, so each counter opens
 * exactly what it counts), and, on the authorities' dashboard, what went back to the filers. Nothing for who
 * instructs nothing. The DRAAF files and gives avis: its filer's dashboard shows it too.
 */
async function AInstruire({ req, renvoyees }: { req: PayloadRequest; renvoyees?: number }) {
  const role = utilisateurDe(req)?.role
  const compter = async (where: Where) =>
    (await req.payload.count({ collection: 'demandes', where, req, user: req.user, overrideAccess: false }))
      .totalDocs
  const [attendentAvis, attendentDecision] = await Promise.all([
    portee(role, 'donnerAvis') !== 'non' ? compter(whereDesFiltres({ sansAvis: true })) : null,
    portee(role, 'decider') !== 'non' ? compter(whereDesFiltres({ sansDecision: true })) : null,
  ])
  if (attendentAvis === null && attendentDecision === null && renvoyees === undefined) return null
  return (
    <section aria-labelledby="titre-a-instruire">
      <h2 id="titre-a-instruire">À instruire</h2>
      <ul className="compteurs compteurs--a-instruire">
        {attendentAvis !== null && (
          <li>
            <a href={lienListeFiltree({ sansAvis: true })}>
              {pluriel(attendentAvis, 'demande validée attend', 'demandes validées attendent')} votre avis
            </a>
          </li>
        )}
        {attendentDecision !== null && (
          <li>
            <a href={lienListeFiltree({ sansDecision: true })}>
              {pluriel(attendentDecision, 'demande attend', 'demandes attendent')} votre décision
            </a>
          </li>
        )}
        {renvoyees !== undefined && (
          <li>
            <a href={lienListeFiltree({ statut: 'a-corriger' })}>
              {pluriel(renvoyees, 'demande renvoyée', 'demandes renvoyées')} pour correction
            </a>
          </li>
        )}
      </ul>
      {peut(req, 'publierDecisions') && (
        <p>
          Une fois les décisions prises, publiez-les aux établissements depuis la{' '}
          <a href="/admin/collections/demandes">liste des demandes</a> (« Publier les décisions »).
        </p>
      )}
    </section>
  )
}

async function TableauAutorite({ req }: { req: PayloadRequest }) {
  const campagne = await lireCampagne(req)
  const editeur = peut(req, 'gererReferentiels')
  const compter = async (where: Where) =>
    (await req.payload.count({ collection: 'demandes', where, req, user: req.user, overrideAccess: false }))
      .totalDocs
  const validees: Where = { statut: { not_equals: 'brouillon' } }
  const parStatut = await Promise.all(
    STATUTS.filter((s) => s.value !== 'brouillon').map(async (s) => ({
      ...s,
      n: await compter({ statut: { equals: s.value } }),
    })),
  )
  const parAcademie = await Promise.all(
    (['montpellier', 'toulouse'] as const).map(async (a) => ({
      academie: a,
      mesures: await Promise.all(
        MESURES.map(async (m) => ({
          ...m,
          n: await compter({ and: [validees, { academie: { equals: a } }, { mesure: { equals: m.value } }] }),
        })),
      ),
    })),
  )
  const total = parStatut.reduce((s, x) => s + x.n, 0)
  const renvoyees = parStatut.find((s) => s.value === 'a-corriger')?.n ?? 0
  return (
    <div className="tableau-de-bord">
      <MessagesNonLus req={req} />
      <h1>Suivi des demandes — rentrée {campagne.rentree}</h1>
      <p>
        {total} demande{total > 1 ? 's' : ''} validée{total > 1 ? 's' : ''} dans votre périmètre.{' '}
        <a href="/admin/collections/demandes?where[statut][not_equals]=brouillon">Voir la liste</a> ·{' '}
        <a href="/admin/statistiques">Voir les statistiques et le graphique</a>
      </p>
      {editeur && (
        <p>
          Outils du Carif-Oref : <a href="/admin/comptes-en-masse">créer des comptes en masse</a> ·{' '}
          <a href="/admin/import-referentiels">mettre à jour un référentiel</a> ·{' '}
          <a href="/admin/globals/campagne">paramétrer la campagne</a>
        </p>
      )}
      <AInstruire req={req} renvoyees={renvoyees} />
      <section aria-labelledby="titre-statuts">
        <h2 id="titre-statuts">Par statut</h2>
        <ul className="compteurs">
          {parStatut.map((s) => (
            <li key={s.value}>
              <a href={lienListeFiltree({ statut: s.value })}>
                <span className="compteurs__n">{s.n}</span> {s.label}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="titre-academies">
        <h2 id="titre-academies">Par académie et par mesure</h2>
        <div className="tableau-defilant" role="region" aria-labelledby="titre-academies" tabIndex={0}>
          <table className="tableau-demandes">
            <thead>
              <tr>
                <th scope="col">Académie</th>
                {MESURES.map((m) => (
                  <th scope="col" key={m.value}>
                    {m.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {parAcademie.map((a) => (
                <tr key={a.academie}>
                  <th scope="row">{libelleAcademie(a.academie)}</th>
                  {a.mesures.map((m) => (
                    <td key={m.value}>
                      <a
                        href={lienListeFiltree({ academie: a.academie, mesure: m.value })}
                        aria-label={`${m.n} demandes, ${m.label}, académie de ${a.academie}`}
                      >
                        {m.n}
                      </a>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}

/**
 * The home page: the filer's "tableau de bord de suivi", or the authorities' counts. Payload's DashboardView renders
 * it with the props of its own dashboard, passed on as they are.
 */
export async function TableauDeBord(props: DashboardViewServerProps) {
  const req = props.initPageResult.req
  const user = utilisateurDe(req)
  const valide =
    typeof props.searchParams?.valide === 'string' ? props.searchParams.valide.replace(/\D/g, '') : undefined
  if (estDeposant(user)) {
    return (
      <Gutter>
        <TableauDeposant req={req} valide={valide} />
      </Gutter>
    )
  }
  return (
    <>
      <Gutter>
        <TableauAutorite req={req} />
      </Gutter>
      {peut(user, 'gererReferentiels') && <DefaultDashboard {...props} />}
    </>
  )
}
