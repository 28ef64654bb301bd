import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const alias = {
  '@': root.replace(/\/$/, ''),
  'server-only': fileURLToPath(new URL('./scripts/test-support/server-only.ts', import.meta.url)),
};

// Tests of db/ and of the services that write (lib/<capability>) run on PGlite and on PostgreSQL.
const dbDirs = ['actions', 'payments', 'orders', 'listings', 'certifications', 'benefit', 'reports', 'after-sales'];
const dbFiles = ['db/**/*.test.ts', ...dbDirs.map((d) => `lib/${d}/**/*.test.ts`)];
const secrets = { DATA_ENCRYPTION_KEY: 'test-data-key-0123456789', AUTH_SECRET: 'test-auth-secret-0123456789' };
// Tests place many guest orders with one mobile number: no cap on open orders, except where a test sets one
// (lib/actions/abuse.test.ts stubs GUEST_MAX_OPEN_ORDERS back to its default).
const dbEnv = { ...secrets, GUEST_MAX_OPEN_ORDERS: '0' };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            'domain/**/*.test.ts',
            'lib/**/*.test.ts',
            'scripts/**/*.test.ts',
            'components/**/*.test.tsx',
            'proxy.test.ts',
          ],
          exclude: dbDirs.map((d) => `lib/${d}/**`),
          environment: 'node',
          env: secrets,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'db-pglite',
          include: dbFiles,
          env: { DATABASE_URL: '', PGLITE_DIR: 'memory://', ...dbEnv },
          setupFiles: ['scripts/test-support/next-cache.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      // The same integration tests against a real PostgreSQL server when DATABASE_URL is set.
      ...(process.env.DATABASE_URL
        ? [
            {
              resolve: { alias },
              test: {
                name: 'db-postgres',
                include: dbFiles,
                env: dbEnv,
                setupFiles: ['scripts/test-support/next-cache.ts', 'scripts/test-support/postgres-database.ts'],
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
});
