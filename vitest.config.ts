import { defineConfig } from 'vitest/config';

// One run, three kinds of test. The database each suite uses is the embedded PGlite, or,
// with DATABASE_URL set, a fresh database on that PostgreSQL server (see tests/helpers/db.ts).
export default defineConfig({
  // @shared/*, @server/*, @seeds/* come from tsconfig.json `paths`.
  resolve: { tsconfigPaths: true },
  test: {
    maxWorkers: 2,
    // `npm test` runs with --coverage: V8's own counters, summarised at the end of the run.
    coverage: {
      provider: 'v8',
      include: ['server/**/*.ts', 'shared/**/*.ts', 'client/src/**/*.{ts,tsx}'],
      reporter: ['text-summary'],
      reportsDirectory: 'node_modules/.cache/coverage',
      reportOnFailure: true,
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/shared/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'client',
          environment: 'happy-dom',
          include: ['tests/client/**/*.test.tsx'],
          setupFiles: ['tests/client/support/setup.ts'],
          // Vitest's 5 s failed a right test on a machine whose cores were busy (issue #27).
          testTimeout: 30_000,
          // Clock times in assertions are read in one zone, whatever the machine's.
          env: { TZ: 'America/Tijuana' },
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/helpers/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
