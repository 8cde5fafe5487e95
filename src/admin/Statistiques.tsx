import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { libelleAcademie, peut, rattachementDe, utilisateurDe } from '../../access/roles'
import { libelle, MESURES } from '../regles/enums'
import { type Cellule, calculerStatistiques, type Statistiques as Stats } from '../statistiques'
import { Gabarit } from './vues'

const COULEURS: Record<string, string> = { montpellier: '#0b4f8a', toulouse: '#a4442c' }
const signe = (n: number) => (n > 0 ? `+${n}` : String(n))
const nombre = (n: number) => new Intl.NumberFormat('fr-FR').format(n)

/**
 * Balance of places by type de diplôme, one bar per académie, growing right (places opened) or left (closed)
 * from a zero axis. Drawn on the server as SVG: no script, prints, and the table below carries the same numbers.
 */
function Graphique({ stats }: { stats: Stats }) {
  const academies = Object.keys(stats.parAcademie).sort()
  const types = Object.entries(stats.parTypeDiplome)
    .sort((a, b) => b[1].demandes - a[1].demandes)
    .slice(0, 12)
    .map(([t]) => t)
  const solde = (a: string, t: string) =>
    stats.croise.filter((l) => l.academie === a && l.typeDiplome === t).reduce((s, l) => s + l.solde, 0)
  const max = Math.max(1, ...types.flatMap((t) => academies.map((a) => Math.abs(solde(a, t)))))
  const largeur = 760
  const gauche = 130
  const zone = largeur - gauche - 70
  const zero = gauche + zone / 2
  const barre = 14
  const groupe = academies.length * (barre + 4) + 14
  const hauteur = 40 + types.length * groupe + 30
  const echelle = (v: number) => (v / max) * (zone / 2)
  return (
    <figure className="graphique">
      <svg
        role="img"
        aria-labelledby="graphique-titre graphique-desc"
        viewBox={`0 0 ${largeur} ${hauteur}`}
        width="100%"
        style={{ maxWidth: largeur }}
      >
        <title id="graphique-titre">Solde de places demandé par type de diplôme et par académie</title>
        <desc id="graphique-desc">
          Pour chaque type de diplôme, une barre par académie : vers la droite les places ouvertes, vers la
          gauche les places fermées. Les valeurs exactes sont dans le tableau qui suit.
        </desc>
        <line x1={zero} x2={zero} y1={30} y2={hauteur - 20} stroke="#3a3a3a" />
        <text x={zero - 6} y={22} textAnchor="end" fontSize="12" fill="#a4442c">
          ← places fermées
        </text>
        <text x={zero + 6} y={22} fontSize="12" fill="#1b5e20">
          places ouvertes →
        </text>
        {types.map((t, i) => {
          const y0 = 40 + i * groupe
          return (
            <g key={t}>
              <text
                x={gauche - 8}
                y={y0 + (academies.length * (barre + 4)) / 2 + 4}
                textAnchor="end"
                fontSize="13"
                fontWeight="600"
                fill="currentColor"
              >
                {t}
              </text>
              {academies.map((a, j) => {
                const v = solde(a, t)
                const w = Math.abs(echelle(v))
                const y = y0 + j * (barre + 4)
                return (
                  <g key={a}>
                    <rect
                      x={v >= 0 ? zero : zero - w}
                      y={y}
                      width={Math.max(w, 1)}
                      height={barre}
                      fill={COULEURS[a] ?? '#555'}
                    >
                      <title>{`${t}, académie de ${libelleAcademie(a)} : ${signe(v)} places`}</title>
                    </rect>
                    <text
                      x={v >= 0 ? zero + w + 4 : zero - w - 4}
                      y={y + barre - 3}
                      fontSize="11"
                      fill="currentColor"
                      textAnchor={v >= 0 ? 'start' : 'end'}
                    >
                      {signe(v)}
                    </text>
                  </g>
                )
              })}
            </g>
          )
        })}
      </svg>
      <figcaption className="graphique__legende">
        {academies.map((a) => (
          <span key={a}>
            <span
              className="graphique__pastille"
              style={{ background: COULEURS[a] ?? '#555' }}
              aria-hidden="true"
            />{' '}
            Académie de {libelleAcademie(a)}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}

function Chiffres({ c }: { c: Cellule }) {
  return (
    <>
      <td>{nombre(c.demandes)}</td>
      <td>{c.placesOuvertes ? `+${nombre(c.placesOuvertes)}` : '0'}</td>
      <td>{c.placesFermees ? `−${nombre(c.placesFermees)}` : '0'}</td>
      <td className={c.solde < 0 ? 'negatif' : c.solde > 0 ? 'positif' : undefined}>{signe(c.solde)}</td>
    </>
  )
}

/** /admin/statistiques — the authorities' figures for the campaign, within what each may read. */
export async function Statistiques(props: AdminViewServerProps) {
  const req = props.initPageResult.req
  const user = utilisateurDe(req)
  if (!user || !peut(user, 'consulterStatistiques')) {
    return (
      <Gabarit props={props}>
        <h1>Statistiques</h1>
        <p>Cette page est réservée à la Région, aux rectorats, à la DRAAF et au Carif-Oref.</p>
      </Gabarit>
    )
  }
  const demandee = Number(String(props.searchParams?.rentree ?? '').replace(/\D/g, '')) || undefined
  const stats = await calculerStatistiques(req, demandee)
  const t = stats.total
  return (
    <Gabarit props={props}>
      <div className="statistiques">
        <h1>Statistiques — rentrée {stats.rentree}</h1>
        <p>
          Demandes validées de votre périmètre
          {rattachementDe(user) === 'academie' && user.academie
            ? ` (académie de ${libelleAcademie(user.academie)})`
            : ''}
          . L&apos;écart de capacité d&apos;une demande est sa capacité nouvelle moins sa capacité actuelle.
        </p>
        <form method="get" className="statistiques__rentree">
          <label htmlFor="rentree">Rentrée</label>{' '}
          <input
            id="rentree"
            name="rentree"
            type="number"
            min={2000}
            max={2100}
            defaultValue={stats.rentree}
          />{' '}
          <button type="submit" className="btn btn--style-secondary btn--size-small">
            Afficher
          </button>
        </form>
        <ul className="compteurs" aria-label="Chiffres clés">
          <li>
            <span>
              <span className="compteurs__n">{nombre(t.demandes)}</span> demandes validées
            </span>
          </li>
          <li>
            <span>
              <span className="compteurs__n">+{nombre(t.placesOuvertes)}</span> places ouvertes
            </span>
          </li>
          <li>
            <span>
              <span className="compteurs__n">−{nombre(t.placesFermees)}</span> places fermées
            </span>
          </li>
          <li>
            <span>
              <span className="compteurs__n">{signe(t.solde)}</span> solde de places
            </span>
          </li>
        </ul>
        {t.demandes === 0 ? (
          <p className="vide">Aucune demande validée pour la rentrée {stats.rentree} dans votre périmètre.</p>
        ) : (
          <>
            <h2>Solde de places par type de diplôme</h2>
            <Graphique stats={stats} />
            <h2 id="titre-croise">Par académie, type de diplôme et mesure</h2>
            <table className="tableau-demandes tableau-statistiques" aria-labelledby="titre-croise">
              <thead>
                <tr>
                  <th scope="col">Académie</th>
                  <th scope="col">Type de diplôme</th>
                  <th scope="col">Mesure</th>
                  <th scope="col">Demandes</th>
                  <th scope="col">Places ouvertes</th>
                  <th scope="col">Places fermées</th>
                  <th scope="col">Solde</th>
                </tr>
              </thead>
              <tbody>
                {stats.croise.map((l) => (
                  <tr key={`${l.academie}-${l.typeDiplome}-${l.mesure}`}>
                    <td>{libelleAcademie(l.academie)}</td>
                    <td>{l.typeDiplome}</td>
                    <td>
                      <a
                        href={`/admin/collections/demandes?where[and][0][academie][equals]=${l.academie}&where[and][1][typeDiplome][equals]=${encodeURIComponent(l.typeDiplome)}&where[and][2][mesure][equals]=${l.mesure}&where[and][3][statut][not_equals]=brouillon&where[and][4][rentree][equals]=${stats.rentree}`}
                      >
                        {libelle(MESURES, l.mesure)}
                      </a>
                    </td>
                    <Chiffres c={l} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    Total
                  </th>
                  <Chiffres c={t} />
                </tr>
              </tfoot>
            </table>
            <p>
              Les mêmes chiffres sont disponibles pour vos outils :{' '}
              <code>GET /api/demandes/statistiques?rentree={stats.rentree}</code>.
            </p>
          </>
        )}
      </div>
    </Gabarit>
  )
}
