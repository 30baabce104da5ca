import { Router } from 'express';

import { type PortfolioService } from './portfolio.service';

/**
 * The home page's figures for the account this backend serves (requireAccount has checked the request is
 * for it). Both answer at once from the cache, whatever HubSpot is doing: "counting" on a cold start.
 */
export const portfolioRouter = (portfolio: PortfolioService, portalId: string) => {
  const router = Router();

  router.get('/portfolio', (_req, res) => {
    res.json(portfolio.answer(portalId));
  });

  router.post('/portfolio/refresh', (_req, res) => {
    res.json(portfolio.refresh(portalId));
  });

  return router;
};
