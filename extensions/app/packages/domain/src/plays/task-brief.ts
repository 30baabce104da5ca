import { parseHubSpotDate } from '../dates';
import { type HubSpotProperties, PROFILE_READ_PROPERTIES } from '../profile-mapping';
import { HUBSPOT_PROPERTIES, PROPERTIES } from '../property-catalog';
import { type TaskIntent } from '../task-rules';

/**
 * Every task carries what its recipient needs to act, so nobody has to open the card to know why it exists:
 * the company in the subject; in the body the decision asked, the customer's words (who, when), the desired
 * outcome, the plan's progress and overdue steps by side, the renewal date and the revenue at stake.
 * Direct mode fills the facts from the company's properties; workflows mode with HubSpot's personalization
 * tokens of the enrolled company (see the contract's unverified-formats), from the same wording.
 */
export type BriefFacts = {
  companyName: string;
  answer: string;
  answeredBy: string;
  answeredByRole: string;
  askedOn: string;
  requiredOutcome: string;
  appropriateExperience: string;
  stepsDone: string;
  stepsTotal: string;
  overdueCustomer: string;
  overdueUs: string;
  renewalDate: string;
  revenue: string;
};

/**
 * The company properties of the configurable facts: the renewal date (RENEWAL_DATE_PROPERTY) and the
 * revenue at stake (REVENUE_PROPERTY, by default HubSpot's calculated sum of closed-won deals).
 */
export type BriefSources = { renewalDate: string; revenue: string };

/** Which company property holds each fact. */
export const briefProperties = (sources: BriefSources): Record<keyof BriefFacts, string> => ({
  companyName: HUBSPOT_PROPERTIES.name,
  answer: PROPERTIES.answer.name,
  answeredBy: PROPERTIES.answeredByName.name,
  answeredByRole: PROPERTIES.answeredByRole.name,
  askedOn: PROPERTIES.askedOn.name,
  requiredOutcome: PROPERTIES.requiredOutcome.name,
  appropriateExperience: PROPERTIES.appropriateExperience.name,
  stepsDone: PROPERTIES.planStepsDone.name,
  stepsTotal: PROPERTIES.planStepsTotal.name,
  overdueCustomer: PROPERTIES.planOverdueCustomer.name,
  overdueUs: PROPERTIES.planOverdueUs.name,
  renewalDate: sources.renewalDate,
  revenue: sources.revenue,
});

/**
 * The properties every reader of a company that may create a task adds to its read (the save, the daily
 * passes, webhooks, the import): in the same call, so a brief costs no request of its own.
 */
export const briefReadProperties = (sources: BriefSources): string[] => [
  ...new Set(Object.values(briefProperties(sources))),
];

/** A profile's read when a save or an import may create a task: the profile and what the task says, one call. */
export const profileAndBriefProperties = (sources: BriefSources): string[] => [
  ...new Set([...PROFILE_READ_PROPERTIES, ...briefReadProperties(sources)]),
];

const NOT_RECORDED = 'not recorded';

/** The facts as stored on the company (direct mode); a blank reads "not recorded". */
export const briefFromProperties = (
  properties: HubSpotProperties,
  sources: BriefSources,
  companyId?: string,
): BriefFacts => {
  const names = briefProperties(sources);
  const read = (fact: keyof BriefFacts) => properties[names[fact]]?.trim() || NOT_RECORDED;
  const day = (fact: keyof BriefFacts) => parseHubSpotDate(properties[names[fact]]) ?? NOT_RECORDED;
  const count = (fact: keyof BriefFacts) => properties[names[fact]]?.trim() || '0';
  return {
    companyName:
      properties[names.companyName]?.trim() || `Company ${companyId ?? properties.hs_object_id ?? ''}`.trim(),
    answer: read('answer'),
    answeredBy: read('answeredBy'),
    answeredByRole: read('answeredByRole'),
    askedOn: day('askedOn'),
    requiredOutcome: read('requiredOutcome'),
    appropriateExperience: read('appropriateExperience'),
    stepsDone: count('stepsDone'),
    stepsTotal: count('stepsTotal'),
    overdueCustomer: count('overdueCustomer'),
    overdueUs: count('overdueUs'),
    renewalDate: day('renewalDate'),
    revenue: amount(read('revenue')),
  };
};

/** "480000" reads "480,000" (the amount in the account's currency, which HubSpot does not give with it). */
const amount = (value: string): string => {
  const number = Number(value);
  return value !== NOT_RECORDED && Number.isFinite(number)
    ? number.toLocaleString('en-US', { maximumFractionDigits: 2 })
    : value;
};

/** The facts as tokens HubSpot fills in when the workflow creates the task (`token` builds one per property). */
export const briefTokens = (token: (property: string) => string, sources: BriefSources): BriefFacts => {
  const names = briefProperties(sources);
  return Object.fromEntries(Object.entries(names).map(([fact, property]) => [fact, token(property)])) as BriefFacts;
};

const recorded = (...values: string[]) => values.filter((value) => value !== NOT_RECORDED);

/** The customer's words with who said them and when; a company never asked says so instead of blanks. */
const answerLine = (facts: BriefFacts): string => {
  if (facts.answer === NOT_RECORDED) return 'Why they care, in their words: not asked yet.';
  const said = recorded(
    facts.answeredBy,
    facts.answeredByRole,
    ...recorded(facts.askedOn).map((day) => `asked on ${day}`),
  );
  return `Why they care, in their words: "${facts.answer}"${said.length ? ` (${said.join(', ')})` : ''}.`;
};

const outcomeLine = (facts: BriefFacts): string =>
  recorded(facts.requiredOutcome, facts.appropriateExperience).length
    ? `Desired outcome: ${facts.requiredOutcome}. How they need to get there: ${facts.appropriateExperience}.`
    : 'Desired outcome: not recorded yet.';

const planLine = (facts: BriefFacts): string =>
  facts.stepsTotal === '0'
    ? 'Success plan: no steps yet.'
    : `Success plan: ${facts.stepsDone} of ${facts.stepsTotal} steps done; overdue: ${facts.overdueCustomer} on their side, ${facts.overdueUs} on ours.`;

/** The task's subject names the company; its body starts with what is asked, then the facts. */
export const briefedTask = (
  task: { subject: string; body: string },
  facts: BriefFacts,
): { subject: string; body: string } => ({
  subject: `${facts.companyName}: ${task.subject}`,
  body: [
    task.body,
    answerLine(facts),
    outcomeLine(facts),
    planLine(facts),
    `Renewal: ${facts.renewalDate}. Revenue at stake: ${facts.revenue}.`,
  ].join('\n'),
});

/** The intent with its brief (direct mode): the company's properties as they are once the save is stored. */
export const withBrief = (intent: TaskIntent, properties: HubSpotProperties, sources: BriefSources): TaskIntent => ({
  ...intent,
  template: {
    ...intent.template,
    ...briefedTask(intent.template, briefFromProperties(properties, sources, intent.companyId)),
  },
});
