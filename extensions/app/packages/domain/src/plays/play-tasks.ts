import { addDays, daysBetween, type IsoDate } from '../dates';
import { taskKey, type TaskIntent, type TaskTemplate } from '../task-rules';
import { type Buyer } from './ask-buyer';
import { concernsPeriod } from './concerns';

/** The tasks the plays give: each says what is asked of its recipient (the brief adds the facts). */
export const concernsTask = (openConcerns: string): TaskTemplate => ({
  kind: 'concerns',
  assignee: 'owner',
  subject: 'Address their concerns',
  body:
    `They told us "It's OK" and worry about: ${openConcerns}. No step of ours in the success plan addresses ` +
    'these yet: agree with them on one step per concern, owned by us, and add it to the plan.',
  priority: 'HIGH',
  dueInDays: 3,
});

/** The follow-up of a re-recruit still undecided FOLLOW_UP_AFTER_DAYS or more after it started. */
export const followUpTask = (reRecruitStartedOn: IsoDate, today: IsoDate): TaskTemplate => ({
  kind: 're_recruit_follow_up',
  assignee: 'success_manager',
  subject: 'Re-recruit still undecided: win-win or exit?',
  body:
    `They asked "Who are you?" on ${reRecruitStartedOn} (${daysBetween(reRecruitStartedOn, today)} days ago) ` +
    'and nobody has decided yet. Decide on the card: a win-win found (re-recruit them) or no win-win (plan the ' +
    'exit), and say why.',
  priority: 'HIGH',
  dueInDays: 2,
});

const ASK = 'and ask them: "Why do you care about us?" Write down their answer in their words on the card.';

export const askBuyerTask = (buyer: Buyer | null): TaskTemplate => ({
  kind: 'ask_buyer',
  assignee: 'owner',
  subject: 'Ask why they care',
  body: buyer
    ? `Call ${buyer.name} (${buyer.role}${buyer.email ? `, ${buyer.email}` : ''}) ${ASK}`
    : 'None of their contacts is recorded as decision maker or budget holder (buying role): find the buyer, ' +
      `call them ${ASK}`,
  priority: 'MEDIUM',
  dueInDays: 0,
});

const playIntent = (companyId: string, template: TaskTemplate, period: string, today: IsoDate): TaskIntent => ({
  key: taskKey(template.kind, companyId, period),
  companyId,
  template,
  dueDate: addDays(today, template.dueInDays),
});

/** Once per set of open concerns (their values): the task names them by their labels. */
export const concernsTaskFor = (
  companyId: string,
  open: { values: readonly string[]; labels: string },
  today: IsoDate,
): TaskIntent => playIntent(companyId, concernsTask(open.labels), concernsPeriod(open.values), today);

/** Once per re-recruit: its start day is the period. */
export const followUpTaskFor = (companyId: string, reRecruitStartedOn: IsoDate, today: IsoDate): TaskIntent =>
  playIntent(companyId, followUpTask(reRecruitStartedOn, today), reRecruitStartedOn, today);

/** Once per company and day (and, by the pick, once per owner and day). */
export const askBuyerTaskFor = (companyId: string, buyer: Buyer | null, today: IsoDate): TaskIntent =>
  playIntent(companyId, askBuyerTask(buyer), today, today);
