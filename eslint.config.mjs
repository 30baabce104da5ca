import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The api-client's generated internals move between versions: only its public exports are used. */
const API_CLIENT_INTERNALS = { group: ['@hubspot/api-client/*'], message: "Use the api-client's public exports only." };

/**
 * The backend's rooms, lowest first (README, Architecture): each imports only rooms before it, so every arrow
 * between them points one way. `backend` is src/backend.ts, the composition the commands start.
 */
const SRC_LAYERS = [
  'lib',
  'config',
  'hubspot',
  'http',
  'setup',
  'automation',
  'tags',
  'templates',
  'profile',
  'share',
  'webhooks',
  'import',
  'app',
  'backend',
  'preview',
  'cli',
];
const roomFiles = (room) => (room === 'backend' ? ['src/backend.ts'] : [`src/${room}/**/*.{ts,tsx}`]);
const importsNone = (rooms, importer) => ({
  group: rooms.map((room) => (room === 'backend' ? '**/backend' : `**/${room}/*`)),
  message: `${importer} sits below ${rooms.join(', ')} and imports none of them (README, Architecture).`,
});

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
    // The card and the home page run in HubSpot's sandboxed iframe: they reach the backend over hubspot.fetch,
    // never by import.
    files: ['extensions/app/cards/**/*.{ts,tsx}', 'extensions/app/pages/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/**', '**/packages/**', '@why-they-care/hubspot-*', '@hubspot/api-client', 'express'],
              message: 'The card and the home page import the domain package and the UI kit only.',
            },
          ],
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
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [API_CLIENT_INTERNALS] }] },
  },
  {
    // A folder of src/ the layers below do not name yet is a feature: it composes nothing.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [API_CLIENT_INTERNALS, importsNone(['app', 'backend', 'preview', 'cli'], 'a feature')] },
      ],
    },
  },
  ...SRC_LAYERS.map((room, layer) => ({
    files: roomFiles(room),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            API_CLIENT_INTERNALS,
            ...(layer + 1 < SRC_LAYERS.length ? [importsNone(SRC_LAYERS.slice(layer + 1), `src/${room}`)] : []),
          ],
        },
      ],
    },
  })),
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    // CommonJS loads its modules with require (Jest's config loads test/tiers.cjs).
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
