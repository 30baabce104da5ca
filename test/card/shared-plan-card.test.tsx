import { Alert, Button, Input, LoadingButton, Select, Text, TextArea } from '@hubspot/ui-extensions';
import { type PlanStep, type PlanTemplates } from '@why-they-care/domain';

import { ProfileCard } from '../../extensions/app/cards/ProfileCard';
import {
  BACKEND_URL,
  COMPANY_ID,
  jsonResponse,
  mockFetch,
  PROFILE_URL,
  profileFixture,
  renderCard,
  TODAY,
} from './mocks';

/** The card's parts for the plan shared with the customer: templates, advocates, the link, the customer's record. */
const card = () => <ProfileCard now={() => TODAY} />;
const SHARE_URL = `${BACKEND_URL}/api/companies/${COMPANY_ID}/share`;
const TEMPLATES_URL = `${BACKEND_URL}/api/plan-templates`;

const TEMPLATES: PlanTemplates = {
  segments: [
    {
      id: 'guided-rollout',
      label: 'Guided rollout',
      appropriateExperience: 'A named expert walks them through it.',
      steps: [
        { id: 'kickoff', title: 'Kick-off', ownerSide: 'us', dueInDays: 7, description: 'Agree goals.' },
        { id: 'data', title: 'Send sample data', ownerSide: 'customer', dueInDays: 14, description: '' },
      ],
    },
  ],
};

afterEach(() => jest.restoreAllMocks());

const loaded = async (profile = profileFixture(), ...more: Response[]) => {
  const fetch = mockFetch(jsonResponse(200, { profile }), ...more);
  const renderer = renderCard();
  renderer.render(card());
  await renderer.waitFor(() => expect(renderer.find(Text, (node) => node.text === 'All changes saved')).toBeDefined());
  return { renderer, fetch };
};

const savedBody = (fetch: jest.SpyInstance) =>
  (fetch.mock.calls.at(-1)?.[1] as { body: { profile: Record<string, unknown> } }).body.profile;

describe('plan templates on the card', () => {
  it('loads the templates only when asked, applies one into the draft, and saves the segment with the steps', async () => {
    const { renderer, fetch } = await loaded(profileFixture(), jsonResponse(200, { templates: TEMPLATES }));
    expect(fetch).toHaveBeenCalledTimes(1);
    renderer.findByTestId(Button, 'templates-open').trigger('onClick');
    await renderer.waitFor(() => expect(renderer.find(Select, { name: 'segment' })).toBeDefined());
    expect(fetch).toHaveBeenLastCalledWith(TEMPLATES_URL, { timeout: 15_000, method: 'GET' });

    renderer.find(Select, { name: 'segment' }).trigger('onChange', 'guided-rollout' as never);
    renderer.findByTestId(Button, 'template-apply').trigger('onClick');
    expect(renderer.findByTestId(Text, 'template-applied').text).toBe('2 steps added. Adapt the steps, then save.');
    expect(renderer.find(Input, { name: 'step-2-title' }).props.value).toBe('Kick-off');
    expect(renderer.find(TextArea, { name: 'step-2-description' }).props.value).toBe('Agree goals.');
    expect(renderer.find(Input, { name: 'step-3-title' }).props.value).toBe('Send sample data');

    // Applying again adds nothing: the template's steps are recognised.
    renderer.findByTestId(Button, 'template-apply').trigger('onClick');
    expect(renderer.findByTestId(Text, 'template-applied').text).toBe(
      '0 steps added, 2 you changed or started kept as they are. Adapt the steps, then save.',
    );

    fetch.mockResolvedValueOnce(jsonResponse(200, { profile: profileFixture(), result: 'saved' }));
    renderer.findByTestId(LoadingButton, 'save').trigger('onClick');
    await renderer.waitFor(() => expect(fetch).toHaveBeenCalledTimes(3));
    const sent = savedBody(fetch) as { segment: string; successPlan: { steps: PlanStep[] } };
    expect(sent.segment).toBe('guided-rollout');
    expect(sent.successPlan.steps.slice(2)).toEqual([
      expect.objectContaining({
        title: 'Kick-off',
        dueDate: '2026-11-30',
        template: { segment: 'guided-rollout', step: 'kickoff', fingerprint: expect.any(String) },
      }),
      expect.objectContaining({ title: 'Send sample data', ownerSide: 'customer', dueDate: '2026-12-07' }),
    ]);
  });

  it('says why templates are missing when the backend cannot read them', async () => {
    const refused = {
      error: { code: 'HUBSPOT_MISCONFIGURED', message: 'HubSpot refused the File Manager', correlationId: 'c' },
    };
    const { renderer } = await loaded(profileFixture({ segment: 'guided-rollout' }), jsonResponse(502, refused));
    await renderer.waitFor(() => expect(renderer.findByTestId(Text, 'templates-failed')).toBeDefined());
    expect(renderer.findByTestId(Text, 'templates-failed').text).toBe(
      'Plan templates are not available: HubSpot refused the File Manager',
    );
  });
});

describe('advocates on the card', () => {
  it('asks a "We need you" customer, and records what they will advocate for', async () => {
    const needYou = profileFixture();
    needYou.whyTheyCare.bucket = 'need_you';
    const { renderer, fetch } = await loaded(needYou);
    expect(renderer.findByTestId(Text, 'advocacy-ask').text).toMatch(/reference or a case study/);
    expect(renderer.maybeFind(TextArea, { name: 'advocacyForWhat' })).toBeNull();
    renderer.find(Select, { name: 'advocacyWillingness' }).trigger('onChange', 'case_study' as never);
    renderer.find(TextArea, { name: 'advocacyForWhat' }).trigger('onInput', 'Finance teams closing faster' as never);
    expect(renderer.maybeFindByTestId(Text, 'advocacy-ask')).toBeNull();
    fetch.mockResolvedValueOnce(jsonResponse(200, { profile: needYou, result: 'saved' }));
    renderer.findByTestId(LoadingButton, 'save').trigger('onClick');
    await renderer.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(savedBody(fetch).advocacy).toEqual({ willingness: 'case_study', forWhat: 'Finance teams closing faster' });
  });
});

describe('the link shared with the customer', () => {
  const link = {
    url: 'https://wtc.example.com/share/abc.def',
    expiresAt: '2026-12-20T10:00:00.000Z',
    sharedBy: 'sam@example.com',
    sharedAt: '2026-11-20T10:00:00.000Z',
  };

  it('makes a link, shows and copies it, and turns it off', async () => {
    const { renderer, fetch } = await loaded(profileFixture(), jsonResponse(200, { link }));
    renderer.findByTestId(LoadingButton, 'share-create').trigger('onClick');
    await renderer.waitFor(() => expect(renderer.find(Input, { name: 'shareUrl' }).props.value).toBe(link.url));
    expect(fetch).toHaveBeenLastCalledWith(SHARE_URL, { timeout: 15_000, method: 'POST' });
    expect(renderer.findByTestId(Text, 'share-status').text).toBe(
      'Shared by sam@example.com on 2026-11-20. The link works until 2026-12-20.',
    );
    renderer.findByTestId(Button, 'share-copy').trigger('onClick');
    await renderer.waitFor(() => expect(renderer.mocks.actions.copyTextToClipboard.calls).toEqual([[link.url]]));

    fetch.mockResolvedValueOnce(jsonResponse(200, { link: null }));
    renderer.findByTestId(Button, 'share-revoke').trigger('onClick');
    await renderer.waitFor(() => expect(renderer.findByTestId(LoadingButton, 'share-create')).toBeDefined());
    expect(fetch).toHaveBeenLastCalledWith(SHARE_URL, { timeout: 15_000, method: 'DELETE' });
    // Sharing never touched the profile: nothing to save.
    expect(renderer.find(Text, (node) => node.text === 'All changes saved')).toBeDefined();
  });

  it('shows a live link from the profile, fetched only when asked; says when sharing fails', async () => {
    const off = {
      error: { code: 'SHARE_NOT_CONFIGURED', message: 'Sharing plans with customers is off', correlationId: 'c' },
    };
    const shared = profileFixture({ sharing: { id: 'x'.repeat(22), ...link } });
    const { renderer, fetch } = await loaded(shared, jsonResponse(200, { link }), jsonResponse(503, off));
    expect(renderer.findByTestId(Text, 'share-status').text).toMatch(/^Shared by sam@example.com/);
    expect(fetch).toHaveBeenCalledTimes(1);
    renderer.findByTestId(LoadingButton, 'share-show').trigger('onClick');
    await renderer.waitFor(() => expect(renderer.find(Input, { name: 'shareUrl' }).props.value).toBe(link.url));
    expect(fetch).toHaveBeenLastCalledWith(SHARE_URL, { timeout: 15_000, method: 'GET' });
    renderer.findByTestId(Button, 'share-replace').trigger('onClick');
    await renderer.waitFor(() =>
      expect(renderer.findByTestId(Alert, 'share-error').text).toBe('Sharing plans with customers is off'),
    );
    // The link shown before stays: a failed replace changed nothing.
    expect(renderer.find(Input, { name: 'shareUrl' }).props.value).toBe(link.url);
  });
});

describe("the customer's record on the card", () => {
  const customerDone = profileFixture();
  customerDone.successPlan.steps[0] = {
    ...(customerDone.successPlan.steps[0] as PlanStep),
    status: 'done',
    customerDone: { by: 'Dana Scully', at: '2026-11-21T15:00:00.000Z' },
  };

  it('shows who marked a step done through the shared plan, and drops it when the step is reopened', async () => {
    const { renderer, fetch } = await loaded(customerDone);
    expect(renderer.findByTestId(Text, 'step-0-customer-done').text).toBe(
      'Marked done by Dana Scully through the shared plan, 2026-11-21',
    );
    renderer.find(Select, { name: 'step-0-status' }).trigger('onChange', 'in_progress' as never);
    expect(renderer.maybeFindByTestId(Text, 'step-0-customer-done')).toBeNull();
    fetch.mockResolvedValueOnce(jsonResponse(200, { profile: customerDone, result: 'saved' }));
    renderer.findByTestId(LoadingButton, 'save').trigger('onClick');
    await renderer.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(fetch.mock.calls[1]?.[0]).toBe(PROFILE_URL);
    const step = (savedBody(fetch) as { successPlan: { steps: PlanStep[] } }).successPlan.steps[0];
    expect(step).toMatchObject({ status: 'in_progress' });
    expect(step?.customerDone).toBeUndefined();
  });
});
