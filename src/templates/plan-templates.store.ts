import { type PlanTemplates, planTemplatesSchema, toFieldErrors } from '@why-they-care/domain';
import { PLAN_TEMPLATES_FILE } from '@why-they-care/hubspot-contract';

import { HubSpotError } from '../hubspot/errors';
import { type FilesApi } from '../hubspot/files';
import { AppError } from '../lib/app-error';

export type TemplatesErrorCode = 'TEMPLATES_STORE_REFUSED' | 'TEMPLATES_INVALID';

export class TemplatesError extends AppError<TemplatesErrorCode> {}

/** Long enough that card loads cost HubSpot nothing; short enough that a publish shows everywhere within a minute. */
export const TEMPLATES_TTL_MS = 60_000;

const REFUSED =
  'HubSpot refused the File Manager, where the plan templates are kept: the app needs the "files" and ' +
  '"files.ui_hidden.read" scopes (in extensions/app/app-hsmeta.json; upload the project and install the app again)';

const asStoreError = (error: unknown): never => {
  if (error instanceof HubSpotError && (error.code === 'HUBSPOT_FORBIDDEN' || error.code === 'HUBSPOT_AUTH_FAILED')) {
    throw new TemplatesError('TEMPLATES_STORE_REFUSED', REFUSED, { cause: error });
  }
  throw error;
};

/** Validates an admin's document, naming each bad field; throws TemplatesError('TEMPLATES_INVALID'). */
export const parsePlanTemplates = (document: unknown, source: string): PlanTemplates => {
  const parsed = planTemplatesSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  const problems = Object.entries(toFieldErrors(parsed.error)).map(
    ([path, messages]) => `  ${path}: ${messages.join('; ')}`,
  );
  throw new TemplatesError('TEMPLATES_INVALID', `The plan templates in ${source} need fixing:\n${problems.join('\n')}`);
};

/**
 * The account's segments and plan templates, kept in HubSpot as one hidden JSON file in the File Manager
 * (any HubSpot tier has it), so every backend instance reads the same. Each instance keeps what it read
 * for TEMPLATES_TTL_MS: a card load costs no HubSpot call, and a publish reaches every instance within that.
 */
export const createPlanTemplatesStore = (deps: { files: FilesApi; now?: () => number; ttlMs?: number }) => {
  const now = deps.now ?? Date.now;
  const ttlMs = deps.ttlMs ?? TEMPLATES_TTL_MS;
  let cached: { at: number; templates: Promise<PlanTemplates> } | null = null;

  const fetch = async (): Promise<PlanTemplates> => {
    const file = await deps.files.find(PLAN_TEMPLATES_FILE.path).catch(asStoreError);
    if (!file) return { segments: [] };
    const content = await deps.files.readJson(file.id).catch(asStoreError);
    return parsePlanTemplates(content, 'HubSpot (publish them again with npm run templates)');
  };

  return {
    /** What is published (none yet: no segments), from this instance's copy while it is fresh. */
    read: (): Promise<PlanTemplates> => {
      if (!cached || now() - cached.at >= ttlMs) {
        const templates = fetch();
        cached = { at: now(), templates };
        // A failure is not kept: the next card asks HubSpot again.
        templates.catch(() => {
          if (cached?.templates === templates) cached = null;
        });
      }
      return cached.templates;
    },

    /** Replaces the published document (one upload); this instance sees it at once, the others within the TTL. */
    publish: async (templates: PlanTemplates): Promise<void> => {
      await deps.files.writeJson(PLAN_TEMPLATES_FILE, templates, 'HIDDEN_PRIVATE').catch(asStoreError);
      cached = { at: now(), templates: Promise.resolve(templates) };
    },
  };
};

export type PlanTemplatesStore = ReturnType<typeof createPlanTemplatesStore>;
