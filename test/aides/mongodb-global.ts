import type { TestProject } from 'vitest/node'

import { demarrerDoublure } from './congodb'

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string
    mongodbReel: boolean
  }
}

/**
 * Global setup of the `integration-mongodb` project: the MongoDB stand-in for the run, or, when MONGODB_URI is set
 * (a real replica set before a release), that server. Each test file gets its own database (test/aides/payload.ts).
 */
export default async function preparer(project: TestProject) {
  if (process.env.MONGODB_URI) {
    project.provide('mongodbUri', process.env.MONGODB_URI)
    project.provide('mongodbReel', true)
    return
  }
  const doublure = await demarrerDoublure()
  // The stand-in is a one-member replica set `rs0` (transactions on); the driver polls it (see congodb.ts).
  project.provide('mongodbUri', `${doublure.uri}?replicaSet=rs0&serverMonitoringMode=poll`)
  project.provide('mongodbReel', false)
  return doublure.arreter
}
