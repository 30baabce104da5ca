import { Router } from 'express';

import { type PlaysOverviewSource } from './plays-overview';

/** The home page reads the plays here (signed, under /api): which are on, the segments and why, owners' progress. */
export const playsRouter = (overview: PlaysOverviewSource) => {
  const router = Router();
  router.get('/plays', async (_req, res) => {
    res.json(await overview());
  });
  return router;
};
