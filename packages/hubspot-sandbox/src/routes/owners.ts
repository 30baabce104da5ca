import { ownerListing } from '@why-they-care/hubspot-contract';
import { Router } from 'express';

import { type SandboxStore } from '../store';

export const ownerRoutes = (store: SandboxStore) => {
  const router = Router();
  router.get('/crm/v3/owners', (req, res) => {
    const limit = Math.min(Number(req.query.limit ?? 100), 500);
    const offset = Number(req.query.after ?? 0);
    const owners = store.state.owners.filter((owner) => !req.query.email || owner.email === req.query.email);
    res.json({
      results: owners.slice(offset, offset + limit).map((owner) => ownerListing(owner, '2025-01-01T00:00:00.000Z')),
      ...(offset + limit < owners.length ? { paging: { next: { after: String(offset + limit) } } } : {}),
    });
  });
  return router;
};
