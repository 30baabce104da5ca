import {
  FLOW_CREATE_ONLY,
  FLOW_CREATE_REQUIRED,
  FLOW_UPDATE_OPTIONAL,
  FLOW_UPDATE_REQUIRED,
  FLOWS_PATH,
} from '@why-they-care/hubspot-contract';
import { Router } from 'express';

import { sendHubSpotError } from '../hubspot-errors';
import { type SandboxStore } from '../store';

const UPDATE_FIELDS: readonly string[] = [...FLOW_UPDATE_REQUIRED, ...FLOW_UPDATE_OPTIONAL];

/**
 * Automation v4 flows: stored as posted, with ids, revision ids and the read-only fields HubSpot adds;
 * an update replaces what the update schema has and needs the current revisionId. Whether HubSpot
 * tolerates fields outside that schema is unconfirmed: the sandbox refuses them, so the app never relies on it.
 */
export const flowRoutes = (store: SandboxStore, now: () => string) => {
  const router = Router();
  const base = FLOWS_PATH;

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
    const missing = FLOW_CREATE_REQUIRED.filter((key) => body[key] === undefined);
    if (missing.length)
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', `Missing required fields: ${missing.join(', ')}`);
    const at = now();
    const id = store.newId();
    const flow = {
      ...body,
      id,
      revisionId: '1',
      crmObjectCreationStatus: 'COMPLETE',
      nextAvailableActionId: String((Array.isArray(body.actions) ? body.actions.length : 0) + 1),
      createdAt: at,
      updatedAt: at,
    };
    store.state.flows[id] = flow;
    store.changed();
    return res.status(201).json(flow);
  });

  router.put(`${base}/:id`, (req, res) => {
    const flow = store.state.flows[req.params.id];
    if (!flow) return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `Flow ${req.params.id} does not exist`);
    const body = req.body ?? {};
    const missing = FLOW_UPDATE_REQUIRED.filter((key) => body[key] === undefined);
    const unknown = Object.keys(body).filter((key) => !UPDATE_FIELDS.includes(key));
    if (missing.length || unknown.length) {
      const problems = [
        missing.length ? `missing required fields: ${missing.join(', ')}` : '',
        unknown.length ? `fields not in the update request: ${unknown.join(', ')}` : '',
      ];
      return sendHubSpotError(
        res,
        400,
        'VALIDATION_ERROR',
        `Invalid flow update: ${problems.filter(Boolean).join('; ')}`,
      );
    }
    if (String(body.revisionId) !== flow.revisionId) {
      return sendHubSpotError(
        res,
        409,
        'CONFLICT',
        `Stale revisionId ${body.revisionId}; the flow is at ${flow.revisionId}`,
      );
    }
    const updated = {
      ...Object.fromEntries(FLOW_CREATE_ONLY.map((key) => [key, flow[key]])),
      ...body,
      id: flow.id,
      crmObjectCreationStatus: flow.crmObjectCreationStatus,
      nextAvailableActionId: flow.nextAvailableActionId,
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
