import {
  BUCKET_VALUES,
  MIX_KEYS,
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
  StatisticsItem,
  Table,
  TableCell,
  Text,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';

import { HomePage } from '../../extensions/app/pages/HomePage';
import { PageRouter } from '../../extensions/app/pages/Pages';
import { BACKEND_URL, jsonResponse, mockFetch } from './mocks';

const PORTFOLIO_URL = `${BACKEND_URL}/api/portfolio`;
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
  searches: 69,
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

afterEach(() => jest.restoreAllMocks());

const cellTexts = (renderer: ReturnType<typeof renderPage>, testId: string) =>
  renderer
    .findByTestId(Table, testId)
    .findAll(TableCell)
    .map((cell) => cell.text);

describe('the home page', () => {
  it('shows a spinner, says it is counting on a cold start, then shows the figures by itself', async () => {
    const fetch = mockFetch(jsonResponse(200, counting), jsonResponse(200, ready()));
    const renderer = renderPage();
    renderer.render(page());
    expect(renderer.find(LoadingSpinner).props.label).toBe('Loading the portfolio');
    await renderer.waitFor(() => expect(renderer.find(LoadingSpinner).props.label).toBe('Counting the portfolio…'));
    await renderer.waitFor(() => expect(renderer.findByTestId(Text, 'counted-at')).toBeDefined());
    expect(fetch.mock.calls.map(([url, init]) => [url, init?.method])).toEqual([
      [PORTFOLIO_URL, 'GET'],
      [PORTFOLIO_URL, 'GET'],
    ]);
  });

  it('shows each figure, shares with their denominators, and links every company to its record', async () => {
    mockFetch(jsonResponse(200, ready()));
    const renderer = renderPage();
    renderer.render(page());
    await renderer.waitFor(() => expect(renderer.findByTestId(Text, 'counted-at')).toBeDefined());

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
    expect(renderer.find(StatisticsItem, { label: 'Moved up' }).props.number).toBe('3 of 8 (38%)');
    expect(renderer.find(StatisticsItem, { label: 'Left us' }).props.number).toBe('1 of 8 (13%)');
    expect(renderer.find(StatisticsItem, { label: 'Customer is late' }).props.number).toBe('5');
    expect(cellTexts(renderer, 'tags-concerns')).toEqual(['Price', '7', '0']);
    expect(renderer.find(StatisticsItem, { label: 'Asked in the last 90 days' }).props.number).toBe('40 of 56 (71%)');
    expect(cellTexts(renderer, 'coverage-by-owner')).toEqual(['Gus Growth', '9 of 12 (75%)']);
    expect(renderer.find(StatisticsItem, { label: 'Revenue renewing from "Who are you?"' }).props.number).toBe('2,500');
  });

  it('says so on an account with no customer yet', async () => {
    mockFetch(jsonResponse(200, ready({ figures: zeroFigures(), revenue: null })));
    const renderer = renderPage();
    renderer.render(page());
    await renderer.waitFor(() =>
      expect(renderer.findByTestId(EmptyState, 'empty').props.title).toBe('No customers yet'),
    );
  });

  it('refreshes on demand, keeps the figures while the backend recounts, and shows the new count', async () => {
    const fetch = mockFetch(
      jsonResponse(200, ready()),
      jsonResponse(200, ready({ refreshing: true })),
      jsonResponse(200, ready({ figures: { ...figures(), countedAt: '2026-11-23T10:05:00.000Z' } })),
    );
    const renderer = renderPage();
    renderer.render(page());
    await renderer.waitFor(() => expect(renderer.findByTestId(Button, 'refresh').text).toBe('Refresh'));
    renderer.findByTestId(Button, 'refresh').trigger('onClick');
    await renderer.waitFor(() => expect(renderer.findByTestId(Text, 'counted-at').text).toContain('10:05 UTC'));
    expect(fetch.mock.calls.map(([url, init]) => [url, init?.method])).toEqual([
      [PORTFOLIO_URL, 'GET'],
      [`${PORTFOLIO_URL}/refresh`, 'POST'],
      [PORTFOLIO_URL, 'GET'],
    ]);
  });

  it('offers to try again when the backend cannot be reached, and keeps the figures when a refresh fails', async () => {
    mockFetch(
      jsonResponse(503, { error: { code: 'HUBSPOT_UNAVAILABLE', message: 'HubSpot is unavailable' } }),
      jsonResponse(200, ready()),
      jsonResponse(502, { error: { code: 'INTERNAL', message: 'Something went wrong on our side' } }),
    );
    const renderer = renderPage();
    renderer.render(page());
    await renderer.waitFor(() => expect(renderer.find(ErrorState).props.title).toBe('Could not load the portfolio'));
    renderer.findByTestId(Button, 'retry').trigger('onClick');
    await renderer.waitFor(() => expect(renderer.findByTestId(Button, 'refresh')).toBeDefined());
    renderer.findByTestId(Button, 'refresh').trigger('onClick');
    await renderer.waitFor(() =>
      expect(renderer.find(Alert, { variant: 'warning' }).text).toContain('Something went wrong'),
    );
    expect(renderer.findByTestId(Text, 'counted-at')).toBeDefined();
  });

  it('is the index route of the app pages', async () => {
    mockFetch(jsonResponse(200, ready()));
    const renderer = renderPage();
    renderer.render(<PageRouter />);
    await renderer.waitFor(() => expect(renderer.findByTestId(Text, 'counted-at')).toBeDefined());
  });

  it('says the app is not configured without the BACKEND_URL variable', () => {
    const renderer = renderPage({});
    renderer.render(page());
    expect(renderer.find(ErrorState).props.title).toBe('Why They Care is not configured');
  });
});
