import { type ProfileDraft, PROFILE_READ_PROPERTIES, PROPERTIES } from '@why-they-care/domain';
import { type CrmObject, type PropertyHistoryEntry } from '@why-they-care/hubspot-contract';
import { type SandboxRecord } from '@why-they-care/hubspot-sandbox';

import { BUCKET_HISTORY_PROPERTIES } from '../../src/profile/bucket-history';

export const NOW = new Date('2026-11-23T10:00:00.000Z');
export const COMPANY_ID = '5150';

/** What a task says about the company (plays/task-brief.ts), read by every reader that may create one. */
export const BRIEF_READ = [
  'name',
  'wtc_answer',
  'wtc_answered_by_name',
  'wtc_answered_by_role',
  'wtc_asked_on',
  'wtc_required_outcome',
  'wtc_appropriate_experience',
  'wtc_plan_steps_done',
  'wtc_plan_steps_total',
  'wtc_plan_overdue_customer',
  'wtc_plan_overdue_us',
  'wtc_renewal_date',
  'total_revenue',
];

/** A webhook's batch read of the companies it names: the move, its re-recruit keys, and the task's brief. */
export const MOVE_READ = {
  properties: [
    'wtc_bucket',
    'wtc_previous_bucket',
    'wtc_bucket_moved_at',
    'wtc_bucket_moved_by',
    'wtc_re_recruit_at',
    'wtc_re_recruit_task_key',
    'wtc_re_recruit_task_pending',
    'wtc_success_manager',
    'hubspot_owner_id',
    ...BRIEF_READ,
  ],
  propertiesWithHistory: ['wtc_bucket', 'wtc_last_reviewed_by', 'wtc_version'],
};

/** The query the backend sends to read one profile: every app property plus two histories. */
export const PROFILE_QUERY = {
  properties: [...PROFILE_READ_PROPERTIES, 'total_revenue'],
  propertiesWithHistory: [...BUCKET_HISTORY_PROPERTIES],
};

export const companyResponse = (
  properties: Record<string, string | null>,
  history: Record<string, PropertyHistoryEntry[]> = {},
): CrmObject => ({
  id: COMPANY_ID,
  properties: { hs_object_id: COMPANY_ID, name: 'Acme Corp', ...properties },
  propertiesWithHistory: history,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  archived: false,
});

export const draft = (overrides: Partial<ProfileDraft> = {}): ProfileDraft => ({
  whyTheyCare: {
    bucket: 'who_are_you',
    answer: 'Honestly, we forgot what you do for us.',
    answeredByName: 'Pat Lee',
    answeredByRole: 'CFO',
    askedOn: '2026-11-20',
    valueThemes: [],
    concerns: ['price'],
  },
  desiredOutcome: {
    requiredOutcome: 'Cut invoice processing cost by half',
    appropriateExperience: 'Self-serve, no tickets',
    metrics: [{ id: 'm1', name: 'Cost per invoice', unit: 'USD', baseline: 4, current: 3.5, target: 2 }],
  },
  successPlan: {
    steps: [
      {
        id: 's1',
        title: 'Map stakeholders',
        ownerSide: 'us',
        ownerName: 'Sam',
        dueDate: '2026-11-30',
        status: 'not_started',
      },
    ],
  },
  health: { customerHappiness: 2, companyHappiness: 2 },
  renewalDate: '2027-01-31',
  segment: null,
  advocacy: { willingness: null, forWhat: '' },
  leftOn: null,
  winWin: { decision: null, reason: '' },
  ...overrides,
});

/** The properties `draft()` is stored as (saved on NOW), spelled out for the tests that assert exact bodies. */
export const DRAFT_PROPERTIES = {
  wtc_bucket: 'who_are_you',
  wtc_answer: 'Honestly, we forgot what you do for us.',
  wtc_answered_by_name: 'Pat Lee',
  wtc_answered_by_role: 'CFO',
  wtc_asked_on: '2026-11-20',
  wtc_concerns: 'price',
  wtc_required_outcome: 'Cut invoice processing cost by half',
  wtc_appropriate_experience: 'Self-serve, no tickets',
  wtc_success_metrics: '[{"id":"m1","name":"Cost per invoice","unit":"USD","baseline":4,"current":3.5,"target":2}]',
  wtc_plan_steps:
    '[{"id":"s1","title":"Map stakeholders","ownerSide":"us","ownerName":"Sam","dueDate":"2026-11-30","status":"not_started"}]',
  wtc_plan_steps_total: '1',
  wtc_plan_steps_done: '0',
  wtc_plan_overdue_customer: '0',
  wtc_plan_overdue_us: '0',
  wtc_plan_next_due: '2026-11-30',
  wtc_plan_next_due_us: '2026-11-30',
  wtc_customer_happiness: '2',
  wtc_company_happiness: '2',
  wtc_quadrant: 'let_go',
  wtc_renewal_date: '2027-01-31',
};

/** The facts a save at NOW by am@example.com leaves when it moves the company out of `from`. */
export const moveFacts = (from: string) => ({
  wtc_previous_bucket: from,
  wtc_bucket_moved_at: '2026-11-23T10:00:00.000Z',
  wtc_bucket_moved_by: 'am@example.com',
});

/** The stamp a save of request 'save-request-0001' over version 3 by am@example.com at NOW writes. */
export const SAVE_STAMP = {
  wtc_version: '4',
  wtc_last_save_id: 'save-request-0001',
  wtc_last_reviewed_at: '2026-11-23T10:00:00.000Z',
  wtc_last_reviewed_by: 'am@example.com',
};

/** The properties a stored version-N profile of `draft()` has in HubSpot. */
export const storedProperties = (version: number, saveId = 'earlier-save-0001') => ({
  [PROPERTIES.bucket.name]: 'its_ok',
  [PROPERTIES.answer.name]: 'It is fine.',
  [PROPERTIES.version.name]: String(version),
  [PROPERTIES.lastSaveId.name]: saveId,
  [PROPERTIES.lastReviewedAt.name]: '2026-10-01T09:00:00.000Z',
  [PROPERTIES.lastReviewedBy.name]: 'old@example.com',
});

/** A company record as the sandbox stores it, owned by owner 502 (team Enterprise). */
export const sandboxCompany = (id: string, name: string, properties: Record<string, string>): SandboxRecord => ({
  id,
  properties: { hs_object_id: id, name, hubspot_owner_id: '502', ...properties },
  history: {},
  associations: { companies: [] },
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
});

/** The account's tag properties as HubSpot's batch read of property definitions answers them. */
export const TAG_PROPERTIES_READ = {
  path: '/crm/v3/properties/companies/batch/read',
  body: { archived: false, inputs: [{ name: 'wtc_value_themes' }, { name: 'wtc_concerns' }] },
  answer: (
    options: { valueThemes: string[]; concerns: string[] } = { valueThemes: ['saves_time'], concerns: ['price'] },
  ) => ({
    status: 'COMPLETE',
    startedAt: '2026-11-23T10:00:00.000Z',
    completedAt: '2026-11-23T10:00:00.000Z',
    results: Object.entries({ wtc_value_themes: options.valueThemes, wtc_concerns: options.concerns }).map(
      ([name, values]) => ({
        name,
        label: name,
        type: 'enumeration',
        fieldType: 'checkbox',
        groupName: 'why_they_care',
        description: '',
        options: values.map((value, displayOrder) => ({ value, label: value, displayOrder, hidden: false })),
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      }),
    ),
  }),
};
