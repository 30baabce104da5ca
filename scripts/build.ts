import { readFileSync, rmSync } from 'node:fs';

import { build } from 'esbuild';

import { parseCommandLine, runCommand } from '../src/cli/run-command';

/**
 * `npm run build`: the backend's production commands as JavaScript in dist/ (or --outdir). The production
 * dependencies stay external, installed by `npm install --omit=dev`; the rest is bundled, including the domain
 * and HubSpot-contract workspace packages, which export TypeScript source that plain Node cannot load. The
 * sandbox never enters production: the build fails if any entry point would bundle it.
 */
const ENTRY_POINTS = [
  'src/cli/serve.ts',
  'src/cli/setup.ts',
  'src/cli/templates.ts',
  'src/cli/automation.ts',
  'src/config/load-dotenv.ts',
];
const DEVELOPMENT_ONLY = ['packages/hubspot-sandbox/'];

const USAGE = 'Usage: npm run build -- [--outdir DIR]   (default dist)';

runCommand(async () => {
  const { values } = parseCommandLine({ options: { outdir: { type: 'string', default: 'dist' } } }, USAGE);
  const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
  rmSync(values.outdir, { recursive: true, force: true });
  const { metafile } = await build({
    entryPoints: ENTRY_POINTS,
    outbase: 'src',
    outdir: values.outdir,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    external: Object.keys(dependencies),
    logLevel: 'warning',
    metafile: true,
  });
  const leaked = Object.keys(metafile.inputs).filter((input) =>
    DEVELOPMENT_ONLY.some((path) => input.startsWith(path)),
  );
  if (leaked.length) throw new Error(`The production build must not include the sandbox: ${leaked.join(', ')}`);
  console.log(`Built ${ENTRY_POINTS.length} entry points into ${values.outdir}/`);
});
