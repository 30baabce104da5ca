import { playsOverviewSchema, portfolioAnswerSchema } from '@why-they-care/domain';

import { apiBase, callBackend } from '../../cards/lib/backend-client';

/**
 * The home page's calls to the backend, through HubSpot's signed proxy like the card's (one transport, in
 * the card's backend client). The portfolio answers at once from the backend's cache; the plays from a
 * cache kept ten minutes, which the page's Refresh asks past.
 */
export const createPortfolioClient = (backendUrl: string) => ({
  load: () => callBackend(`${apiBase(backendUrl)}/portfolio`, { method: 'GET' }, portfolioAnswerSchema),
  refresh: () => callBackend(`${apiBase(backendUrl)}/portfolio/refresh`, { method: 'POST' }, portfolioAnswerSchema),
  plays: () => callBackend(`${apiBase(backendUrl)}/plays`, { method: 'GET' }, playsOverviewSchema),
  refreshPlays: () => callBackend(`${apiBase(backendUrl)}/plays/refresh`, { method: 'POST' }, playsOverviewSchema),
});

export type PortfolioClient = ReturnType<typeof createPortfolioClient>;
