import { defineConfig } from 'vitest/config'

const integration = {
  environment: 'node' as const,
  pool: 'forks' as const,
  // The large-export test forces garbage collections to measure what stays in memory.
  execArgv: ['--expose-gc'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
}

export default defineConfig({
  test: {
    env: { NEXT_TELEMETRY_DISABLED: '1' },
    projects: [
      {
        test: {
          name: 'unitaires',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/int/**/*.test.ts'],
          // SQLite, even when MONGODB_URI is set for the MongoDB project.
          env: { MONGODB_URI: '' },
          ...integration,
        },
      },
      {
        test: {
          // The same suite on MongoDB: the wire-protocol stand-in (test/aides/congodb.ts), or MONGODB_URI if set.
          name: 'integration-mongodb',
          include: ['test/int/**/*.test.ts'],
          globalSetup: ['test/aides/mongodb-global.ts'],
          setupFiles: ['test/aides/mongodb-fichier.ts'],
          ...integration,
        },
      },
      {
        test: {
          name: 'http',
          include: ['test/http/**/*.test.ts', 'test/securite/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          // One real server for these files: started (and built if needed) once by the global setup.
          globalSetup: ['test/aides/serveur-global.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
})
