/**
 * The test tiers, by what a test starts and how long it takes: folders (or files) under test/. `npm test` runs
 * every tier; `npm run test:fast` the fast ones (see package.json). Each test file is in exactly one tier
 * (test/project/test-tiers.test.ts checks it), so a new folder cannot drop out of `npm test`.
 */
const TIERS = [
  // Fast: no process, no browser, no wall clock.
  { name: 'domain', fast: true, paths: ['domain'] },
  { name: 'card', fast: true, paths: ['card', 'project'] },
  { name: 'http', fast: true, paths: ['http', 'config'] },
  { name: 'contract', fast: true, paths: ['contract', 'hubspot-contract'] },
  { name: 'sandbox', fast: true, paths: ['sandbox', 'integration', 'share', 'import', 'webhooks'] },
  { name: 'reliability', fast: true, paths: ['reliability'], except: ['reliability/load.test.ts'] },
  // Slow: real processes, Debian's Chromium, a real redis-server, a minute of steady load.
  { name: 'commands', fast: false, paths: ['cli', 'e2e', 'bench'] },
  { name: 'instances', fast: false, paths: ['coordination', 'multi-instance'] },
  { name: 'browser', fast: false, paths: ['preview'] },
  { name: 'load', fast: false, paths: ['reliability/load.test.ts'] },
];

/** Whether a test file (its path under test/) is in the tier. */
const inTier = (tier, file) =>
  tier.paths.some((path) => file === path || file.startsWith(`${path}/`)) && !(tier.except ?? []).includes(file);

module.exports = { TIERS, inTier };
