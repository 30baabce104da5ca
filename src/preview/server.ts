import { extname, join } from 'node:path';

import { bucketLabel, companyIdSchema, parseBucket, PROPERTIES, type PropertyDefinition } from '@why-they-care/domain';
import { TASK_PROPERTY, TASK_STATUSES, type TaskStatus } from '@why-they-care/hubspot-contract';
import express, { type ErrorRequestHandler, type Express, type Request, Router } from 'express';

import { type Env } from '../config/env';
import { connectFromEnv } from '../backend';
import { type AccountUser, previewReads } from '../hubspot/preview-reads';
import { createBundles } from './bundles';
import { APP_EXTENSIONS, APP_NAME, type PreviewExtension } from './extensions';
import { forwardSigned } from './fetch-proxy';
import { previewPage } from './page';
import {
  type CompanyRecord,
  type CompanySummary,
  PREVIEW_BASE,
  type PreviewFetchAnswer,
  previewFetchRequestSchema,
  type PreviewUser,
  type PreviewView,
} from './protocol';

export type PreviewOptions = {
  env: Env;
  /** What the preview runs; the app's own extensions unless a test brings its own. */
  extensions?: PreviewExtension[];
};

/** The app id HubSpot's proxy appends to signed requests (the contract's signer signs as app 1). */
const PREVIEW_APP_ID = 1;

/** The company properties shown beside the card, as HubSpot's record page lists them. */
const RECORD_PROPERTIES: PropertyDefinition[] = [
  PROPERTIES.bucket,
  PROPERTIES.quadrant,
  PROPERTIES.planNextDue,
  PROPERTIES.renewalDate,
  PROPERTIES.lastReviewedBy,
  PROPERTIES.lastReviewedAt,
  PROPERTIES.successManager,
];
const TASK_PROPERTIES = [TASK_PROPERTY.subject, TASK_PROPERTY.dueAt, TASK_PROPERTY.status, TASK_PROPERTY.owner];
const TASK_STATUS: Record<TaskStatus, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  WAITING: 'Waiting',
  DEFERRED: 'Deferred',
  COMPLETED: 'Completed',
};

/** A status HubSpot adds later is shown as stored. */
const statusLabel = (stored: string | null | undefined) => {
  const status = TASK_STATUSES.find((known) => known === stored);
  return status ? TASK_STATUS[status] : (stored ?? '');
};

/** A value edited by hand in HubSpot that is no bucket is shown as stored, as HubSpot's record page shows it. */
const bucketSummary = (stored: string | null | undefined) => {
  const bucket = parseBucket(stored);
  return bucket ? bucketLabel(bucket) : stored || 'Not asked yet';
};

const nameOf = (user: AccountUser | undefined) => (user ? `${user.firstName} ${user.lastName}`.trim() : null);

/** The origin this server answers on: the card's BACKEND_URL when no public URL is set. */
const ownOrigin = (req: Request) => {
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  return `http://${address.includes(':') ? `[${address}]` : address}:${req.socket.localPort}`;
};

/**
 * The live preview: pages that run the app's real UI extensions in the browser, a `hubspot.fetch` proxy
 * that signs like HubSpot's, and read-only views of the sandbox account around them. Sandbox mode only.
 */
export const createPreview = ({ env, extensions = APP_EXTENSIONS }: PreviewOptions) => {
  // Its own connection: HubSpot's record page reads these in HubSpot, not the app.
  const hubspot = previewReads(connectFromEnv(env));
  const bundles = createBundles();
  const backendUrl = (req: Request) => env.PUBLIC_BASE_URL?.replace(/\/+$/, '') ?? ownOrigin(req);

  /** The account's users who can sign in (owners with a HubSpot user). */
  const previewUsers = async (): Promise<PreviewUser[]> =>
    (await hubspot.users()).flatMap(({ userId, ...user }) => (userId === null ? [] : [{ id: userId, ...user }]));

  const page = (view: (req: Request) => PreviewView) => async (req: Request, res: express.Response) => {
    const all = await previewUsers();
    const user = all.find((candidate) => candidate.ownerId === req.query.as) ?? all[0];
    if (!user) throw new Error('The account has no users to sign in as');
    const shown = view(req);
    res.type('html').send(
      previewPage({
        view: shown,
        extensions: extensions
          .filter((extension) => extension.location === (shown.page === 'home' ? 'home' : 'crm.record.tab'))
          .map(({ id, title, location }) => ({ id, title, location })),
        user,
        users: all,
        portal: { id: Number(env.HUBSPOT_PORTAL_ID), timezone: Intl.DateTimeFormat().resolvedOptions().timeZone },
        appId: PREVIEW_APP_ID,
        appName: APP_NAME,
        backendUrl: backendUrl(req),
      }),
    );
  };

  /** A build that fails becomes a script that throws: the page shows why, where the extension would be. */
  const sendBuilt = (res: express.Response, wanted: string, built: Promise<string | null>) =>
    built.then(
      (text) =>
        text === null ? res.status(404).type('text').send('No such file') : res.type(extname(wanted)).send(text),
      (error: unknown) => res.type('js').send(`throw new Error(${JSON.stringify(String(error))});`),
    );

  const router = Router();
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.get(
    ['/', '/companies'],
    page(() => ({ page: 'companies' })),
  );
  router.get(
    '/companies/:companyId',
    page((req) => ({ page: 'company', companyId: String(req.params.companyId) })),
  );
  router.get(
    '/home',
    page(() => ({ page: 'home' })),
  );

  router.get('/assets/preview.css', (_req, res) => res.sendFile(join(__dirname, 'browser', 'preview.css')));
  router.get('/assets/extensions/:file', (req, res) => {
    const extension = extensions.find(({ id }) => [`${id}.js`, `${id}.js.map`].includes(req.params.file));
    if (!extension) return res.status(404).type('text').send('No such extension');
    return sendBuilt(res, req.params.file, bundles.extension(extension, req.params.file));
  });
  router.get('/assets/:file', (req, res) => sendBuilt(res, req.params.file, bundles.host(req.params.file)));

  router.get('/data/companies', async (_req, res) => {
    const [companies, owners] = await Promise.all([
      hubspot.companies(['name', 'domain', 'hubspot_owner_id', PROPERTIES.bucket.name]),
      hubspot.users(),
    ]);
    const summaries: CompanySummary[] = companies
      .map(({ id, properties }) => ({
        id,
        name: properties.name ?? `Company ${id}`,
        domain: properties.domain ?? null,
        owner: nameOf(owners.find((owner) => owner.ownerId === properties.hubspot_owner_id)),
        bucket: bucketSummary(properties[PROPERTIES.bucket.name]),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    res.json({ companies: summaries });
  });

  router.get('/data/companies/:companyId', async (req, res) => {
    const parsed = companyIdSchema.safeParse(req.params.companyId);
    if (!parsed.success) return res.status(400).json({ error: 'Not a company id' });
    const companyId = parsed.data;
    const [company, owners, lists, tasks] = await Promise.all([
      hubspot.company(companyId, ['name', 'domain', 'hubspot_owner_id', ...RECORD_PROPERTIES.map(({ name }) => name)]),
      hubspot.users(),
      hubspot.listsContaining(companyId),
      hubspot.tasks(TASK_PROPERTIES),
    ]);
    const ownerName = (ownerId: string | null | undefined) =>
      nameOf(owners.find((owner) => owner.ownerId === ownerId)) ?? (ownerId ? `Owner ${ownerId}` : '');
    const shown = (definition: PropertyDefinition, value: string | null | undefined) => {
      if (!value) return '';
      if (definition.referencedObjectType === 'OWNER') return ownerName(value);
      if (definition.type === 'datetime') return value.replace('T', ' ').slice(0, 16);
      return definition.options?.find((option) => option.value === value)?.label ?? value;
    };
    const values = company.properties;
    const record: CompanyRecord = {
      id: company.id,
      name: values.name ?? `Company ${company.id}`,
      properties: [
        { label: 'Domain', value: values.domain ?? '' },
        { label: 'Company owner', value: ownerName(values.hubspot_owner_id) },
        ...RECORD_PROPERTIES.map((definition) => ({
          label: definition.label,
          value: shown(definition, values[definition.name]),
        })),
      ],
      tasks: tasks
        .filter((task) => task.companyIds.includes(company.id))
        .map(({ id, properties }) => ({
          id,
          subject: properties[TASK_PROPERTY.subject] ?? '',
          due: (properties[TASK_PROPERTY.dueAt] ?? '').slice(0, 10),
          status: statusLabel(properties[TASK_PROPERTY.status]),
          assignee: ownerName(properties[TASK_PROPERTY.owner]) || 'Unassigned',
        }))
        .sort((a, b) => a.due.localeCompare(b.due)),
      lists: [...lists].sort(),
    };
    return res.json(record);
  });

  router.post('/fetch', express.json({ limit: '1mb' }), async (req, res) => {
    const parsed = previewFetchRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      const answer: PreviewFetchAnswer = {
        outcome: 'failed',
        message: `Bad hubspot.fetch call: ${parsed.error.message}`,
      };
      return res.status(400).json(answer);
    }
    return res.json(
      await forwardSigned(parsed.data, {
        clientSecret: env.HUBSPOT_CLIENT_SECRET,
        portalId: env.HUBSPOT_PORTAL_ID,
        backendUrl: backendUrl(req),
      }),
    );
  });

  const readFailed: ErrorRequestHandler = (error, req, res, _next) => {
    const message = error instanceof Error ? error.message : String(error);
    if (req.path.startsWith('/data')) return res.status(502).json({ error: message });
    return res.status(502).type('text').send(`The preview could not read the sandbox: ${message}`);
  };
  router.use(readFailed);

  return { router, close: bundles.close };
};

/** The backend with the preview in front of it on the same port, as `npm start` serves it in sandbox mode. */
export const withPreview = (backendApp: Express, options: PreviewOptions) => {
  const preview = createPreview(options);
  const app = express();
  app.disable('x-powered-by');
  app.use(PREVIEW_BASE, preview.router);
  app.use(backendApp);
  return { app, close: preview.close };
};
