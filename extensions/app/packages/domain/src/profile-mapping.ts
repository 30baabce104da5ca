import { type z } from 'zod';

import { parseAdvocacy } from './advocacy';
import { parseBucket } from './buckets';
import { type IsoDate, parseHubSpotDate } from './dates';
import { type FieldErrors, requestFieldPath } from './field-errors';
import { rollUpPlan } from './plan';
import {
  type BucketChange,
  LIMITS,
  itemId,
  planStepSchema,
  type Profile,
  type ProfileDraft,
  type SharedLink,
  sharedLinkSchema,
  successMetricSchema,
} from './profile.schema';
import { APP_PROPERTY_NAMES, HUBSPOT_PROPERTIES, PROPERTIES, PROPERTY_DEFINITIONS } from './property-catalog';
import { deriveQuadrant, HAPPINESS_MAX, HAPPINESS_MIN } from './quadrant';
import { playFacts } from './plays/play-facts';
import { parseWinWinDecision } from './plays/win-win';
import { customerStuckOn } from './signals';
import { formatTagValues, parseTagValues, type TagOption, type TagOptions, tagsApply } from './tags';

export type HubSpotProperties = Record<string, string | null | undefined>;

/** Properties the backend reads to build a profile: the app's own plus the HubSpot ones it needs. */
export const PROFILE_READ_PROPERTIES: readonly string[] = [
  ...APP_PROPERTY_NAMES,
  HUBSPOT_PROPERTIES.name,
  HUBSPOT_PROPERTIES.owner,
];

const blankToNull = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value.trim() === '' ? null : value;

const readNumber = (value: string | null | undefined): number | null => {
  const text = blankToNull(value);
  if (text === null) return null;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : null;
};

const readHappiness = (value: string | null | undefined): number | null => {
  const score = readNumber(value);
  return score !== null && Number.isInteger(score) && score >= HAPPINESS_MIN && score <= HAPPINESS_MAX ? score : null;
};

/** Keeps the valid items of a stored JSON list and reports the rest, so one bad edit does not hide a plan. */
const readJsonList = <T>(
  value: string | null | undefined,
  itemSchema: z.ZodType<T>,
  what: string,
  warnings: string[],
): T[] => {
  const text = blankToNull(value);
  if (text === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    warnings.push(`The stored ${what} could not be read and were left out.`);
    return [];
  }
  if (!Array.isArray(parsed)) {
    warnings.push(`The stored ${what} could not be read and were left out.`);
    return [];
  }
  const items = parsed.flatMap((item) => {
    const result = itemSchema.safeParse(item);
    return result.success ? [result.data] : [];
  });
  if (items.length < parsed.length) {
    warnings.push(`${parsed.length - items.length} stored ${what} could not be read and were left out.`);
  }
  return items;
};

export const readProfileDraft = (properties: HubSpotProperties, warnings: string[] = []): ProfileDraft => ({
  whyTheyCare: {
    bucket: parseBucket(properties[PROPERTIES.bucket.name]),
    answer: properties[PROPERTIES.answer.name] ?? '',
    answeredByName: properties[PROPERTIES.answeredByName.name] ?? '',
    answeredByRole: properties[PROPERTIES.answeredByRole.name] ?? '',
    askedOn: parseHubSpotDate(properties[PROPERTIES.askedOn.name]),
    valueThemes: parseTagValues(properties[PROPERTIES.valueThemes.name]),
    concerns: parseTagValues(properties[PROPERTIES.concerns.name]),
  },
  desiredOutcome: {
    requiredOutcome: properties[PROPERTIES.requiredOutcome.name] ?? '',
    appropriateExperience: properties[PROPERTIES.appropriateExperience.name] ?? '',
    metrics: readJsonList(properties[PROPERTIES.successMetrics.name], successMetricSchema, 'success metrics', warnings),
  },
  successPlan: {
    steps: readJsonList(properties[PROPERTIES.planSteps.name], planStepSchema, 'plan steps', warnings),
  },
  health: {
    customerHappiness: readHappiness(properties[PROPERTIES.customerHappiness.name]),
    companyHappiness: readHappiness(properties[PROPERTIES.companyHappiness.name]),
  },
  renewalDate: parseHubSpotDate(properties[PROPERTIES.renewalDate.name]),
  segment: itemId.safeParse(properties[PROPERTIES.segment.name]).data ?? null,
  advocacy: {
    willingness: parseAdvocacy(properties[PROPERTIES.advocacy.name]),
    forWhat: properties[PROPERTIES.advocacyFor.name] ?? '',
  },
  leftOn: parseHubSpotDate(properties[PROPERTIES.leftOn.name]),
  winWin: {
    decision: parseWinWinDecision(properties[PROPERTIES.winWinDecision.name]),
    reason: properties[PROPERTIES.winWinReason.name] ?? '',
  },
});

/** The live shared-plan link stored on the company; none when empty or unreadable (a hand edit revokes it). */
export const readSharedLink = (properties: HubSpotProperties): SharedLink | null => {
  const text = blankToNull(properties[PROPERTIES.sharedLink.name]);
  if (text === null) return null;
  try {
    return sharedLinkSchema.safeParse(JSON.parse(text)).data ?? null;
  } catch {
    return null;
  }
};

export const sharedLinkValue = (link: SharedLink | null): string => (link ? JSON.stringify(link) : '');

export const readVersion = (properties: HubSpotProperties): number =>
  Math.max(0, Math.trunc(readNumber(properties[PROPERTIES.version.name]) ?? 0));

export const readLastSaveId = (properties: HubSpotProperties): string | null =>
  blankToNull(properties[PROPERTIES.lastSaveId.name]);

export const deriveProfileFacts = (draft: ProfileDraft, today: IsoDate) => ({
  plan: rollUpPlan(draft.successPlan.steps, today),
  quadrant: deriveQuadrant(draft.health),
});

export const readProfile = (input: {
  companyId: string;
  properties: HubSpotProperties;
  bucketHistory: BucketChange[];
  tagOptions: TagOptions | null;
  today: IsoDate;
}): Profile => {
  const { companyId, properties, bucketHistory, tagOptions, today } = input;
  const readWarnings: string[] = [];
  const draft = readProfileDraft(properties, readWarnings);
  return {
    ...draft,
    companyId,
    companyName: blankToNull(properties[HUBSPOT_PROPERTIES.name]),
    version: readVersion(properties),
    review: {
      lastReviewedAt: blankToNull(properties[PROPERTIES.lastReviewedAt.name]),
      lastReviewedBy: blankToNull(properties[PROPERTIES.lastReviewedBy.name]),
    },
    derived: deriveProfileFacts(draft, today),
    bucketHistory,
    sharing: readSharedLink(properties),
    tagOptions,
    readWarnings,
  };
};

const numberText = (value: number | null): string => (value === null ? '' : String(value));

/**
 * The properties that carry what the account manager entered, and the facts derived from it; the open
 * concerns named by `concernOptions` (the account's, as last read), else the catalog's labels.
 */
export const profileContentProperties = (
  draft: ProfileDraft,
  today: IsoDate,
  concernOptions?: readonly TagOption[] | null,
): Record<string, string> => {
  const { plan, quadrant } = deriveProfileFacts(draft, today);
  const { whyTheyCare, desiredOutcome, successPlan, health } = draft;
  // Tags describe the answer in its bucket: a move to a bucket that does not use them clears them.
  const tags = (kind: 'valueThemes' | 'concerns') =>
    tagsApply(kind, whyTheyCare.bucket) ? formatTagValues(whyTheyCare[kind]) : '';
  return {
    [PROPERTIES.bucket.name]: whyTheyCare.bucket ?? '',
    [PROPERTIES.answer.name]: whyTheyCare.answer,
    [PROPERTIES.answeredByName.name]: whyTheyCare.answeredByName,
    [PROPERTIES.answeredByRole.name]: whyTheyCare.answeredByRole,
    [PROPERTIES.askedOn.name]: whyTheyCare.askedOn ?? '',
    [PROPERTIES.valueThemes.name]: tags('valueThemes'),
    [PROPERTIES.concerns.name]: tags('concerns'),
    [PROPERTIES.requiredOutcome.name]: desiredOutcome.requiredOutcome,
    [PROPERTIES.appropriateExperience.name]: desiredOutcome.appropriateExperience,
    [PROPERTIES.successMetrics.name]: desiredOutcome.metrics.length ? JSON.stringify(desiredOutcome.metrics) : '',
    [PROPERTIES.planSteps.name]: successPlan.steps.length ? JSON.stringify(successPlan.steps) : '',
    [PROPERTIES.planStepsTotal.name]: String(plan.stepsTotal),
    [PROPERTIES.planStepsDone.name]: String(plan.stepsDone),
    [PROPERTIES.planOverdueCustomer.name]: String(plan.overdueCustomer),
    [PROPERTIES.planOverdueUs.name]: String(plan.overdueUs),
    [PROPERTIES.planNextDue.name]: plan.nextDueDate ?? '',
    [PROPERTIES.planNextDueCustomer.name]: plan.nextDueCustomer ?? '',
    [PROPERTIES.planNextDueUs.name]: plan.nextDueUs ?? '',
    [PROPERTIES.customerHappiness.name]: numberText(health.customerHappiness),
    [PROPERTIES.companyHappiness.name]: numberText(health.companyHappiness),
    [PROPERTIES.quadrant.name]: quadrant ?? '',
    [PROPERTIES.renewalDate.name]: draft.renewalDate ?? '',
    [PROPERTIES.segment.name]: draft.segment ?? '',
    [PROPERTIES.advocacy.name]: draft.advocacy.willingness ?? '',
    [PROPERTIES.advocacyFor.name]: draft.advocacy.forWhat,
    [PROPERTIES.customerStuckOn.name]: customerStuckOn(successPlan.steps) ?? '',
    [PROPERTIES.leftOn.name]: draft.leftOn ?? '',
    ...playFacts(draft, concernOptions),
  };
};

/** Field paths in the draft for each property that can outgrow HubSpot's value limit. */
const STORED_JSON_FIELDS = [
  { property: PROPERTIES.successMetrics.name, field: requestFieldPath('desiredOutcome.metrics') },
  { property: PROPERTIES.planSteps.name, field: requestFieldPath('successPlan.steps') },
] as const;

/** HubSpot refuses values over 65,536 characters; say which field is too big before anything is written. */
export const findOversizedFields = (content: Record<string, string>): FieldErrors => {
  const fields: FieldErrors = {};
  for (const { property, field } of STORED_JSON_FIELDS) {
    const length = content[property]?.length ?? 0;
    if (length > LIMITS.storedValue) {
      fields[field] = [
        `Too long to store in HubSpot (${length} characters, at most ${LIMITS.storedValue}): shorten or remove some entries`,
      ];
    }
  }
  return fields;
};

export type SaveStamp = {
  version: number;
  saveId: string;
  reviewedAt: string;
  reviewedBy: string;
};

export const profileStampProperties = (stamp: SaveStamp): Record<string, string> => ({
  [PROPERTIES.version.name]: String(stamp.version),
  [PROPERTIES.lastSaveId.name]: stamp.saveId,
  [PROPERTIES.lastReviewedAt.name]: stamp.reviewedAt,
  [PROPERTIES.lastReviewedBy.name]: stamp.reviewedBy,
});

/** A customer's save through the shared plan: versioned and recognisable on retry, but no review. */
export const customerStampProperties = (stamp: Pick<SaveStamp, 'version' | 'saveId'>): Record<string, string> => ({
  [PROPERTIES.version.name]: String(stamp.version),
  [PROPERTIES.lastSaveId.name]: stamp.saveId,
});

/** True when saving the draft would change nothing the account manager or a report can see. */
export const isSameContent = (a: Record<string, string>, b: Record<string, string>): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([name, value]) => b[name] === value);

const DEFINITION_OF = new Map(PROPERTY_DEFINITIONS.map((property) => [property.name, property]));

/** A stored value in the form the app writes it, so another spelling of the same value is no change. */
const asWritten = (name: string, stored: string | null | undefined): string => {
  if (stored === null || stored === undefined) return '';
  const definition = DEFINITION_OF.get(name);
  if (definition?.fieldType === 'checkbox') return formatTagValues(parseTagValues(stored));
  if (definition?.type === 'date') return parseHubSpotDate(stored) ?? stored;
  if (definition?.type === 'datetime') {
    const instant = /^\d+$/.test(stored) ? new Date(Number(stored)) : new Date(stored);
    return Number.isNaN(instant.getTime()) ? stored : instant.toISOString();
  }
  if (definition?.type === 'number' && stored.trim() !== '' && Number.isFinite(Number(stored))) {
    return String(Number(stored));
  }
  return stored;
};

/**
 * The properties whose value differs from what HubSpot holds. Only these are written: every write leaves
 * a history entry and can start a workflow, so an unchanged value is never sent again.
 */
export const changedProperties = (next: Record<string, string>, stored: HubSpotProperties): Record<string, string> =>
  Object.fromEntries(Object.entries(next).filter(([name, value]) => value !== asWritten(name, stored[name])));
