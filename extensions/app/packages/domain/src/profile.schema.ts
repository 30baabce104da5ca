import { z } from 'zod';

import { ADVOCACY_VALUES } from './advocacy';
import { BUCKET_VALUES } from './buckets';
import { isIsoDate } from './dates';
import { type PlanRollup, STEP_OWNER_SIDES, STEP_STATUSES } from './plan';
import { WIN_WIN_VALUES } from './plays/win-win';
import { HAPPINESS_MAX, HAPPINESS_MIN, QUADRANT_VALUES } from './quadrant';
import { TAG_SEPARATOR, type TagOptions } from './tags';

/** Limits that keep every value well inside HubSpot's 65,536-character property limit. */
export const LIMITS = {
  shortText: 200,
  longText: 5_000,
  steps: 50,
  metrics: 20,
  tags: 30,
  storedValue: 65_536,
} as const;

const shortText = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(LIMITS.shortText, `${label} must be at most ${LIMITS.shortText} characters`);

const longText = (label: string) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(LIMITS.longText, `${label} must be at most ${LIMITS.longText} characters`);

export const isoDateSchema = z
  .string({ error: 'Must be a date (YYYY-MM-DD)' })
  .refine(isIsoDate, 'Must be a real date in the form YYYY-MM-DD');

const optionalDate = isoDateSchema.nullable();

const measurement = z.number({ error: 'Must be a number' }).finite('Must be a finite number').nullable();

const happiness = z
  .number({ error: `Must be a score from ${HAPPINESS_MIN} to ${HAPPINESS_MAX}` })
  .int(`Must be a whole score from ${HAPPINESS_MIN} to ${HAPPINESS_MAX}`)
  .min(HAPPINESS_MIN, `Must be at least ${HAPPINESS_MIN}`)
  .max(HAPPINESS_MAX, `Must be at most ${HAPPINESS_MAX}`)
  .nullable();

export const itemId = z
  .string({ error: 'Must be an id' })
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Must be 1-40 letters, digits, "-" or "_"');

export const successMetricSchema = z.strictObject({
  id: itemId,
  name: shortText('Metric name').min(1, 'Give the metric a name'),
  unit: shortText('Unit'),
  baseline: measurement,
  current: measurement,
  target: measurement,
});
export type SuccessMetric = z.infer<typeof successMetricSchema>;

export const planStepSchema = z.strictObject({
  id: itemId,
  title: shortText('Step').min(1, 'Describe the step'),
  ownerSide: z.enum(STEP_OWNER_SIDES.map((side) => side.value) as ['customer', 'us'], {
    error: 'Choose who owns the step: customer or us',
  }),
  ownerName: shortText('Owner name'),
  dueDate: optionalDate,
  status: z.enum(STEP_STATUSES.map((status) => status.value) as ['not_started', 'in_progress', 'blocked', 'done'], {
    error: 'Choose a status: not started, in progress, blocked or done',
  }),
  /** What the step means, shown to the customer on the shared plan (a template's description, or the AM's). */
  description: longText('Description').optional(),
  /** The concern (option value) a step of ours addresses, chosen on the card: words need not name it. */
  addresses: z.string().trim().min(1).max(LIMITS.shortText).optional(),
  /** Set on steps a plan template added: which template step, and what it wrote (see plan-templates.ts). */
  template: z
    .strictObject({ segment: itemId, step: itemId, fingerprint: z.string().regex(/^[0-9a-f]{8}$/) })
    .optional(),
  /** Who marked the step done through the shared plan link, and when (the customer's own record). */
  customerDone: z.strictObject({ by: shortText('Name').min(1), at: z.iso.datetime() }).optional(),
});
export type PlanStep = z.infer<typeof planStepSchema>;

const uniqueIds = (items: readonly { id: string }[]) => new Set(items.map((item) => item.id)).size === items.length;

/** Option values of one of the account's tag lists (which ones exist is checked against HubSpot's options). */
const tagList = z
  .array(
    z
      .string({ error: 'Must be an option value' })
      .trim()
      .min(1, 'Must be an option value')
      .max(LIMITS.shortText, `At most ${LIMITS.shortText} characters`)
      .refine((value) => !value.includes(TAG_SEPARATOR), `Cannot contain "${TAG_SEPARATOR}"`),
  )
  .max(LIMITS.tags, `At most ${LIMITS.tags} tags`)
  .refine((values) => new Set(values).size === values.length, 'Each tag once');

/** What the account manager edits in the card: everything except the stamps the server sets. */
export const profileDraftSchema = z.strictObject({
  whyTheyCare: z.strictObject({
    bucket: z.enum(BUCKET_VALUES, { error: "Choose one of: We need you, It's OK, Who are you?" }).nullable(),
    answer: longText('The answer'),
    answeredByName: shortText('Who answered'),
    answeredByRole: shortText('Their role'),
    askedOn: optionalDate,
    /** What makes a "We need you" customer need us (options of the account's value themes). */
    valueThemes: tagList,
    /** What worries an "It's OK" or "Who are you?" customer (options of the account's concerns). */
    concerns: tagList,
  }),
  desiredOutcome: z.strictObject({
    requiredOutcome: longText('Required outcome'),
    appropriateExperience: longText('Appropriate experience'),
    metrics: z
      .array(successMetricSchema)
      .max(LIMITS.metrics, `At most ${LIMITS.metrics} success metrics`)
      .refine(uniqueIds, 'Each metric needs its own id'),
  }),
  successPlan: z.strictObject({
    steps: z
      .array(planStepSchema)
      .max(LIMITS.steps, `At most ${LIMITS.steps} steps`)
      .refine(uniqueIds, 'Each step needs its own id'),
  }),
  health: z.strictObject({
    customerHappiness: happiness,
    companyHappiness: happiness,
  }),
  renewalDate: optionalDate,
  /** The segment (by appropriate experience) whose plan template fits this customer. */
  segment: itemId.nullable(),
  advocacy: z.strictObject({
    willingness: z
      .enum(ADVOCACY_VALUES, { error: 'Choose whether they will be a reference or a case study' })
      .nullable(),
    forWhat: longText('What they would advocate for'),
  }),
  /** The day they left us; a company that left drops out of the home page's current figures. */
  leftOn: optionalDate,
  /** "Who are you?": is there a win-win (re-recruit them) or not (plan the exit), and why. */
  winWin: z
    .strictObject({
      decision: z.enum(WIN_WIN_VALUES, { error: 'Choose: win-win found, no win-win, or not decided yet' }).nullable(),
      reason: longText('Why'),
    })
    // A card from before the decision existed sends none: nothing decided.
    .default({ decision: null, reason: '' }),
});
export type ProfileDraft = z.infer<typeof profileDraftSchema>;

export const saveProfileRequestSchema = z.strictObject({
  /** Made once per save attempt by the card, so a retried request is recognised and not applied twice. */
  requestId: z
    .string({ error: 'requestId is required' })
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'requestId must be 8-64 letters, digits, "-" or "_"'),
  expectedVersion: z
    .number({ error: 'expectedVersion must be the version the card loaded' })
    .int('expectedVersion must be a whole number')
    .min(0, 'expectedVersion cannot be negative'),
  profile: profileDraftSchema,
});
export type SaveProfileRequest = z.infer<typeof saveProfileRequestSchema>;

export const companyIdSchema = z.string().regex(/^[1-9]\d{0,18}$/, 'Company id must be a positive whole number');

/** The editable part of a profile (a loaded profile carries stamps and derived facts too). */
export const draftOf = ({
  whyTheyCare,
  desiredOutcome,
  successPlan,
  health,
  renewalDate,
  segment,
  advocacy,
  leftOn,
  winWin,
}: ProfileDraft): ProfileDraft => ({
  whyTheyCare,
  desiredOutcome,
  successPlan,
  health,
  renewalDate,
  segment,
  advocacy,
  leftOn,
  winWin,
});

export const emptyProfileDraft = (): ProfileDraft => ({
  whyTheyCare: {
    bucket: null,
    answer: '',
    answeredByName: '',
    answeredByRole: '',
    askedOn: null,
    valueThemes: [],
    concerns: [],
  },
  desiredOutcome: { requiredOutcome: '', appropriateExperience: '', metrics: [] },
  successPlan: { steps: [] },
  health: { customerHappiness: null, companyHappiness: null },
  renewalDate: null,
  segment: null,
  advocacy: { willingness: null, forWhat: '' },
  leftOn: null,
  winWin: { decision: null, reason: '' },
});

const reviewStampSchema = z.object({ lastReviewedAt: z.string().nullable(), lastReviewedBy: z.string().nullable() });
export type ReviewStamp = z.infer<typeof reviewStampSchema>;

/** The link to the shared plan, as stored on the company: revoking or replacing it changes `id`. */
export const sharedLinkSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  expiresAt: z.iso.datetime(),
  sharedBy: z.string(),
  sharedAt: z.iso.datetime(),
});
export type SharedLink = z.infer<typeof sharedLinkSchema>;

/** One move of the bucket, newest first in a profile's history: who moved it, and when. */
export const bucketChangeSchema = z.object({
  bucket: z.enum(BUCKET_VALUES).nullable(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
});
export type BucketChange = z.infer<typeof bucketChangeSchema>;

const planRollupSchema = z.object({
  stepsTotal: z.number(),
  stepsDone: z.number(),
  overdueCustomer: z.number(),
  overdueUs: z.number(),
  nextDueDate: z.string().nullable(),
  nextDueCustomer: z.string().nullable(),
  nextDueUs: z.string().nullable(),
}) satisfies z.ZodType<PlanRollup>;

const tagOptionList = z.array(z.object({ value: z.string(), label: z.string() }));
export const tagOptionsSchema = z.object({
  valueThemes: tagOptionList,
  concerns: tagOptionList,
}) satisfies z.ZodType<TagOptions>;

/** The profile as the API returns it and the card shows it: the draft plus the server's stamps and derived facts. */
export const profileSchema = profileDraftSchema.extend({
  companyId: z.string(),
  companyName: z.string().nullable(),
  version: z.number().int().min(0),
  review: reviewStampSchema,
  derived: z.object({ plan: planRollupSchema, quadrant: z.enum(QUADRANT_VALUES).nullable() }),
  bucketHistory: z.array(bucketChangeSchema),
  /** The live link to the plan shared with the customer, if any (the link itself is made by the backend). */
  sharing: sharedLinkSchema.nullable(),
  /** The tag lists the account offers now (the admin edits them in HubSpot); null while not known. */
  tagOptions: tagOptionsSchema.nullable(),
  /** Parts of the stored data that could not be read (edited by hand in HubSpot, for instance). */
  readWarnings: z.array(z.string()),
});
export type Profile = z.infer<typeof profileSchema>;
