import {
  Alert,
  Button,
  DateInput,
  EmptyState,
  ErrorState,
  Input,
  LoadingButton,
  LoadingSpinner,
  Select,
  StatusTag,
  Tag,
  Text,
  TextArea,
  ToggleGroup,
} from '@hubspot/ui-extensions';

import { type Profile } from '@why-they-care/domain';

import { ProfileCard } from '../../extensions/app/cards/ProfileCard';
import { emptyProfile, jsonResponse, mockFetch, PROFILE_URL, profileFixture, renderCard, TODAY } from './mocks';

const card = () => <ProfileCard now={() => TODAY} />;

/** Waits until the card says everything is saved, then lets the success handler finish. */
const savedAndSettled = async (renderer: ReturnType<typeof renderCard>) => {
  await renderer.waitFor(() => expect(renderer.find(Text, (node) => node.text === 'All changes saved')).toBeDefined());
  await new Promise((resolve) => setTimeout(resolve, 0));
};

afterEach(() => jest.restoreAllMocks());

const loaded = async (profile = profileFixture()) => {
  const fetch = mockFetch(jsonResponse(200, { profile }));
  const renderer = renderCard();
  renderer.render(card());
  await renderer.waitFor(() => expect(renderer.findByTestId(Tag, 'glance-bucket')).toBeDefined());
  return { renderer, fetch };
};

describe('loading the card', () => {
  it('shows a spinner, then the profile at a glance', async () => {
    let answer: (response: Response) => void = () => undefined;
    jest
      .spyOn(jest.requireActual('@hubspot/ui-extensions').hubspot, 'fetch')
      .mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const renderer = renderCard();
    renderer.render(card());
    expect(renderer.find(LoadingSpinner).props.label).toBe('Loading why they care');
    answer(jsonResponse(200, { profile: profileFixture() }));
    await renderer.waitFor(() => expect(renderer.findByTestId(Tag, 'glance-bucket').text).toBe("It's OK"));
    expect(renderer.findByTestId(Text, 'glance-quote').text).toBe(
      '“It works, but procurement wants cheaper options.” — Dana Scully, VP Operations, 2026-11-02',
    );
    expect(renderer.findByTestId(StatusTag, 'glance-quadrant').text).toBe('Work to keep: profitable but unhappy');
    expect(renderer.findByTestId(Text, 'glance-review').text).toBe('Last reviewed by sam@example.com, 21 days ago');
    expect(renderer.findByTestId(StatusTag, 'step-0-overdue').text).toBe('Overdue (customer)');
  });

  it('shows the latest bucket moves with who made them and when', async () => {
    const { renderer } = await loaded(
      profileFixture({
        bucketHistory: [
          { bucket: 'its_ok', changedAt: '2026-11-02T09:00:00.000Z', changedBy: 'sam@example.com' },
          { bucket: 'need_you', changedAt: '2026-03-01T09:00:00.000Z', changedBy: 'HubSpot user 991' },
        ],
      }),
    );
    expect([0, 1, 2].map((index) => renderer.maybeFindByTestId(Text, `glance-history-${index}`)?.text ?? null)).toEqual(
      [
        'Moved to "It\'s OK" by sam@example.com on 2026-11-02',
        'Moved to "We need you" by HubSpot user 991 on 2026-03-01',
        null,
      ],
    );
  });

  it('asks the company with GET on the signed backend URL', async () => {
    const { fetch } = await loaded();
    expect(fetch).toHaveBeenCalledWith(PROFILE_URL, { timeout: 15_000, method: 'GET' });
  });

  it('highlights a review older than 90 days', async () => {
    const { renderer } = await loaded(
      profileFixture({ review: { lastReviewedAt: '2026-06-01T09:00:00.000Z', lastReviewedBy: 'old@example.com' } }),
    );
    const review = renderer.findByTestId(StatusTag, 'glance-review');
    expect(review.props.variant).toBe('warning');
    expect(review.text).toBe('Last reviewed by old@example.com, 175 days ago: time to ask again.');
  });

  it('invites the first answer for a company never filled', async () => {
    mockFetch(jsonResponse(200, { profile: emptyProfile() }));
    const renderer = renderCard();
    renderer.render(card());
    await renderer.waitFor(() =>
      expect(renderer.findByTestId(EmptyState, 'empty').props.title).toBe('Why do they care about us?'),
    );
    renderer.findByTestId(Button, 'start').trigger('onClick');
    await renderer.waitFor(() => expect(renderer.find(Select, { name: 'bucket' }).props.value).toBe(''));
  });

  it('shows an error with a retry that loads again', async () => {
    const fetch = mockFetch(
      jsonResponse(502, {
        error: {
          code: 'HUBSPOT_UNAVAILABLE',
          message: 'HubSpot is unavailable: try again shortly',
          correlationId: 'c1',
        },
      }),
      jsonResponse(200, { profile: profileFixture() }),
    );
    const renderer = renderCard();
    renderer.render(card());
    await renderer.waitFor(() => expect(renderer.find(ErrorState).props.title).toBe('Could not load this profile'));
    expect(renderer.find(ErrorState).find(Text).text).toBe('HubSpot is unavailable: try again shortly');
    renderer.findByTestId(Button, 'load-retry').trigger('onClick');
    await renderer.waitFor(() => expect(renderer.findByTestId(Tag, 'glance-bucket')).toBeDefined());
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('says plainly when the app was deployed without its backend URL', () => {
    const fetch = mockFetch();
    const renderer = renderCard({});
    renderer.render(card());
    expect(renderer.find(ErrorState).props.title).toBe('Why They Care is not configured');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('tagging the answer', () => {
  it('offers the concerns for "It\'s OK", the value themes for "We need you", from the account lists', async () => {
    const { renderer, fetch } = await loaded();
    const concerns = renderer.findByTestId(ToggleGroup, 'tags-concerns');
    expect(concerns.props).toMatchObject({ toggleType: 'checkboxList', label: 'What worries them', value: ['price'] });
    expect(concerns.props.options.map((option) => option.label)).toContain('A competitor');
    expect(renderer.maybeFindByTestId(ToggleGroup, 'tags-valueThemes')).toBeNull();
    concerns.trigger('onChange', ['price', 'competitor'] as never);
    // A step of ours may name the recorded concern it addresses (the customer's step may not).
    expect(renderer.maybeFind(Select, { name: 'step-0-addresses' })).toBeNull();
    await renderer.waitFor(() =>
      expect(renderer.find(Select, { name: 'step-1-addresses' }).props.options.map((option) => option.label)).toEqual([
        'None chosen (its words may name one)',
        'Price',
        'A competitor',
      ]),
    );
    renderer.find(Select, { name: 'step-1-addresses' }).trigger('onChange', 'competitor' as never);
    renderer.find(Select, { name: 'bucket' }).trigger('onChange', 'need_you' as never);
    await renderer.waitFor(() => expect(renderer.findByTestId(ToggleGroup, 'tags-valueThemes')).toBeDefined());
    expect(renderer.maybeFindByTestId(ToggleGroup, 'tags-concerns')).toBeNull();
    renderer.findByTestId(ToggleGroup, 'tags-valueThemes').trigger('onChange', ['saves_time'] as never);
    fetch.mockResolvedValueOnce(jsonResponse(200, { profile: profileFixture({ version: 4 }), result: 'saved' }));
    renderer.findByTestId(LoadingButton, 'save').trigger('onClick');
    await savedAndSettled(renderer);
    // The draft keeps both lists; the save keeps only the ones the bucket uses (test/domain).
    expect(fetch.mock.calls[1]?.[1]?.body).toMatchObject({
      profile: {
        whyTheyCare: { bucket: 'need_you', valueThemes: ['saves_time'], concerns: ['price', 'competitor'] },
        successPlan: { steps: [{ ownerSide: 'customer' }, { ownerSide: 'us', addresses: 'competitor' }] },
      },
    });
  });

  it('keeps a tag the admin has since removed, marked as such, and says when the lists are not known', async () => {
    const { renderer } = await loaded(
      profileFixture({
        whyTheyCare: { ...profileFixture().whyTheyCare, concerns: ['gdpr'] },
      }),
    );
    const options = renderer.findByTestId(ToggleGroup, 'tags-concerns').props.options;
    expect(options.at(-1)).toMatchObject({ value: 'gdpr', label: 'gdpr (no longer in the list)' });
    const unknown = await loaded(profileFixture({ tagOptions: null }));
    expect(unknown.renderer.findByTestId(Text, 'tags-unavailable')).toBeDefined();
  });

  it('records the day a customer left', async () => {
    const { renderer, fetch } = await loaded();
    renderer.find(DateInput, { name: 'leftOn' }).trigger('onChange', { year: 2026, month: 10, date: 20 } as never);
    fetch.mockResolvedValueOnce(jsonResponse(200, { profile: profileFixture({ version: 4 }), result: 'saved' }));
    renderer.findByTestId(LoadingButton, 'save').trigger('onClick');
    await savedAndSettled(renderer);
    expect(fetch.mock.calls[1]?.[1]?.body).toMatchObject({ profile: { leftOn: '2026-11-20' } });
  });
});

describe('editing and saving', () => {
  it('asks for the win-win decision only in "Who are you?"', async () => {
    const { renderer } = await loaded();
    expect(renderer.maybeFind(Select, { name: 'winWinDecision' })).toBeNull();
    renderer.find(Select, { name: 'bucket' }).trigger('onChange', 'who_are_you' as never);
    expect(renderer.find(Select, { name: 'winWinDecision' }).props.options.map((option) => option.value)).toEqual([
      '',
      'win_win',
      'no_win_win',
      'undecided',
    ]);
  });

  const editAndSave = async () => {
    const { renderer, fetch } = await loaded();
    renderer.find(Select, { name: 'bucket' }).trigger('onChange', 'who_are_you' as never);
    renderer.find(TextArea, { name: 'answer' }).trigger('onInput', 'Who are you again?' as never);
    // "Who are you?" asks for the win-win decision, which no other bucket shows.
    renderer.find(Select, { name: 'winWinDecision' }).trigger('onChange', 'no_win_win' as never);
    renderer.find(TextArea, { name: 'winWinReason' }).trigger('onInput', 'They moved to an in-house tool.' as never);
    renderer.find(Input, { name: 'step-1-title' }).trigger('onInput', 'Quarterly value review' as never);
    renderer.findByTestId(Button, 'step-0-done').trigger('onClick');
    renderer.find(Select, { name: 'customerHappiness' }).trigger('onChange', 1 as never);
    return { renderer, fetch };
  };

  const expectedDraft = () => {
    const base = profileFixture();
    return {
      whyTheyCare: { ...base.whyTheyCare, bucket: 'who_are_you', answer: 'Who are you again?' },
      desiredOutcome: base.desiredOutcome,
      successPlan: {
        steps: [
          { ...base.successPlan.steps[0], status: 'done' },
          { ...base.successPlan.steps[1], title: 'Quarterly value review' },
        ],
      },
      health: { customerHappiness: 1, companyHappiness: 4 },
      renewalDate: null,
      segment: null,
      advocacy: { willingness: null, forWhat: '' },
      leftOn: null,
      winWin: { decision: 'no_win_win', reason: 'They moved to an in-house tool.' },
    };
  };

  it('sends the whole draft with the loaded version, then confirms and refreshes HubSpot', async () => {
    const { renderer, fetch } = await editAndSave();
    const savedProfile = profileFixture({ ...expectedDraft(), version: 4 } as never);
    fetch.mockResolvedValueOnce(jsonResponse(200, { profile: savedProfile, result: 'saved' }));
    expect(renderer.findByTestId(Text, 'glance-quote')).toBeDefined();
    renderer.findByTestId(LoadingButton, 'save').trigger('onClick');
    await savedAndSettled(renderer);
    expect(renderer.mocks.actions.refreshObjectProperties.callCount).toBe(1);
    expect(fetch).toHaveBeenLastCalledWith(PROFILE_URL, {
      timeout: 15_000,
      method: 'PUT',
      body: {
        requestId: expect.stringMatching(/^save-[a-z0-9]+-[a-z0-9]+$/),
        expectedVersion: 3,
        profile: expectedDraft(),
      },
    });
    expect(renderer.mocks.actions.addAlert.calls[0]).toEqual([
      { type: 'success', title: 'Saved', message: 'Why they care is up to date.' },
    ]);
    expect(renderer.find(Text, (node) => node.text === 'All changes saved')).toBeDefined();
  });

  it('shows field messages from the shared schema and sends nothing', async () => {
    const { renderer, fetch } = await loaded();
    renderer.find(Input, { name: 'step-0-title' }).trigger('onInput', '' as never);
    renderer.findByTestId(LoadingButton, 'save').trigger('onClick');
    await renderer.waitFor(() =>
      expect(renderer.find(Input, { name: 'step-0-title' }).props.validationMessage).toBe('Describe the step'),
    );
    expect(renderer.find(Input, { name: 'step-0-title' }).props.error).toBe(true);
    expect(renderer.findByTestId(Alert, 'save-error').props.title).toBe('Not saved');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('shows the backend field messages of a 400', async () => {
    const { renderer, fetch } = await editAndSave();
    fetch.mockResolvedValueOnce(
      jsonResponse(400, {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'Some fields need fixing',
          correlationId: 'c',
          fields: { 'profile.whyTheyCare.answer': ['Too long'] },
        },
      }),
    );
    renderer.findByTestId(LoadingButton, 'save').trigger('onClick');
    await renderer.waitFor(() =>
      expect(renderer.find(TextArea, { name: 'answer' }).props.validationMessage).toBe('Too long'),
    );
  });

  it('keeps every edit after a failed save, and retries with the same request id', async () => {
    const { renderer, fetch } = await editAndSave();
    fetch.mockResolvedValueOnce(
      jsonResponse(502, {
        error: {
          code: 'HUBSPOT_UNAVAILABLE',
          message: 'HubSpot is unavailable: try again shortly',
          correlationId: 'c',
        },
      }),
    );
    renderer.findByTestId(LoadingButton, 'save').trigger('onClick');
    await renderer.waitFor(() => expect(renderer.findByTestId(Alert, 'save-error')).toBeDefined());
    expect(renderer.findByTestId(Alert, 'save-error').text).toBe(
      'HubSpot is unavailable: try again shortly. Your edits are still here: fix them or try again.',
    );
    expect(renderer.find(TextArea, { name: 'answer' }).props.value).toBe('Who are you again?');
    expect(renderer.find(Select, { name: 'bucket' }).props.value).toBe('who_are_you');

    fetch.mockResolvedValueOnce(
      jsonResponse(200, { profile: profileFixture({ ...expectedDraft(), version: 4 } as never) }),
    );
    const retry = renderer.findByTestId(LoadingButton, 'save');
    expect(retry.text).toBe('Try again');
    retry.trigger('onClick');
    await savedAndSettled(renderer);
    expect(renderer.mocks.actions.refreshObjectProperties.callCount).toBe(1);
    const [first, second] = fetch.mock.calls
      .slice(1)
      .map(([, init]) => (init?.body as { requestId: string }).requestId);
    expect(second).toBe(first);
  });

  it.each([
    [
      'HubSpot refuses more concurrent fetches (429)',
      () => jsonResponse(429, { status: 'error', message: 'Too many requests' }),
      'HubSpot is handling many requests for this account: try again in a moment',
    ],
    [
      'the request times out',
      () => Promise.reject(new Error('Request timed out after 15000ms')),
      'The Why They Care service took too long to answer',
    ],
    [
      'the backend cannot be reached',
      () => Promise.reject(new TypeError('Failed to fetch')),
      'Could not reach the Why They Care service',
    ],
  ])('keeps the edits and says why when %s', async (_label, answer, message) => {
    const { renderer, fetch } = await editAndSave();
    fetch.mockImplementationOnce(answer as () => Promise<Response>);
    renderer.findByTestId(LoadingButton, 'save').trigger('onClick');
    await renderer.waitFor(() =>
      expect(renderer.findByTestId(Alert, 'save-error').text).toBe(
        `${message}. Your edits are still here: fix them or try again.`,
      ),
    );
    expect(renderer.find(TextArea, { name: 'answer' }).props.value).toBe('Who are you again?');
  });

  it('on 409 shows who saved first, and lets the account manager keep their edits and save over', async () => {
    const { renderer, fetch } = await editAndSave();
    const theirs = profileFixture({
      version: 5,
      review: { lastReviewedAt: '2026-11-23T09:55:00.000Z', lastReviewedBy: 'pat@example.com' },
    });
    fetch.mockResolvedValueOnce(
      jsonResponse(409, {
        error: { code: 'VERSION_CONFLICT', message: 'Someone saved', correlationId: 'c' },
        current: theirs,
      }),
    );
    renderer.findByTestId(LoadingButton, 'save').trigger('onClick');
    await renderer.waitFor(() => expect(renderer.findByTestId(Alert, 'save-conflict')).toBeDefined());
    expect(renderer.findByTestId(Alert, 'save-conflict').text).toMatch(
      /^pat@example.com saved it at 2026-11-23T09:55:00.000Z\. Your edits are still here/,
    );
    expect(renderer.find(TextArea, { name: 'answer' }).props.value).toBe('Who are you again?');

    renderer.findByTestId(Button, 'conflict-keep').trigger('onClick');
    fetch.mockResolvedValueOnce(
      jsonResponse(200, { profile: profileFixture({ ...expectedDraft(), version: 6 } as never) }),
    );
    renderer.findByTestId(LoadingButton, 'save').trigger('onClick');
    await savedAndSettled(renderer);
    expect(renderer.mocks.actions.refreshObjectProperties.callCount).toBe(1);
    expect((fetch.mock.calls[2]?.[1]?.body as { expectedVersion: number }).expectedVersion).toBe(5);
  });

  it('on 409 can reload their version instead', async () => {
    const { renderer, fetch } = await editAndSave();
    const theirs = profileFixture({
      version: 5,
      whyTheyCare: { ...profileFixture().whyTheyCare, answer: 'Their newer answer' },
    });
    fetch.mockResolvedValueOnce(
      jsonResponse(409, {
        error: { code: 'VERSION_CONFLICT', message: 'Someone saved', correlationId: 'c' },
        current: theirs,
      }),
    );
    renderer.findByTestId(LoadingButton, 'save').trigger('onClick');
    await renderer.waitFor(() => expect(renderer.findByTestId(Alert, 'save-conflict')).toBeDefined());
    renderer.findByTestId(Button, 'conflict-reload').trigger('onClick');
    await renderer.waitFor(() =>
      expect(renderer.find(TextArea, { name: 'answer' }).props.value).toBe('Their newer answer'),
    );
    expect(renderer.maybeFindByTestId(Alert, 'save-conflict')).toBeNull();
  });

  const conflictBody = (theirs: Profile) => ({
    error: { code: 'VERSION_CONFLICT', message: 'Someone saved', correlationId: 'c' },
    current: theirs,
  });
  it.each([
    [
      "HubSpot's dev proxy envelope (HTTP 200, status in context)",
      (body: unknown) =>
        jsonResponse(200, {
          status: 'error',
          category: 'BAD_GATEWAY',
          message: 'Error returned from Request Uri',
          context: { appServerStatusCode: ['409'], correlationId: ['x'] },
          responseBody: body,
        }),
    ],
    [
      'an envelope with the status at the top and the body as text',
      (body: unknown) => jsonResponse(502, { appServerStatusCode: 409, responseBody: JSON.stringify(body) }),
    ],
  ])('reads a 409 inside %s', async (_label, envelope) => {
    const { renderer, fetch } = await editAndSave();
    const theirs = profileFixture({
      version: 5,
      review: { lastReviewedAt: '2026-11-23T09:55:00.000Z', lastReviewedBy: 'pat@example.com' },
    });
    fetch.mockResolvedValueOnce(envelope(conflictBody(theirs)));
    renderer.findByTestId(LoadingButton, 'save').trigger('onClick');
    await renderer.waitFor(() => expect(renderer.findByTestId(Alert, 'save-conflict')).toBeDefined());
    expect(renderer.findByTestId(Alert, 'save-conflict').text).toMatch(/^pat@example.com saved it/);
    expect(renderer.find(TextArea, { name: 'answer' }).props.value).toBe('Who are you again?');
  });

  it("loads a profile inside HubSpot's success envelope", async () => {
    mockFetch(
      jsonResponse(200, {
        status: 'success',
        responseBody: { profile: profileFixture() },
        context: { appServerStatusCode: ['200'] },
      }),
    );
    const renderer = renderCard();
    renderer.render(card());
    await renderer.waitFor(() => expect(renderer.findByTestId(Tag, 'glance-bucket').text).toBe("It's OK"));
  });

  it('adds, reorders and removes steps and metrics', async () => {
    const { renderer } = await loaded();
    renderer.findByTestId(Button, 'step-add').trigger('onClick');
    renderer.find(Input, { name: 'step-2-title' }).trigger('onInput', 'Executive sponsor call' as never);
    renderer.findByTestId(Button, 'step-2-up').trigger('onClick');
    expect(renderer.find(Input, { name: 'step-1-title' }).props.value).toBe('Executive sponsor call');
    renderer.findByTestId(Button, 'step-0-remove').trigger('onClick');
    expect(renderer.find(Input, { name: 'step-0-title' }).props.value).toBe('Executive sponsor call');
    renderer.findByTestId(Button, 'metric-add').trigger('onClick');
    renderer.find(Input, { name: 'metric-0-name' }).trigger('onInput', 'Days to close' as never);
    expect(renderer.find(Input, { name: 'metric-0-name' }).props.value).toBe('Days to close');
    renderer.findByTestId(Button, 'metric-0-remove').trigger('onClick');
    expect(renderer.maybeFind(Input, { name: 'metric-0-name' })).toBeNull();
    expect(renderer.find(Text, (node) => node.text === 'Unsaved changes')).toBeDefined();
  });
});
