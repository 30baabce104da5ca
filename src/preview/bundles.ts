import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';

import { type BuildContext, type BuildOptions, context } from 'esbuild';

import { type PreviewExtension } from './extensions';

const BROWSER_DIR = join(__dirname, 'browser');

const BROWSER_BUILD: BuildOptions = {
  bundle: true,
  write: false,
  metafile: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  jsx: 'automatic',
  // Fetched by the browser's developer tools only, to debug the card in its own source.
  sourcemap: 'linked',
  // React's development build: its warnings about the extension show in the browser console.
  define: { 'process.env.NODE_ENV': '"development"' },
  logLevel: 'silent',
};

/** A bundle's files by name (`x.js`, `x.js.map`) and the modification time of every source it was built from. */
type Bundle = { files: Map<string, string>; sources: Map<string, number> };

const modifiedAt = async (path: string) => (await stat(path)).mtimeMs;

const unchanged = async (bundle: Bundle) => {
  try {
    const times = await Promise.all([...bundle.sources.keys()].map(modifiedAt));
    return [...bundle.sources.values()].every((time, at) => times[at] === time);
  } catch {
    return false;
  }
};

/**
 * The browser code, built by esbuild when first asked for, and rebuilt (incrementally) only when one of its
 * sources changed since: an edited card shows on the next page load without restarting `npm start`.
 */
export const createBundles = () => {
  const contexts = new Map<string, Promise<BuildContext>>();
  const latest = new Map<string, Bundle>();
  const building = new Map<string, Promise<Bundle>>();

  const rebuild = async (name: string, options: BuildOptions): Promise<Bundle> => {
    let built = contexts.get(name);
    if (!built) {
      built = context({ ...BROWSER_BUILD, ...options, outfile: join(BROWSER_DIR, 'bundles', `${name}.js`) });
      contexts.set(name, built);
    }
    const result = await (await built).rebuild();
    // Inputs that are no file (the worker's generated entry) cannot change.
    const sources = await Promise.all(
      Object.keys(result.metafile?.inputs ?? {}).map(async (input) => {
        const path = resolve(input);
        return modifiedAt(path).then(
          (time) => [[path, time] as const],
          () => [],
        );
      }),
    );
    const bundle = {
      files: new Map((result.outputFiles ?? []).map((file) => [basename(file.path), file.text])),
      sources: new Map(sources.flat()),
    };
    latest.set(name, bundle);
    return bundle;
  };

  /** The current bundle; requests arriving while it is rebuilt share that build. */
  const current = async (name: string, options: BuildOptions): Promise<Bundle> => {
    const running = building.get(name);
    if (running) return running;
    const known = latest.get(name);
    if (known && (await unchanged(known))) return known;
    const next = rebuild(name, options).finally(() => building.delete(name));
    building.set(name, next);
    return next;
  };

  const file = async (name: string, options: BuildOptions, wanted: string) =>
    (await current(name, options)).files.get(wanted) ?? null;

  return {
    /** The page: the preview's own React app, with HubSpot's components drawn as DOM. `file`: host.js(.map). */
    host: (wanted: string) => file('host', { entryPoints: [join(BROWSER_DIR, 'host.tsx')] }, wanted),

    /** A Web Worker: HubSpot's worker globals first, then the extension's own entrypoint, untouched. */
    extension: (extension: PreviewExtension, wanted: string) =>
      file(
        `extensions/${extension.id}`,
        {
          stdin: {
            contents: [join(BROWSER_DIR, 'worker.ts'), extension.entrypoint]
              .map((source) => `import ${JSON.stringify(source)};`)
              .join('\n'),
            resolveDir: BROWSER_DIR,
            sourcefile: `${extension.id}.worker.ts`,
            loader: 'ts',
          },
        },
        wanted,
      ),

    close: async () => {
      const all = [...contexts.values()];
      contexts.clear();
      await Promise.all(all.map(async (built) => (await built).dispose()));
    },
  };
};

export type Bundles = ReturnType<typeof createBundles>;
