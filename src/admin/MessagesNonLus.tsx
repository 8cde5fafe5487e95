import type { PayloadRequest } from 'payload'
import React from 'react'

import { dateHeureFr } from '../formatsDates'
import { compterNonLus } from '../messagesNonLus'

/**
 * « 3 messages non lus » at the top of the dashboard, with the demandes concerned, each linking to its
 * consultation (opening it marks its thread read). Nothing when everything is read.
 */
export async function MessagesNonLus({ req }: { req: PayloadRequest }) {
  const { total, nombreDeDemandes, demandes } = await compterNonLus(req).catch((err) => {
    req.payload.logger.error({ err, msg: 'Messages non lus non comptés' })
    return { total: 0, nombreDeDemandes: 0, demandes: [] }
  })
  const autres = nombreDeDemandes - demandes.length
  if (total === 0) return null
  const s = total > 1 ? 's' : ''
  return (
    // Not a heading: it comes before the page's title, and the dashboard's sections keep their own order.
    <section aria-labelledby="titre-non-lus" className="messages-non-lus" role="status">
      <p id="titre-non-lus" className="messages-non-lus__titre">
        <strong>
          {total} message{s} non lu{s}
        </strong>
      </p>
      <ul>
        {demandes.map((d) => (
          <li key={String(d.id)}>
            <a href={`/admin/demandes/${d.id}/consulter`}>Demande n° {d.numero ?? d.id}</a>
            {d.etablissement ? ` — ${d.etablissement}` : ''} —{' '}
            {d.nonLus > 1 ? `${d.nonLus} messages, le dernier du ` : 'message du '}
            {dateHeureFr(d.dernierMessageLe)}
          </li>
        ))}
      </ul>
      {autres > 0 && (
        <p>
          … et {autres} autre{autres > 1 ? 's' : ''} demande{autres > 1 ? 's' : ''} avec des messages non lus.
        </p>
      )}
    </section>
  )
}
