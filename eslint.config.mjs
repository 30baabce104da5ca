import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The api-client's generated internals move between versions: only its public exports are used. */
const API_CLIENT_INTERNALS = { group: ['@hubspot/api-client/*'], message: "Use the api-client's public exports only." };

export default tseslint.config(
  { ignores: ['node_modules/', '**/node_modules/', 'data/', 'coverage/', 'dist/', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': 'off',
    },
  },
  {
    // A double assertion turns any type into any other: build the value in its type, parse it, or name the
    // boundary in one adapter (hubspot-contract's toApiModel). Tests may still shape fixtures this way.
    files: ['**/*.{ts,tsx}'],
    ignores: ['test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ':matches(TSAsExpression, TSTypeAssertion) > :matches(TSAsExpression, TSTypeAssertion).expression > TSUnknownKeyword.typeAnnotation',
          message: 'No `as unknown as` outside test/: build the value in its type, parse it, or use a typed adapter.',
        },
      ],
    },
  },
  {
    files: ['extensions/app/packages/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['express', '@hubspot/*', 'react', 'pino*', 'node:*'], paths: [] },
      ],
    },
  },
  {
    // HubSpot's wire contract: shared by the backend, the sandbox and the tests, so it depends on none of them.
    files: ['packages/hubspot-contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['express', 'express/*', 'pino*', 'react'],
              message: 'The contract describes HubSpot: no server.',
            },
            { group: ['**/src/**', '@why-they-care/domain'], message: 'The contract imports no app code.' },
            API_CLIENT_INTERNALS,
          ],
        },
      ],
    },
  },
  {
    // The sandbox stands in for HubSpot: it speaks the contract and knows nothing of the backend it serves.
    files: ['packages/hubspot-sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src/**'], message: 'The sandbox imports no backend code: only its own files and packages.' },
            { group: ['@why-they-care/domain'], message: "The sandbox knows HubSpot, not the app's domain." },
            { group: ['@hubspot/*', 'pino*'], message: 'The sandbox is HubSpot: it calls no HubSpot client.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [API_CLIENT_INTERNALS] }] },
  },
  {
    // Generic middleware only: the app composition (src/app) and the features import src/http, never the reverse.
    // (Later blocks replace a rule's options, so this one repeats the api-client pattern.)
    files: ['src/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            API_CLIENT_INTERNALS,
            {
              group: ['**/profile/*', '**/app/*', '**/automation/*', '**/setup/*', '**/cli/*'],
              message: 'src/http holds generic middleware: mount feature routers in src/app instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    // CommonJS loads its modules with require (Jest's config loads test/tiers.cjs).
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
