import { inject } from 'vitest'

// Per test file of the `integration-mongodb` project: test/aides/payload.ts switches to MongoDB on MONGODB_URI.
process.env.MONGODB_URI = inject('mongodbUri')
if (!inject('mongodbReel')) process.env.CARTE_MONGODB_DOUBLURE = '1'
