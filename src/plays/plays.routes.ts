import { Router } from 'express';

import { type PlaysOverviewSource } from './plays-overview';

/** The home page reads the plays here (signed, under /api): which are on, the segments and why, owners' progress. */
export const playsRouter = (overview: PlaysOverviewSource) => {
  const router = Router();
  router.get('/plays', async (_req, res) => {
    res.json(await overview());
  });
  // The home page's Refresh: owners' progress counted again (the segments are the last refresh's or discovery's).
  router.post('/plays/refresh', async (_req, res) => {
    res.json(await overview({ fresh: true }));
  });
  return router;
};
