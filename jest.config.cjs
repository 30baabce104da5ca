const { TIERS } = require('./test/tiers.cjs');

/**
 * Tests run TypeScript through SWC: no type check (`npm run typecheck` does that), and a fresh machine's cold
 * transform cache costs seconds where Babel cost a minute and more.
 */
const swc = (parser) => ['@swc/jest', { jsc: { parser, transform: { react: { runtime: 'automatic' } } } }];

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every test, one Jest project per tier (test/tiers.cjs): `npm test` runs them all. */
module.exports = {
  // A run-wide setting: Jest ignores it inside a project.
  testTimeout: 20_000,
  // Every core, the slow tiers first (test/slow-first-sequencer.cjs): the minute of load, the browser and the
  // processes mostly wait, so the fast tests run beside them instead of after them.
  maxWorkers: '100%',
  testSequencer: '<rootDir>/test/slow-first-sequencer.cjs',
  projects: TIERS.map((tier) => ({
    displayName: tier.name,
    testEnvironment: 'node',
    testMatch: tier.paths.map((path) =>
      path.endsWith('.ts') ? `<rootDir>/test/${path}` : `<rootDir>/test/${path}/**/*.test.{ts,tsx}`,
    ),
    testPathIgnorePatterns: ['/node_modules/', ...(tier.except ?? []).map((file) => `/test/${escapeRegExp(file)}$`)],
    transform: {
      '^.+\\.[cm]?ts$': swc({ syntax: 'typescript' }),
      '^.+\\.tsx$': swc({ syntax: 'typescript', tsx: true }),
      '^.+\\.[cm]?jsx?$': swc({ syntax: 'ecmascript', jsx: true }),
    },
    // @hubspot/ui-extensions and its tinyspy dependency ship ESM only.
    transformIgnorePatterns: ['/node_modules/(?!(@hubspot/ui-extensions|tinyspy)/)'],
    moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  })),
};
