import {
  type Bucket,
  BUCKET_VALUES,
  HUBSPOT_PROPERTIES,
  type IsoDate,
  parseHubSpotDate,
  PROPERTIES,
  RE_RECRUIT_BUCKET,
  RE_RECRUIT_TASK,
  readVersion,
  scheduledTasksFor,
  type TaskIntent,
  taskKey,
  addDays,
  toIsoDate,
} from '@why-they-care/domain';
import { type Logger } from 'pino';

import { type CompaniesApi } from '../hubspot/companies';
import { type TaskToCreate, type TasksApi } from '../hubspot/tasks';

/** Which task-key property records each kind, so a task is created once per identity. */
const KEY_PROPERTY = {
  re_recruit: PROPERTIES.reRecruitTaskKey.name,
  renewal: PROPERTIES.renewalTaskKey.name,
  stalled_plan: PROPERTIES.stalledPlanTaskKey.name,
} as const;

const assigneeOf = (intent: TaskIntent, company: { ownerId: string | null; successManagerId: string | null }) =>
  intent.template.assignee === 'success_manager' ? (company.successManagerId ?? company.ownerId) : company.ownerId;

/** Direct mode, on save: the re-recruit task. Its key was stored with the save, so a retry cannot repeat it. */
export const createReRecruitOnSave =
  (tasks: TasksApi, logger: Logger) =>
  async (intent: TaskIntent, company: { ownerId: string | null; successManagerId: string | null }) => {
    try {
      const taskId = await tasks.create({ intent, ownerId: assigneeOf(intent, company) });
      logger.info({ taskKey: intent.key, taskId }, 're-recruit task created');
    } catch (error) {
      // The profile is saved; the scheduled run does not repeat a recorded key, so say so loudly.
      logger.error({ err: error, taskKey: intent.key }, 're-recruit task could not be created');
    }
  };

export type AutomationOptions = {
  today: IsoDate;
  renewalLeadDays: number;
  renewalDateProperty: string;
};

export type AutomationSummary = { companiesChecked: number; tasksCreated: number; taskKeys: string[] };

const READ = [
  PROPERTIES.bucket.name,
  PROPERTIES.planNextDue.name,
  PROPERTIES.version.name,
  PROPERTIES.successManager.name,
  PROPERTIES.reRecruitTaskKey.name,
  PROPERTIES.renewalTaskKey.name,
  PROPERTIES.stalledPlanTaskKey.name,
  HUBSPOT_PROPERTIES.owner,
];

/** Search compares date properties as midnight-UTC epoch milliseconds. */
const searchDate = (date: IsoDate): string => String(Date.parse(`${date}T00:00:00.000Z`));

const asBucket = (value: string | null | undefined): Bucket | null =>
  (BUCKET_VALUES as readonly string[]).includes(value ?? '') ? (value as Bucket) : null;

/**
 * The scheduled pass (direct mode): renewal tasks inside the lead window, stalled-plan tasks, and
 * re-recruit tasks for companies moved to "Who are you?" outside the card. Three searches find the
 * candidates; tasks are created and keys recorded in batches of 100.
 */
export const createScheduledAutomation = (deps: { companies: CompaniesApi; tasks: TasksApi; logger: Logger }) => {
  let running: Promise<AutomationSummary> | null = null;

  const runOnce = async (options: AutomationOptions): Promise<AutomationSummary> => {
    const read = [...READ, options.renewalDateProperty];
    const [renewing, stalled, reRecruit] = await Promise.all([
      deps.companies.searchAll(
        [
          {
            propertyName: options.renewalDateProperty,
            operator: 'BETWEEN',
            value: searchDate(options.today),
            highValue: searchDate(addDays(options.today, options.renewalLeadDays)),
          },
        ],
        read,
      ),
      deps.companies.searchAll(
        [{ propertyName: PROPERTIES.planNextDue.name, operator: 'LT', value: searchDate(options.today) }],
        read,
      ),
      deps.companies.searchAll(
        [
          { propertyName: PROPERTIES.bucket.name, operator: 'EQ', value: RE_RECRUIT_BUCKET },
          { propertyName: PROPERTIES.reRecruitTaskKey.name, operator: 'NOT_HAS_PROPERTY' },
        ],
        read,
      ),
    ]);
    const companies = new Map([...renewing, ...stalled, ...reRecruit].map((company) => [company.id, company]));

    const toCreate: (TaskToCreate & { keyProperty: string })[] = [];
    for (const company of companies.values()) {
      const properties = company.properties;
      const people = {
        ownerId: properties[HUBSPOT_PROPERTIES.owner] || null,
        successManagerId: properties[PROPERTIES.successManager.name] || null,
      };
      const bucket = asBucket(properties[PROPERTIES.bucket.name]);
      const intents = scheduledTasksFor(
        {
          companyId: company.id,
          bucket,
          renewalDate: parseHubSpotDate(properties[options.renewalDateProperty]),
          planNextDue: parseHubSpotDate(properties[PROPERTIES.planNextDue.name]),
          lastRenewalTaskKey: properties[PROPERTIES.renewalTaskKey.name] || null,
          lastStalledPlanTaskKey: properties[PROPERTIES.stalledPlanTaskKey.name] || null,
        },
        options.today,
        options.renewalLeadDays,
      );
      if (bucket === RE_RECRUIT_BUCKET && !properties[PROPERTIES.reRecruitTaskKey.name]) {
        intents.push({
          key: taskKey('re_recruit', company.id, `v${readVersion(properties)}`),
          companyId: company.id,
          template: RE_RECRUIT_TASK,
          dueDate: addDays(options.today, RE_RECRUIT_TASK.dueInDays),
        });
      }
      for (const intent of intents) {
        toCreate.push({ intent, ownerId: assigneeOf(intent, people), keyProperty: KEY_PROPERTY[intent.template.kind] });
      }
    }

    await deps.tasks.createMany(toCreate);
    const keysByCompany = new Map<string, Record<string, string>>();
    for (const { intent, keyProperty } of toCreate) {
      keysByCompany.set(intent.companyId, { ...keysByCompany.get(intent.companyId), [keyProperty]: intent.key });
    }
    await deps.companies.batchUpdate([...keysByCompany].map(([id, properties]) => ({ id, properties })));
    const summary = {
      companiesChecked: companies.size,
      tasksCreated: toCreate.length,
      taskKeys: toCreate.map(({ intent }) => intent.key),
    };
    deps.logger.info(summary, 'automation run done');
    return summary;
  };

  /** Two overlapping runs in one process share the first one's result instead of creating tasks twice. */
  return (options: AutomationOptions): Promise<AutomationSummary> => {
    running ??= runOnce(options).finally(() => {
      running = null;
    });
    return running;
  };
};

export const todayUtc = (): IsoDate => toIsoDate(new Date());
