import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

import { inTier, TIERS } from '../tiers.cjs';

const TEST_ROOT = join(__dirname, '..');

const testFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [relative(TEST_ROOT, path)] : [];
  });

describe('test tiers', () => {
  it('put every test file in exactly one tier, so npm test runs each once', () => {
    const files = testFiles(TEST_ROOT);
    expect(files.length).toBeGreaterThan(40);
    const misplaced = files
      .map((file) => ({ file, tiers: TIERS.filter((tier) => inTier(tier, file)).map((tier) => tier.name) }))
      .filter(({ tiers }) => tiers.length !== 1);
    expect(misplaced).toEqual([]);
  });
});
