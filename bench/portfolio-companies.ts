import { addDays, BUCKET_VALUES, PROPERTIES, QUADRANT_VALUES, TAGS, toIsoDate } from '@why-they-care/domain';
import { type SandboxRecord, type SandboxState } from '@why-they-care/hubspot-sandbox';

import { demoAccount } from '../src/cli/demo-account';

/**
 * A sandbox account whose `count` companies have a known, varied history: every fact the home page counts
 * (buckets and the moves behind them, re-recruit starts, "It's OK" renewal plays, customers who left, quadrants, late plan steps
 * on each side, renewals, tags, when they were asked, owners, revenue), drawn from a seeded generator so
 * the same count always gives the same account. Values fall on both sides of every window's edge.
 */

const DAY_MS = 86_400_000;
const OWNER_IDS = ['501', '502', '503', '504'];
const FIRST_ID = 300_000;

/** mulberry32: a small seeded generator, so the account is the same on every run. */
const seeded = (seed: number) => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    chance: (probability: number) => next() < probability,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    subset: <T>(items: readonly T[]): T[] => items.filter(() => next() < 0.3),
  };
};

const companyProperties = (index: number, now: Date, random: ReturnType<typeof seeded>): Record<string, string> => {
  const today = toIsoDate(now);
  const day = (offset: number) => addDays(today, offset);
  const instant = (daysAgo: number) =>
    new Date(now.getTime() - daysAgo * DAY_MS - random.int(0, DAY_MS - 1)).toISOString();
  const bucket = random.chance(0.2) ? '' : random.pick(BUCKET_VALUES);
  const moved = bucket !== '' && random.chance(0.5);
  const themes = bucket === 'need_you' ? random.subset(TAGS.valueThemes.defaults.map((option) => option.value)) : [];
  const concerns =
    bucket === 'its_ok' || bucket === 'who_are_you'
      ? random.subset(TAGS.concerns.defaults.map((option) => option.value))
      : [];
  const values: Record<string, string> = {
    name: `Portfolio company ${index}`,
    lifecyclestage: random.chance(0.85) ? 'customer' : 'opportunity',
    hubspot_owner_id: random.chance(0.05) ? '' : random.pick(OWNER_IDS),
    total_revenue: random.chance(0.6) ? String(random.int(1, 500) * 100) : '',
    [PROPERTIES.bucket.name]: bucket,
    [PROPERTIES.previousBucket.name]: moved
      ? random.pick(['', ...BUCKET_VALUES.filter((other) => other !== bucket)])
      : '',
    [PROPERTIES.bucketMovedAt.name]: moved ? instant(random.int(0, 200)) : '',
    [PROPERTIES.reRecruitAt.name]: random.chance(0.25) ? instant(random.int(0, 300)) : '',
    [PROPERTIES.leftOn.name]: random.chance(0.06) ? day(-random.int(0, 200)) : '',
    [PROPERTIES.quadrant.name]: random.chance(0.7) ? random.pick(QUADRANT_VALUES) : '',
    [PROPERTIES.companyHappiness.name]: random.chance(0.7) ? String(random.int(1, 4)) : '',
    [PROPERTIES.planNextDueCustomer.name]: random.chance(0.4) ? day(random.int(-40, 40)) : '',
    [PROPERTIES.planNextDueUs.name]: random.chance(0.4) ? day(random.int(-40, 40)) : '',
    [PROPERTIES.renewalDate.name]: random.chance(0.7) ? day(random.int(-60, 200)) : '',
    [PROPERTIES.askedOn.name]: bucket ? day(-random.int(0, 200)) : '',
    [PROPERTIES.valueThemes.name]: themes.join(';'),
    [PROPERTIES.concerns.name]: concerns.join(';'),
  };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
};

/**
 * When an "It's OK" renewal play started, for about half the companies that were "It's OK" at some point (still,
 * moved away from it, or left since): each outcome the home page counts, on both sides of its window. Drawn
 * from a generator of its own, so the rest of the account stays as it was before these plays were counted.
 */
const withRenewalPlay = (
  values: Record<string, string>,
  now: Date,
  random: ReturnType<typeof seeded>,
): Record<string, string> => {
  const wasItsOk =
    values[PROPERTIES.bucket.name] === 'its_ok' ||
    values[PROPERTIES.previousBucket.name] === 'its_ok' ||
    PROPERTIES.leftOn.name in values;
  if (!wasItsOk || !random.chance(0.5)) return values;
  const at = new Date(now.getTime() - random.int(0, 300) * DAY_MS - random.int(0, DAY_MS - 1));
  return { ...values, [PROPERTIES.renewalPlayAt.name]: at.toISOString() };
};

/** The demo account's owners, with `count` generated companies instead of its dozen. */
export const portfolioAccount = (count: number, now: Date, seed = 11): SandboxState => {
  const random = seeded(seed);
  const plays = seeded(seed + 1);
  const companies: Record<string, SandboxRecord> = {};
  for (let index = 0; index < count; index += 1) {
    const id = String(FIRST_ID + index);
    companies[id] = {
      id,
      properties: { hs_object_id: id, ...withRenewalPlay(companyProperties(index, now, random), now, plays) },
      history: {},
      associations: { companies: [] },
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
  }
  return { ...demoAccount(now), companies };
};
