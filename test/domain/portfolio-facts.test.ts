import {
  type Bucket,
  bucketMoveFacts,
  defaultTagOptions,
  earliestDueCycleStart,
  formatTagValues,
  isStampOfCycle,
  moveDirection,
  parseTagValues,
  PROPERTIES,
  renewalCycleStart,
  renewalPlayFactsFor,
  renewalPlayStartsNow,
  tagsApply,
  type TaskIntent,
  unknownTags,
} from '@why-they-care/domain';

const AT = new Date('2026-11-23T10:00:00.000Z');

describe('bucketMoveFacts', () => {
  it('records where a company came from, when and by whom; nothing when the bucket did not move', () => {
    expect(bucketMoveFacts({ previous: 'its_ok', next: 'need_you', at: AT, by: 'am@example.com' })).toEqual({
      [PROPERTIES.previousBucket.name]: 'its_ok',
      [PROPERTIES.bucketMovedAt.name]: '2026-11-23T10:00:00.000Z',
      [PROPERTIES.bucketMovedBy.name]: 'am@example.com',
    });
    expect(bucketMoveFacts({ previous: 'its_ok', next: 'its_ok', at: AT, by: 'am@example.com' })).toEqual({});
    expect(bucketMoveFacts({ previous: null, next: null, at: AT, by: 'am@example.com' })).toEqual({});
  });

  it('starts a re-recruit play only on a move into "Who are you?"', () => {
    const into = bucketMoveFacts({ previous: 'need_you', next: 'who_are_you', at: AT, by: 'HubSpot user 7' });
    expect(into[PROPERTIES.reRecruitAt.name]).toBe('2026-11-23T10:00:00.000Z');
    const first = bucketMoveFacts({ previous: null, next: 'who_are_you', at: AT, by: 'HubSpot user 7' });
    expect(first).toMatchObject({
      [PROPERTIES.previousBucket.name]: '',
      [PROPERTIES.reRecruitAt.name]: AT.toISOString(),
    });
    const out = bucketMoveFacts({ previous: 'who_are_you', next: 'its_ok', at: AT, by: 'am@example.com' });
    expect(out).not.toHaveProperty(PROPERTIES.reRecruitAt.name);
    expect(bucketMoveFacts({ previous: 'its_ok', next: null, at: AT, by: 'x' })).toMatchObject({
      [PROPERTIES.previousBucket.name]: 'its_ok',
    });
  });

  it('calls a move toward "We need you" up, and the opposite down', () => {
    expect(moveDirection('who_are_you', 'its_ok')).toBe('up');
    expect(moveDirection('who_are_you', 'need_you')).toBe('up');
    expect(moveDirection('need_you', 'who_are_you')).toBe('down');
    expect(moveDirection('its_ok', 'its_ok')).toBeNull();
    expect(moveDirection(null, 'need_you')).toBeNull();
  });
});

describe('answer tags', () => {
  it('apply to their buckets: value themes to "We need you", concerns to the others', () => {
    expect(tagsApply('valueThemes', 'need_you')).toBe(true);
    expect(tagsApply('valueThemes', 'its_ok')).toBe(false);
    expect(tagsApply('concerns', 'its_ok')).toBe(true);
    expect(tagsApply('concerns', 'who_are_you')).toBe(true);
    expect(tagsApply('concerns', null)).toBe(false);
  });

  it('are stored once each, in one order, as HubSpot keeps a checkbox property', () => {
    expect(formatTagValues(['price', 'adoption', 'price'])).toBe('adoption;price');
    expect(parseTagValues(' price;;adoption;price ')).toEqual(['adoption', 'price']);
    expect(parseTagValues(null)).toEqual([]);
  });

  it('are checked against the account lists for the bucket they describe', () => {
    const options = defaultTagOptions();
    expect(unknownTags({ bucket: 'need_you', valueThemes: ['saves_time'], concerns: ['gone'] }, options)).toEqual({});
    expect(unknownTags({ bucket: 'need_you', valueThemes: ['magic'], concerns: [] }, options)).toEqual({
      'profile.whyTheyCare.valueThemes': ['Not in the list of "Why they need us" (ask your HubSpot admin): magic'],
    });
  });
});

describe('the "It\'s OK" renewal play', () => {
  const LEAD = 90;
  const TODAY = '2026-11-23';
  const renewal = (intentKind: 'renewal' | 'stalled_plan') =>
    ({
      key: `${intentKind}:7:2027-01-10`,
      companyId: '7',
      template: { kind: intentKind },
      dueDate: '2026-11-30',
    }) as TaskIntent;

  it('starts, in direct mode, with the renewal task of a company that is "It\'s OK" when it is created', () => {
    expect(renewalPlayFactsFor(renewal('renewal'), 'its_ok', AT)).toEqual({
      [PROPERTIES.renewalPlayAt.name]: '2026-11-23T10:00:00.000Z',
    });
    expect(renewalPlayFactsFor(renewal('renewal'), 'need_you', AT)).toEqual({});
    expect(renewalPlayFactsFor(renewal('renewal'), null, AT)).toEqual({});
    expect(renewalPlayFactsFor(renewal('stalled_plan'), 'its_ok', AT)).toEqual({});
  });

  it('starts, in workflows mode, once per renewal cycle for "It\'s OK" inside the renewal task\'s window', () => {
    const company = (renewalDate: string | null, renewalPlayOn: string | null = null, bucket: Bucket = 'its_ok') => ({
      bucket,
      renewalDate,
      renewalPlayOn,
    });
    // The window: today to today + lead days, as the renewal workflow and the direct task rule use it.
    expect(renewalPlayStartsNow(company('2027-02-21'), TODAY, LEAD)).toBe(true);
    expect(renewalPlayStartsNow(company('2026-11-23'), TODAY, LEAD)).toBe(true);
    expect(renewalPlayStartsNow(company('2027-02-22'), TODAY, LEAD)).toBe(false);
    expect(renewalPlayStartsNow(company('2026-11-22'), TODAY, LEAD)).toBe(false);
    expect(renewalPlayStartsNow(company(null), TODAY, LEAD)).toBe(false);
    expect(renewalPlayStartsNow(company('2027-01-10', null, 'need_you'), TODAY, LEAD)).toBe(false);
    // Stamped in this cycle (on or after 2026-10-12, the renewal date less the lead days): not again.
    expect(renewalPlayStartsNow(company('2027-01-10', '2026-10-12'), TODAY, LEAD)).toBe(false);
    expect(renewalPlayStartsNow(company('2027-01-10', '2026-11-23'), TODAY, LEAD)).toBe(false);
    // Stamped for the cycle before: this one starts.
    expect(renewalPlayStartsNow(company('2027-01-10', '2026-10-11'), TODAY, LEAD)).toBe(true);
    expect(renewalPlayStartsNow(company('2027-01-10', '2025-10-12'), TODAY, LEAD)).toBe(true);
  });

  it('tells a stamp of this cycle from an older one, and how old a stamp a search may skip', () => {
    expect(renewalCycleStart('2027-01-10', LEAD)).toBe('2026-10-12');
    expect(isStampOfCycle('2026-10-12', '2027-01-10', LEAD)).toBe(true);
    expect(isStampOfCycle('2026-10-11', '2027-01-10', LEAD)).toBe(false);
    expect(isStampOfCycle(null, '2027-01-10', LEAD)).toBe(false);
    // Every cycle due today starts on or after this day: an older stamp is of an earlier cycle.
    expect(earliestDueCycleStart(TODAY, LEAD)).toBe('2026-08-25');
    expect(renewalCycleStart(TODAY, LEAD)).toBe(earliestDueCycleStart(TODAY, LEAD));
  });
});
