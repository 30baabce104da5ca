import { isOrBranch, LIST_PROCESSING_TYPES } from '@why-they-care/hubspot-contract';
import { Router } from 'express';

import { matchesBranch } from '../filter-branch';
import { sendHubSpotError } from '../hubspot-errors';
import { type SandboxState, type SandboxStore } from '../store';

/** Lists (segments): DYNAMIC lists stored with their filters; names unique per account, case-insensitive. */
export const listRoutes = (store: SandboxStore, now: () => string) => {
  const router = Router();
  const byName = (name: string) =>
    Object.values(store.state.lists).find((list) => list.name.toLowerCase() === name.toLowerCase());

  router.get('/crm/v3/lists/object-type-id/:objectTypeId/name/:name', (req, res) => {
    const list = byName(req.params.name);
    if (!list || list.objectTypeId !== req.params.objectTypeId) {
      return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `List with name ${req.params.name} does not exist`);
    }
    const { filterBranch: _filters, ...rest } = list;
    return res.json({ list: req.query.includeFilters === 'true' ? list : rest });
  });

  router.post('/crm/v3/lists', (req, res) => {
    const { name, objectTypeId, processingType, filterBranch } = req.body ?? {};
    if (
      typeof name !== 'string' ||
      typeof objectTypeId !== 'string' ||
      !LIST_PROCESSING_TYPES.includes(processingType)
    ) {
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', 'name, objectTypeId and processingType are required');
    }
    if (processingType === 'DYNAMIC' && !isOrBranch(filterBranch ?? {})) {
      return sendHubSpotError(
        res,
        400,
        'VALIDATION_ERROR',
        'A DYNAMIC list needs a filterBranch whose root is an OR branch',
      );
    }
    if (byName(name)) return sendHubSpotError(res, 409, 'CONFLICT', `A list named ${name} already exists`);
    const at = now();
    const listId = store.newId();
    const list = {
      listId,
      listVersion: 1,
      name,
      objectTypeId,
      processingType,
      processingStatus: 'COMPLETE',
      filterBranch,
      createdAt: at,
      updatedAt: at,
      filtersUpdatedAt: at,
    };
    store.state.lists[listId] = list;
    store.changed();
    return res.json({ list });
  });

  router.put('/crm/v3/lists/:listId/update-list-filters', (req, res) => {
    const list = store.state.lists[req.params.listId];
    if (!list) return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `List ${req.params.listId} does not exist`);
    const at = now();
    Object.assign(list, {
      filterBranch: req.body?.filterBranch,
      updatedAt: at,
      filtersUpdatedAt: at,
      listVersion: Number(list.listVersion) + 1,
    });
    store.changed();
    return res.json({ updatedList: list });
  });

  /** DYNAMIC list members, evaluated from the list's filters now (HubSpot keeps them up to date the same way). */
  router.get('/crm/v3/lists/:listId/memberships', (req, res) => {
    const list = store.state.lists[req.params.listId];
    if (!list) return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `List ${req.params.listId} does not exist`);
    const members = listMembers(store.state, list.filterBranch, now().slice(0, 10));
    const limit = Math.min(Number(req.query.limit ?? 100), 250);
    const offset = Number(req.query.after ?? 0);
    return res.json({
      results: members
        .slice(offset, offset + limit)
        .map((recordId) => ({ recordId, membershipTimestamp: list.updatedAt })),
      ...(offset + limit < members.length ? { paging: { next: { after: String(offset + limit) } } } : {}),
    });
  });

  /** The lists a record is in (HubSpot: "get lists record is member of"). */
  router.get('/crm/v3/lists/records/:objectTypeId/:recordId/memberships', (req, res) => {
    const today = now().slice(0, 10);
    const results = Object.values(store.state.lists)
      .filter(
        (list) =>
          list.objectTypeId === req.params.objectTypeId &&
          listMembers(store.state, list.filterBranch, today).includes(req.params.recordId),
      )
      .map((list) => ({
        listId: list.listId,
        listVersion: list.listVersion,
        firstAddedTimestamp: list.updatedAt,
        lastAddedTimestamp: list.updatedAt,
      }));
    return res.json({ results, total: results.length });
  });

  /** Several lists by id (HubSpot: "fetch multiple lists"), without their filters unless asked. */
  router.get('/crm/v3/lists', (req, res) => {
    const ids = ([] as unknown[]).concat(req.query.listIds ?? []).map(String);
    const lists = ids.flatMap((id) => (store.state.lists[id] ? [store.state.lists[id]] : []));
    return res.json({
      lists: lists.map(({ filterBranch, ...rest }) =>
        req.query.includeFilters === 'true' ? { ...rest, filterBranch } : rest,
      ),
    });
  });

  return router;
};

/** The companies a list's filters match today; a list without filters (MANUAL) has none here. */
export const listMembers = (state: SandboxState, filterBranch: unknown, today: string): string[] =>
  filterBranch
    ? Object.values(state.companies)
        .filter((company) => matchesBranch(filterBranch, company.properties, today))
        .map((company) => company.id)
    : [];
