import { join } from 'node:path';

import { build } from 'esbuild';

/**
 * HubSpot builds the card for the browser from extensions/ alone: it must bundle from there, with the shared
 * domain package and zod, and without anything that only exists in Node.
 */
it('bundles the card for the browser from the HubSpot source folder', async () => {
  const result = await build({
    entryPoints: [join(process.cwd(), 'extensions', 'app', 'cards', 'WhyTheyCareCard.tsx')],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    jsx: 'automatic',
    external: ['react', 'react/jsx-runtime', '@hubspot/ui-extensions', '@hubspot/ui-extensions/*'],
    logLevel: 'silent',
    metafile: true,
  });
  expect(result.errors).toEqual([]);
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.some((input) => input.includes('extensions/app/packages/domain/src/profile.schema.ts'))).toBe(true);
  expect(inputs.filter((input) => input.startsWith('src/') || input.startsWith('node:'))).toEqual([]);
});
