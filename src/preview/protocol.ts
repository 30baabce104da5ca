import { z } from 'zod';

/**
 * What the preview's server, its host page and the extension worker say to each other. No Node and no
 * DOM here: the server and the browser code both import it.
 */

export const PREVIEW_BASE = '/preview';

/** `hubspot.fetch` as HubSpot's proxy receives it from the page (its own field names differ). */
export const previewFetchRequestSchema = z.object({
  url: z.url(),
  method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']),
  body: z.record(z.string(), z.unknown()).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  /** HubSpot's default is 15 s, its maximum 120 s. */
  timeout: z.number().int().positive().max(120_000).optional(),
  /** The signed-in user, appended to the query the way HubSpot appends it. */
  user: z.object({ id: z.number().int(), email: z.string() }),
});
export type PreviewFetchRequest = z.infer<typeof previewFetchRequestSchema>;

/** The backend's answer (any status), or why there was none: the worker turns the latter into a rejection. */
export type PreviewFetchAnswer =
  | { outcome: 'answered'; status: number; contentType: string | null; body: string }
  | { outcome: 'failed'; message: string };

export type PreviewUser = { id: number; ownerId: string; email: string; firstName: string; lastName: string };

export type CompanySummary = { id: string; name: string; domain: string | null; owner: string | null; bucket: string };

/** A company record as HubSpot's record page frames the card: its properties, its tasks and its lists. */
export type CompanyRecord = {
  id: string;
  name: string;
  properties: { label: string; value: string }[];
  tasks: { id: string; subject: string; due: string; status: string; assignee: string }[];
  lists: string[];
};

/** Where the preview runs an extension: a company record's middle column, or the app's home page. */
export type PreviewLocation = 'crm.record.tab' | 'home';

export type PreviewView = { page: 'companies' } | { page: 'company'; companyId: string } | { page: 'home' };

/** Everything the host page needs, embedded in it by the server. */
export type PreviewBootstrap = {
  view: PreviewView;
  extensions: { id: string; title: string; location: PreviewLocation }[];
  user: PreviewUser;
  users: PreviewUser[];
  portal: { id: number; timezone: string };
  appId: number;
  appName: string;
  backendUrl: string;
};
