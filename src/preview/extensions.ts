import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { z } from 'zod';

import { type PreviewLocation } from './protocol';

export type PreviewExtension = {
  /** The component's uid, used in asset URLs. */
  id: string;
  /** The card title HubSpot shows above it. */
  title: string;
  location: PreviewLocation;
  /** Absolute path of the file HubSpot builds. */
  entrypoint: string;
};

const PROJECT_ROOT = join(__dirname, '..', '..');

const readProjectJson = (path: string): unknown => JSON.parse(readFileSync(join(PROJECT_ROOT, path), 'utf8'));

const hsProjectSchema = z.object({ srcDir: z.string() });
const hsMetaSchema = z.object({
  uid: z.string().regex(/^[\w-]+$/),
  /** A card names itself; a page has only its entrypoint (HubSpot titles it with the app's name). */
  config: z.object({ name: z.string().optional(), entrypoint: z.string() }),
});

/** The app's name, as HubSpot shows it (app-hsmeta.json). */
export const APP_NAME = z
  .object({ config: z.object({ name: z.string() }) })
  .parse(readProjectJson('extensions/app/app-hsmeta.json')).config.name;

/**
 * A UI extension as HubSpot knows it, from its `*-hsmeta.json`: the uid, the name and the entrypoint
 * (relative to the project's srcDir), so the preview runs exactly the file HubSpot builds.
 */
export const declaredExtension = (hsMetaPath: string, location: PreviewLocation): PreviewExtension => {
  const { srcDir } = hsProjectSchema.parse(readProjectJson('hsproject.json'));
  const meta = hsMetaSchema.parse(readProjectJson(hsMetaPath));
  return {
    id: meta.uid,
    title: meta.config.name ?? APP_NAME,
    location,
    entrypoint: join(PROJECT_ROOT, srcDir, meta.config.entrypoint),
  };
};

/** Everything the preview shows: the company card on /preview/companies/:id, the home page on /preview/home. */
export const APP_EXTENSIONS: PreviewExtension[] = [
  declaredExtension('extensions/app/cards/why-they-care-hsmeta.json', 'crm.record.tab'),
  declaredExtension('extensions/app/pages/pages-hsmeta.json', 'home'),
];
