import {
  addDays,
  askBuyerTaskFor,
  askedBefore,
  briefReadProperties,
  type BriefSources,
  buyerToCall,
  companiesToAsk,
  concernLabeller,
  concernLabels,
  concernsTaskFor,
  CONCERNS_BUCKET,
  FOLLOW_UP_AFTER_DAYS,
  followUpTaskFor,
  HUBSPOT_PROPERTIES,
  isFollowUpDue,
  isWorkingDay,
  type IsoDate,
  type LookalikeReport,
  parseBucket,
  parseHubSpotDate,
  openConcerns,
  parseWinWinDecision,
  pendingCleared,
  type PlaySwitches,
  PROPERTIES,
  RE_RECRUIT_BUCKET,
  readPendingKeys,
  readProfileDraft,
  recordIntent,
  type TagOption,
  TASK_LEDGER,
  type TaskIntent,
  withBrief,
} from '@why-they-care/domain';
import { type SearchFilter, searchDateValue } from '@why-they-care/hubspot-contract';
import { type Logger } from 'pino';

import { type CompaniesApi, type CompanyValues } from '../hubspot/companies';
import { type ContactsApi } from '../hubspot/contacts';
import { HubSpotError } from '../hubspot/errors';
import { type TasksApi } from '../hubspot/tasks';
import { type FilterGroups, portfolio } from '../portfolio/portfolio-filters';
import { type Lookalikes } from './lookalikes';

export type PlaysOptions = {
  today: IsoDate;
  /** Where each task finds the facts it states. */
  briefSources: BriefSources;
  /** Direct mode: the backend creates the concerns task; in workflows mode, HubSpot's workflow does. */
  direct: boolean;
};

export type PlaysSummary = { lookalikes: LookalikeReport | null; tasksCreated: number; taskKeys: string[] };

type PlannedTask = { intent: TaskIntent; ownerId: string | null; record: Record<string, string> };

const READ = [
  PROPERTIES.bucket.name,
  PROPERTIES.openConcerns.name,
  PROPERTIES.winWinDecision.name,
  PROPERTIES.reRecruitAt.name,
  PROPERTIES.askedOn.name,
  PROPERTIES.successManager.name,
  ...(['concerns', 're_recruit_follow_up', 'ask_buyer'] as const).flatMap((kind) => [
    TASK_LEDGER[kind].last,
    TASK_LEDGER[kind].pending,
  ]),
  PROPERTIES.askBuyerTaskOn.name,
  HUBSPOT_PROPERTIES.owner,
];

/** The ledger's record of `intent` (TASK_LEDGER): its key as the last decided, and pending until its task exists. */
const ledgerOf = (company: CompanyValues | undefined, intent: TaskIntent) =>
  recordIntent(intent, readPendingKeys(company?.properties[TASK_LEDGER[intent.template.kind].pending])).properties;

const OWNED: SearchFilter = { propertyName: HUBSPOT_PROPERTIES.owner, operator: 'HAS_PROPERTY' };

/**
 * The bucket plays' daily pass, in both automation modes (HubSpot's workflows cannot pick one company per
 * owner per day, nor wait on an undecided re-recruit): the lookalike segments and their list, the follow-up
 * of re-recruits undecided for 14 days, one buyer a day per owner, and in direct mode the concerns tasks.
 * Search finds the candidates, a batch read decides (search trails writes). Each task's key is recorded on
 * the company before the task is created, so a run that stops half-way never creates a task twice.
 */
export const createPlaysPass = (deps: {
  companies: CompaniesApi;
  tasks: TasksApi;
  contacts: ContactsApi;
  lookalikes: Lookalikes;
  plays: PlaySwitches;
  /** The account's concern options as last read (the admin may rename them), or null while not known. */
  concernOptions: () => readonly TagOption[] | null;
  logger: Logger;
}) => {
  /** Companies any of the searches finds, read by id with what the plays decide on and what tasks say. */
  const candidates = async (searches: FilterGroups[], read: string[]): Promise<CompanyValues[]> => {
    const found = new Set<string>();
    for (const [first = [], ...others] of searches) {
      await deps.companies.searchIds(first, (ids) => ids.forEach((id) => found.add(id)), others);
    }
    return found.size ? deps.companies.batchRead([...found], read) : [];
  };

  const ownerOf = (company: CompanyValues) => company.properties[HUBSPOT_PROPERTIES.owner] || null;

  /**
   * The concerns no step of ours addresses, decided again from the company's concerns and plan (as the save
   * decides them) with the account's labels now: the task names them as the account does, and its period
   * is their values, so a label renamed since the save neither hides a step nor makes a second task.
   */
  const concerns = (companies: CompanyValues[], today: IsoDate): PlannedTask[] => {
    const labelOf = concernLabeller(deps.concernOptions());
    return companies.flatMap((company) => {
      const { whyTheyCare, successPlan } = readProfileDraft(company.properties);
      if (whyTheyCare.bucket !== CONCERNS_BUCKET) return [];
      const values = openConcerns(whyTheyCare.concerns, successPlan.steps, labelOf);
      if (!values.length) return [];
      const intent = concernsTaskFor(company.id, { values, labels: concernLabels(values, labelOf) }, today);
      if (company.properties[PROPERTIES.concernsTaskKey.name] === intent.key) return [];
      return [{ intent, ownerId: ownerOf(company), record: ledgerOf(company, intent) }];
    });
  };

  const followUps = (companies: CompanyValues[], today: IsoDate): PlannedTask[] =>
    companies.flatMap((company) => {
      const { properties } = company;
      const reRecruitStartedOn = parseHubSpotDate(properties[PROPERTIES.reRecruitAt.name]);
      const due = isFollowUpDue({
        bucket: parseBucket(properties[PROPERTIES.bucket.name]),
        decision: parseWinWinDecision(properties[PROPERTIES.winWinDecision.name]),
        reRecruitStartedOn,
        today,
      });
      if (!due || !reRecruitStartedOn) return [];
      const intent = followUpTaskFor(company.id, reRecruitStartedOn, today);
      if (properties[PROPERTIES.followUpTaskKey.name] === intent.key) return [];
      const manager = properties[PROPERTIES.successManager.name] || ownerOf(company);
      return [{ intent, ownerId: manager, record: ledgerOf(company, intent) }];
    });

  let contactsRefused = false;
  /** The buyer to name; none when the account has no buying roles, or contacts cannot be read (the scope). */
  const buyerOf = async (companyId: string) => {
    if (contactsRefused) return null;
    try {
      return buyerToCall(await deps.contacts.ofCompany(companyId));
    } catch (error) {
      if (!(error instanceof HubSpotError) || error.code !== 'HUBSPOT_FORBIDDEN') throw error;
      contactsRefused = true;
      deps.logger.warn(
        'HubSpot refused to read contacts (scope crm.objects.contacts.read): "ask why they care" tasks name no buyer',
      );
      return null;
    }
  };

  const askBuyers = async (companies: CompanyValues[], today: IsoDate): Promise<PlannedTask[]> => {
    const byId = new Map(companies.map((company) => [company.id, company]));
    const picks = companiesToAsk(
      companies.map((company) => ({
        companyId: company.id,
        ownerId: ownerOf(company),
        askedOn: parseHubSpotDate(company.properties[PROPERTIES.askedOn.name]),
        askTaskOn: parseHubSpotDate(company.properties[PROPERTIES.askBuyerTaskOn.name]),
      })),
      today,
    );
    const planned: PlannedTask[] = [];
    for (const pick of picks) {
      const intent = askBuyerTaskFor(pick.companyId, await buyerOf(pick.companyId), today);
      planned.push({
        intent,
        ownerId: pick.ownerId,
        record: { ...ledgerOf(byId.get(pick.companyId), intent), [PROPERTIES.askBuyerTaskOn.name]: today },
      });
    }
    return planned;
  };

  /**
   * Keys first, recorded as decided and pending (TASK_LEDGER), in one batch update (one input per company), then
   * the tasks, then the pending keys cleared; a failed create un-records them. A crash after the record leaves
   * pending keys, which the direct-mode pass checks against HubSpot's tasks and creates if missing.
   */
  const createOnce = async (planned: PlannedTask[], byId: Map<string, CompanyValues>, options: PlaysOptions) => {
    if (!planned.length) return;
    const records = new Map<string, Record<string, string>>();
    for (const { intent, record } of planned)
      records.set(intent.companyId, { ...records.get(intent.companyId), ...record });
    const toInputs = (clear: boolean) =>
      [...records].map(([id, properties]) => ({
        id,
        properties: clear ? Object.fromEntries(Object.keys(properties).map((name) => [name, ''])) : properties,
      }));
    await deps.companies.batchUpdate(toInputs(false));
    try {
      await deps.tasks.createMany(
        planned.map(({ intent, ownerId }) => ({
          intent: withBrief(intent, byId.get(intent.companyId)?.properties ?? {}, options.briefSources),
          ownerId,
        })),
      );
    } catch (error) {
      await deps.companies.batchUpdate(toInputs(true)).catch((clearError: unknown) => {
        deps.logger.error({ err: clearError }, 'play task keys could not be cleared');
      });
      throw error;
    }
    const cleared = new Map<string, Record<string, string>>();
    for (const { intent } of planned)
      cleared.set(intent.companyId, { ...cleared.get(intent.companyId), ...pendingCleared(intent.template.kind) });
    await deps.companies.batchUpdate([...cleared].map(([id, properties]) => ({ id, properties })));
  };

  return async (options: PlaysOptions): Promise<PlaysSummary> => {
    const { today, plays } = { ...options, plays: deps.plays };
    const read = [...new Set([...READ, ...briefReadProperties(options.briefSources)])];
    let lookalikes: LookalikeReport | null = null;
    if (plays.lookalikes) lookalikes = await deps.lookalikes.refresh();

    const groups: {
      on: boolean;
      /** One search each: its filter groups. */
      searches: FilterGroups[];
      /** What this play reads beside what every play and task reads. */
      reads?: string[];
      plan: (found: CompanyValues[]) => Promise<PlannedTask[]>;
    }[] = [
      {
        on: plays.concerns && options.direct,
        searches: [
          [
            [
              { propertyName: PROPERTIES.bucket.name, operator: 'EQ', value: CONCERNS_BUCKET },
              { propertyName: PROPERTIES.openConcerns.name, operator: 'HAS_PROPERTY' },
            ],
          ],
        ],
        reads: [PROPERTIES.concerns.name, PROPERTIES.planSteps.name],
        plan: async (found) => concerns(found, today),
      },
      {
        on: plays.exit,
        searches: ['NOT_HAS_PROPERTY', 'undecided'].map((decision): FilterGroups => [
          [
            { propertyName: PROPERTIES.bucket.name, operator: 'EQ', value: RE_RECRUIT_BUCKET },
            {
              propertyName: PROPERTIES.reRecruitAt.name,
              operator: 'LT',
              value: searchDateValue(addDays(today, 1 - FOLLOW_UP_AFTER_DAYS)),
            },
            decision === 'NOT_HAS_PROPERTY'
              ? { propertyName: PROPERTIES.winWinDecision.name, operator: 'NOT_HAS_PROPERTY' }
              : { propertyName: PROPERTIES.winWinDecision.name, operator: 'EQ', value: decision },
          ],
        ]),
        plan: async (found) => followUps(found, today),
      },
      {
        // Today's asks so far (a rerun, another instance) and every customer not asked in 90 days, per owner:
        // the customers as the home page counts them (CUSTOMER_RULE).
        on: plays.ask_buyer && isWorkingDay(today),
        searches: [
          portfolio(OWNED, {
            propertyName: PROPERTIES.askBuyerTaskOn.name,
            operator: 'EQ',
            value: searchDateValue(today),
          }),
          portfolio(OWNED, { propertyName: PROPERTIES.askedOn.name, operator: 'NOT_HAS_PROPERTY' }),
          portfolio(OWNED, {
            propertyName: PROPERTIES.askedOn.name,
            operator: 'LT',
            value: searchDateValue(askedBefore(today)),
          }),
        ],
        plan: (found) => askBuyers(found, today),
      },
    ];

    const created: string[] = [];
    for (const group of groups.filter((candidate) => candidate.on)) {
      const found = await candidates(group.searches, [...read, ...(group.reads ?? [])]);
      const planned = await group.plan(found);
      await createOnce(planned, new Map(found.map((company) => [company.id, company])), options);
      created.push(...planned.map(({ intent }) => intent.key));
    }
    deps.logger.info({ tasksCreated: created.length }, 'plays run done');
    return { lookalikes, tasksCreated: created.length, taskKeys: created };
  };
};

export type PlaysPass = ReturnType<typeof createPlaysPass>;
