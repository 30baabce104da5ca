import {
  ASSOCIATION_OBJECT,
  type AssociationBatchReadAnswer,
  BATCH_LIMIT,
  COMPANY_TO_TASK,
  isAssociationType,
  TASK_PROPERTY,
  TASK_TO_COMPANY,
} from '@why-they-care/hubspot-contract';
import { Router } from 'express';

import { TASK_PROPERTIES } from '../account';
import { sendHubSpotError, sendInvalidValues } from '../hubspot-errors';
import { applyValues, INTEGRATION_SOURCE, presentRecord, validateValues } from '../records';
import { type SandboxRecord, type SandboxStore } from '../store';

/** Associations per record and page in a v4 batch read (small, so the paging is used). */
const ASSOCIATIONS_PAGE = 100;

const DEFAULT_PROPERTIES = [TASK_PROPERTY.dueAt, TASK_PROPERTY.subject, TASK_PROPERTY.status, TASK_PROPERTY.owner];

type TaskInput = {
  properties?: Record<string, unknown>;
  associations?: { to?: { id?: string }; types?: { associationCategory?: string; associationTypeId?: number }[] }[];
};

/** Checks one task input; returns HubSpot's refusal, or the task ready to store. */
const prepareTask = (store: SandboxStore, input: TaskInput) => {
  const checked = validateValues(store.state, TASK_PROPERTIES, input.properties ?? {});
  if (!checked.ok) return { refused: checked.invalid };
  if (!checked.values[TASK_PROPERTY.dueAt]) {
    const name = TASK_PROPERTY.dueAt;
    return { refused: [{ name, code: 'REQUIRED_PROPERTY', message: `${name} is required` }] };
  }
  const companies: string[] = [];
  for (const association of input.associations ?? []) {
    const id = String(association.to?.id ?? '');
    const typed = (association.types ?? []).some((type) => isAssociationType(type, TASK_TO_COMPANY));
    if (!typed || !store.state.companies[id]) {
      return {
        refused: [
          {
            name: 'associations',
            code: 'INVALID_ASSOCIATION',
            message: `No company ${id} to associate with type ${TASK_TO_COMPANY.associationTypeId}`,
          },
        ],
      };
    }
    companies.push(id);
  }
  return { values: checked.values, companies };
};

/** Stores a task as HubSpot would; the workflow runner uses it too. */
export const storeTask = (
  store: SandboxStore,
  values: Record<string, string>,
  companies: string[],
  at: string,
): SandboxRecord => {
  const id = store.newId();
  const task: SandboxRecord = {
    id,
    properties: { hs_object_id: id },
    history: {},
    associations: { companies },
    createdAt: at,
    updatedAt: at,
  };
  applyValues(task, values, INTEGRATION_SOURCE, at);
  store.state.tasks[id] = task;
  return task;
};

const present = (task: SandboxRecord, query: Record<string, unknown>) => ({
  ...presentRecord(task, TASK_PROPERTIES, query, DEFAULT_PROPERTIES),
  associations: { companies: { results: task.associations.companies.map((id) => ({ id, type: 'task_to_company' })) } },
});

export const taskRoutes = (store: SandboxStore, now: () => string) => {
  const router = Router();

  router.post('/crm/v3/objects/tasks', (req, res) => {
    const prepared = prepareTask(store, req.body ?? {});
    if (prepared.refused) return sendInvalidValues(res, prepared.refused);
    const task = storeTask(store, prepared.values, prepared.companies, now());
    store.changed();
    return res.status(201).json(present(task, {}));
  });

  router.post('/crm/v3/objects/tasks/batch/create', (req, res) => {
    const inputs: TaskInput[] = Array.isArray(req.body?.inputs) ? req.body.inputs : [];
    if (inputs.length === 0 || inputs.length > BATCH_LIMIT) {
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', `inputs must hold 1 to ${BATCH_LIMIT} objects`);
    }
    const prepared = inputs.map((input) => prepareTask(store, input));
    const refused = prepared.flatMap((item) => item.refused ?? []);
    if (refused.length) return sendInvalidValues(res, refused);
    const at = now();
    const results = prepared.map((item) => present(storeTask(store, item.values ?? {}, item.companies ?? [], at), {}));
    store.changed();
    return res.status(201).json({ status: 'COMPLETE', results, startedAt: at, completedAt: now() });
  });

  router.post('/crm/v3/objects/tasks/batch/read', (req, res) => {
    const body = req.body ?? {};
    const inputs: { id?: unknown }[] = Array.isArray(body.inputs) ? body.inputs : [];
    if (inputs.length === 0 || inputs.length > BATCH_LIMIT) {
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', `inputs must hold 1 to ${BATCH_LIMIT} objects`);
    }
    const found = inputs.flatMap((input) => store.state.tasks[String(input.id)] ?? []);
    const at = now();
    const query = { properties: body.properties, propertiesWithHistory: body.propertiesWithHistory };
    return res.json({
      status: 'COMPLETE',
      results: found.map((task) => presentRecord(task, TASK_PROPERTIES, query, DEFAULT_PROPERTIES)),
      startedAt: at,
      completedAt: at,
    });
  });

  router.post(
    `/crm/v4/associations/${ASSOCIATION_OBJECT.company}/${ASSOCIATION_OBJECT.task}/batch/read`,
    (req, res) => {
      const inputs: { id?: unknown; after?: unknown }[] = Array.isArray(req.body?.inputs) ? req.body.inputs : [];
      if (inputs.length === 0 || inputs.length > BATCH_LIMIT) {
        return sendHubSpotError(res, 400, 'VALIDATION_ERROR', `inputs must hold 1 to ${BATCH_LIMIT} objects`);
      }
      const tasks = Object.values(store.state.tasks).sort((a, b) => Number(a.id) - Number(b.id));
      const at = now();
      const results: AssociationBatchReadAnswer['results'] = [];
      const without: string[] = [];
      for (const input of inputs) {
        const companyId = String(input.id);
        const offset = Number(input.after ?? 0);
        const taskIds = tasks.filter((task) => task.associations.companies.includes(companyId)).map((task) => task.id);
        const page = taskIds.slice(offset, offset + ASSOCIATIONS_PAGE);
        if (!page.length) {
          without.push(companyId);
          continue;
        }
        results.push({
          from: { id: companyId },
          to: page.map((taskId) => ({
            toObjectId: Number(taskId),
            associationTypes: [
              { category: COMPANY_TO_TASK.associationCategory, typeId: COMPANY_TO_TASK.associationTypeId, label: null },
            ],
          })),
          ...(offset + ASSOCIATIONS_PAGE < taskIds.length
            ? { paging: { next: { after: String(offset + ASSOCIATIONS_PAGE) } } }
            : {}),
        });
      }
      const answer: AssociationBatchReadAnswer = { status: 'COMPLETE', results, startedAt: at, completedAt: at };
      if (!without.length) return res.json(answer);
      return res.status(207).json({
        ...answer,
        numErrors: without.length,
        errors: without.map((id) => ({
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message: `No ${ASSOCIATION_OBJECT.task} is associated with ${id}`,
          context: { fromObjectId: [id] },
        })),
      } satisfies AssociationBatchReadAnswer);
    },
  );

  router.get('/crm/v3/objects/tasks', (req, res) => {
    const limit = Math.min(Number(req.query.limit ?? 10), 100);
    const offset = Number(req.query.after ?? 0);
    const all = Object.values(store.state.tasks).sort((a, b) => Number(a.id) - Number(b.id));
    res.json({
      results: all.slice(offset, offset + limit).map((task) => present(task, req.query)),
      ...(offset + limit < all.length ? { paging: { next: { after: String(offset + limit) } } } : {}),
    });
  });

  return router;
};
