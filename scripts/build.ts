import { readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { build } from 'esbuild';

/**
 * `npm run build`: the backend's production commands as JavaScript in dist/ (or --outdir). The production
 * dependencies stay external, installed by `npm install --omit=dev`; the rest is bundled, including the domain
 * and HubSpot-contract workspace packages, which export TypeScript source that plain Node cannot load.
 */
const ENTRY_POINTS = ['src/cli/serve.ts', 'src/cli/setup.ts', 'src/cli/automation.ts', 'src/config/load-dotenv.ts'];

const main = async () => {
  const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' } } });
  const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
  rmSync(values.outdir, { recursive: true, force: true });
  await build({
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
  });
  console.log(`Built ${ENTRY_POINTS.length} entry points into ${values.outdir}/`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
