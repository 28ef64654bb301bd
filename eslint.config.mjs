import nextPlugin from '@next/eslint-plugin-next';
import tseslint from 'typescript-eslint';

const appOrComponents = {
  patterns: [
    {
      group: ['@/app', '@/app/*', '@/components', '@/components/*', '**/app/*', '**/components/*'],
      message: 'db/ and lib/ never import app/ or components/ (see STYLE.md).',
    },
  ],
};

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
    },
  },
  // The direction of dependencies: app -> components -> lib -> db. db/ and lib/ never import app/ or components/.
  { files: ['db/**/*.ts', 'lib/**/*.ts'], rules: { 'no-restricted-imports': ['error', appOrComponents] } },
  // domain/ is pure: nothing from next, react or the database.
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...appOrComponents.patterns,
            {
              group: [
                'next',
                'next/*',
                'react',
                'react-dom',
                '@/db',
                '@/db/*',
                'drizzle-orm',
                'drizzle-orm/*',
                'postgres',
                '@electric-sql/*',
              ],
              message: 'domain/ is pure TypeScript: no framework or database imports.',
            },
            {
              group: ['@/lib', '@/lib/*', '@/db', '@/db/*', '@/components/*', '@/app/*'],
              message: 'domain/ imports only itself.',
            },
          ],
        },
      ],
    },
  },
  // Files in the browser bundle must not reach the server's data layer.
  {
    files: ['components/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/db/client', '@/db/queries/*'],
              allowTypeImports: true,
              message: 'components receive data as props.',
            },
          ],
        },
      ],
    },
  },
);
