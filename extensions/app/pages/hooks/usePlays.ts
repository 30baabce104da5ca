import { type PlaysOverview } from '@why-they-care/domain';
import { useEffect, useState } from 'react';

import { type PortfolioClient } from '../lib/portfolio-client';
import { useLatestAnswer } from './useLatestAnswer';

export type PlaysState =
  { status: 'loading' } | { status: 'failed'; message: string } | { status: 'loaded'; overview: PlaysOverview };

/** The plays' segments and owners' progress, loaded apart from the portfolio: if they fail, only their section says so. */
export const usePlays = (client: PortfolioClient) => {
  const [state, setState] = useState<PlaysState>({ status: 'loading' });
  const latest = useLatestAnswer();
  useEffect(() => {
    void latest(client.plays(), (result) =>
      setState(
        result.ok
          ? { status: 'loaded', overview: result.value }
          : { status: 'failed', message: result.failure.message },
      ),
    );
  }, [client, latest]);
  return state;
};
