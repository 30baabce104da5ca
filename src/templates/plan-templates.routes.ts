import { Router } from 'express';

import { type PlanTemplatesStore } from './plan-templates.store';

/** The card reads the account's segments and plan templates here (signed, under /api). */
export const planTemplatesRouter = (templates: PlanTemplatesStore) => {
  const router = Router();
  router.get('/plan-templates', async (_req, res) => {
    res.json({ templates: await templates.read() });
  });
  return router;
};
