/** One Jest run for the domain, backend, card and end-to-end tests. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.[cm]?[jt]sx?$': 'babel-jest' },
  // @hubspot/ui-extensions and its tinyspy dependency ship ESM only.
  transformIgnorePatterns: ['/node_modules/(?!(@hubspot/ui-extensions|tinyspy)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  testTimeout: 20_000,
};
