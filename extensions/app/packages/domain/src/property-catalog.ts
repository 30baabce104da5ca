import { ADVOCACY } from './advocacy';
import { BUCKETS } from './buckets';
import { WIN_WIN_DECISIONS } from './plays/win-win';
import { QUADRANTS } from './quadrant';
import { type TagKind, TAGS } from './tags';

/** Every HubSpot name the app owns starts with this prefix, so setup can recognise its own. */
export const APP_PREFIX = 'wtc_';
export const APP_DISPLAY_PREFIX = '[Why They Care]';

export const PROPERTY_GROUP = {
  name: 'why_they_care',
  label: 'Why They Care',
  displayOrder: -1,
} as const;

export type PropertyType = 'string' | 'number' | 'date' | 'datetime' | 'enumeration';
export type FieldType = 'text' | 'textarea' | 'number' | 'date' | 'select' | 'checkbox';

export type PropertyOption = { label: string; value: string; description: string };

export type PropertyDefinition = {
  name: string;
  label: string;
  description: string;
  type: PropertyType;
  fieldType: FieldType;
  options?: readonly PropertyOption[];
  /** Set for HubSpot-user properties: the value is an owner id chosen from the account's users. */
  referencedObjectType?: 'OWNER';
  /**
   * The options are the admin's to edit in HubSpot's property settings: setup creates the property with
   * `options` as a start and never changes its options afterwards.
   */
  optionsOwnedByAdmin?: true;
};

const optionsOf = (choices: readonly { value: string; label: string; meaning: string }[]): PropertyOption[] =>
  choices.map(({ value, label, meaning }) => ({ value, label, description: meaning }));

const text = (name: string, label: string, description: string): PropertyDefinition => ({
  name: `${APP_PREFIX}${name}`,
  label,
  description,
  type: 'string',
  fieldType: 'text',
});
const longText = (name: string, label: string, description: string): PropertyDefinition => ({
  ...text(name, label, description),
  fieldType: 'textarea',
});
const num = (name: string, label: string, description: string): PropertyDefinition => ({
  name: `${APP_PREFIX}${name}`,
  label,
  description,
  type: 'number',
  fieldType: 'number',
});
const date = (name: string, label: string, description: string): PropertyDefinition => ({
  name: `${APP_PREFIX}${name}`,
  label,
  description,
  type: 'date',
  fieldType: 'date',
});
const instant = (name: string, label: string, description: string): PropertyDefinition => ({
  ...date(name, label, description),
  type: 'datetime',
});
const bucketChoice = (name: string, label: string, description: string): PropertyDefinition => ({
  name: `${APP_PREFIX}${name}`,
  label,
  description,
  type: 'enumeration',
  fieldType: 'select',
  options: optionsOf(BUCKETS),
});
/** A checkbox (multi-select) property whose options the admin edits; setup starts it with the defaults. */
const tagList = (name: string, kind: TagKind, description: string): PropertyDefinition => ({
  name: `${APP_PREFIX}${name}`,
  label: `Why they care: ${TAGS[kind].label.toLowerCase()}`,
  description,
  type: 'enumeration',
  fieldType: 'checkbox',
  options: TAGS[kind].defaults,
  optionsOwnedByAdmin: true,
});

/** The one declaration of every company property the app reads or writes. */
export const PROPERTIES = {
  bucket: {
    name: `${APP_PREFIX}bucket`,
    label: 'Why they care',
    description: "Why the customer keeps paying, in their own words: We need you / It's OK / Who are you?",
    type: 'enumeration',
    fieldType: 'select',
    options: optionsOf(BUCKETS),
  },
  answer: longText(
    'answer',
    'Why they care: their answer',
    'The customer\'s verbatim answer to "why do you care about us?"',
  ),
  answeredByName: text('answered_by_name', 'Why they care: answered by', 'Who gave the answer.'),
  answeredByRole: text('answered_by_role', 'Why they care: their role', 'The role of the person who answered.'),
  askedOn: date('asked_on', 'Why they care: asked on', 'When the customer was asked.'),
  requiredOutcome: longText('required_outcome', 'Required outcome', 'What the customer must achieve.'),
  appropriateExperience: longText(
    'appropriate_experience',
    'Appropriate experience',
    'How the customer needs to achieve their outcome.',
  ),
  successMetrics: longText(
    'success_metrics',
    'Success metrics (JSON)',
    "The customer's own success metrics, kept by the app.",
  ),
  planSteps: longText('plan_steps', 'Success plan steps (JSON)', 'The success plan steps, kept by the app.'),
  planStepsTotal: num('plan_steps_total', 'Success plan: steps', 'Number of steps in the success plan.'),
  planStepsDone: num('plan_steps_done', 'Success plan: steps done', 'Number of steps done.'),
  planOverdueCustomer: num(
    'plan_overdue_customer',
    'Success plan: overdue (customer)',
    'Open steps owned by the customer that were past due at the last save.',
  ),
  planOverdueUs: num(
    'plan_overdue_us',
    'Success plan: overdue (us)',
    'Open steps owned by us that were past due at the last save.',
  ),
  planNextDue: date(
    'plan_next_due',
    'Success plan: next step due',
    'Earliest due date of an open step. In the past means the plan is stalled.',
  ),
  customerHappiness: num('customer_happiness', 'Customer happiness (1-4)', 'How happy the customer is with us.'),
  companyHappiness: num(
    'company_happiness',
    'Company happiness (1-4)',
    'How happy we are with the customer (profitability).',
  ),
  quadrant: {
    name: `${APP_PREFIX}quadrant`,
    label: 'Health quadrant',
    description: 'Derived from customer happiness and company happiness.',
    type: 'enumeration',
    fieldType: 'select',
    options: optionsOf(QUADRANTS),
  },
  renewalDate: date('renewal_date', 'Renewal date', 'When the contract renews.'),
  lastReviewedAt: {
    name: `${APP_PREFIX}last_reviewed_at`,
    label: 'Why they care: last reviewed at',
    description: 'When an account manager last saved the profile.',
    type: 'datetime',
    fieldType: 'date',
  },
  lastReviewedBy: text('last_reviewed_by', 'Why they care: last reviewed by', 'Who last saved the profile.'),
  version: num(
    'version',
    'Why they care: version',
    'Increases on every save; guards against overwriting a newer save.',
  ),
  lastSaveId: text(
    'last_save_id',
    'Why they care: last save id',
    'Identifies the last save so a retried request is not applied twice.',
  ),
  successManager: {
    name: `${APP_PREFIX}success_manager`,
    label: 'Success manager',
    description: "The manager who receives re-recruit tasks. Filled from the owner's team on save.",
    type: 'enumeration',
    fieldType: 'select',
    referencedObjectType: 'OWNER',
  },
  reRecruitTaskKey: text(
    're_recruit_task_key',
    'Automation: last re-recruit task',
    'Identity of the last re-recruit task created (direct mode).',
  ),
  renewalTaskKey: text(
    'renewal_task_key',
    'Automation: last renewal task',
    'Identity of the last renewal task created (direct mode).',
  ),
  stalledPlanTaskKey: text(
    'stalled_plan_task_key',
    'Automation: last stalled-plan task',
    'Identity of the last stalled-plan task created (direct mode).',
  ),
  // The plan shared with the customer: segment templates, the customer's link, signals, advocates.
  segment: text('segment', 'Plan segment', 'The segment (by appropriate experience) whose plan template fits them.'),
  advocacy: {
    name: `${APP_PREFIX}advocacy`,
    label: 'Will advocate for us',
    description: 'Whether the customer will be a reference or a case study. Empty: nobody asked yet.',
    type: 'enumeration',
    fieldType: 'select',
    options: optionsOf(ADVOCACY),
  },
  advocacyFor: longText('advocacy_for', 'Will advocate for', 'What they would be a reference or case study for.'),
  customerStuckOn: date(
    'customer_stuck_on',
    'Success plan: customer stuck after',
    'The day every open step the customer owns is 14 days past due. In the past means they are stuck.',
  ),
  healthSignal: longText(
    'health_signal',
    'Health signal',
    'What the last save that lowered the health changed, and from what.',
  ),
  healthSignalAt: {
    name: `${APP_PREFIX}health_signal_at`,
    label: 'Health signal: raised at',
    description: 'When a save last lowered the health: the health-drop workflow enrolls on its change.',
    type: 'datetime',
    fieldType: 'date',
  },
  healthDropTaskKey: text(
    'health_drop_task_key',
    'Automation: last health-drop task',
    'Identity of the last health-drop task created (direct mode).',
  ),
  customerStuckTaskKey: text(
    'customer_stuck_task_key',
    'Automation: last customer-stuck task',
    'Identity of the last customer-stuck task created (direct mode).',
  ),
  sharedLink: longText(
    'shared_link',
    'Shared plan link (JSON)',
    'The live link to the plan shared with the customer, kept by the app. Empty: no live link.',
  ),
  // What the answer is about, and the facts a move leaves behind: what the home page counts (tags.ts, bucket-moves.ts).
  valueThemes: tagList(
    'value_themes',
    'valueThemes',
    'Why a "We need you" customer needs us. Edit the options to suit your business.',
  ),
  concerns: tagList(
    'concerns',
    'concerns',
    'What worries the other customers. Edit the options to suit your business.',
  ),
  leftOn: date('left_on', 'Why they care: left on', 'The day the customer left us (did not renew).'),
  planNextDueCustomer: date(
    'plan_next_due_customer',
    'Success plan: next step due (customer)',
    'Earliest due date of an open step the customer owns. In the past means they are late.',
  ),
  planNextDueUs: date(
    'plan_next_due_us',
    'Success plan: next step due (us)',
    'Earliest due date of an open step we own. In the past means we are late.',
  ),
  previousBucket: bucketChoice(
    'previous_bucket',
    'Why they care: previous bucket',
    'The bucket before the last move (empty: the first answer).',
  ),
  bucketMovedAt: instant('bucket_moved_at', 'Why they care: moved at', 'When the bucket last moved.'),
  bucketMovedBy: text('bucket_moved_by', 'Why they care: moved by', 'Who last moved the bucket.'),
  reRecruitAt: instant(
    're_recruit_at',
    'Re-recruit: started at',
    'When the company last entered "Who are you?", which starts its re-recruit task.',
  ),
  renewalPlayAt: instant(
    'renewal_play_at',
    'Renewal play: started at',
    'When the renewal task of this company was created while it was "It\'s OK": the start of its renewal play.',
  ),
  reRecruitTaskPending: text(
    're_recruit_task_pending',
    'Automation: re-recruit task being created',
    'Re-recruit tasks decided but not yet confirmed in HubSpot (direct mode); cleared once they exist.',
  ),
  renewalTaskPending: text(
    'renewal_task_pending',
    'Automation: renewal task being created',
    'Renewal tasks decided but not yet confirmed in HubSpot (direct mode); cleared once they exist.',
  ),
  stalledPlanTaskPending: text(
    'stalled_plan_task_pending',
    'Automation: stalled-plan task being created',
    'Stalled-plan tasks decided but not yet confirmed in HubSpot (direct mode); cleared once they exist.',
  ),
  customerStuckTaskPending: text(
    'customer_stuck_task_pending',
    'Automation: customer-stuck task being created',
    'Customer-stuck tasks decided but not yet confirmed in HubSpot (direct mode); cleared once they exist.',
  ),
  healthDropTaskPending: text(
    'health_drop_task_pending',
    'Automation: health-drop task being created',
    'Health-drop tasks decided but not yet confirmed in HubSpot (direct mode); cleared once they exist.',
  ),
  // The bucket plays (plays/): the win-win decision, the expected exit, open concerns, and their tasks.
  winWinDecision: {
    name: `${APP_PREFIX}win_win_decision`,
    label: 'Re-recruit: win-win decision',
    description: 'Whether a win-win exists with this "Who are you?" customer: re-recruit them, or plan the exit.',
    type: 'enumeration',
    fieldType: 'select',
    options: optionsOf(WIN_WIN_DECISIONS),
  },
  winWinReason: longText('win_win_reason', 'Re-recruit: why', 'Why the manager decided as they did.'),
  expectedExitOn: date(
    'expected_exit_on',
    'Expected exit',
    'No win-win: the day they are expected to leave (their renewal date). For the revenue forecast.',
  ),
  openConcerns: longText(
    'open_concerns',
    'Open concerns',
    '"It\'s OK" customers: their concerns that no plan step of ours addresses yet.',
  ),
  concernsTaskKey: text(
    'concerns_task_key',
    'Automation: last concerns task',
    'Identity of the last "address their concerns" task created (direct mode).',
  ),
  followUpTaskKey: text(
    'follow_up_task_key',
    'Automation: last re-recruit follow-up',
    'Identity of the last follow-up of an undecided re-recruit.',
  ),
  askBuyerTaskKey: text(
    'ask_buyer_task_key',
    'Automation: last "ask why they care" task',
    'Identity of the last "ask one buyer a day" task for this customer.',
  ),
  askBuyerTaskOn: date(
    'ask_buyer_task_on',
    'Ask why they care: last task on',
    "The day the owner was last given a task to ask this customer's buyer why they care.",
  ),
  concernsTaskPending: text(
    'concerns_task_pending',
    'Automation: concerns task being created',
    'Concerns tasks decided but not yet confirmed in HubSpot (direct mode); cleared once they exist.',
  ),
  followUpTaskPending: text(
    'follow_up_task_pending',
    'Automation: re-recruit follow-up being created',
    'Re-recruit follow-ups decided but not yet confirmed in HubSpot (direct mode); cleared once they exist.',
  ),
  askBuyerTaskPending: text(
    'ask_buyer_task_pending',
    'Automation: "ask why they care" task being created',
    '"Ask why they care" tasks decided but not yet confirmed in HubSpot (direct mode); cleared once they exist.',
  ),
} as const satisfies Record<string, PropertyDefinition>;

export const PROPERTY_DEFINITIONS: readonly PropertyDefinition[] = Object.values(PROPERTIES);

export const APP_PROPERTY_NAMES: readonly string[] = PROPERTY_DEFINITIONS.map((property) => property.name);

/** HubSpot's own company properties the app reads. */
export const HUBSPOT_PROPERTIES = {
  name: 'name',
  owner: 'hubspot_owner_id',
} as const;
