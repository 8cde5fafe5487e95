import type { RelationshipFieldServerComponent } from 'payload'
import React from 'react'

import { referentDuDepot } from '../../access/demandes'
import { idDe } from '../../access/roles'

/**
 * « Code UAI de l'établissement référent », set by the server: read from the first paint (Payload's relationship
 * display fetches its label in the browser: « Sélectionnez une valeur » until then). On a new form, prefilled as
 * its description says with what the save will record (access/demandes.ts `referentDuDepot`).
 */
export const ChampReferent: RelationshipFieldServerComponent = async ({ data, id, req, path, field }) => {
  const nouvelle = id === undefined || id === null || id === ''
  const concerne = idDe(data?.etablissementConcerne)
  const valeur = nouvelle
    ? idDe(await referentDuDepot(req, concerne as number | string))
    : idDe(data?.etablissementReferent)
  const etablissement =
    valeur === null
      ? null
      : await req.payload
          .findByID({
            collection: 'etablissements',
            id: valeur,
            depth: 0,
            // Reference list every signed-in account reads; the id is the server's own.
            overrideAccess: true,
            select: { libelle: true },
          })
          .catch(() => null)
  const label = typeof field.label === 'string' ? field.label : "Code UAI de l'établissement référent"
  const description = typeof field.admin?.description === 'string' ? field.admin.description : null
  const idChamp = `field-${path.replace(/\./g, '__')}`
  return (
    <div className="field-type champ-referent read-only">
      <span className="field-label">{label}</span>
      <p className="champ-referent__valeur" id={idChamp}>
        {etablissement?.libelle ?? 'Renseigné à l’enregistrement, d’après l’établissement concerné.'}
      </p>
      {description ? <p className="field-description">{description}</p> : null}
    </div>
  )
}
