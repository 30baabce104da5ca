import { Router } from 'express';

import { sendHubSpotError } from '../hubspot-errors';
import { type SandboxStore } from '../store';

const REQUIRED = [
  'type',
  'flowType',
  'objectTypeId',
  'isEnabled',
  'actions',
  'timeWindows',
  'blockedDates',
  'customProperties',
  'dataSources',
];

/** Automation v4 flows: stored and returned as posted, with ids and revision ids; PUT needs the current revisionId. */
export const flowRoutes = (store: SandboxStore, now: () => string) => {
  const router = Router();
  const base = '/automation/v4/flows';

  router.get(base, (req, res) => {
    const limit = Math.min(Number(req.query.limit ?? 100), 100);
    const offset = Number(req.query.after ?? 0);
    const all = Object.values(store.state.flows).sort((a, b) => Number(a.id) - Number(b.id));
    res.json({
      results: all
        .slice(offset, offset + limit)
        .map(({ id, name, objectTypeId, flowType, isEnabled, revisionId, createdAt, updatedAt }) => ({
          id,
          name,
          objectTypeId,
          flowType,
          isEnabled,
          revisionId,
          createdAt,
          updatedAt,
        })),
      ...(offset + limit < all.length ? { paging: { next: { after: String(offset + limit) } } } : {}),
    });
  });

  router.get(`${base}/:id`, (req, res) => {
    const flow = store.state.flows[req.params.id];
    if (!flow) return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `Flow ${req.params.id} does not exist`);
    return res.json(flow);
  });

  router.post(base, (req, res) => {
    const body = req.body ?? {};
    const missing = REQUIRED.filter((key) => body[key] === undefined);
    if (missing.length)
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', `Missing required fields: ${missing.join(', ')}`);
    const at = now();
    const id = store.newId();
    const flow = { ...body, id, revisionId: '1', createdAt: at, updatedAt: at };
    store.state.flows[id] = flow;
    store.changed();
    return res.status(201).json(flow);
  });

  router.put(`${base}/:id`, (req, res) => {
    const flow = store.state.flows[req.params.id];
    if (!flow) return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `Flow ${req.params.id} does not exist`);
    const body = req.body ?? {};
    if (String(body.revisionId) !== flow.revisionId) {
      return sendHubSpotError(
        res,
        409,
        'CONFLICT',
        `Stale revisionId ${body.revisionId}; the flow is at ${flow.revisionId}`,
      );
    }
    const updated = {
      ...body,
      id: flow.id,
      createdAt: flow.createdAt,
      updatedAt: now(),
      revisionId: String(Number(flow.revisionId) + 1),
    };
    store.state.flows[flow.id] = updated;
    store.changed();
    return res.json(updated);
  });

  return router;
};
