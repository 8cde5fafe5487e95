/** Next.js calls `register` once when the server starts, before it serves a request. */
export async function register() {
  // Node's HTTP server only (not the edge runtime): methods Next.js cannot route, answered 405 (src/methodesHttp.ts).
  if (process.env.NEXT_RUNTIME === 'nodejs') (await import('./methodesHttp')).surveillerMethodes()
}
