import {
  addDays,
  briefProperties,
  type BriefSources,
  type HubSpotProperties,
  isPlannedExit,
  parseWinWinDecision,
  withBrief,
  healthDropTaskFor,
  HUBSPOT_PROPERTIES,
  type IsoDate,
  missedReRecruitTaskFor,
  parseAdvocacy,
  parseBucket,
  parseHubSpotDate,
  PROPERTIES,
  RE_RECRUIT_BUCKET,
  readVersion,
  reRecruitStartFacts,
  scheduledTasksFor,
  type TaskIntent,
  type TaskKind,
  toIsoDate,
} from '@why-they-care/domain';
import { BATCH_LIMIT, type SearchFilter, searchDateValue } from '@why-they-care/hubspot-contract';
import { type Logger } from 'pino';

import { type CompaniesApi, type CompanyValues } from '../hubspot/companies';
import { type TaskToCreate, type TasksApi } from '../hubspot/tasks';
import { type WorkflowGuard } from './workflow-guard';

/** Which task-key property records each kind, so a task is created once per identity. */
const KEY_PROPERTY = {
  re_recruit: PROPERTIES.reRecruitTaskKey.name,
  renewal: PROPERTIES.renewalTaskKey.name,
  stalled_plan: PROPERTIES.stalledPlanTaskKey.name,
  customer_stuck: PROPERTIES.customerStuckTaskKey.name,
  health_drop: PROPERTIES.healthDropTaskKey.name,
  concerns: PROPERTIES.concernsTaskKey.name,
  re_recruit_follow_up: PROPERTIES.followUpTaskKey.name,
  ask_buyer: PROPERTIES.askBuyerTaskKey.name,
} as const satisfies Record<TaskKind, string>;

/** A health signal this old whose task was never created (a failed create, a move from workflows mode) is let go. */
const MISSED_HEALTH_SIGNAL_DAYS = 7;

const assigneeOf = (intent: TaskIntent, company: { ownerId: string | null; successManagerId: string | null }) =>
  intent.template.assignee === 'success_manager' ? (company.successManagerId ?? company.ownerId) : company.ownerId;

/**
 * Direct mode, on save: the re-recruit and health-drop tasks. Each key was stored with the save, so a retry
 * cannot repeat it. When the app's workflow for that kind is on (as last checked), the save's change
 * enrolls the company there and the workflow creates the task: creating it here too would double it.
 */
export const createTaskOnSave =
  (deps: {
    tasks: TasksApi;
    companies: CompaniesApi;
    workflows: WorkflowGuard;
    logger: Logger;
    briefSources: BriefSources;
  }) =>
  async (
    intent: TaskIntent,
    company: { ownerId: string | null; successManagerId: string | null; properties: HubSpotProperties },
  ) => {
    const kind = intent.template.kind;
    if (deps.workflows.isOnFor(kind)) {
      deps.logger.warn({ taskKey: intent.key }, `${kind} task left to the app's workflow, which is on`);
      return;
    }
    try {
      const taskId = await deps.tasks.create({
        intent: withBrief(intent, company.properties, deps.briefSources),
        ownerId: assigneeOf(intent, company),
      });
      deps.logger.info({ taskKey: intent.key, taskId }, `${kind} task created`);
    } catch (error) {
      // The profile is saved. Un-record the key so the next scheduled run creates the task instead.
      deps.logger.error({ err: error, taskKey: intent.key }, `${kind} task could not be created; the next run will`);
      await deps.companies
        .update(intent.companyId, { [KEY_PROPERTY[kind]]: '' })
        .catch((clearError: unknown) =>
          deps.logger.error({ err: clearError, taskKey: intent.key }, `${kind} task key could not be cleared`),
        );
    }
  };

/** A re-recruit task to create for a company, and who would get it. */
export type PlannedReRecruit = { intent: TaskIntent; ownerId: string | null; successManagerId: string | null };

/** Creates re-recruit tasks whose keys are already stored (a webhook's move, an import's rows). */
export type CreateReRecruits = (tasks: PlannedReRecruit[]) => Promise<void>;

/**
 * Direct mode, for moves into "Who are you?" seen by webhooks or made by an import: their re-recruit tasks, 100 per call. The keys
 * were stored first, so a repeated delivery cannot repeat a task; if creating fails, the keys are cleared
 * and the error thrown, so the webhook queue tries the companies again (and the scheduled run would find
 * them without a task). While the app's re-recruit workflow is on, the workflow reacts to the move itself.
 */
export const createReRecruitsForMoves =
  (deps: { tasks: TasksApi; companies: CompaniesApi; workflows: WorkflowGuard; logger: Logger }): CreateReRecruits =>
  async (planned) => {
    if (deps.workflows.isOnFor('re_recruit')) {
      deps.logger.warn(
        { taskKeys: planned.map(({ intent }) => intent.key) },
        "re-recruit tasks left to the app's workflow, which is on",
      );
      return;
    }
    try {
      await deps.tasks.createMany(
        planned.map((task) => ({ intent: task.intent, ownerId: assigneeOf(task.intent, task) })),
      );
    } catch (error) {
      await deps.companies.batchUpdate(
        planned.map(({ intent }) => ({ id: intent.companyId, properties: { [KEY_PROPERTY.re_recruit]: '' } })),
      );
      throw error;
    }
    deps.logger.info({ taskKeys: planned.map(({ intent }) => intent.key) }, 're-recruit tasks created');
  };

export type AutomationOptions = {
  today: IsoDate;
  renewalLeadDays: number;
  renewalDateProperty: string;
  /** Where each task finds the facts it states (see plays/task-brief.ts). */
  briefSources: BriefSources;
};

export type AutomationSummary = { companiesChecked: number; tasksCreated: number; taskKeys: string[] };

const READ = [
  PROPERTIES.bucket.name,
  PROPERTIES.planNextDue.name,
  PROPERTIES.customerStuckOn.name,
  PROPERTIES.advocacy.name,
  PROPERTIES.version.name,
  PROPERTIES.healthSignal.name,
  PROPERTIES.healthSignalAt.name,
  PROPERTIES.successManager.name,
  ...Object.values(KEY_PROPERTY),
  HUBSPOT_PROPERTIES.owner,
  PROPERTIES.winWinDecision.name,
];

/**
 * A health signal whose task was never created: its save failed to create it (the key was cleared), so it
 * is created now, keyed as the save would have keyed it.
 */
const missedHealthDropTaskFor = (company: CompanyValues, today: IsoDate): TaskIntent | null => {
  const { properties } = company;
  const whatChanged = properties[PROPERTIES.healthSignal.name];
  if (!whatChanged || !properties[PROPERTIES.healthSignalAt.name] || properties[KEY_PROPERTY.health_drop]) return null;
  return healthDropTaskFor({ companyId: company.id, whatChanged, savedVersion: readVersion(properties), today });
};

/** A task to create, the property that records its key, and the facts recorded with the key. */
type PlannedTask = TaskToCreate & { keyProperty: string; facts: Record<string, string> };

/** Buffers tasks and key updates and writes them 100 at a time; a key is recorded only after its task exists. */
const createBatchWriter = (deps: { companies: CompaniesApi; tasks: TasksApi }) => {
  const tasks: PlannedTask[] = [];
  const keys = new Map<string, Record<string, string>>();
  const writes: Promise<void>[] = [];
  let failure: unknown = null;

  const writeKeys = (companyIds: string[]) => {
    const inputs = companyIds.map((id) => ({ id, properties: keys.get(id) ?? {} }));
    companyIds.forEach((id) => keys.delete(id));
    return deps.companies.batchUpdate(inputs);
  };
  const writeTasks = async (chunk: PlannedTask[]) => {
    await deps.tasks.createMany(chunk);
    for (const { intent, keyProperty, facts } of chunk) {
      keys.set(intent.companyId, { ...keys.get(intent.companyId), ...facts, [keyProperty]: intent.key });
    }
    while (keys.size >= BATCH_LIMIT) await writeKeys([...keys.keys()].slice(0, BATCH_LIMIT));
  };

  return {
    add: (planned: PlannedTask[]) => {
      tasks.push(...planned);
      while (tasks.length >= BATCH_LIMIT) {
        // Caught here and rethrown by finish(): a failed batch must not crash the process mid-scan.
        writes.push(writeTasks(tasks.splice(0, BATCH_LIMIT)).catch((error: unknown) => void (failure ??= error)));
      }
    },
    finish: async () => {
      await Promise.all(writes);
      if (failure) throw failure;
      if (tasks.length) await writeTasks(tasks.splice(0));
      if (keys.size) await writeKeys([...keys.keys()]);
    },
  };
};

/**
 * The scheduled pass (direct mode): renewal tasks inside the lead window, stalled-plan tasks, and
 * re-recruit tasks for companies moved to "Who are you?" outside the card. It refuses to run while the
 * app's workflows are on (AppWorkflowsOn). One search per kind finds the candidates, read again by id
 * before deciding; each page's tasks are written while the next page is fetched, 100 per batch.
 */
export const createScheduledAutomation = (deps: {
  companies: CompaniesApi;
  tasks: TasksApi;
  workflows: WorkflowGuard;
  logger: Logger;
  now?: () => Date;
}) => {
  const now = deps.now ?? (() => new Date());
  let running: Promise<AutomationSummary> | null = null;

  const runOnce = async (options: AutomationOptions): Promise<AutomationSummary> => {
    await deps.workflows.assertOff();
    // What each task says about the company (plays/task-brief.ts), read with the facts that decide it.
    const read = [...new Set([...READ, ...Object.values(briefProperties(options.briefSources))])];
    const writer = createBatchWriter(deps);
    const checked = new Set<string>();
    const created: string[] = [];

    const intentsFor = (company: CompanyValues): TaskIntent[] => {
      const { properties } = company;
      const bucket = parseBucket(properties[PROPERTIES.bucket.name]);
      const scheduled = scheduledTasksFor(
        {
          companyId: company.id,
          bucket,
          renewalDate: parseHubSpotDate(properties[options.renewalDateProperty]),
          planNextDue: parseHubSpotDate(properties[PROPERTIES.planNextDue.name]),
          customerStuckOn: parseHubSpotDate(properties[PROPERTIES.customerStuckOn.name]),
          advocacyKnown: parseAdvocacy(properties[PROPERTIES.advocacy.name]) !== null,
          plannedExit: isPlannedExit(bucket, parseWinWinDecision(properties[PROPERTIES.winWinDecision.name])),
          lastRenewalTaskKey: properties[KEY_PROPERTY.renewal] || null,
          lastStalledPlanTaskKey: properties[KEY_PROPERTY.stalled_plan] || null,
          lastCustomerStuckTaskKey: properties[KEY_PROPERTY.customer_stuck] || null,
        },
        options.today,
        options.renewalLeadDays,
      );
      const reRecruit = missedReRecruitTaskFor(
        {
          companyId: company.id,
          bucket,
          version: readVersion(properties),
          lastReRecruitTaskKey: properties[PROPERTIES.reRecruitTaskKey.name] || null,
        },
        options.today,
      );
      const healthDrop = missedHealthDropTaskFor(company, options.today);
      return [...scheduled, ...(reRecruit ? [reRecruit] : []), ...(healthDrop ? [healthDrop] : [])];
    };

    const plan = (kind: TaskKind, companies: CompanyValues[]) => {
      for (const company of companies) {
        checked.add(company.id);
        const people = {
          ownerId: company.properties[HUBSPOT_PROPERTIES.owner] || null,
          successManagerId: company.properties[PROPERTIES.successManager.name] || null,
        };
        const planned = intentsFor(company)
          .filter((intent) => intent.template.kind === kind)
          .map((intent) => ({
            intent: withBrief(intent, company.properties, options.briefSources),
            ownerId: assigneeOf(intent, people),
            keyProperty: KEY_PROPERTY[kind],
            // Its task starts the company's re-recruit play, which the home page follows.
            facts: kind === 're_recruit' ? reRecruitStartFacts(now()) : {},
          }));
        created.push(...planned.map(({ intent }) => intent.key));
        writer.add(planned);
      }
    };

    /**
     * Search finds the candidates; a batch read of each page decides, because search can be seconds behind
     * the task keys an earlier run (or another instance) just recorded. Each search plans only its own kind
     * of task, so a company found by two searches is not planned twice.
     */
    const scan = async (kind: TaskKind, filters: SearchFilter[]) => {
      const pages: Promise<void>[] = [];
      let searchFailure: unknown = null;
      await deps.companies
        .searchIds(filters, (companyIds) => {
          pages.push(deps.companies.batchRead(companyIds, read).then((companies) => plan(kind, companies)));
        })
        .catch((error: unknown) => void (searchFailure = error));
      // The pages already found are awaited even when a later search page fails, so no read is left unobserved.
      await Promise.all(pages);
      if (searchFailure) throw searchFailure;
    };

    await scan('renewal', [
      {
        propertyName: options.renewalDateProperty,
        operator: 'BETWEEN',
        value: searchDateValue(options.today),
        highValue: searchDateValue(addDays(options.today, options.renewalLeadDays)),
      },
    ]);
    await scan('stalled_plan', [
      { propertyName: PROPERTIES.planNextDue.name, operator: 'LT', value: searchDateValue(options.today) },
    ]);
    await scan('customer_stuck', [
      { propertyName: PROPERTIES.customerStuckOn.name, operator: 'LT', value: searchDateValue(options.today) },
    ]);
    await scan('re_recruit', [
      { propertyName: PROPERTIES.bucket.name, operator: 'EQ', value: RE_RECRUIT_BUCKET },
      { propertyName: PROPERTIES.reRecruitTaskKey.name, operator: 'NOT_HAS_PROPERTY' },
    ]);
    await scan('health_drop', [
      {
        propertyName: PROPERTIES.healthSignalAt.name,
        operator: 'GTE',
        value: searchDateValue(addDays(options.today, -MISSED_HEALTH_SIGNAL_DAYS)),
      },
      { propertyName: PROPERTIES.healthDropTaskKey.name, operator: 'NOT_HAS_PROPERTY' },
    ]);
    await writer.finish();

    const summary = { companiesChecked: checked.size, tasksCreated: created.length, taskKeys: created };
    deps.logger.info({ companiesChecked: checked.size, tasksCreated: created.length }, 'automation run done');
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
