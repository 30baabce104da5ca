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
};

export const isStepOverdue = (step: PlanStepFacts, today: IsoDate): boolean =>
  step.status !== 'done' && step.dueDate !== null && step.dueDate < today;

export const rollUpPlan = (steps: readonly PlanStepFacts[], today: IsoDate): PlanRollup => {
  const open = steps.filter((step) => step.status !== 'done');
  const overdue = open.filter((step) => isStepOverdue(step, today));
  const dueDates = open.flatMap((step) => (step.dueDate ? [step.dueDate] : [])).sort();
  return {
    stepsTotal: steps.length,
    stepsDone: steps.length - open.length,
    overdueCustomer: overdue.filter((step) => step.ownerSide === 'customer').length,
    overdueUs: overdue.filter((step) => step.ownerSide === 'us').length,
    nextDueDate: dueDates[0] ?? null,
  };
};

/** A plan is stalled when its earliest open step is past due: the fact the stalled-plan task keys on. */
export const isPlanStalled = (nextDueDate: IsoDate | null, today: IsoDate): boolean =>
  nextDueDate !== null && nextDueDate < today;
