import { MongoClient, ObjectId } from 'mongodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demarrerDoublure, type Doublure } from '../aides/congodb'

let doublure: Doublure
let client: MongoClient

beforeAll(async () => {
  doublure = await demarrerDoublure()
  client = await new MongoClient(`${doublure.uri}?replicaSet=rs0&serverMonitoringMode=poll`, {
    serverSelectionTimeoutMS: 5_000,
  }).connect()
})
afterAll(async () => {
  await client?.close()
  await doublure?.arreter()
})

describe('Doublure MongoDB des tests (test/aides/congodb.ts)', () => {
  it('se présente en primaire d’un jeu de réplicas rs0 à un membre : le pilote s’y connecte et Payload active les transactions', async () => {
    const hello = await client.db('admin').command({ hello: 1 })
    expect(hello).toMatchObject({
      setName: 'rs0',
      isWritablePrimary: true,
      secondary: false,
      hosts: [doublure.uri.slice('mongodb://'.length, -1)],
    })
    // Without topologyVersion the driver polls instead of streaming awaitable hellos that the stand-in answers at once.
    expect(hello.topologyVersion).toBeUndefined()
    const session = client.startSession()
    await session.withTransaction(async () => {
      await client.db('t').collection('x').insertOne({ n: 1 }, { session })
    })
    await session.endSession()
    expect(await client.db('t').collection('x').countDocuments()).toBe(1)
  })

  it('joint avec $lookup à pipeline, variables (let), as pointé et $lookup imbriqué, comme les jointures de Payload', async () => {
    const db = client.db('jointures')
    const [a1, a2, c1, c2] = [new ObjectId(), new ObjectId(), new ObjectId(), new ObjectId()]
    await db.collection('a').insertMany([
      { _id: a1, n: 1 },
      { _id: a2, n: 2 },
    ])
    await db.collection('b').insertMany([
      { a: a1, v: 'x', c: c1 },
      { a: a1, v: 'y', c: c2 },
      { a: a2, v: 'z', c: c1 },
    ])
    await db.collection('c').insertMany([
      { _id: c1, nom: 'un' },
      { _id: c2, nom: 'deux' },
    ])
    const parLet = await db
      .collection('a')
      .aggregate([
        {
          $lookup: {
            from: 'b',
            let: { racine: '$_id' },
            pipeline: [
              { $match: { $expr: { $eq: ['$a', '$$racine'] } } },
              { $sort: { v: -1 } },
              { $lookup: { from: 'c', localField: 'c', foreignField: '_id', as: 'cs' } },
              { $project: { _id: 0, v: 1, nom: { $first: '$cs.nom' } } },
            ],
            as: 'jointure.docs',
          },
        },
        { $sort: { n: 1 } },
        { $project: { _id: 0, n: 1, jointure: 1 } },
      ])
      .toArray()
    expect(parLet).toEqual([
      {
        n: 1,
        jointure: {
          docs: [
            { v: 'y', nom: 'deux' },
            { v: 'x', nom: 'un' },
          ],
        },
      },
      { n: 2, jointure: { docs: [{ v: 'z', nom: 'un' }] } },
    ])
    // localField/foreignField with a pipeline: the pipeline runs on the matching documents only (mingo ran it on all).
    const compte = await db
      .collection('a')
      .aggregate([
        {
          $lookup: {
            from: 'b',
            localField: '_id',
            foreignField: 'a',
            pipeline: [{ $count: 'result' }],
            as: 'j.totalDocs',
          },
        },
        { $sort: { n: 1 } },
      ])
      .toArray()
    expect(compte.map((d) => d.j.totalDocs)).toEqual([[{ result: 2 }], [{ result: 1 }]])
  })

  it('ne fait pas respecter les index uniques : l’unicité doit tenir dans le code, et se prouve sur un vrai MongoDB', async () => {
    const x = client.db('unicite').collection('x')
    await x.createIndex({ nom: 1 }, { unique: true })
    await x.insertOne({ nom: 'verrou' })
    // If CongoDB starts enforcing them, this fails: update test/aides/congodb.ts and docs/tests.md.
    await expect(x.insertOne({ nom: 'verrou' })).resolves.toBeTruthy()
    expect(await x.countDocuments({ nom: 'verrou' })).toBe(2)
  })
})
