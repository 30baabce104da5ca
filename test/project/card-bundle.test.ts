import { join } from 'node:path';

import { build } from 'esbuild';

/**
 * HubSpot builds the card and the home page for the browser from extensions/ alone: each must bundle from
 * there, with the shared domain package and zod, and without anything that only exists in Node.
 */
it.each([
  ['the card', join('cards', 'WhyTheyCareCard.tsx')],
  ['the home page', join('pages', 'Pages.tsx')],
])('bundles %s for the browser from the HubSpot source folder', async (_name, entryPoint) => {
  const result = await build({
    entryPoints: [join(process.cwd(), 'extensions', 'app', entryPoint)],
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
