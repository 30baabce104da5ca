import { z } from 'zod';

import { type PlanStep, type ProfileDraft, type SuccessMetric } from './profile.schema';
import { PROPERTIES } from './property-catalog';

/**
 * What the backend tells the card about the live link (`/api/companies/:id/share`): the link itself is
 * rebuilt from the share id stored on the company, never stored.
 */
export const shareLinkAnswerSchema = z.object({
  link: z.object({ url: z.string(), expiresAt: z.string(), sharedBy: z.string(), sharedAt: z.string() }).nullable(),
});
export type ShareLinkAnswer = z.infer<typeof shareLinkAnswerSchema>['link'];

/**
 * The plan as the customer sees it through the shared link: their desired outcome in their words, their
 * metrics, and the plan with their own steps first. Nothing else of the record: no bucket, answer,
 * happiness, quadrant, renewal, reviewer or history.
 */
export type SharedPlanView = {
  requiredOutcome: string;
  appropriateExperience: string;
  metrics: SuccessMetric[];
  steps: PlanStep[];
};

/** The only company properties the shared page reads: what it shows, and the link it checks. */
export const SHARED_PLAN_READ_PROPERTIES: readonly string[] = [
  PROPERTIES.requiredOutcome.name,
  PROPERTIES.appropriateExperience.name,
  PROPERTIES.successMetrics.name,
  PROPERTIES.planSteps.name,
  PROPERTIES.sharedLink.name,
];

/** The customer's own steps first, each side in the plan's order. */
export const sharedPlanView = (draft: Pick<ProfileDraft, 'desiredOutcome' | 'successPlan'>): SharedPlanView => ({
  requiredOutcome: draft.desiredOutcome.requiredOutcome,
  appropriateExperience: draft.desiredOutcome.appropriateExperience,
  metrics: draft.desiredOutcome.metrics,
  steps: [
    ...draft.successPlan.steps.filter((step) => step.ownerSide === 'customer'),
    ...draft.successPlan.steps.filter((step) => step.ownerSide !== 'customer'),
  ],
});

export type CustomerStepUpdate =
  | { kind: 'done'; draft: ProfileDraft; step: PlanStep }
  | { kind: 'already_done'; step: PlanStep }
  /** Not one of the customer's steps: the shared page writes nothing else. */
  | { kind: 'not_theirs' }
  | { kind: 'no_such_step' };

/**
 * The customer marks one of their own steps done: only that step's status changes, recorded with their
 * name and the time. A step already done stays as it is (so a repeated request writes nothing).
 */
export const markCustomerStepDone = (draft: ProfileDraft, stepId: string, by: string, at: Date): CustomerStepUpdate => {
  const step = draft.successPlan.steps.find((candidate) => candidate.id === stepId);
  if (!step) return { kind: 'no_such_step' };
  if (step.ownerSide !== 'customer') return { kind: 'not_theirs' };
  if (step.status === 'done') return { kind: 'already_done', step };
  const done: PlanStep = { ...step, status: 'done', customerDone: { by, at: at.toISOString() } };
  return {
    kind: 'done',
    step: done,
    draft: {
      ...draft,
      successPlan: { steps: draft.successPlan.steps.map((candidate) => (candidate.id === stepId ? done : candidate)) },
    },
  };
};

/** A step's status set by the account manager: a customer's "done" record only holds while it is done. */
export const withStepStatus = (step: PlanStep, status: PlanStep['status']): PlanStep => {
  const { customerDone, ...rest } = step;
  return status === 'done' && customerDone ? { ...rest, status, customerDone } : { ...rest, status };
};

/**
 * The account manager keeps their edits over a newer save: the steps the customer marked done in it stay
 * done (and credited), so saving over it cannot undo the customer's own record.
 */
export const carryCustomerCompletions = (mine: ProfileDraft, theirs: ProfileDraft): ProfileDraft => {
  const done = new Map(
    theirs.successPlan.steps.flatMap((step) =>
      step.status === 'done' && step.customerDone ? [[step.id, step.customerDone] as const] : [],
    ),
  );
  if (done.size === 0) return mine;
  return {
    ...mine,
    successPlan: {
      steps: mine.successPlan.steps.map((step) => {
        const customerDone = done.get(step.id);
        return customerDone && step.status !== 'done' ? { ...step, status: 'done', customerDone } : step;
      }),
    },
  };
};
