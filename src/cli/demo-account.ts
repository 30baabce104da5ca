import {
  addDays,
  type Bucket,
  bucketMoveFacts,
  type PlanStep,
  profileContentProperties,
  type ProfileDraft,
  profileStampProperties,
  renewalPlayStartFacts,
  reRecruitStartFacts,
  toIsoDate,
} from '@why-they-care/domain';
import { PLAN_TEMPLATES_FILE, SOURCE_TYPE } from '@why-they-care/hubspot-contract';
import {
  emptyAccount,
  type SandboxFile,
  type SandboxOwner,
  type SandboxRecord,
  type SandboxState,
} from '@why-they-care/hubspot-sandbox';

import exampleTemplates from '../../plan-templates/example.json';

import { demoContacts, demoDecision, demoProspects, playCompanyFacts } from './demo-plays';
import { SANDBOX_PORTAL_ID } from './sandbox-mode';

/**
 * The demo account sandbox mode starts from: Why They Care's profiles already filled in on a dozen
 * companies, so the card, the lists and the automation have something to show before anyone types.
 */

const OWNERS: SandboxOwner[] = [
  {
    id: '501',
    userId: 9001,
    email: 'maria.manager@example.com',
    firstName: 'Maria',
    lastName: 'Manager',
    teams: [{ id: '11', name: 'Enterprise', primary: true }],
  },
  {
    id: '502',
    userId: 9002,
    email: 'eli.enterprise@example.com',
    firstName: 'Eli',
    lastName: 'Enterprise',
    teams: [{ id: '11', name: 'Enterprise', primary: true }],
  },
  {
    id: '503',
    userId: 9003,
    email: 'gus.growth@example.com',
    firstName: 'Gus',
    lastName: 'Growth',
    teams: [{ id: '22', name: 'Growth', primary: true }],
  },
  {
    id: '504',
    userId: 9004,
    email: 'greta.lead@example.com',
    firstName: 'Greta',
    lastName: 'Lead',
    teams: [{ id: '22', name: 'Growth', primary: true }],
  },
];

type Seed = {
  name: string;
  owner: string;
  bucket: Bucket | null;
  answer: string;
  happiness: [number, number] | null;
  renewalInDays: number | null;
  overdueSteps: number;
  /** Value themes for "We need you", concerns for the others (option values of the default lists). */
  tags: string[];
  /** The company's closed-won total (HubSpot's total_revenue). */
  revenue: number;
  /** The latest move of the bucket, days ago (what the home page's movement matrix shows). */
  moved?: { from: Bucket | null; daysAgo: number };
  /** When its re-recruit play started, days ago (a move into "Who are you?" starts one). */
  reRecruitDaysAgo?: number;
  /** When its "It's OK" renewal play started, days ago (its renewal task, created while it was "It's OK"). */
  renewalPlayDaysAgo?: number;
  /** When they were asked, days ago (default 20). */
  askedDaysAgo?: number;
  /** When they left us, days ago. */
  leftDaysAgo?: number;
};

/**
 * Who answered, and what they must achieve and how, in their words: each company its own, so the card, the
 * tasks' briefs and the shared plan read like a real portfolio. A company not listed gets the default voice.
 */
type Voice = {
  by: string;
  role: string;
  outcome: string;
  experience: string;
  /** Their own success metric: where they started, where they are, where they must get. */
  metric: { name: string; unit: string; baseline: number; current: number; target: number };
};

const DEFAULT_VOICE: Voice = {
  by: 'Jordan Rivera',
  role: 'VP Operations',
  outcome: 'Cut the monthly close from 9 days to 3',
  experience: 'Without weekend work, from one dashboard',
  metric: { name: 'Days to close', unit: 'days', baseline: 9, current: 6, target: 3 },
};

const VOICES: Record<string, Voice> = {
  'Acme Logistics': {
    by: 'Lena Vogt',
    role: 'Head of Dispatch',
    outcome: 'Route every truck before 6 am, every day',
    experience: 'Planned the evening before, changed in minutes when a driver calls in sick',
    metric: { name: 'Trucks routed by 6 am', unit: '%', baseline: 70, current: 96, target: 100 },
  },
  'Birch Dental Group': {
    by: 'Dr. Jonas Weber',
    role: 'Managing Partner',
    outcome: 'Keep no-shows under 5% in all 14 practices',
    experience: 'Reminders patients answer, without extra work at the front desk',
    metric: { name: 'No-shows', unit: '%', baseline: 11, current: 5, target: 5 },
  },
  'Cobalt Mining': {
    by: 'Petra Lang',
    role: 'COO',
    outcome: 'Zero unplanned stops of the crushers',
    experience: 'Maintenance planned from the sensors, not from the calendar',
    metric: { name: 'Unplanned stops a quarter', unit: 'stops', baseline: 9, current: 2, target: 0 },
  },
  'Evergreen Schools': {
    by: 'Maya Brooks',
    role: 'Director of IT',
    outcome: 'One login for every teacher tool by next school year',
    experience: 'Rolled out over the summer, with no training days',
    metric: { name: 'Tools behind one login', unit: 'tools', baseline: 3, current: 8, target: 14 },
  },
  'Granite Insurance': {
    by: 'Victor Hale',
    role: 'CFO',
    outcome: 'Consolidate onto the group platform within a year',
    experience: 'With no gap in claims reporting during the move',
    metric: { name: 'Claims reports missed', unit: 'reports', baseline: 0, current: 0, target: 0 },
  },
  'Harbor Clinics': {
    by: 'Aisha Karim',
    role: 'CFO',
    outcome: 'Cut billing days outstanding from 60 to 35',
    experience: 'Without adding billing staff',
    metric: { name: 'Billing days outstanding', unit: 'days', baseline: 60, current: 52, target: 35 },
  },
  'Iris Analytics': {
    by: 'Tom Becker',
    role: 'CTO',
    outcome: 'Own the data pipeline end to end',
    experience: 'In house, on their own cloud account',
    metric: { name: 'Pipelines run in house', unit: '%', baseline: 0, current: 40, target: 100 },
  },
  'Lumen Energy': {
    by: 'Sofia Marin',
    role: 'VP Customer Operations',
    outcome: 'Answer every outage call within 2 minutes',
    experience: 'From one screen, even on storm nights',
    metric: { name: 'Outage calls answered in 2 min', unit: '%', baseline: 62, current: 91, target: 95 },
  },
};

const SEEDS: Seed[] = [
  {
    name: 'Acme Logistics',
    owner: '502',
    bucket: 'need_you',
    answer: 'Our dispatchers live in your tool: we could not route trucks without it.',
    happiness: [4, 4],
    renewalInDays: 60,
    overdueSteps: 0,
    tags: ['saves_time', 'fits_their_stack'],
    revenue: 480_000,
  },
  {
    name: 'Birch Dental Group',
    owner: '503',
    bucket: 'need_you',
    answer: 'You cut our no-shows in half. That is the whole reason.',
    happiness: [4, 2],
    renewalInDays: 200,
    overdueSteps: 0,
    tags: ['grows_revenue'],
    revenue: 95_000,
    // Won over at its last renewal: its "It's OK" renewal play ended in a move up.
    moved: { from: 'its_ok', daysAgo: 12 },
    renewalPlayDaysAgo: 150,
  },
  {
    name: 'Cobalt Mining',
    owner: '502',
    bucket: 'need_you',
    answer: 'Compliance reports are done in a day instead of a week.',
    happiness: [3, 3],
    renewalInDays: 30,
    overdueSteps: 1,
    tags: ['reduces_risk', 'saves_time'],
    revenue: 210_000,
    // Re-recruited: moved back up from "Who are you?" after its play.
    moved: { from: 'who_are_you', daysAgo: 45 },
    reRecruitDaysAgo: 120,
  },
  {
    name: 'Delta Foods',
    owner: '503',
    bucket: 'its_ok',
    answer: 'It works. Procurement asked us to look at two cheaper options.',
    happiness: [2, 4],
    renewalInDays: 75,
    overdueSteps: 2,
    tags: ['price', 'competitor'],
    revenue: 320_000,
    moved: { from: 'need_you', daysAgo: 25 },
    // Renewing in 75 days: its renewal task came 90 days before.
    renewalPlayDaysAgo: 15,
  },
  {
    name: 'Evergreen Schools',
    owner: '502',
    bucket: 'its_ok',
    answer: 'Teachers like it, IT thinks it is one tool too many.',
    happiness: [3, 2],
    renewalInDays: 150,
    overdueSteps: 0,
    tags: ['adoption'],
    revenue: 60_000,
    askedDaysAgo: 130,
  },
  {
    name: 'Fjord Shipping',
    owner: '503',
    bucket: 'its_ok',
    answer: 'Fine for now. The reporting is clunky.',
    happiness: [2, 2],
    renewalInDays: 20,
    overdueSteps: 1,
    tags: ['missing_features'],
    revenue: 140_000,
    moved: { from: 'need_you', daysAgo: 70 },
    renewalPlayDaysAgo: 70,
  },
  {
    name: 'Granite Insurance',
    owner: '502',
    bucket: 'who_are_you',
    answer: 'Sorry, which product is this again?',
    happiness: [1, 3],
    renewalInDays: 45,
    overdueSteps: 0,
    tags: ['sponsor_left'],
    revenue: 250_000,
    // Its renewal play started while it was "It's OK"; it moved down since.
    moved: { from: 'its_ok', daysAgo: 18 },
    reRecruitDaysAgo: 18,
    renewalPlayDaysAgo: 45,
  },
  {
    name: 'Harbor Clinics',
    owner: '503',
    bucket: 'who_are_you',
    answer: 'Our new CFO does not know why we pay for you.',
    happiness: [1, 1],
    renewalInDays: 300,
    overdueSteps: 3,
    tags: ['sponsor_left', 'price'],
    revenue: 75_000,
    moved: { from: 'its_ok', daysAgo: 100 },
    reRecruitDaysAgo: 100,
    askedDaysAgo: 100,
  },
  {
    name: 'Iris Analytics',
    owner: '502',
    bucket: 'who_are_you',
    answer: 'We outgrew it; we built our own.',
    happiness: [2, 1],
    renewalInDays: null,
    overdueSteps: 0,
    tags: ['missing_features'],
    revenue: 40_000,
    reRecruitDaysAgo: 150,
    renewalPlayDaysAgo: 170,
    leftDaysAgo: 30,
    askedDaysAgo: 160,
  },
  {
    name: 'Juniper Retail',
    owner: '503',
    bucket: null,
    answer: '',
    happiness: null,
    renewalInDays: 80,
    overdueSteps: 0,
    tags: [],
    revenue: 55_000,
  },
  {
    name: 'Kestrel Aviation',
    owner: '502',
    bucket: null,
    answer: '',
    happiness: null,
    renewalInDays: null,
    overdueSteps: 0,
    tags: [],
    revenue: 30_000,
  },
  {
    name: 'Lumen Energy',
    owner: '503',
    bucket: 'need_you',
    answer: 'Your team answers before we finish the question.',
    happiness: [4, 3],
    renewalInDays: 100,
    overdueSteps: 0,
    tags: ['our_people'],
    revenue: 180_000,
    moved: { from: 'its_ok', daysAgo: 60 },
    renewalPlayDaysAgo: 120,
  },
];

const stepsFor = (seed: Seed, today: string): PlanStep[] => {
  if (!seed.bucket) return [];
  const overdue = Array.from({ length: seed.overdueSteps }, (_, index): PlanStep => ({
    id: `o${index + 1}`,
    title: index % 2 ? 'Customer shares usage data' : 'Run the quarterly value review',
    ownerSide: index % 2 ? 'customer' : 'us',
    ownerName: index % 2 ? 'Their ops lead' : 'Account manager',
    dueDate: addDays(today, -7 * (index + 1)),
    status: 'in_progress',
  }));
  return [
    {
      id: 'k1',
      title: 'Kick-off with the buyer',
      ownerSide: 'us',
      ownerName: 'Account manager',
      dueDate: addDays(today, -60),
      status: 'done',
    },
    ...overdue,
    {
      id: 'n1',
      title: 'Agree the success metrics',
      ownerSide: 'customer',
      ownerName: 'Their sponsor',
      dueDate: addDays(today, 14),
      status: 'not_started',
    },
  ];
};

const draftFor = (seed: Seed, today: string, voice = VOICES[seed.name] ?? DEFAULT_VOICE): ProfileDraft => ({
  whyTheyCare: {
    bucket: seed.bucket,
    answer: seed.answer,
    answeredByName: seed.bucket ? voice.by : '',
    answeredByRole: seed.bucket ? voice.role : '',
    askedOn: seed.bucket ? addDays(today, -(seed.askedDaysAgo ?? 20)) : null,
    valueThemes: seed.bucket === 'need_you' ? seed.tags : [],
    concerns: seed.bucket === 'need_you' ? [] : seed.tags,
  },
  desiredOutcome: {
    requiredOutcome: seed.bucket ? voice.outcome : '',
    appropriateExperience: seed.bucket ? voice.experience : '',
    metrics: seed.bucket ? [{ id: 'm1', ...voice.metric }] : [],
  },
  successPlan: { steps: stepsFor(seed, today) },
  health: { customerHappiness: seed.happiness?.[0] ?? null, companyHappiness: seed.happiness?.[1] ?? null },
  renewalDate: seed.renewalInDays === null ? null : addDays(today, seed.renewalInDays),
  segment: seed.bucket === 'need_you' ? 'guided-rollout' : null,
  // The happiest "We need you" customers said yes: the "Ready to advocate" list has someone in it.
  advocacy:
    seed.bucket === 'need_you' && seed.happiness?.[0] === 4 && seed.happiness[1] === 4
      ? { willingness: 'reference', forWhat: 'Dispatch at scale, for logistics prospects' }
      : { willingness: null, forWhat: '' },
  leftOn: seed.leftDaysAgo === undefined ? null : addDays(today, -seed.leftDaysAgo),
  winWin: demoDecision(seed.name),
});

const DAY_MS = 86_400_000;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/**
 * What the seed's history left on each company, recorded the way a save records it (bucketMoveFacts), so
 * the home page has moves in the last 30 and 90 days, re-recruit and "It's OK" renewal plays that worked, did
 * not, or ended in a departure.
 */
const historyFacts = (seed: Seed, now: Date): Record<string, string> => ({
  ...(seed.moved
    ? bucketMoveFacts({
        previous: seed.moved.from,
        next: seed.bucket,
        at: daysBefore(now, seed.moved.daysAgo),
        by: 'maria.manager@example.com',
      })
    : {}),
  ...(seed.reRecruitDaysAgo === undefined ? {} : reRecruitStartFacts(daysBefore(now, seed.reRecruitDaysAgo))),
  ...(seed.renewalPlayDaysAgo === undefined ? {} : renewalPlayStartFacts(daysBefore(now, seed.renewalPlayDaysAgo))),
});

/** A small account with four owners in two teams and a dozen companies across every bucket and quadrant. */
export const demoAccount = (now: Date): SandboxState => {
  const today = toIsoDate(now);
  const at = now.toISOString();
  const companies: Record<string, SandboxRecord> = {};
  SEEDS.forEach((seed, index) => {
    const id = String(1001 + index);
    const filled = seed.bucket !== null;
    const properties: Record<string, string> = {
      hs_object_id: id,
      name: seed.name,
      domain: `${seed.name.toLowerCase().replace(/[^a-z]+/g, '')}.example.com`,
      hubspot_owner_id: seed.owner,
      createdate: '2025-01-01T00:00:00.000Z',
      // Kestrel is still a prospect: the home page counts customers, and Juniper is the one not asked yet.
      lifecyclestage: seed.name === 'Kestrel Aviation' ? 'opportunity' : 'customer',
      total_revenue: String(seed.revenue),
      ...playCompanyFacts(id, seed.name, seed.bucket === 'who_are_you' && seed.reRecruitDaysAgo !== undefined),
      ...(filled || seed.renewalInDays !== null ? profileContentProperties(draftFor(seed, today), today) : {}),
      ...historyFacts(seed, now),
      ...(filled
        ? profileStampProperties({
            version: 1,
            saveId: `seed-${id}`,
            reviewedAt: addDays(today, -20) + 'T09:00:00.000Z',
            reviewedBy: 'seed@example.com',
          })
        : {}),
    };
    const history = Object.fromEntries(
      Object.entries(properties).map(([name, value]) => [
        name,
        [{ value, timestamp: at, sourceType: SOURCE_TYPE.import }],
      ]),
    );
    companies[id] = {
      id,
      properties,
      history,
      associations: { companies: [] },
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: at,
    };
  });
  const companyIdOf = (name: string) => String(1001 + SEEDS.findIndex((seed) => seed.name === name));
  return {
    ...emptyAccount(SANDBOX_PORTAL_ID),
    companies: { ...companies, ...demoProspects(at) },
    contacts: demoContacts(at, companyIdOf),
    owners: OWNERS,
    files: demoFiles(at),
  };
};

/** The example segments and plan templates, published as `npm run templates -- publish` would. */
const demoFiles = (at: string): Record<string, SandboxFile> => {
  const content = JSON.stringify(exampleTemplates, null, 2);
  const id = '900001';
  return {
    [id]: {
      id,
      name: PLAN_TEMPLATES_FILE.fileName,
      extension: PLAN_TEMPLATES_FILE.extension,
      path: PLAN_TEMPLATES_FILE.path,
      size: Buffer.byteLength(content),
      access: 'HIDDEN_PRIVATE',
      updatedAt: at,
      content,
    },
  };
};
