import {
  bucketMoveFacts,
  defaultTagOptions,
  formatTagValues,
  moveDirection,
  parseTagValues,
  PROPERTIES,
  tagsApply,
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
