import {
  BUCKET_VALUES,
  MIX_KEYS,
  type PlaysOverview,
  playSwitches,
  type PortfolioAnswer,
  type PortfolioFigures,
  PORTFOLIO_WINDOWS,
  QUADRANT_VALUES,
} from '@why-they-care/domain';
import {
  Alert,
  BarChart,
  Button,
  EmptyState,
  ErrorState,
  Link,
  LoadingSpinner,
  Statistics,
  StatisticsItem,
  Table,
  TableCell,
  Text,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';

import { HomePage } from '../../extensions/app/pages/HomePage';
import { PageRouter } from '../../extensions/app/pages/Pages';
import { BACKEND_URL, jsonResponse, mockFetchRoutes } from './mocks';

const PORTFOLIO_URL = `${BACKEND_URL}/api/portfolio`;
const PLAYS_URL = `${BACKEND_URL}/api/plays`;
const POLL_MS = 5;

/** The home page as HubSpot renders it: the page router of a `pages` extension, on the account 123. */
const renderPage = (variables: Record<string, string> = { BACKEND_URL }) => {
  const renderer = createRenderer('pages');
  renderer.mocks.context.variables = variables;
  return renderer;
};

/** The page itself, asking again every few milliseconds instead of seconds while the backend counts. */
const page = () => <HomePage pollMs={POLL_MS} />;

const zeroFigures = (): PortfolioFigures => ({
  countedAt: '2026-11-23T10:00:00.000Z',
  searches: 73,
  mix: MIX_KEYS.map((bucket) => ({ bucket, companies: 0 })),
  moves: PORTFOLIO_WINDOWS.moveDays.flatMap((days) =>
    BUCKET_VALUES.flatMap((from) =>
      BUCKET_VALUES.filter((to) => to !== from).map((to) => ({ days, from, to, companies: 0 })),
    ),
  ),
  quadrants: QUADRANT_VALUES.map((quadrant) => ({ quadrant, companies: 0 })),
  atRisk: { total: 0, companies: [] },
  latePlans: { customer: 0, us: 0, byOwner: [] },
  renewals: MIX_KEYS.map((bucket) => ({ bucket, companies: 0 })),
  reRecruit: { started: 0, movedUp: 0, stillWhoAreYou: 0, left: 0 },
  itsOkRenewal: { started: 0, movedUp: 0, stillItsOk: 0, left: 0 },
  tags: [],
  coverage: { asked: 0, customers: 0, byOwner: [] },
});

const figures = (): PortfolioFigures => ({
  ...zeroFigures(),
  mix: [
    { bucket: 'need_you', companies: 12 },
    { bucket: 'its_ok', companies: 30 },
    { bucket: 'who_are_you', companies: 10_000 },
    { bucket: 'not_asked', companies: 4 },
  ],
  moves: zeroFigures().moves.map((move) =>
    move.days === 30 && move.from === 'its_ok' && move.to === 'need_you' ? { ...move, companies: 3 } : move,
  ),
  atRisk: { total: 1, companies: [{ id: '1004', name: 'Delta Foods', ownerName: 'Gus Growth', revenue: 120000 }] },
  latePlans: { customer: 5, us: 2, byOwner: [{ ownerId: '503', name: 'Gus Growth', customer: 3, us: 1 }] },
  reRecruit: { started: 8, movedUp: 3, stillWhoAreYou: 4, left: 1 },
  itsOkRenewal: { started: 12, movedUp: 3, stillItsOk: 7, left: 1 },
  tags: [{ kind: 'concerns', value: 'price', label: 'Price', bucket: 'its_ok', companies: 7 }],
  coverage: { asked: 40, customers: 56, byOwner: [{ ownerId: '503', name: 'Gus Growth', asked: 9, customers: 12 }] },
});

const ready = (overrides: Partial<Extract<PortfolioAnswer, { state: 'ready' }>> = {}): PortfolioAnswer => ({
  state: 'ready',
  figures: figures(),
  revenue: {
    asOf: '2026-11-23T09:00:00.000Z',
    property: 'total_revenue',
    byBucket: MIX_KEYS.map((bucket, index) => ({ bucket, revenue: (index + 1) * 1000 })),
    renewingWhoAreYou: 2500,
    companies: 56,
    calls: 1,
  },
  refreshing: false,
  lastError: null,
  ...overrides,
});
const counting: PortfolioAnswer = { state: 'counting', since: '2026-11-23T10:00:00.000Z', lastError: null };

const playsOverview = (overrides: Partial<PlaysOverview> = {}): PlaysOverview => ({
  plays: playSwitches(['lookalikes', 'ask_buyer']),
  lookalikes: {
    at: '2026-11-23T06:00:00.000Z',
    totals: { needYou: 12, customers: 56 },
    segments: [
      {
        dimension: 'industry',
        value: 'COMPUTER_SOFTWARE',
        label: 'Computer software',
        needYou: 6,
        customers: 8,
        lift: 3.5,
      },
      { dimension: 'value_theme', value: 'saves_time', label: 'Saves time', needYou: 4, customers: 10, lift: 1.8666 },
    ],
    list: 'updated',
  },
  askBuyer: [
    { ownerId: '503', name: 'Gus Growth', email: 'gus@example.com', customers: 12, askedIn90Days: 9 },
    { ownerId: '504', name: 'Greta Lead', email: null, customers: 4, askedIn90Days: 0 },
  ],
  ...overrides,
});

/**
 * The page's calls: the portfolio's answers in order, the plays' load answered by `plays`, and each Refresh of
 * the plays by the next of `playsRefreshes`.
 */
const mockPage = (
  portfolio: Response[],
  plays: Response | Promise<Response> = jsonResponse(200, playsOverview()),
  playsRefreshes: Response[] = [],
) => mockFetchRoutes({ [PLAYS_URL]: [plays], [`${PLAYS_URL}/refresh`]: playsRefreshes }, ...portfolio);

afterEach(() => jest.restoreAllMocks());

/** Waits until the page shows its figures and the plays section its answer, so no request outlives the test. */
const settled = (renderer: ReturnType<typeof renderPage>) =>
  renderer.waitFor(() => {
    expect(renderer.findByTestId(Text, 'counted-at')).toBeDefined();
    expect(renderer.findAll(LoadingSpinner)).toHaveLength(0);
  });

/** The page's own requests to the portfolio, in order; the plays are asked apart. */
const portfolioCalls = (fetch: ReturnType<typeof mockPage>) =>
  fetch.mock.calls.filter(([url]) => !String(url).startsWith(PLAYS_URL)).map(([url, init]) => [url, init?.method]);

const cellTexts = (renderer: ReturnType<typeof renderPage>, testId: string) =>
  renderer
    .findByTestId(Table, testId)
    .findAll(TableCell)
    .map((cell) => cell.text);

describe('the home page', () => {
  it('shows a spinner, says it is counting on a cold start, then shows the figures by itself', async () => {
    const fetch = mockPage([jsonResponse(200, counting), jsonResponse(200, ready())]);
    const renderer = renderPage();
    renderer.render(page());
    expect(renderer.find(LoadingSpinner).props.label).toBe('Loading the portfolio');
    await renderer.waitFor(() => expect(renderer.find(LoadingSpinner).props.label).toBe('Counting the portfolio…'));
    await settled(renderer);
    expect(portfolioCalls(fetch)).toEqual([
      [PORTFOLIO_URL, 'GET'],
      [PORTFOLIO_URL, 'GET'],
    ]);
    expect(fetch.mock.calls.filter(([url]) => url === PLAYS_URL)).toHaveLength(1);
  });

  it('shows each figure, shares with their denominators, and links every company to its record', async () => {
    mockPage([jsonResponse(200, ready())]);
    const renderer = renderPage();
    renderer.render(page());
    await settled(renderer);

    const mix = renderer.findAll(StatisticsItem).slice(0, 4);
    expect(mix.map((item) => [item.props.label, item.props.number])).toEqual([
      ['We need you', '12'],
      ["It's OK", '30'],
      ['Who are you?', '10,000+'],
      ['Not asked yet', '4'],
    ]);
    expect(renderer.findAll(BarChart)).toHaveLength(2);
    expect(cellTexts(renderer, 'mix-revenue')).toContain('2,000');
    expect(cellTexts(renderer, 'moves-30').slice(4, 8)).toEqual(["It's OK", '3', '—', '0']);
    expect(renderer.find(StatisticsItem, { label: 'Moved up, last 30 days' }).props.number).toBe('3');
    const link = renderer.findByTestId(Table, 'at-risk').find(Link);
    expect(link.props.href).toBe('https://app.hubspot.com/contacts/123/record/0-2/1004');
    expect(link.text).toBe('Delta Foods');
    expect(renderer.find(StatisticsItem, { label: 'Customer is late' }).props.number).toBe('5');
    expect(cellTexts(renderer, 'tags-concerns')).toEqual(['Price', '7', '0']);
    expect(renderer.find(StatisticsItem, { label: 'Asked in the last 90 days' }).props.number).toBe('40 of 56 (71%)');
    expect(cellTexts(renderer, 'coverage-by-owner')).toEqual(['Gus Growth', '9 of 12 (75%)']);
    expect(renderer.find(StatisticsItem, { label: 'Revenue renewing from "Who are you?"' }).props.number).toBe('2,500');
  });

  it('shows what became of re-recruits and of "It\'s OK" renewals side by side, each over its own denominator', async () => {
    mockPage([jsonResponse(200, ready())]);
    const renderer = renderPage();
    renderer.render(page());
    await settled(renderer);

    const outcomes = (testId: string) =>
      renderer
        .findByTestId(Statistics, testId)
        .findAll(StatisticsItem)
        .map((item) => [item.props.label, item.props.number]);
    expect(outcomes('re-recruit-play')).toEqual([
      ['Moved up', '3 of 8 (38%)'],
      ['Still "Who are you?"', '4 of 8 (50%)'],
      ['Left us', '1 of 8 (13%)'],
    ]);
    expect(outcomes('renewal-play')).toEqual([
      ['Moved up to "We need you"', '3 of 12 (25%)'],
      ['Still "It\'s OK"', '7 of 12 (58%)'],
      ['Left us', '1 of 12 (8%)'],
    ]);
    const texts = renderer.findAll(Text).map((text) => text.text);
    expect(texts).toContain('12 "It\'s OK" companies got a renewal task in the last 180 days. Of them:');
    expect(texts).toContain('8 companies got a re-recruit task in the last 180 days. Of them:');
  });

  it('says "none yet" rather than a share of nothing when no play started', async () => {
    mockPage([
      jsonResponse(
        200,
        ready({ figures: { ...figures(), itsOkRenewal: { started: 0, movedUp: 0, stillItsOk: 0, left: 0 } } }),
      ),
    ]);
    const renderer = renderPage();
    renderer.render(page());
    await settled(renderer);
    const numbers = renderer
      .findByTestId(Statistics, 'renewal-play')
      .findAll(StatisticsItem)
      .map((item) => item.props.number);
    expect(numbers).toEqual(['none yet', 'none yet', 'none yet']);
  });

  it('says so on an account with no customer yet', async () => {
    const fetch = mockPage([jsonResponse(200, ready({ figures: zeroFigures(), revenue: null }))]);
    const renderer = renderPage();
    renderer.render(page());
    await renderer.waitFor(() =>
      expect(renderer.findByTestId(EmptyState, 'empty').props.title).toBe('No customers yet'),
    );
    expect(portfolioCalls(fetch)).toEqual([[PORTFOLIO_URL, 'GET']]);
  });

  it('refreshes on demand, keeps the figures while the backend recounts, and shows the new count', async () => {
    const fetch = mockPage(
      [
        jsonResponse(200, ready()),
        jsonResponse(200, ready({ refreshing: true })),
        jsonResponse(200, ready({ figures: { ...figures(), countedAt: '2026-11-23T10:05:00.000Z' } })),
      ],
      undefined,
      [jsonResponse(200, playsOverview())],
    );
    const renderer = renderPage();
    renderer.render(page());
    await settled(renderer);
    renderer.findByTestId(Button, 'refresh').trigger('onClick');
    await renderer.waitFor(() => expect(renderer.findByTestId(Text, 'counted-at').text).toContain('10:05 UTC'));
    expect(portfolioCalls(fetch)).toEqual([
      [PORTFOLIO_URL, 'GET'],
      [`${PORTFOLIO_URL}/refresh`, 'POST'],
      [PORTFOLIO_URL, 'GET'],
    ]);
  });

  it('offers to try again when the backend cannot be reached, and keeps the figures when a refresh fails', async () => {
    mockPage(
      [
        jsonResponse(503, { error: { code: 'HUBSPOT_UNAVAILABLE', message: 'HubSpot is unavailable' } }),
        jsonResponse(200, ready()),
        jsonResponse(502, { error: { code: 'INTERNAL', message: 'Something went wrong on our side' } }),
      ],
      undefined,
      [jsonResponse(502, { error: { code: 'INTERNAL', message: 'Something went wrong on our side' } })],
    );
    const renderer = renderPage();
    renderer.render(page());
    await renderer.waitFor(() => expect(renderer.find(ErrorState).props.title).toBe('Could not load the portfolio'));
    renderer.findByTestId(Button, 'retry').trigger('onClick');
    await settled(renderer);
    renderer.findByTestId(Button, 'refresh').trigger('onClick');
    await renderer.waitFor(() => {
      expect(renderer.find(Alert, { title: 'Could not refresh: these figures are older' }).text).toContain(
        'Something went wrong',
      );
      expect(renderer.findByTestId(Alert, 'plays-refresh-failed').text).toContain('Something went wrong');
    });
    expect(renderer.findByTestId(Text, 'counted-at')).toBeDefined();
    // The plays keep their last answer under the warning.
    expect(cellTexts(renderer, 'ask-buyer-progress')).toEqual([
      'Gus Growth',
      '9 of 12 (75%)',
      'Greta Lead',
      '0 of 4 (0%)',
    ]);
  });

  it("Refresh reloads the plays too, and drops the first load's answer when it comes back after the refresh's", async () => {
    let answerFirstLoad: (response: Response) => void = () => undefined;
    const firstLoad = new Promise<Response>((resolve) => (answerFirstLoad = resolve));
    const refreshed = playsOverview({
      askBuyer: [{ ownerId: '503', name: 'Gus Growth', email: 'gus@example.com', customers: 13, askedIn90Days: 10 }],
    });
    const fetch = mockPage([jsonResponse(200, ready()), jsonResponse(200, ready())], firstLoad, [
      jsonResponse(200, refreshed),
    ]);
    const renderer = renderPage();
    renderer.render(page());
    await renderer.waitFor(() => expect(renderer.findByTestId(Text, 'counted-at')).toBeDefined());
    renderer.findByTestId(Button, 'refresh').trigger('onClick');
    await renderer.waitFor(() =>
      expect(cellTexts(renderer, 'ask-buyer-progress')).toEqual(['Gus Growth', '10 of 13 (77%)']),
    );
    answerFirstLoad(jsonResponse(200, playsOverview()));
    await firstLoad;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(cellTexts(renderer, 'ask-buyer-progress')).toEqual(['Gus Growth', '10 of 13 (77%)']);
    expect(fetch.mock.calls.map(([url, init]) => [url, init?.method])).toEqual([
      [PORTFOLIO_URL, 'GET'],
      [PLAYS_URL, 'GET'],
      [`${PORTFOLIO_URL}/refresh`, 'POST'],
      [`${PLAYS_URL}/refresh`, 'POST'],
    ]);
  });

  it('shows the segments "We need you" customers share more than all customers, and each owner asking', async () => {
    mockPage([jsonResponse(200, ready())]);
    const renderer = renderPage();
    renderer.render(page());
    await settled(renderer);
    expect(cellTexts(renderer, 'lookalike-segments')).toEqual([
      'Industry: Computer software',
      '6 of 12 (50%)',
      '8 of 56 (14%)',
      '3.5×',
      'Why they need us: Saves time',
      '4 of 12 (33%)',
      '10 of 56 (18%)',
      '1.9×',
    ]);
    expect(cellTexts(renderer, 'ask-buyer-progress')).toEqual([
      'Gus Growth',
      '9 of 12 (75%)',
      'Greta Lead',
      '0 of 4 (0%)',
    ]);
  });

  it('says when no segment stands out yet, and when asking one buyer a day is off', async () => {
    const lookalikes = { at: '2026-11-23T06:00:00.000Z', totals: { needYou: 2, customers: 56 }, segments: [] };
    mockPage([jsonResponse(200, ready())], jsonResponse(200, playsOverview({ lookalikes, askBuyer: null })));
    const renderer = renderPage();
    renderer.render(page());
    await settled(renderer);
    expect(renderer.findByTestId(Text, 'lookalikes-none').text).toContain('at least 3 of them');
    expect(renderer.findByTestId(Text, 'ask-buyer-off').text).toContain('opt-in');
    expect(renderer.findAll(Table, { testId: 'lookalike-segments' })).toHaveLength(0);
  });

  it('says the plays could not load and keeps every other section when only the plays fail', async () => {
    mockPage(
      [jsonResponse(200, ready())],
      jsonResponse(503, { error: { code: 'HUBSPOT_UNAVAILABLE', message: 'HubSpot is unavailable' } }),
    );
    const renderer = renderPage();
    renderer.render(page());
    await settled(renderer);
    expect(renderer.findByTestId(Alert, 'plays-failed').props.title).toBe('Could not load the plays');
    expect(renderer.findByTestId(Alert, 'plays-failed').text).toContain('HubSpot is unavailable');
    expect(cellTexts(renderer, 'coverage-by-owner')).toEqual(['Gus Growth', '9 of 12 (75%)']);
    expect(renderer.findAll(ErrorState)).toHaveLength(0);
  });

  it("asks for the plays again once a cold start's count is done, when their first load failed during it", async () => {
    const fetch = mockFetchRoutes(
      {
        [PLAYS_URL]: [
          jsonResponse(504, { error: { code: 'HUBSPOT_TIMEOUT', message: 'HubSpot took too long to answer' } }),
          jsonResponse(200, playsOverview()),
        ],
      },
      jsonResponse(200, counting),
      jsonResponse(200, ready()),
    );
    const renderer = renderPage();
    renderer.render(page());
    await settled(renderer);
    await renderer.waitFor(() => expect(cellTexts(renderer, 'ask-buyer-progress')).toContain('Gus Growth'));
    expect(renderer.findAll(Alert).filter((alert) => alert.props.testId === 'plays-failed')).toHaveLength(0);
    expect(fetch.mock.calls.filter(([url]) => url === PLAYS_URL)).toHaveLength(2);
  });

  it('is the index route of the app pages', async () => {
    mockPage([jsonResponse(200, ready())]);
    const renderer = renderPage();
    renderer.render(<PageRouter />);
    await settled(renderer);
  });

  it('says the app is not configured without the BACKEND_URL variable', () => {
    const renderer = renderPage({});
    renderer.render(page());
    expect(renderer.find(ErrorState).props.title).toBe('Why They Care is not configured');
  });
});
