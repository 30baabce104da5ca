import { z } from 'zod';

import { addDays, type IsoDate } from './dates';
import { STEP_OWNER_SIDES, type StepOwnerSide } from './plan';
import { itemId, LIMITS, type PlanStep } from './profile.schema';

/**
 * Segments and their plan templates, as the admin defines them (`npm run templates`): customers grouped by
 * their appropriate experience, each group with the plan that fits it. One document for the account, kept
 * in HubSpot so every backend instance reads the same.
 */
export const templateStepSchema = z.strictObject({
  id: itemId,
  title: z.string().trim().min(1, 'Describe the step').max(LIMITS.shortText),
  ownerSide: z.enum(STEP_OWNER_SIDES.map((side) => side.value) as [StepOwnerSide, ...StepOwnerSide[]], {
    error: 'ownerSide must be "customer" or "us"',
  }),
  /** Due this many days after the template is applied. */
  dueInDays: z.number().int('Whole days').min(0, 'Cannot be due before it is applied').max(730, 'At most 730 days'),
  description: z.string().trim().max(LIMITS.longText).default(''),
});
export type TemplateStep = z.infer<typeof templateStepSchema>;

const uniqueIds = (items: readonly { id: string }[]) => new Set(items.map((item) => item.id)).size === items.length;

export const segmentSchema = z.strictObject({
  id: itemId,
  label: z.string().trim().min(1, 'Name the segment').max(LIMITS.shortText),
  /** How customers in this segment need to achieve their outcome: what makes them one segment. */
  appropriateExperience: z.string().trim().max(LIMITS.longText).default(''),
  steps: z
    .array(templateStepSchema)
    .min(1, 'A template needs at least one step')
    .max(LIMITS.steps, `At most ${LIMITS.steps} steps`)
    .refine(uniqueIds, 'Each step of a template needs its own id'),
});
export type Segment = z.infer<typeof segmentSchema>;

export const planTemplatesSchema = z.strictObject({
  segments: z.array(segmentSchema).max(50, 'At most 50 segments').refine(uniqueIds, 'Each segment needs its own id'),
});
export type PlanTemplates = z.infer<typeof planTemplatesSchema>;

/** FNV-1a, 32 bits: a short, stable digest the card can compute too (it has no crypto module). */
const fnv1a = (text: string): string => {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
};

type WrittenByTemplate = Pick<PlanStep, 'title' | 'description' | 'ownerSide' | 'ownerName' | 'dueDate'>;

/**
 * What a template wrote into a step, digested. A template step is "edited" when any of these differs from
 * what the template wrote: its title, description, owner side, owner name or due date. Its status is
 * progress, not an edit.
 */
export const stepFingerprint = (step: WrittenByTemplate): string =>
  fnv1a(JSON.stringify([step.title, step.description ?? '', step.ownerSide, step.ownerName, step.dueDate ?? '']));

export const isEditedSinceApplied = (step: PlanStep): boolean =>
  step.template !== undefined && stepFingerprint(step) !== step.template.fingerprint;

const fromTemplate = (segment: Segment, templateStep: TemplateStep, id: string, dueDate: IsoDate): PlanStep => {
  const written: WrittenByTemplate = {
    title: templateStep.title,
    description: templateStep.description,
    ownerSide: templateStep.ownerSide,
    ownerName: '',
    dueDate,
  };
  return {
    id,
    ...written,
    status: 'not_started',
    template: { segment: segment.id, step: templateStep.id, fingerprint: stepFingerprint(written) },
  };
};

export type TemplateApplication = {
  steps: PlanStep[];
  added: number;
  /** Unedited, not-started steps from this template brought to its current wording. */
  refreshed: number;
  /** Steps from this template kept as they are: edited, or already under way. */
  kept: number;
};

/**
 * Merges a segment's template into a plan. A plan step is the template step it came from when its
 * `template` names the segment and step. Each template step missing from the plan is added (in template
 * order, after the existing steps), due `dueInDays` from today; one still exactly as the template wrote it
 * and not started is brought to the template's current wording, keeping its id and due date; one edited
 * since, or under way, is never touched. Steps of the account manager's own, or of another template, stay
 * as they are, where they are.
 */
export const applyPlanTemplate = (
  steps: readonly PlanStep[],
  segment: Segment,
  today: IsoDate,
  newId: () => string,
): TemplateApplication => {
  const bySegmentStep = new Map(
    steps.flatMap((step) => (step.template?.segment === segment.id ? [[step.template.step, step] as const] : [])),
  );
  const replacements = new Map<string, PlanStep>();
  const additions: PlanStep[] = [];
  let kept = 0;
  for (const templateStep of segment.steps) {
    const existing = bySegmentStep.get(templateStep.id);
    if (!existing) {
      additions.push(fromTemplate(segment, templateStep, newId(), addDays(today, templateStep.dueInDays)));
    } else if (isEditedSinceApplied(existing) || existing.status !== 'not_started') {
      kept += 1;
    } else {
      const current = fromTemplate(segment, templateStep, existing.id, existing.dueDate ?? today);
      if (current.template?.fingerprint !== existing.template?.fingerprint) replacements.set(existing.id, current);
      else kept += 1;
    }
  }
  return {
    steps: [...steps.map((step) => replacements.get(step.id) ?? step), ...additions],
    added: additions.length,
    refreshed: replacements.size,
    kept,
  };
};

export const findSegment = (templates: PlanTemplates, segmentId: string | null): Segment | null =>
  templates.segments.find((segment) => segment.id === segmentId) ?? null;
