/** Lets the event loop serve other requests (and /api/health) in the middle of a long import. */
export const ceder = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Rows handled between two yields: a few milliseconds of work at most. */
export const LIGNES_PAR_TOUR = 1000
