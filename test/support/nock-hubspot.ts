import nock from 'nock';

import { HUBSPOT_TEST_URL } from './env';

/**
 * Every test that talks to HubSpot goes through here: no real network, and any request that no
 * interceptor expected is recorded so the test fails on it.
 */
export const interceptHubSpot = () => {
  const unexpected: string[] = [];
  const recordUnexpected = (req: {
    method?: string;
    path?: string;
    options?: { hostname?: string; host?: string };
  }) => {
    const host = String(req.options?.hostname ?? req.options?.host ?? '');
    if (host.startsWith('hubspot.test')) unexpected.push(`${req.method} ${req.path}`);
  };

  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    nock.emitter.on('no match', recordUnexpected);
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    const surprises = unexpected.splice(0);
    expect({ pending, unexpected: surprises }).toEqual({ pending: [], unexpected: [] });
  });
  afterAll(() => {
    nock.emitter.removeListener('no match', recordUnexpected);
    nock.enableNetConnect();
  });

  return () => nock(HUBSPOT_TEST_URL);
};
