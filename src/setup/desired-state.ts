import {
  APP_DISPLAY_PREFIX,
  type Bucket,
  briefedTask,
  briefTokens,
  BUCKETS,
  concernsTask,
  CONCERNS_BUCKET,
  DEFAULT_PLAYS,
  type PlaySwitches,
  playSwitches,
  type TaskTemplate,
  CUSTOMER_STUCK_TASK,
  healthDropTask,
  PROPERTIES,
  QUADRANTS,
  RE_RECRUIT_BUCKET,
  RE_RECRUIT_TASK,
  renewalTask,
  REVIEW_STALE_AFTER_DAYS,
  STALLED_PLAN_TASK,
  WILLING_ADVOCACY,
} from '@why-they-care/domain';

import {
  anyOf,
  beforeTodayOperation,
  companyWorkflow,
  createTaskAction,
  delayUntilDateAction,
  enrolledObjectToken,
  type FilterBranch,
  type FlowDefinition,
  hasNoValueOperation,
  isAnyOfOperation,
  isKnownOperation,
  propertyChangeTrigger,
  type PropertyFilter,
  propertyFilter,
} from '@why-they-care/hubspot-contract';

import { PROSPECTS_LIST_NAME, prospectsFilterBranch } from '../plays/lookalike-list';

/** `keep` leaves each workflow on or off as it is in HubSpot (a new one is created off). */
export type WorkflowSwitch = 'keep' | 'enable' | 'disable';

export type SetupOptions = {
  mode: 'workflows' | 'direct';
  workflows: WorkflowSwitch;
  renewalLeadDays: number;
  renewalDateProperty: string;
  /** The company property every task names as the revenue at stake (REVENUE_PROPERTY). */
  revenueProperty: string;
  /** The bucket plays turned on (PLAYS); unset, the default ones. */
  plays?: PlaySwitches;
};

export type DesiredList = {
  name: string;
  filterBranch: FilterBranch;
  /** Set when something else keeps the filters up to date: setup creates the list, then leaves them alone. */
  filtersKeptBy?: string;
};

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
    // Happy customers who said yes: references and case studies for sales and marketing.
    name: `${APP_DISPLAY_PREFIX} Ready to advocate`,
    filterBranch: anyOf([
      isAnyOf(PROPERTIES.bucket.name, ['need_you']),
      isAnyOf(PROPERTIES.advocacy.name, WILLING_ADVOCACY),
    ]),
  },
  {
    name: `${APP_DISPLAY_PREFIX} Not asked in ${REVIEW_STALE_AFTER_DAYS} days`,
    filterBranch: anyOf(
      [propertyFilter(PROPERTIES.lastReviewedAt.name, beforeTodayOperation(-REVIEW_STALE_AFTER_DAYS))],
      [propertyFilter(PROPERTIES.lastReviewedAt.name, hasNoValueOperation())],
    ),
  },
  // The bucket plays' lists (src/plays).
  {
    name: LIST_NAMES.openConcerns,
    filterBranch: anyOf([isAnyOf(PROPERTIES.bucket.name, [CONCERNS_BUCKET]), isKnown(PROPERTIES.openConcerns.name)]),
  },
  {
    name: LIST_NAMES.plannedExits,
    filterBranch: anyOf([
      isAnyOf(PROPERTIES.bucket.name, [RE_RECRUIT_BUCKET]),
      isAnyOf(PROPERTIES.winWinDecision.name, ['no_win_win']),
    ]),
  },
  {
    name: PROSPECTS_LIST_NAME,
    filterBranch: prospectsFilterBranch([]),
    filtersKeptBy: 'the daily lookalike refresh',
  },
];

export const LIST_NAMES = {
  openConcerns: `${APP_DISPLAY_PREFIX} It's OK with open concerns`,
  plannedExits: `${APP_DISPLAY_PREFIX} Planned exits`,
};

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
  renewalAskToAdvocate: `${APP_DISPLAY_PREFIX} Renewal: We need you, ask to advocate`,
  stalledPlan: `${APP_DISPLAY_PREFIX} Stalled plan`,
  customerStuck: `${APP_DISPLAY_PREFIX} Customer stuck`,
  healthDrop: `${APP_DISPLAY_PREFIX} Health dropped`,
  planExit: `${APP_DISPLAY_PREFIX} Renewal: plan the exit`,
  concerns: `${APP_DISPLAY_PREFIX} Address their concerns`,
};

/** The names setup gives the app's workflows: how the app finds them in HubSpot. */
export const appWorkflowNames = () => [
  WORKFLOW_NAMES.reRecruit,
  ...BUCKETS.map((bucket) => WORKFLOW_NAMES.renewal(bucket.label)),
  WORKFLOW_NAMES.renewalAskToAdvocate,
  WORKFLOW_NAMES.stalledPlan,
  WORKFLOW_NAMES.customerStuck,
  WORKFLOW_NAMES.healthDrop,
  WORKFLOW_NAMES.planExit,
  WORKFLOW_NAMES.concerns,
];

/** "We need you" renewals come in two: one asks for a reference or case study, while nobody has. */
const ADVOCATE_BUCKET: Bucket = 'need_you';

/**
 * The workflows that create re-recruit, renewal (worded per bucket) and stalled-plan tasks. A company is
 * enrolled again when the property that brought it in changes again while it meets the criteria: a new
 * move to the bucket, a new renewal date, a new overdue step.
 */
export const desiredFlows = (options: SetupOptions): FlowDefinition[] => {
  const plays = options.plays ?? playSwitches(DEFAULT_PLAYS);
  // Every task names the company and carries the facts, through HubSpot's personalization tokens.
  const facts = briefTokens(enrolledObjectToken, {
    renewalDate: options.renewalDateProperty,
    revenue: options.revenueProperty,
  });
  const briefed = (template: TaskTemplate): TaskTemplate => ({ ...template, ...briefedTask(template, facts) });
  const reRecruitFilter = isAnyOf(PROPERTIES.bucket.name, [RE_RECRUIT_BUCKET]);
  const reRecruit = companyFlow({
    name: WORKFLOW_NAMES.reRecruit,
    description: `A company enters "Who are you?": task for its success manager. ${MANAGED}`,
    enabled: options.workflows === 'enable',
    enrollment: anyOf([reRecruitFilter]),
    reEnrollWhen: [changesToMatch(reRecruitFilter)],
    actions: [
      createTaskAction({
        actionId: '1',
        template: briefed(RE_RECRUIT_TASK),
        assigneeProperty: PROPERTIES.successManager.name,
      }),
    ],
  });
  /**
   * `only`: the enrollment's variants (ORed) on top of bucket and renewal date: whether they were asked to
   * advocate, and for "Who are you?" with the exit play, whether a win-win was found.
   */
  const renewal = (
    name: string,
    bucket: Bucket,
    only: PropertyFilter[][],
    template: TaskTemplate = renewalTask(bucket, only !== ADVOCACY_UNKNOWN),
  ) => {
    const renews = [isAnyOf(PROPERTIES.bucket.name, [bucket]), isKnown(options.renewalDateProperty)];
    const groups = only.length ? only.map((filters) => [...renews, ...filters]) : [renews];
    return companyFlow({
      name,
      description: `${options.renewalLeadDays} days before ${options.renewalDateProperty}: task for the owner. ${MANAGED}`,
      enabled: options.workflows === 'enable',
      enrollment: anyOf(...groups),
      // A new renewal date or a move to the bucket starts a renewal again; recording the advocacy answer does not.
      reEnrollWhen: renews.map(changesToMatch),
      actions: [
        delayUntilDateAction({
          actionId: '1',
          nextActionId: '2',
          dateProperty: options.renewalDateProperty,
          daysBefore: options.renewalLeadDays,
        }),
        createTaskAction({ actionId: '2', template: briefed(template), assigneeProperty: 'hubspot_owner_id' }),
      ],
    });
  };
  const decision = (values: string[]) => isAnyOf(PROPERTIES.winWinDecision.name, values);
  /** "Who are you?" renews as usual unless no win-win was found (the exit play). */
  const variantsOf = (bucket: Bucket): PropertyFilter[][] => {
    if (bucket === ADVOCATE_BUCKET) return ADVOCACY_KNOWN;
    if (bucket === RE_RECRUIT_BUCKET && plays.exit) {
      return [
        [propertyFilter(PROPERTIES.winWinDecision.name, hasNoValueOperation())],
        [decision(['win_win', 'undecided'])],
      ];
    }
    return [];
  };
  const renewals = [
    ...BUCKETS.map((bucket) => renewal(WORKFLOW_NAMES.renewal(bucket.label), bucket.value, variantsOf(bucket.value))),
    renewal(WORKFLOW_NAMES.renewalAskToAdvocate, ADVOCATE_BUCKET, ADVOCACY_UNKNOWN),
  ];
  const planExit = renewal(
    WORKFLOW_NAMES.planExit,
    RE_RECRUIT_BUCKET,
    [[decision(['no_win_win'])]],
    renewalTask(RE_RECRUIT_BUCKET, true, true),
  );
  const stalled = companyFlow({
    name: WORKFLOW_NAMES.stalledPlan,
    description: `The earliest open plan step is past due: task for the owner. ${MANAGED}`,
    enabled: options.workflows === 'enable',
    enrollment: anyOf([propertyFilter(PROPERTIES.planNextDue.name, beforeTodayOperation())]),
    // No value test: "changed to a date before today" is what the enrollment criteria check already.
    reEnrollWhen: [propertyChangeTrigger(PROPERTIES.planNextDue.name)],
    actions: [
      createTaskAction({ actionId: '1', template: briefed(STALLED_PLAN_TASK), assigneeProperty: 'hubspot_owner_id' }),
    ],
  });
  const stuck = companyFlow({
    name: WORKFLOW_NAMES.customerStuck,
    description: `Every open step the customer owns is 14 days past due: task for the owner. ${MANAGED}`,
    enabled: options.workflows === 'enable',
    enrollment: anyOf([propertyFilter(PROPERTIES.customerStuckOn.name, beforeTodayOperation())]),
    reEnrollWhen: [propertyChangeTrigger(PROPERTIES.customerStuckOn.name)],
    actions: [
      createTaskAction({ actionId: '1', template: briefed(CUSTOMER_STUCK_TASK), assigneeProperty: 'hubspot_owner_id' }),
    ],
  });
  // Each save that raises a signal stamps when: a new stamp enrolls the company again.
  const healthDrop = companyFlow({
    name: WORKFLOW_NAMES.healthDrop,
    description: `A save lowered the customer's health: task for the owner saying what changed. ${MANAGED}`,
    enabled: options.workflows === 'enable',
    enrollment: anyOf([isKnown(PROPERTIES.healthSignalAt.name)]),
    reEnrollWhen: [propertyChangeTrigger(PROPERTIES.healthSignalAt.name)],
    actions: [
      createTaskAction({
        actionId: '1',
        template: briefed(healthDropTask(enrolledObjectToken(PROPERTIES.healthSignal.name))),
        assigneeProperty: 'hubspot_owner_id',
      }),
    ],
  });
  // "It's OK" with concerns no step of ours addresses: a new set of open concerns enrolls the company again.
  const concernsFilters = [isAnyOf(PROPERTIES.bucket.name, [CONCERNS_BUCKET]), isKnown(PROPERTIES.openConcerns.name)];
  const concerns = companyFlow({
    name: WORKFLOW_NAMES.concerns,
    description: `"It's OK" with concerns no plan step of ours addresses: task for the owner naming them. ${MANAGED}`,
    enabled: options.workflows === 'enable',
    enrollment: anyOf(concernsFilters),
    reEnrollWhen: concernsFilters.map(changesToMatch),
    actions: [
      createTaskAction({
        actionId: '1',
        template: briefed(concernsTask(enrolledObjectToken(PROPERTIES.openConcerns.name))),
        assigneeProperty: 'hubspot_owner_id',
      }),
    ],
  });
  return [
    reRecruit,
    ...renewals,
    stalled,
    stuck,
    healthDrop,
    ...(plays.exit ? [planExit] : []),
    ...(plays.concerns ? [concerns] : []),
  ];
};

const ADVOCACY_KNOWN: PropertyFilter[][] = [[propertyFilter(PROPERTIES.advocacy.name, isKnownOperation())]];
const ADVOCACY_UNKNOWN: PropertyFilter[][] = [[propertyFilter(PROPERTIES.advocacy.name, hasNoValueOperation())]];
