import { defineConfig } from 'vitest/config'

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
          environment: 'node',
          pool: 'forks',
          // The large-export test forces garbage collections to measure what stays in memory.
          execArgv: ['--expose-gc'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
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
