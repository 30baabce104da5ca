import {
  addDays,
  BUCKET_VALUES,
  mustExist,
  profileContentProperties,
  profileStampProperties,
  type ProfileDraft,
} from '@why-they-care/domain';

import { type SandboxRecord, type SandboxState } from '@why-they-care/hubspot-sandbox';

import { demoAccount } from '../src/cli/demo-account';

/** The item `index` lands on, going round and round the list. */
export const roundRobin = <T>(list: readonly T[], index: number): T =>
  mustExist(list[index % list.length], 'an item of a non-empty list');

/**
 * A sandbox account with `count` filled-in companies: every third in each bucket, renewals spread over
 * the next year (about a quarter inside a 90-day window), every fifth plan stalled.
 */
export const accountWithCompanies = (count: number, now: Date): SandboxState => {
  const state = demoAccount(now);
  const today = now.toISOString().slice(0, 10);
  const companies: Record<string, SandboxRecord> = {};
  for (let index = 0; index < count; index += 1) {
    const id = String(200_000 + index);
    const bucket = roundRobin(BUCKET_VALUES, index);
    const draft: ProfileDraft = {
      whyTheyCare: {
        bucket,
        answer: `Answer ${index}`,
        answeredByName: 'Jordan',
        answeredByRole: 'COO',
        askedOn: today,
        valueThemes: [],
        concerns: [],
      },
      desiredOutcome: { requiredOutcome: 'Outcome', appropriateExperience: 'Experience', metrics: [] },
      successPlan: {
        steps: [
          {
            id: 's1',
            title: 'Step',
            ownerSide: index % 2 ? 'us' : 'customer',
            ownerName: '',
            dueDate: addDays(today, index % 5 === 0 ? -3 : 10),
            status: 'not_started',
          },
        ],
      },
      health: { customerHappiness: (index % 4) + 1, companyHappiness: ((index + 1) % 4) + 1 },
      renewalDate: addDays(today, (index * 7) % 365),
      segment: null,
      advocacy: { willingness: null, forWhat: '' },
      leftOn: null,
      winWin: { decision: null, reason: '' },
    };
    const properties = {
      hs_object_id: id,
      name: `Company ${index}`,
      hubspot_owner_id: roundRobin(['502', '503'], index),
      ...profileContentProperties(draft, today),
      ...profileStampProperties({
        version: 1,
        saveId: `bench-${id}`,
        reviewedAt: now.toISOString(),
        reviewedBy: 'bench@example.com',
      }),
      ...(bucket === 'who_are_you' ? { wtc_re_recruit_task_key: `re_recruit:${id}:v1` } : {}),
    };
    companies[id] = {
      id,
      properties,
      history: {},
      associations: { companies: [] },
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
  }
  return { ...state, companies };
};

export const benchCompanyIds = (count: number) => Array.from({ length: count }, (_, index) => String(200_000 + index));
