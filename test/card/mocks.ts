import { defaultTagOptions, emptyProfileDraft, type Profile, rollUpPlan } from '@why-they-care/domain';
import { hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';

export const BACKEND_URL = 'https://wtc.example.com';
export const COMPANY_ID = 5150;
export const PROFILE_URL = `${BACKEND_URL}/api/companies/${COMPANY_ID}/profile`;
export const TODAY = new Date('2026-11-23T10:00:00.000Z');

/** A stored profile as the backend returns it; override any part. */
export const profileFixture = (overrides: Partial<Profile> = {}): Profile => ({
  ...emptyProfileDraft(),
  whyTheyCare: {
    bucket: 'its_ok',
    answer: 'It works, but procurement wants cheaper options.',
    answeredByName: 'Dana Scully',
    answeredByRole: 'VP Operations',
    askedOn: '2026-11-02',
    valueThemes: [],
    concerns: ['price'],
  },
  successPlan: {
    steps: [
      {
        id: 's1',
        title: 'Send usage data',
        ownerSide: 'customer',
        ownerName: 'Dana',
        dueDate: '2026-11-10',
        status: 'in_progress',
      },
      {
        id: 's2',
        title: 'Quarterly review',
        ownerSide: 'us',
        ownerName: 'Sam',
        dueDate: '2026-12-10',
        status: 'not_started',
      },
    ],
  },
  health: { customerHappiness: 2, companyHappiness: 4 },
  companyId: String(COMPANY_ID),
  companyName: 'Acme Corp',
  version: 3,
  review: { lastReviewedAt: '2026-11-02T09:00:00.000Z', lastReviewedBy: 'sam@example.com' },
  derived: {
    plan: {
      stepsTotal: 2,
      stepsDone: 0,
      overdueCustomer: 1,
      overdueUs: 0,
      nextDueDate: '2026-11-10',
      nextDueCustomer: '2026-11-10',
      nextDueUs: '2026-12-10',
    },
    quadrant: 'keep_unhappy',
  },
  bucketHistory: [],
  sharing: null,
  tagOptions: defaultTagOptions(),
  readWarnings: [],
  ...overrides,
});

export const emptyProfile = (): Profile =>
  profileFixture({
    ...emptyProfileDraft(),
    version: 0,
    review: { lastReviewedAt: null, lastReviewedBy: null },
    derived: { plan: rollUpPlan([], '2026-11-23'), quadrant: null },
  });

export const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** hubspot.fetch answered in order by these responses; every call is recorded by the spy. */
export const mockFetch = (...responses: (Response | Promise<Response>)[]) => mockFetchRoutes({}, ...responses);

/**
 * Like mockFetch, for a page whose parts load independently: each URL listed in `routes` is answered from its
 * own queue, every other call from `responses` in order.
 */
export const mockFetchRoutes = (
  routes: Record<string, (Response | Promise<Response>)[]>,
  ...responses: (Response | Promise<Response>)[]
) => {
  const queues = new Map(Object.entries(routes).map(([url, answers]) => [url, [...answers]]));
  const rest = [...responses];
  return jest.spyOn(hubspot, 'fetch').mockImplementation((url) => {
    const next = (queues.get(String(url)) ?? rest).shift();
    if (!next) throw new Error(`hubspot.fetch was called more times than the test expected (${String(url)})`);
    return Promise.resolve(next);
  });
};

/** HubSpot's renderer with the context of a company record and the app's BACKEND_URL variable. */
export const renderCard = (variables: Record<string, string> = { BACKEND_URL }) => {
  const renderer = createRenderer('crm.record.tab');
  renderer.mocks.context.crm.objectTypeId = '0-2';
  renderer.mocks.context.crm.objectId = COMPANY_ID;
  renderer.mocks.context.variables = variables;
  return renderer;
};
