import {
  APP_DISPLAY_PREFIX,
  BUCKETS,
  PROPERTIES,
  QUADRANTS,
  RE_RECRUIT_BUCKET,
  RE_RECRUIT_TASK,
  renewalTask,
  REVIEW_STALE_AFTER_DAYS,
  STALLED_PLAN_TASK,
} from '@why-they-care/domain';

import {
  anyOf,
  beforeTodayOperation,
  companyWorkflow,
  createTaskAction,
  delayUntilDateAction,
  type FilterBranch,
  type FlowDefinition,
  hasNoValueOperation,
  isAnyOfOperation,
  isKnownOperation,
  propertyChangeTrigger,
  type PropertyFilter,
  propertyFilter,
} from '@why-they-care/hubspot-contract';

/** `keep` leaves each workflow on or off as it is in HubSpot (a new one is created off). */
export type WorkflowSwitch = 'keep' | 'enable' | 'disable';

export type SetupOptions = {
  mode: 'workflows' | 'direct';
  workflows: WorkflowSwitch;
  renewalLeadDays: number;
  renewalDateProperty: string;
};

export type DesiredList = { name: string; filterBranch: FilterBranch };

/** The lists sales ops work from: one per bucket, one per quadrant, and whose answer is stale (as the card says it). */
export const desiredLists = (): DesiredList[] => [
  ...BUCKETS.map((bucket) => ({
    name: `${APP_DISPLAY_PREFIX} ${bucket.label}`,
    filterBranch: anyOf([isAnyOf(PROPERTIES.bucket.name, [bucket.value])]),
  })),
  ...QUADRANTS.map((quadrant) => ({
    name: `${APP_DISPLAY_PREFIX} Quadrant: ${quadrant.label}`,
    filterBranch: anyOf([isAnyOf(PROPERTIES.quadrant.name, [quadrant.value])]),
  })),
  {
    name: `${APP_DISPLAY_PREFIX} Not asked in ${REVIEW_STALE_AFTER_DAYS} days`,
    filterBranch: anyOf(
      [propertyFilter(PROPERTIES.lastReviewedAt.name, beforeTodayOperation(-REVIEW_STALE_AFTER_DAYS))],
      [propertyFilter(PROPERTIES.lastReviewedAt.name, hasNoValueOperation())],
    ),
  },
];

const isAnyOf = (property: string, values: readonly string[]) => propertyFilter(property, isAnyOfOperation(values));
const isKnown = (property: string) => propertyFilter(property, isKnownOperation());

/** The app's workflows start at action 1; they re-enroll a company on the triggers given. */
const companyFlow = (input: {
  name: string;
  description: string;
  enabled: boolean;
  actions: Record<string, unknown>[];
  enrollment: FilterBranch;
  reEnrollWhen: ReturnType<typeof propertyChangeTrigger>[];
}): FlowDefinition =>
  companyWorkflow({
    name: input.name,
    description: input.description,
    isEnabled: input.enabled,
    startActionId: '1',
    actions: input.actions,
    enrollment: { listFilterBranch: input.enrollment, reEnrollmentTriggers: input.reEnrollWhen },
  });

const MANAGED = 'Managed by Why They Care setup: edits here are overwritten on the next setup run.';

/** "Re-enroll when this filter's property changes to a value that passes it." */
const changesToMatch = ({ property, operation }: PropertyFilter) => propertyChangeTrigger(property, operation);

export const WORKFLOW_NAMES = {
  reRecruit: `${APP_DISPLAY_PREFIX} Re-recruit`,
  renewal: (bucketLabel: string) => `${APP_DISPLAY_PREFIX} Renewal: ${bucketLabel}`,
  stalledPlan: `${APP_DISPLAY_PREFIX} Stalled plan`,
};

/** The names setup gives the app's workflows: how the app finds them in HubSpot. */
export const appWorkflowNames = () => [
  WORKFLOW_NAMES.reRecruit,
  ...BUCKETS.map((bucket) => WORKFLOW_NAMES.renewal(bucket.label)),
  WORKFLOW_NAMES.stalledPlan,
];

/**
 * The workflows that create re-recruit, renewal (worded per bucket) and stalled-plan tasks. A company is
 * enrolled again when the property that brought it in changes again while it meets the criteria: a new
 * move to the bucket, a new renewal date, a new overdue step.
 */
export const desiredFlows = (options: SetupOptions): FlowDefinition[] => {
  const reRecruitFilter = isAnyOf(PROPERTIES.bucket.name, [RE_RECRUIT_BUCKET]);
  const reRecruit = companyFlow({
    name: WORKFLOW_NAMES.reRecruit,
    description: `A company enters "Who are you?": task for its success manager. ${MANAGED}`,
    enabled: options.workflows === 'enable',
    enrollment: anyOf([reRecruitFilter]),
    reEnrollWhen: [changesToMatch(reRecruitFilter)],
    actions: [
      createTaskAction({ actionId: '1', template: RE_RECRUIT_TASK, assigneeProperty: PROPERTIES.successManager.name }),
    ],
  });
  const renewals = BUCKETS.map((bucket) => {
    const enrollment = [isAnyOf(PROPERTIES.bucket.name, [bucket.value]), isKnown(options.renewalDateProperty)];
    return companyFlow({
      name: WORKFLOW_NAMES.renewal(bucket.label),
      description: `${options.renewalLeadDays} days before ${options.renewalDateProperty}: task for the owner. ${MANAGED}`,
      enabled: options.workflows === 'enable',
      enrollment: anyOf(enrollment),
      reEnrollWhen: enrollment.map(changesToMatch),
      actions: [
        delayUntilDateAction({
          actionId: '1',
          nextActionId: '2',
          dateProperty: options.renewalDateProperty,
          daysBefore: options.renewalLeadDays,
        }),
        createTaskAction({ actionId: '2', template: renewalTask(bucket.value), assigneeProperty: 'hubspot_owner_id' }),
      ],
    });
  });
  const stalled = companyFlow({
    name: WORKFLOW_NAMES.stalledPlan,
    description: `The earliest open plan step is past due: task for the owner. ${MANAGED}`,
    enabled: options.workflows === 'enable',
    enrollment: anyOf([propertyFilter(PROPERTIES.planNextDue.name, beforeTodayOperation())]),
    // No value test: "changed to a date before today" is what the enrollment criteria check already.
    reEnrollWhen: [propertyChangeTrigger(PROPERTIES.planNextDue.name)],
    actions: [createTaskAction({ actionId: '1', template: STALLED_PLAN_TASK, assigneeProperty: 'hubspot_owner_id' })],
  });
  return [reRecruit, ...renewals, stalled];
};
