import { type PortfolioAnswer } from '@why-they-care/domain';
import { useCallback, useEffect, useRef, useState } from 'react';

import { type BackendResult } from '../../cards/lib/backend-client';
import { type PortfolioClient } from '../lib/portfolio-client';
import { useLatestAnswer } from './useLatestAnswer';

/** How often the page asks again while the backend counts: each answer is immediate, so this only paces. */
export const POLL_MS = 3_000;

export type PortfolioState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'loaded'; answer: PortfolioAnswer; refreshFailed: string | null };

const isCounting = (answer: PortfolioAnswer) => answer.state === 'counting' || answer.refreshing;

/**
 * The home page's data: loads the figures, asks again every few seconds while the backend counts, and
 * refreshes on demand. An answer that arrives after a newer request was sent is dropped. A failed refresh
 * keeps the figures on screen and says so.
 */
export const usePortfolio = (client: PortfolioClient | null, pollMs = POLL_MS) => {
  const [state, setState] = useState<PortfolioState>({ status: 'loading' });
  const latest = useLatestAnswer();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const settle = useCallback(
    (result: BackendResult<PortfolioAnswer>, ask: () => void) => {
      if (!result.ok) {
        const { message } = result.failure;
        setState((previous) =>
          previous.status === 'loaded' ? { ...previous, refreshFailed: message } : { status: 'failed', message },
        );
        return;
      }
      setState({ status: 'loaded', answer: result.value, refreshFailed: null });
      if (isCounting(result.value)) timer.current = setTimeout(ask, pollMs);
    },
    [pollMs],
  );

  /** One request at a time counts: a newer one (or the page going away) drops the older one's answer. */
  const ask = useCallback(
    async (send: (portfolio: PortfolioClient) => Promise<BackendResult<PortfolioAnswer>>) => {
      if (!client) return;
      if (timer.current) clearTimeout(timer.current);
      await latest(send(client), (result) => settle(result, () => void ask((portfolio) => portfolio.load())));
    },
    [client, settle, latest],
  );

  const load = useCallback(() => ask((portfolio) => portfolio.load()), [ask]);
  const refresh = useCallback(() => ask((portfolio) => portfolio.refresh()), [ask]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    void load();
  }, [load]);

  useEffect(() => {
    void load();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [load]);

  return { state, refresh, retry };
};
