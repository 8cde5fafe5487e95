import type { AddressInfo } from 'node:net'

import { CongoServer, ObjectId, plugins } from '@push.rocks/smartmongo/dist_ts/congodb/index.js'

/**
 * A MongoDB wire-protocol stand-in for the tests (CongoDB, on mingo), with the gaps Payload hits patched:
 * - `hello` answers as the primary of a one-member replica set `rs0`, so that Payload (which enables transactions
 *   only with a `replicaSet` in the URL) runs its transactional path, and without `topologyVersion`, so that the
 *   driver polls instead of streaming (the stand-in would answer an awaitable hello at once, in a tight loop);
 * - `$lookup` with `pipeline`/`let` and a dotted `as` (Payload's joins use both; CongoDB ignores them).
 * Not covered, and to be proven on a real replica set: unique indexes are not enforced, and transactions neither
 * isolate nor roll back (their commands are acknowledged, each write applies at once).
 */
export type Doublure = { uri: string; arreter: () => Promise<void> }

type Doc = Record<string, unknown>
type Etape = Record<string, unknown>
type Lookup = {
  from: string
  localField?: string
  foreignField?: string
  let?: Doc
  pipeline?: Etape[]
  as: string
}
type Gestionnaire = {
  handle: (contexte: { storage: Stockage; database: string; command: Doc }) => Promise<Doc>
}
type Stockage = {
  collectionExists: (db: string, c: string) => Promise<boolean>
  findAll: (db: string, c: string) => Promise<Doc[]>
}

const valeur = (doc: unknown, chemin: string): unknown =>
  chemin
    .split('.')
    .reduce<unknown>(
      (v, cle) => (Array.isArray(v) ? v.map((x) => (x as Doc)?.[cle]) : (v as Doc | null | undefined)?.[cle]),
      doc,
    )
const cle = (v: unknown): string => {
  if (v === undefined || v === null) return 'null'
  if (v instanceof ObjectId || (v as { _bsontype?: string })?._bsontype === 'ObjectId')
    return `oid:${(v as ObjectId).toHexString()}`
  if (v instanceof Date) return `date:${v.getTime()}`
  return JSON.stringify(v)
}
const cles = (v: unknown): string[] =>
  Array.isArray(v) ? (v.length ? v.flat(Infinity).map(cle) : ['null']) : [cle(v)]

function avecChemin(doc: Doc, chemin: string, v: unknown): Doc {
  const [tete, ...reste] = chemin.split('.')
  if (!reste.length) return { ...doc, [tete!]: v }
  const sous = doc[tete!]
  return {
    ...doc,
    [tete!]: avecChemin(
      sous && typeof sous === 'object' && !Array.isArray(sous) ? (sous as Doc) : {},
      reste.join('.'),
      v,
    ),
  }
}

/** Runs `pipeline`, its `$lookup` stages here (recursively), every other run of stages through mingo. */
async function executer(
  docs: Doc[],
  pipeline: Etape[],
  variables: Doc,
  lire: (c: string) => Promise<Doc[]>,
): Promise<Doc[]> {
  let resultat = docs
  let lot: Etape[] = []
  const vider = () => {
    if (lot.length)
      resultat = new plugins.mingo.Aggregator(lot as never, { variables } as never).run(resultat) as Doc[]
    lot = []
  }
  for (const etape of pipeline) {
    if (!etape.$lookup) {
      lot.push(etape)
      continue
    }
    vider()
    const spec = etape.$lookup as Lookup
    const etrangers = await lire(spec.from)
    const suivants: Doc[] = []
    for (const doc of resultat) {
      let joints = etrangers
      if (spec.localField && spec.foreignField) {
        const locales = new Set(cles(valeur(doc, spec.localField)))
        joints = etrangers.filter((e) => cles(valeur(e, spec.foreignField!)).some((k) => locales.has(k)))
      }
      let sousVariables = variables
      if (spec.let && Object.keys(spec.let).length) {
        const [calcule] = new plugins.mingo.Aggregator(
          [{ $project: { _id: 0, ...spec.let } }] as never,
          { variables } as never,
        ).run([doc]) as Doc[]
        sousVariables = { ...variables, ...calcule }
      }
      suivants.push(
        avecChemin(
          doc,
          spec.as,
          spec.pipeline?.length ? await executer(joints, spec.pipeline, sousVariables, lire) : joints,
        ),
      )
    }
    resultat = suivants
  }
  vider()
  return resultat
}

export async function demarrerDoublure(): Promise<Doublure> {
  const serveur = new CongoServer({ port: 0, host: '127.0.0.1' })
  await serveur.start()
  const port = (serveur as unknown as { server: { address: () => AddressInfo } }).server.address().port
  const hote = `127.0.0.1:${port}`
  const gestionnaires = (serveur as unknown as { commandRouter: { handlers: Map<string, Gestionnaire> } })
    .commandRouter.handlers

  const hello = gestionnaires.get('hello')!
  const membre: Gestionnaire = {
    handle: async (contexte) => {
      const { topologyVersion: _, ...reponse } = await hello.handle(contexte)
      return {
        ...reponse,
        setName: 'rs0',
        setVersion: 1,
        hosts: [hote],
        primary: hote,
        me: hote,
        secondary: false,
        electionId: new ObjectId('7fffffff0000000000000001'),
      }
    },
  }
  for (const nom of ['hello', 'ismaster', 'isMaster']) gestionnaires.set(nom, membre)

  const aggregate = gestionnaires.get('aggregate')! as Gestionnaire & {
    executeWithSpecialStages: (s: Stockage, db: string, docs: Doc[], p: Etape[]) => Promise<Doc[]>
  }
  const original = aggregate.executeWithSpecialStages.bind(aggregate)
  aggregate.executeWithSpecialStages = async (stockage, base, docs, pipeline) => {
    // $graphLookup, $unionWith: CongoDB's own handling (Payload does not use them).
    if (pipeline.some((e) => e.$graphLookup || e.$unionWith)) return original(stockage, base, docs, pipeline)
    const lire = async (c: string) =>
      (await stockage.collectionExists(base, c)) ? stockage.findAll(base, c) : []
    return executer(docs, pipeline, {}, lire)
  }

  return { uri: `mongodb://${hote}/`, arreter: () => serveur.stop() }
}
