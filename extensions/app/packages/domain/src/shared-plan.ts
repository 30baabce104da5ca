import { type PlanStep, type ProfileDraft, type SuccessMetric } from './profile.schema';
import { PROPERTIES } from './property-catalog';

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
