import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const alias = {
  '@': root.replace(/\/$/, ''),
  'server-only': fileURLToPath(new URL('./scripts/test-support/server-only.ts', import.meta.url)),
};

const dbFiles = ['db/**/*.test.ts'];

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['lib/**/*.test.ts'], environment: 'node' } },
      {
        resolve: { alias },
        test: {
          name: 'db-pglite',
          include: dbFiles,
          env: { DATABASE_URL: '', PGLITE_DIR: 'memory://' },
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
                setupFiles: ['scripts/test-support/postgres-database.ts'],
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
});
