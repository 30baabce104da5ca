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
    revenue: read('revenue'),
  };
};

/** The facts as tokens HubSpot fills in when the workflow creates the task (`token` builds one per property). */
export const briefTokens = (token: (property: string) => string, sources: BriefSources): BriefFacts => {
  const names = briefProperties(sources);
  return Object.fromEntries(Object.entries(names).map(([fact, property]) => [fact, token(property)])) as BriefFacts;
};

/** The task's subject names the company; its body starts with what is asked, then the facts. */
export const briefedTask = (
  task: { subject: string; body: string },
  facts: BriefFacts,
): { subject: string; body: string } => ({
  subject: `${facts.companyName}: ${task.subject}`,
  body: [
    task.body,
    `Why they care, in their words: "${facts.answer}" (${facts.answeredBy}, ${facts.answeredByRole}, asked on ${facts.askedOn}).`,
    `Desired outcome: ${facts.requiredOutcome}. How they need to get there: ${facts.appropriateExperience}.`,
    `Success plan: ${facts.stepsDone} of ${facts.stepsTotal} steps done; overdue: ${facts.overdueCustomer} on their side, ${facts.overdueUs} on ours.`,
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
