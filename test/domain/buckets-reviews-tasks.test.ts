import {
  BUCKET_VALUES,
  isReviewStale,
  missedReRecruitTaskFor,
  parseBucket,
  REVIEW_STALE_AFTER_DAYS,
  reRecruitTaskFor,
} from '@why-they-care/domain';

const TODAY = '2026-11-23';

describe('parseBucket', () => {
  it('reads each bucket the app writes', () => {
    expect(BUCKET_VALUES.map(parseBucket)).toEqual(BUCKET_VALUES);
  });

  it.each([null, undefined, '', 'Who are you?', 'WHO_ARE_YOU', '__proto__', 'toString'])(
    'reads %p as no bucket',
    (value) => {
      expect(parseBucket(value)).toBeNull();
    },
  );
});

describe('review staleness', () => {
  it(`is stale after ${REVIEW_STALE_AFTER_DAYS} days, or when never reviewed`, () => {
    expect(isReviewStale('2026-08-25T16:00:00.000Z', TODAY)).toBe(false); // 90 days
    expect(isReviewStale('2026-08-24T08:00:00.000Z', TODAY)).toBe(true); // 91 days
    expect(isReviewStale(null, TODAY)).toBe(true);
  });

  it('counts a review stamped later than today (another time zone) as today, not as stale', () => {
    expect(isReviewStale('2026-11-24T01:00:00.000Z', TODAY)).toBe(false);
  });
});

describe('the re-recruit task the scheduled run creates', () => {
  const company = { companyId: '1001', bucket: 'who_are_you' as const, version: 7, lastReRecruitTaskKey: null };

  it('is the one a save at that version would have created', () => {
    expect(missedReRecruitTaskFor(company, TODAY)).toEqual(
      reRecruitTaskFor({
        companyId: '1001',
        previousBucket: 'its_ok',
        nextBucket: 'who_are_you',
        savedVersion: 7,
        today: TODAY,
      }),
    );
    expect(missedReRecruitTaskFor(company, TODAY)?.key).toBe('re_recruit:1001:v7');
  });

  it('is not created again once a task is recorded, nor outside "Who are you?"', () => {
    expect(missedReRecruitTaskFor({ ...company, lastReRecruitTaskKey: 're_recruit:1001:v7' }, TODAY)).toBeNull();
    expect(missedReRecruitTaskFor({ ...company, bucket: 'its_ok' }, TODAY)).toBeNull();
    expect(missedReRecruitTaskFor({ ...company, bucket: null }, TODAY)).toBeNull();
  });
});
