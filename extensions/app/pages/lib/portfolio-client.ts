import { portfolioAnswerSchema } from '@why-they-care/domain';

import { apiBase, callBackend } from '../../cards/lib/backend-client';

/**
 * The home page's two calls to the backend, through HubSpot's signed proxy like the card's (one transport,
 * in the card's backend client). Both answer at once from the backend's cache.
 */
export const createPortfolioClient = (backendUrl: string) => ({
  load: () => callBackend(`${apiBase(backendUrl)}/portfolio`, { method: 'GET' }, portfolioAnswerSchema),
  refresh: () => callBackend(`${apiBase(backendUrl)}/portfolio/refresh`, { method: 'POST' }, portfolioAnswerSchema),
});

export type PortfolioClient = ReturnType<typeof createPortfolioClient>;
