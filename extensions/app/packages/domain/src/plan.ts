import { type IsoDate } from './dates';

export const STEP_OWNER_SIDES = [
  { value: 'customer', label: 'Customer' },
  { value: 'us', label: 'Us' },
] as const;
export type StepOwnerSide = (typeof STEP_OWNER_SIDES)[number]['value'];

export const STEP_STATUSES = [
  { value: 'not_started', label: 'Not started' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'blocked', label: 'Blocked' },
  { value: 'done', label: 'Done' },
] as const;
export type StepStatus = (typeof STEP_STATUSES)[number]['value'];

export type PlanStepFacts = {
  ownerSide: StepOwnerSide;
  dueDate: IsoDate | null;
  status: StepStatus;
};

export type PlanRollup = {
  stepsTotal: number;
  stepsDone: number;
  overdueCustomer: number;
  overdueUs: number;
  /** Earliest due date among open steps; in the past when the plan is stalled. */
  nextDueDate: IsoDate | null;
  /**
   * The same per side. Stored, they let a search count the companies with a step overdue today on each
   * side (due before today), which the overdue counts above, as of the last save, cannot.
   */
  nextDueCustomer: IsoDate | null;
  nextDueUs: IsoDate | null;
};

export const isStepOverdue = (step: PlanStepFacts, today: IsoDate): boolean =>
  step.status !== 'done' && step.dueDate !== null && step.dueDate < today;

const earliestDue = (steps: readonly PlanStepFacts[]): IsoDate | null =>
  steps.flatMap((step) => (step.dueDate ? [step.dueDate] : [])).sort()[0] ?? null;

export const rollUpPlan = (steps: readonly PlanStepFacts[], today: IsoDate): PlanRollup => {
  const open = steps.filter((step) => step.status !== 'done');
  const overdue = open.filter((step) => isStepOverdue(step, today));
  const ownedBy = (side: StepOwnerSide) => open.filter((step) => step.ownerSide === side);
  return {
    stepsTotal: steps.length,
    stepsDone: steps.length - open.length,
    overdueCustomer: overdue.filter((step) => step.ownerSide === 'customer').length,
    overdueUs: overdue.filter((step) => step.ownerSide === 'us').length,
    nextDueDate: earliestDue(open),
    nextDueCustomer: earliestDue(ownedBy('customer')),
    nextDueUs: earliestDue(ownedBy('us')),
  };
};

/** A plan is stalled when its earliest open step is past due: the fact the stalled-plan task keys on. */
export const isPlanStalled = (nextDueDate: IsoDate | null, today: IsoDate): boolean =>
  nextDueDate !== null && nextDueDate < today;
