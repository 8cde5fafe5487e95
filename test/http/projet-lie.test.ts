import { beforeAll, describe, expect, it } from 'vitest'

import { appel, deposerDemande, deposerEtValider, graphql, idPar, jeton, type Reponse } from '../aides/http'

/**
 * Issue 18: a projet lié is given by its numero, another établissement's included (the guide), and the same rule
 * answers on REST and GraphQL: the link is set, the other's demande never shows; an unknown numero or the demande
 * itself is refused in French, naming « Projet lié ». Against the production server.
 */
let mermoz: string
let aragon: string
let chezAragon: { id: number | string; numero: number }

beforeAll(async () => {
  mermoz = await jeton('0340042L')
  aragon = await jeton('0310024H')
  chezAragon = await deposerDemande(aragon, '0310024H', {
    rapportOpportunite: 'Rapport confidentiel de Muret.',
    siteFormation: 'Site confidentiel de Muret',
  })
})

const brouillonMermoz = async (corps: Record<string, unknown> = {}) => {
  const r = await appel('POST', '/api/demandes?depth=0', {
    jeton: mermoz,
    corps: { etablissementConcerne: await idPar('etablissements', 'uai', '0340042L'), ...corps },
  })
  expect(r.status, JSON.stringify(r.corps)).toBe(201)
  return r.corps.doc as { id: number | string; numero: number }
}

function refusProjetLie(r: Reponse, motif: RegExp) {
  expect(r.status, JSON.stringify(r.corps)).toBe(400)
  const texte = JSON.stringify(r.corps)
  expect(texte).toContain('« Projet lié »')
  expect(texte).toMatch(motif)
  expect(texte).not.toMatch(/Internal Server Error|Something went wrong|is invalid|invalid input/i)
}

function refusGraphqlProjetLie(r: Reponse, motif: RegExp) {
  expect(r.status).toBeLessThan(500)
  expect(r.corps.errors?.length, JSON.stringify(r.corps)).toBeGreaterThan(0)
  const texte = JSON.stringify(r.corps.errors)
  expect(texte).toContain('« Projet lié »')
  expect(texte).toMatch(motif)
  expect(r.corps.errors[0].extensions?.statusCode ?? 400).toBe(400)
}

describe('Projet lié par son numéro, en REST', () => {
  it('Mermoz lie sa demande au brouillon d’Aragon par son numéro ; rien de ce brouillon ne se lit', async () => {
    const d = await brouillonMermoz({ projetLie: true, numeroProjetLie: chezAragon.numero })
    const lue = await appel('GET', `/api/demandes/${d.id}?depth=3`, { jeton: mermoz })
    expect(lue.status).toBe(200)
    expect(lue.corps.numeroProjetLie).toBe(chezAragon.numero)
    expect(String(lue.corps.demandeLiee)).toBe(String(chezAragon.id))
    const texte = JSON.stringify(lue.corps)
    for (const secret of ['confidentiel', 'Muret', "Pierre d'Aragon", '0310024H'])
      expect(texte).not.toContain(secret)
    // The recap too names it by its numero only.
    const recap = await appel('POST', `/api/demandes/${d.id}/valider`, {
      jeton: mermoz,
      corps: { confirmer: false },
    })
    expect(JSON.stringify(recap.corps)).not.toContain('confidentiel')
    // Aragon's draft itself stays closed to Mermoz.
    expect((await appel('GET', `/api/demandes/${chezAragon.id}`, { jeton: mermoz })).status).toBe(404)
  })

  it('un numéro inconnu, la demande elle-même (par numéro ou identifiant), un numéro mal formé : 400 « Projet lié »', async () => {
    const d = await brouillonMermoz()
    const patch = (corps: Record<string, unknown>) =>
      appel('PATCH', `/api/demandes/${d.id}?depth=0`, { jeton: mermoz, corps })
    refusProjetLie(
      await patch({ projetLie: true, numeroProjetLie: 98_765_432 }),
      /aucun projet ne porte le n° 98765432/,
    )
    refusProjetLie(await patch({ projetLie: true, numeroProjetLie: d.numero }), /liée à elle-même/)
    refusProjetLie(await patch({ projetLie: true, demandeLiee: d.id }), /liée à elle-même/)
    refusProjetLie(await patch({ numeroProjetLie: 'douze' }), /nombre entier/)
    const relue = await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: mermoz })
    expect(relue.corps.demandeLiee ?? null).toBeNull()
  })
})

describe('Projet lié : le numéro virtuel ne sert ni de filtre ni de tri', () => {
  it('where ou sort sur numeroProjetLie : refusé en 4xx, jamais une erreur du serveur', async () => {
    for (const chemin of [
      `/api/demandes?where[numeroProjetLie][equals]=${chezAragon.numero}`,
      '/api/demandes?sort=numeroProjetLie',
      `/api/demandes/count?where[numeroProjetLie][exists]=true`,
    ]) {
      const r = await appel('GET', chemin, { jeton: mermoz })
      expect(r.status, `${chemin} : ${JSON.stringify(r.corps)}`).toBeLessThan(500)
      expect(JSON.stringify(r.corps)).not.toContain('confidentiel')
    }
  })
})

describe('Projet lié par son numéro, en GraphQL', () => {
  it('la même règle : le lien posé par numéro, refus en français nommant « Projet lié »', async () => {
    const d = await brouillonMermoz()
    const type = typeof d.id === 'number' ? 'Int' : 'String'
    const modifier = (data: Record<string, unknown>) =>
      graphql(
        `mutation($id: ${type}!, $data: mutationDemandeUpdateInput!) { updateDemande(id: $id, data: $data) { id numeroProjetLie } }`,
        { id: d.id, data },
        { jeton: mermoz },
      )
    const ok = await modifier({ projetLie: true, numeroProjetLie: chezAragon.numero })
    expect(ok.corps.errors, JSON.stringify(ok.corps)).toBeUndefined()
    expect(ok.corps.data.updateDemande.numeroProjetLie).toBe(chezAragon.numero)
    const lue = await graphql(
      `query($id: ${type}!) { Demande(id: $id) { numeroProjetLie demandeLiee { id numero rapportOpportunite siteFormation } } }`,
      { id: d.id },
      { jeton: mermoz },
    )
    expect(lue.corps.data?.Demande?.numeroProjetLie).toBe(chezAragon.numero)
    expect(JSON.stringify(lue.corps)).not.toContain('confidentiel')
    refusGraphqlProjetLie(
      await modifier({ numeroProjetLie: 98_765_432 }),
      /aucun projet ne porte le n° 98765432/,
    )
    refusGraphqlProjetLie(await modifier({ numeroProjetLie: d.numero }), /liée à elle-même/)
    refusGraphqlProjetLie(
      await graphql(
        'mutation($data: mutationDemandeInput!) { createDemande(data: $data) { id } }',
        {
          data: {
            statut: 'brouillon',
            etablissementConcerne: await idPar('etablissements', 'uai', '0340042L'),
            numeroProjetLie: 98_765_432,
          },
        },
        { jeton: mermoz },
      ),
      /aucun projet ne porte/,
    )
    // Still linked to Aragon's draft after the refusals.
    const relue = await appel('GET', `/api/demandes/${d.id}?depth=0`, { jeton: mermoz })
    expect(String(relue.corps.demandeLiee)).toBe(String(chezAragon.id))
  })
})

describe('Doublon par l’API', () => {
  it('refusé à la validation (400, « confirmerDoublon ») puis validé avec {"confirmerDoublon": true}', async () => {
    const surcharges = { mesure: 'ouverture' }
    const premiere = await deposerEtValider(aragon, '0310024H', surcharges)
    const double = await deposerDemande(aragon, '0310024H', surcharges)
    const recap = await appel('POST', `/api/demandes/${double.id}/valider`, {
      jeton: aragon,
      corps: { confirmer: false },
    })
    expect(recap.status).toBe(200)
    expect(recap.corps.recapitulatif.doublons).toContain(premiere.numero)
    const refus = await appel('POST', `/api/demandes/${double.id}/valider`, {
      jeton: aragon,
      corps: { confirmer: true },
    })
    expect(refus.status).toBe(400)
    expect(refus.corps.errors[0].message).toContain(`n° ${premiere.numero}`)
    expect(refus.corps.errors[0].data.errors[0].path).toBe('confirmerDoublon')
    const mauvais = await appel('POST', `/api/demandes/${double.id}/valider`, {
      jeton: aragon,
      corps: { confirmer: true, confirmerDoublon: 'oui' },
    })
    expect(mauvais.status).toBe(400)
    expect(JSON.stringify(mauvais.corps)).toContain('« confirmerDoublon » doit valoir true ou false.')
    const ok = await appel('POST', `/api/demandes/${double.id}/valider`, {
      jeton: aragon,
      corps: { confirmer: true, confirmerDoublon: true },
    })
    expect(ok.status, JSON.stringify(ok.corps)).toBe(200)
    expect(ok.corps.doc.statut).toBe('validee')
  })
})
