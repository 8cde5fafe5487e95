import diagnostics from 'node:diagnostics_channel'

/**
 * The address of the peer at the other end of the TCP connection, which a route handler cannot see: Next.js
 * keeps a client's X-Forwarded-For as sent and only fills it from the socket when absent. Node publishes every
 * incoming request on this channel before the server handles it; the header is overwritten there, so a client
 * cannot choose its value. Loaded by next.config.mjs, i.e. in the `next start` process before it serves.
 */
export const ENTETE_ADRESSE_SOCKET = 'x-carte-adresse-socket'

const DEJA = Symbol.for('carte.adresseSocket')
if (!globalThis[DEJA]) {
  globalThis[DEJA] = true
  diagnostics.subscribe('http.server.request.start', (message) => {
    const { request, socket } =
      /** @type {{ request: import('node:http').IncomingMessage, socket: import('node:net').Socket }} */ (
        message
      )
    request.headers[ENTETE_ADRESSE_SOCKET] = socket?.remoteAddress ?? ''
  })
}
