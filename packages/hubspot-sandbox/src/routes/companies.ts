import { BATCH_LIMIT, SEARCH_LIMITS, searchRequestSchema } from '@why-they-care/hubspot-contract';
import { type Request, type Response, Router } from 'express';

import { sendHubSpotError, sendInvalidValues } from '../hubspot-errors';
import {
  applyValues,
  crmUiSource,
  type HistoryPolicy,
  INTEGRATION_SOURCE,
  presentRecord,
  validateValues,
  type WriteSource,
  writeOrRefuse,
} from '../records';
import { isEvaluated, searchRecords } from '../search';
import { type SearchIndex } from '../search-index';
import { type SandboxRecord, type SandboxStore } from '../store';

const DEFAULT_PROPERTIES = ['createdate', 'hs_lastmodifieddate', 'hs_object_id', 'name', 'domain'];
const MISSING_COMPANIES =
  'Could not get some COMPANY objects, they may be deleted or not exist. Check that ids are valid.';

/** Told of every write of a company, with its values before and who wrote (webhooks). */
export type CompanyWritten = (
  company: SandboxRecord,
  before: Record<string, string>,
  source: WriteSource,
  at: string,
) => void;

/**
 * `afterWrite` lets workflows react to a change, as HubSpot's enrollment does; search sees writes through
 * `index`; `written` hears of each company written; `history` says whether a repeated value gets a history entry.
 */
export const companyRoutes = (
  store: SandboxStore,
  now: () => string,
  afterWrite: (companyIds: string[]) => void,
  index: SearchIndex,
  written: CompanyWritten,
  history: HistoryPolicy,
) => {
  const router = Router();

  const patch = (req: Request, res: Response, source: WriteSource) => {
    const company = store.state.companies[String(req.params.id)];
    if (!company)
      return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', 'Object not found.  objectId are usually numeric.');
    const before = { ...company.properties };
    const at = now();
    if (!writeOrRefuse(res, store.state, store.state.properties, company, req.body?.properties, at, history, source))
      return undefined;
    index.written(company, before);
    written(company, before, source, at);
    store.changed();
    afterWrite([company.id]);
    return res.json(
      presentRecord(
        company,
        store.state.properties,
        { properties: Object.keys(req.body.properties) },
        DEFAULT_PROPERTIES,
      ),
    );
  };

  router.get('/crm/v3/objects/companies/:id', (req, res) => {
    const company = store.state.companies[req.params.id];
    if (!company)
      return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', 'Object not found.  objectId are usually numeric.');
    return res.json(presentRecord(company, store.state.properties, req.query, DEFAULT_PROPERTIES));
  });

  router.patch('/crm/v3/objects/companies/:id', (req, res) => patch(req, res, INTEGRATION_SOURCE));

  /**
   * Not HubSpot's API: a user's edit in HubSpot's own UI (`npm run sandbox -- set`), recorded as CRM_UI
   * with the user's id, so the app sees a change made outside it exactly as it would in HubSpot.
   */
  router.patch('/sandbox/crm-ui/companies/:id', (req, res) => {
    const userId = Number(req.query.userId ?? store.state.owners[0]?.userId ?? 1);
    return patch(req, res, crmUiSource(userId));
  });

  router.post('/crm/v3/objects/companies/batch/update', (req, res) => {
    const inputs: { id: string; properties: unknown }[] = Array.isArray(req.body?.inputs) ? req.body.inputs : [];
    if (inputs.length === 0 || inputs.length > BATCH_LIMIT) {
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', `inputs must hold 1 to ${BATCH_LIMIT} objects`);
    }
    const updates = inputs.flatMap((input) => {
      const company = store.state.companies[input.id];
      return company
        ? [{ company, result: validateValues(store.state, store.state.properties, input.properties) }]
        : [];
    });
    if (updates.length < inputs.length) {
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', MISSING_COMPANIES, {
        context: { ids: inputs.filter((input) => !store.state.companies[input.id]).map((input) => input.id) },
      });
    }
    const refused = updates.flatMap(({ result }) => (result.ok ? [] : result.invalid));
    if (refused.length) return sendInvalidValues(res, refused);
    const at = now();
    const results = updates.map(({ company, result }) => {
      const before = { ...company.properties };
      if (result.ok) applyValues(company, result.values, INTEGRATION_SOURCE, at, history);
      index.written(company, before);
      written(company, before, INTEGRATION_SOURCE, at);
      return presentRecord(company, store.state.properties, {}, DEFAULT_PROPERTIES);
    });
    store.changed();
    afterWrite(inputs.map((input) => input.id));
    return res.json({ status: 'COMPLETE', results, startedAt: at, completedAt: now() });
  });

  /** Reads by id see every write at once (only search lags). Unknown ids: 207 with HubSpot's error entry. */
  router.post('/crm/v3/objects/companies/batch/read', (req, res) => {
    const body = req.body ?? {};
    const inputs: { id?: unknown }[] = Array.isArray(body.inputs) ? body.inputs : [];
    if (inputs.length === 0 || inputs.length > BATCH_LIMIT) {
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', `inputs must hold 1 to ${BATCH_LIMIT} objects`);
    }
    const ids = inputs.map((input) => String(input.id));
    const found = ids.flatMap((id) => (store.state.companies[id] ? [store.state.companies[id]] : []));
    const missing = ids.filter((id) => !store.state.companies[id]);
    const query = { properties: body.properties, propertiesWithHistory: body.propertiesWithHistory };
    const at = now();
    const answer = {
      status: 'COMPLETE',
      results: found.map((company) => presentRecord(company, store.state.properties, query, DEFAULT_PROPERTIES)),
      startedAt: at,
      completedAt: at,
    };
    if (!missing.length) return res.json(answer);
    return res.status(207).json({
      ...answer,
      numErrors: 1,
      errors: [
        { status: 'error', category: 'OBJECT_NOT_FOUND', message: MISSING_COMPANIES, context: { ids: missing } },
      ],
    });
  });

  router.post('/crm/v3/objects/companies/search', (req, res) => {
    const body = req.body ?? {};
    const search = searchRequestSchema.safeParse(body);
    if (!search.success || !search.data.filterGroups.every((group) => group.filters.every(isEvaluated))) {
      return sendHubSpotError(
        res,
        400,
        'VALIDATION_ERROR',
        `Invalid search request: at most ${SEARCH_LIMITS.groups} groups, ${SEARCH_LIMITS.filters} filters, known operators`,
      );
    }
    const groups = search.data.filterGroups;
    const limit = Math.min(Number(body.limit ?? 10), SEARCH_LIMITS.pageSize);
    const offset = Number(body.after ?? 0);
    if (offset + limit > SEARCH_LIMITS.results) {
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', 'Search results are limited to 10,000: narrow the query');
    }
    const found = searchRecords(Object.values(store.state.companies).map(index.view), store.state.properties, groups);
    const page = found.slice(offset, offset + limit);
    const properties = Array.isArray(body.properties) ? body.properties : [];
    return res.json({
      total: found.length,
      results: page.map((company) =>
        presentRecord(company, store.state.properties, { properties }, DEFAULT_PROPERTIES),
      ),
      ...(offset + limit < found.length ? { paging: { next: { after: String(offset + limit) } } } : {}),
    });
  });

  return router;
};
