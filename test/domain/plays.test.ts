import {
  askBuyerTaskFor,
  briefedTask,
  briefFromProperties,
  briefTokens,
  buyerToCall,
  companiesToAsk,
  concernLabeller,
  concernsTaskFor,
  decideSave,
  describeSegment,
  emptyProfileDraft,
  expectedExitOn,
  followUpTaskFor,
  isFollowUpDue,
  isPlannedExit,
  isWorkingDay,
  liftOf,
  openConcerns,
  openConcernsValue,
  overRepresentedSegments,
  parseBuyingRoles,
  playFacts,
  playSwitches,
  type ProfileDraft,
  profileContentProperties,
  PROPERTIES,
  sizeBandOf,
  type SegmentCount,
} from '@why-they-care/domain';

const TODAY = '2026-11-23'; // a Monday

describe('lookalike segments', () => {
  const totals = { needYou: 10, customers: 100 };
  const count = (value: string, needYou: number, customers: number): SegmentCount => ({
    dimension: 'industry',
    value,
    label: value,
    needYou,
    customers,
  });

  it('measures lift as the share among "We need you" customers over the share among all customers', () => {
    expect(liftOf({ needYou: 5, customers: 20 }, totals)).toBeCloseTo(2.5);
    expect(liftOf({ needYou: 5, customers: 0 }, totals)).toBeNull();
    expect(liftOf({ needYou: 1, customers: 1 }, { needYou: 0, customers: 100 })).toBeNull();
  });

  it('keeps the segments with enough support and lift, highest lift first, at most five', () => {
    const counts = [
      count('SOFTWARE', 5, 20), // lift 2.5
      count('MINING', 2, 2), // lift 10 but only 2 who need us: chance
      count('RETAIL', 3, 30), // lift 1.0: as common as anywhere
      count('HEALTH', 4, 10), // lift 4
      count('LOGISTICS', 3, 18), // lift 1.67
      ...['A', 'B', 'C'].map((value) => count(value, 3, 15)), // lift 2 each
    ];
    const segments = overRepresentedSegments(counts, totals);
    expect(segments.map((segment) => segment.value)).toEqual(['HEALTH', 'SOFTWARE', 'A', 'B', 'C']);
    expect(segments[0]?.lift).toBeCloseTo(4);
  });

  it('says why a segment is listed, with its counts', () => {
    const [segment] = overRepresentedSegments([count('SOFTWARE', 5, 20)], totals);
    expect(segment && describeSegment(segment, totals)).toBe(
      'Industry: SOFTWARE, lift 2.5 (5 of 10 who need us, 20 of 100 customers)',
    );
  });

  it('puts a company in its size band', () => {
    expect(sizeBandOf(1)?.value).toBe('1-10');
    expect(sizeBandOf(200)?.value).toBe('51-200');
    expect(sizeBandOf(12_000)?.value).toBe('5001+');
    expect(sizeBandOf(0)).toBeNull();
  });
});

describe('concerns', () => {
  const label = (value: string) => ({ price: 'Price', missing_features: 'Missing features' })[value] ?? value;
  const step = (
    title: string,
    ownerSide: 'us' | 'customer' = 'us',
    status: 'done' | 'in_progress' = 'in_progress',
  ) => ({
    title,
    ownerSide,
    status,
  });

  it('is open until an open step of ours names it, by label or value, in any case', () => {
    expect(openConcerns(['price', 'missing_features'], [step('PRICE review with their CFO')], label)).toEqual([
      'missing_features',
    ]);
    expect(openConcerns(['missing_features'], [step('Roadmap call on missing features')], label)).toEqual([]);
  });

  it('is not addressed by a step they own, nor by one that is done', () => {
    const steps = [step('Price review', 'customer'), step('Price review', 'us', 'done')];
    expect(openConcerns(['price'], steps, label)).toEqual(['price']);
  });

  it('is stored, as labels, only while the company is "It\'s OK"', () => {
    expect(openConcernsValue('its_ok', ['price', 'missing_features'], [], label)).toBe('Price, Missing features');
    expect(openConcernsValue('who_are_you', ['price'], [], label)).toBe('');
  });

  it('is addressed by a step of ours that names it as the concern it addresses, whatever its words', () => {
    const chosen = { ...step('Quarterly business review'), addresses: 'price' };
    expect(openConcerns(['price', 'missing_features'], [chosen], label)).toEqual(['missing_features']);
    expect(openConcerns(['price'], [{ ...chosen, status: 'done' as const }], label)).toEqual(['price']);
    expect(openConcerns(['price'], [{ ...chosen, ownerSide: 'customer' as const }], label)).toEqual(['price']);
  });

  it("names a concern as the account labels it now (the admin renamed it), the catalog's label otherwise", () => {
    const account = concernLabeller([{ value: 'price', label: 'Cost of licences' }]);
    expect(account('price')).toBe('Cost of licences');
    expect(account('missing_features')).toBe('Missing features');
    expect(concernLabeller(null)('price')).toBe('Price');
    expect(concernLabeller(null)('custom_option')).toBe('custom_option');
    // A step naming the new label addresses it.
    expect(openConcerns(['price'], [step('Review the cost of licences with them')], account)).toEqual([]);
  });

  it("stores the open concerns under the account's labels when known, the catalog's otherwise", () => {
    const empty = emptyProfileDraft();
    const itsOk: ProfileDraft = {
      ...empty,
      whyTheyCare: { ...empty.whyTheyCare, bucket: 'its_ok', concerns: ['price', 'support'] },
    };
    const renamed = [
      { value: 'price', label: 'Cost of licences' },
      { value: 'support', label: 'Help desk' },
    ];
    expect(playFacts(itsOk, renamed)[PROPERTIES.openConcerns.name]).toBe('Cost of licences, Help desk');
    expect(playFacts(itsOk)[PROPERTIES.openConcerns.name]).toBe('Price, Support');
  });

  it('keeps the stored wording of the same open concerns on a save after a rename: no new set, no new enrollment', () => {
    const empty = emptyProfileDraft();
    const itsOk = (answer: string): ProfileDraft => ({
      ...empty,
      whyTheyCare: { ...empty.whyTheyCare, bucket: 'its_ok', answer, concerns: ['price'] },
    });
    const stored: Record<string, string> = { ...profileContentProperties(itsOk('Fine.'), TODAY), wtc_version: '3' };
    expect(stored[PROPERTIES.openConcerns.name]).toBe('Price');
    const save = (profile: ProfileDraft) =>
      decideSave({
        companyId: '7',
        stored,
        request: { requestId: 'save-request-0001', expectedVersion: 3, profile },
        actor: { email: 'am@example.com', userId: null },
        at: new Date(`${TODAY}T10:00:00.000Z`),
        concernOptions: [{ value: 'price', label: 'Cost of licences' }],
      });
    const edited = save(itsOk('Fine, mostly.'));
    expect(edited.kind === 'write' && edited.properties).toEqual(
      expect.not.objectContaining({ [PROPERTIES.openConcerns.name]: expect.anything() }),
    );
    const more = save({
      ...itsOk('Fine.'),
      whyTheyCare: { ...itsOk('Fine.').whyTheyCare, concerns: ['price', 'support'] },
    });
    expect(more.kind === 'write' && more.properties[PROPERTIES.openConcerns.name]).toBe('Cost of licences, Support');
  });

  it('gives one task per set of open concerns, keyed by their values: a renamed label is the same set', () => {
    const first = concernsTaskFor(
      '7',
      { values: ['price', 'missing_features'], labels: 'Price, Missing features' },
      TODAY,
    );
    expect(first.key).toBe('concerns:7:missing-features+price');
    const renamed = concernsTaskFor('7', { values: ['missing_features', 'price'], labels: 'Gaps, Cost' }, TODAY);
    expect(renamed.key).toBe(first.key);
    expect(concernsTaskFor('7', { values: ['price'], labels: 'Price' }, TODAY).key).not.toBe(first.key);
    expect(first.template.body).toContain('worry about: Price, Missing features');
    expect(renamed.template.body).toContain('worry about: Gaps, Cost');
    expect(first.template.assignee).toBe('owner');
  });
});

describe('win-win decision', () => {
  it('marks an expected exit only for "Who are you?" with no win-win, on the renewal date', () => {
    expect(isPlannedExit('who_are_you', 'no_win_win')).toBe(true);
    expect(isPlannedExit('its_ok', 'no_win_win')).toBe(false);
    expect(expectedExitOn('who_are_you', 'no_win_win', '2027-03-01')).toBe('2027-03-01');
    expect(expectedExitOn('who_are_you', 'win_win', '2027-03-01')).toBeNull();
  });

  it('follows up once, 14 days after the re-recruit started, while nobody decided', () => {
    const base = { bucket: 'who_are_you' as const, decision: null, reRecruitStartedOn: '2026-11-09', today: TODAY };
    expect(isFollowUpDue(base)).toBe(true);
    expect(isFollowUpDue({ ...base, decision: 'undecided' })).toBe(true);
    expect(isFollowUpDue({ ...base, reRecruitStartedOn: '2026-11-10' })).toBe(false);
    expect(isFollowUpDue({ ...base, decision: 'win_win' })).toBe(false);
    expect(isFollowUpDue({ ...base, bucket: 'its_ok' })).toBe(false);
    const intent = followUpTaskFor('9', '2026-11-09', TODAY);
    expect(intent.key).toBe('re_recruit_follow_up:9:2026-11-09');
    expect(intent.template.assignee).toBe('success_manager');
    expect(followUpTaskFor('9', '2026-06-26', TODAY).template.body).toMatch(
      /^They asked "Who are you\?" on 2026-06-26 \(150 days ago\) and nobody has decided yet\./,
    );
  });
});

describe('ask one buyer a day', () => {
  const candidate = (
    companyId: string,
    ownerId: string | null,
    askedOn: string | null,
    askTaskOn: string | null = null,
  ) => ({
    companyId,
    ownerId,
    askedOn,
    askTaskOn,
  });

  it('works on working days only', () => {
    expect(isWorkingDay(TODAY)).toBe(true);
    expect(isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(companiesToAsk([candidate('1', '501', null)], '2026-11-29')).toEqual([]);
  });

  it('picks per owner the customer never asked first, then the one asked longest ago', () => {
    const picks = companiesToAsk(
      [
        candidate('1', '501', '2026-01-10'),
        candidate('2', '501', null),
        candidate('3', '501', '2025-12-01'),
        candidate('4', '502', '2026-03-01'),
        candidate('5', '502', '2026-02-01'),
        candidate('6', null, null),
      ],
      TODAY,
    );
    expect(picks.map((pick) => pick.companyId)).toEqual(['2', '5']);
  });

  it('gives an owner nothing more on a day they got their task, nor when all were asked in 90 days', () => {
    const picks = companiesToAsk(
      [
        candidate('1', '501', null, TODAY),
        candidate('2', '501', null),
        candidate('3', '502', '2026-09-01'),
        candidate('4', '503', null, '2026-11-02'),
      ],
      TODAY,
    );
    expect(picks).toEqual([]);
  });

  it('names a decision maker, else a budget holder, else nobody', () => {
    const contact = (id: string, roles: string) => ({
      id,
      name: `Contact ${id}`,
      email: `c${id}@example.com`,
      buyingRoles: parseBuyingRoles(roles),
    });
    expect(buyerToCall([contact('3', 'BUDGET_HOLDER'), contact('2', 'CHAMPION;DECISION_MAKER')])).toMatchObject({
      id: '2',
      role: 'decision maker',
    });
    expect(buyerToCall([contact('3', 'BUDGET_HOLDER')])?.role).toBe('budget holder');
    expect(buyerToCall([contact('3', 'END_USER')])).toBeNull();
  });

  it('keys the task by company and day, and names the buyer in it', () => {
    const buyer = { id: '2', name: 'Dana Buyer', email: 'dana@acme.example', buyingRoles: [], role: 'decision maker' };
    const intent = askBuyerTaskFor('11', buyer, TODAY);
    expect(intent.key).toBe('ask_buyer:11:2026-11-23');
    expect(intent.dueDate).toBe(TODAY);
    expect(intent.template.body).toMatch(/^Call Dana Buyer \(decision maker, dana@acme\.example\) and ask them/);
    expect(askBuyerTaskFor('11', null, TODAY).template.body).toContain('find the buyer');
  });
});

describe('task brief', () => {
  const properties = {
    name: 'Granite Insurance',
    [PROPERTIES.answer.name]: 'Sorry, which product is this again?',
    [PROPERTIES.answeredByName.name]: 'Pat Buyer',
    [PROPERTIES.answeredByRole.name]: 'CFO',
    [PROPERTIES.askedOn.name]: '2026-11-02',
    [PROPERTIES.requiredOutcome.name]: 'Close the books in 3 days',
    [PROPERTIES.appropriateExperience.name]: '',
    [PROPERTIES.planStepsDone.name]: '1',
    [PROPERTIES.planStepsTotal.name]: '4',
    [PROPERTIES.planOverdueCustomer.name]: '2',
    [PROPERTIES.planOverdueUs.name]: '0',
    [PROPERTIES.renewalDate.name]: '2027-01-07',
    total_revenue: '48000',
  };

  it('names the company in the subject and gives every fact in the body', () => {
    const task = briefedTask(
      { subject: 'Re-recruit', body: 'Decide: win-win or exit.' },
      briefFromProperties(properties, { renewalDate: PROPERTIES.renewalDate.name, revenue: 'total_revenue' }),
    );
    expect(task.subject).toBe('Granite Insurance: Re-recruit');
    expect(task.body.split('\n')).toEqual([
      'Decide: win-win or exit.',
      'Why they care, in their words: "Sorry, which product is this again?" (Pat Buyer, CFO, asked on 2026-11-02).',
      'Desired outcome: Close the books in 3 days. How they need to get there: not recorded.',
      'Success plan: 1 of 4 steps done; overdue: 2 on their side, 0 on ours.',
      'Renewal: 2027-01-07. Revenue at stake: 48,000.',
    ]);
  });

  it('uses one token per fact in workflows mode', () => {
    const facts = briefTokens((property) => `<${property}>`, { renewalDate: 'contract_end', revenue: 'arr' });
    expect(briefedTask({ subject: 'Renewal', body: 'Renew.' }, facts).subject).toBe('<name>: Renewal');
    expect(facts.renewalDate).toBe('<contract_end>');
    expect(facts.revenue).toBe('<arr>');
  });
});

describe('play switches', () => {
  it('turns on the plays named, and only those', () => {
    expect(playSwitches(['lookalikes', 'ask_buyer'])).toEqual({
      lookalikes: true,
      concerns: false,
      exit: false,
      ask_buyer: true,
    });
  });
});
