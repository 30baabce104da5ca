import { type PlaysOverview } from '@why-they-care/domain';
import { useCallback, useEffect, useRef, useState } from 'react';

import { type BackendResult } from '../../cards/lib/backend-client';
import { type PortfolioClient } from '../lib/portfolio-client';
import { useLatestAnswer } from './useLatestAnswer';

export type PlaysState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'loaded'; overview: PlaysOverview; refreshFailed: string | null };

/**
 * The plays' segments and owners' progress, loaded apart from the portfolio: if they fail, only their section
 * says so. `refresh` (the page's Refresh) asks the backend to count again; an answer older than the latest
 * request is dropped, and a failed refresh keeps what is on screen and says so.
 *
 * On an account's first visit the portfolio's count takes HubSpot's search pace for a while, and the plays'
 * searches wait behind it: their first load can outlast hubspot.fetch's time limit while the backend finishes
 * it anyway. So a load that failed while the portfolio was `counting` is asked again, once, when the count is
 * done.
 */
export const usePlays = (client: PortfolioClient | null, portfolioCounting = false) => {
  const [state, setState] = useState<PlaysState>({ status: 'loading' });
  const latest = useLatestAnswer();

  const ask = useCallback(
    async (send: (plays: PortfolioClient) => Promise<BackendResult<PlaysOverview>>) => {
      if (!client) return;
      await latest(send(client), (result) =>
        setState((previous) => {
          if (result.ok) return { status: 'loaded', overview: result.value, refreshFailed: null };
          const { message } = result.failure;
          return previous.status === 'loaded' ? { ...previous, refreshFailed: message } : { status: 'failed', message };
        }),
      );
    },
    [client, latest],
  );

  useEffect(() => {
    void ask((plays) => plays.plays());
  }, [ask]);

  const sawCounting = useRef(false);
  const retried = useRef(false);
  useEffect(() => {
    if (portfolioCounting) {
      sawCounting.current = true;
      return;
    }
    if (sawCounting.current && !retried.current && state.status === 'failed') {
      retried.current = true;
      void ask((plays) => plays.plays());
    }
  }, [portfolioCounting, state.status, ask]);

  const refresh = useCallback(() => ask((plays) => plays.refreshPlays()), [ask]);
  return { state, refresh };
};
