import nextPlugin from '@next/eslint-plugin-next';
import tseslint from 'typescript-eslint';

/**
 * The direction of dependencies (STYLE.md): app -> components -> lib -> domain, and lib -> db -> domain.
 * Each layer lists what it may not import; a relative path that climbs out of its folder counts too.
 */
const layer = (name) => [`@/${name}`, `@/${name}/*`, `**/../${name}/*`, `**/../${name}`];
const forbid = (layers, message, extra = {}) => ({ group: layers.flatMap(layer), message, ...extra });

const noAppOrComponents = forbid(['app', 'components'], 'lib/ and db/ never import app/ or components/ (STYLE.md).');
const noApp = forbid(['app'], 'components/ never import app/ (STYLE.md).');
/** Services work through db/queries; only db/ builds SQL. */
const noSql = {
  group: ['drizzle-orm', 'drizzle-orm/*', 'postgres', '@/db/schema', '@/db/schema/*', '@electric-sql/*'],
  message: 'Only db/ writes SQL: call a function of db/queries (STYLE.md).',
};
/**
 * Links go through components/layout/intent-link.tsx: next/link prefetches every link in view, so a page
 * fetched the routes of its footer, filters and tiles as it loaded, on every phone.
 */
const noNextLink = {
  group: ['next/link'],
  message: 'Use IntentLink (components/layout/intent-link.tsx): it prefetches on intent.',
};
const componentData = {
  group: ['@/db/client', '@/db/queries/*'],
  allowTypeImports: true,
  message: 'components receive data as props.',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

/** China's UTC+8 offset is written once, in domain/time.ts (chinaDate, chinaYearBounds, chinaMidnight ...). */
const chinaOffset = [
  ...[3600, 3600000].flatMap((n) => [
    `BinaryExpression[operator='*'][left.value=8][right.value=${n}]`,
    `BinaryExpression[operator='*'][left.value=${n}][right.value=8]`,
  ]),
  "BinaryExpression[operator='*'][left.operator='*'][left.left.value=8][left.right.value=60][right.value=60]",
  'Literal[value=28800000]',
  String.raw`Literal[value=/\b8 hours?\b|\+08:?00|Asia\/Shanghai/i]`,
  String.raw`TemplateElement[value.raw=/\b8 hours?\b|\+08:?00|Asia\/Shanghai/i]`,
].map((selector) => ({ selector, message: 'China time goes through domain/time.ts (no hand-written UTC+8).' }));

export default tseslint.config(
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'db/migrations/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { '@next/next': nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'log'] }],
      // Configuration is read once, in lib/env.ts (zod, checked at start).
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through getEnv() from lib/env.ts.' },
      ],
      'no-restricted-syntax': ['error', ...chinaOffset],
    },
  },
  // Where process.env is read: the configuration module, the tools around the app, and the files Next or
  // the test runners load before the app exists. lib/cache/shared-tags-handler.js: see its header.
  {
    files: [
      'lib/env.ts',
      'scripts/**',
      'bench/**',
      'e2e/**',
      '**/*.test.ts',
      '*.config.{ts,mjs}',
      'playwright*.ts',
      'instrumentation.ts',
      'lib/cache/shared-tags-handler.js',
      // The benchmark page is moving out of app/ (issue 12, UI half); until then it reads its sizes here.
      'app/bench/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  // The time module itself, and the test that plants violations of this rule.
  { files: ['domain/time.ts', 'scripts/lint-rules.test.ts'], rules: { 'no-restricted-syntax': 'off' } },
  // app/ may import anything below it. components/: no pages, and data only as props.
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: restrict(noApp, noSql, componentData, noNextLink),
  },
  { files: ['components/layout/intent-link.tsx'], rules: restrict(noApp, noSql, componentData) },
  { files: ['app/**/*.{ts,tsx}'], ignores: ['**/*.test.ts'], rules: restrict(noSql, noNextLink) },
  // lib/: services, actions, guards. They call db/queries; they never import app/ or components/.
  {
    files: ['lib/**/*.{ts,js}'],
    ignores: ['lib/cache/shared-tags-handler.js', '**/*.test.ts'],
    rules: restrict(noAppOrComponents, noSql),
  },
  // db/ imports only domain/ and itself. The single exception: db/client.ts and db/migrate.ts read their
  // settings from the configuration module lib/env.ts. (Personal data is therefore encrypted and decrypted
  // in lib/ services; db/queries store and return ciphertext.)
  {
    files: ['db/**/*.ts'],
    ignores: ['db/seed.ts', 'db/seed-accounts.ts', 'db/seed-data/**', '**/*.test.ts'],
    rules: restrict(forbid(['lib', 'app', 'components'], 'db/ imports only domain/ and db/ (STYLE.md).')),
  },
  {
    files: ['db/client.ts', 'db/migrate.ts'],
    rules: restrict(forbid(['app', 'components'], 'db/ imports only domain/ and db/ (STYLE.md).'), {
      group: ['@/lib/*', '!@/lib/env', '**/../lib/*'],
      message: 'db/client.ts and db/migrate.ts may import lib/env.ts only.',
    }),
  },
  // The demo seed is a script run by scripts/ and tests, never by the app: it hashes passwords, encrypts
  // personal data and draws product art with lib/ helpers.
  {
    files: ['db/seed.ts', 'db/seed-accounts.ts', 'db/seed-data/**'],
    rules: restrict(forbid(['app', 'components'], 'db/ never imports app/ or components/ (STYLE.md).')),
  },
  // domain/ is pure: nothing of ours but itself, no framework, no database, no Node APIs.
  {
    files: ['domain/**/*.ts'],
    rules: restrict(forbid(['lib', 'db', 'app', 'components'], 'domain/ imports only itself.'), {
      group: [
        'next',
        'next/*',
        'react',
        'react-dom',
        'drizzle-orm',
        'drizzle-orm/*',
        'postgres',
        '@electric-sql/*',
        'node:*',
      ],
      message: 'domain/ is pure TypeScript: no framework, database or Node imports.',
    }),
  },
);
