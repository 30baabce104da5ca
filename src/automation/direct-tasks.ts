import {
  addDays,
  briefReadProperties,
  type BriefSources,
  type HubSpotProperties,
  isPlannedExit,
  parseWinWinDecision,
  withBrief,
  healthDropTaskFor,
  HUBSPOT_PROPERTIES,
  intentForKey,
  type IsoDate,
  missedReRecruitTaskFor,
  parseAdvocacy,
  parseBucket,
  parseHubSpotDate,
  pendingCleared,
  PROPERTIES,
  RE_RECRUIT_BUCKET,
  readPendingKeys,
  readVersion,
  recordIntent,
  renewalPlayFactsFor,
  reRecruitStartFacts,
  scheduledTasksFor,
  TASK_KINDS,
  TASK_LEDGER,
  TASK_LEDGER_PROPERTIES,
  type TaskIntent,
  type TaskKind,
  toIsoDate,
} from '@why-they-care/domain';
import { BATCH_LIMIT, SEARCH_LIMITS, type SearchFilter, searchDateValue } from '@why-they-care/hubspot-contract';
import { type Logger } from 'pino';

import { type CompaniesApi, type CompanyValues } from '../hubspot/companies';
import { type TasksApi } from '../hubspot/tasks';
import { type CompanyLock, withCompanyLocks } from '../coordination/company-lock';
import { type WorkflowGuard } from './workflow-guard';

/** A health signal this old whose task was never created (a move from workflows mode) is let go. */
const MISSED_HEALTH_SIGNAL_DAYS = 7;

/** The kinds of task a save decides: their pending keys may belong to a save under way. */
const SAVE_TASK_KINDS: readonly TaskKind[] = ['re_recruit', 'health_drop'];

const assigneeOf = (intent: TaskIntent, company: { ownerId: string | null; successManagerId: string | null }) =>
  intent.template.assignee === 'success_manager' ? (company.successManagerId ?? company.ownerId) : company.ownerId;

/**
 * Direct mode, on save: the re-recruit and health-drop tasks. The save recorded each key as decided and
 * pending (see TASK_LEDGER), so a retried save cannot repeat it; if creating it fails, or the process stops
 * first, the next scheduled run finds the key pending and creates the task. When the app's workflow for that
 * kind is on (as last checked), the save's change enrolls the company there and the workflow creates the
 * task: creating it here too would double it.
 */
export const createTaskOnSave =
  (deps: { tasks: TasksApi; workflows: WorkflowGuard; logger: Logger; briefSources: BriefSources }) =>
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
      // The profile is saved and the key is pending: the next run looks for the task and creates it.
      deps.logger.error({ err: error, taskKey: intent.key }, `${kind} task could not be created; the next run will`);
    }
  };

/**
 * A re-recruit task to create for a company, who would get it, and the company's properties as stored once
 * the move is written (read with `briefReadProperties`): what the task says.
 */
export type PlannedReRecruit = {
  intent: TaskIntent;
  ownerId: string | null;
  successManagerId: string | null;
  properties: HubSpotProperties;
};

/** Creates re-recruit tasks whose keys are already stored (a webhook's move, an import's rows). */
export type CreateReRecruits = (tasks: PlannedReRecruit[]) => Promise<void>;

/**
 * Direct mode, for moves into "Who are you?" seen by webhooks or made by an import: their re-recruit tasks, 100 per call. The keys
 * were stored first, so a repeated delivery cannot repeat a task; if creating fails, the keys are cleared
 * and the error thrown, so the webhook queue tries the companies again (and the scheduled run would find
 * them without a task). While the app's re-recruit workflow is on, the workflow reacts to the move itself.
 */
export const createReRecruitsForMoves =
  (deps: {
    tasks: TasksApi;
    companies: CompaniesApi;
    workflows: WorkflowGuard;
    logger: Logger;
    briefSources: BriefSources;
  }): CreateReRecruits =>
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
        planned.map((task) => ({
          intent: withBrief(task.intent, task.properties, deps.briefSources),
          ownerId: assigneeOf(task.intent, task),
        })),
      );
    } catch (error) {
      await deps.companies.batchUpdate(
        // Nothing left recorded: the scheduled run finds the company in "Who are you?" without a task and creates it.
        planned.map(({ intent }) => ({
          id: intent.companyId,
          properties: { [TASK_LEDGER.re_recruit.last]: '', [TASK_LEDGER.re_recruit.pending]: '' },
        })),
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

/** Renewal dates from today to the lead days ahead: the renewal task's window, as the renewal workflows wait for it. */
export const renewalDueFilter = (
  options: Pick<AutomationOptions, 'today' | 'renewalLeadDays' | 'renewalDateProperty'>,
): SearchFilter => ({
  propertyName: options.renewalDateProperty,
  operator: 'BETWEEN',
  value: searchDateValue(options.today),
  highValue: searchDateValue(addDays(options.today, options.renewalLeadDays)),
});

export type AutomationSummary = { companiesChecked: number; tasksCreated: number; taskKeys: string[] };

/** What the run reads of each candidate, including what `intentForKey` words a pending task from. */
const READ = [
  PROPERTIES.bucket.name,
  PROPERTIES.planNextDue.name,
  PROPERTIES.customerStuckOn.name,
  PROPERTIES.advocacy.name,
  PROPERTIES.version.name,
  PROPERTIES.healthSignal.name,
  PROPERTIES.healthSignalAt.name,
  PROPERTIES.successManager.name,
  ...TASK_LEDGER_PROPERTIES,
  HUBSPOT_PROPERTIES.owner,
  PROPERTIES.winWinDecision.name,
  PROPERTIES.openConcerns.name,
];

/**
 * A health signal whose task was never created (raised while the health-drop workflow was on, then
 * turned off): created now, keyed as the save would have keyed it.
 */
const missedHealthDropTaskFor = (company: CompanyValues, today: IsoDate): TaskIntent | null => {
  const { properties } = company;
  const whatChanged = properties[PROPERTIES.healthSignal.name];
  if (!whatChanged || !properties[PROPERTIES.healthSignalAt.name] || properties[TASK_LEDGER.health_drop.last]) {
    return null;
  }
  return healthDropTaskFor({ companyId: company.id, whatChanged, savedVersion: readVersion(properties), today });
};

/** What the run does for one company and one kind of task: check the pending keys, create the new ones. */
type Job = { company: CompanyValues; kind: TaskKind; pending: string[]; intents: TaskIntent[] };

type PeopleOf = (company: CompanyValues) => { ownerId: string | null; successManagerId: string | null };

const peopleOf: PeopleOf = (company) => ({
  ownerId: company.properties[HUBSPOT_PROPERTIES.owner] || null,
  successManagerId: company.properties[PROPERTIES.successManager.name] || null,
});

/** One batch update per call, one input per company: a company's jobs of several kinds are merged. */
const mergedByCompany = (writes: { companyId: string; properties: Record<string, string> }[]) => {
  const merged = new Map<string, Record<string, string>>();
  for (const { companyId, properties } of writes) merged.set(companyId, { ...merged.get(companyId), ...properties });
  return [...merged].map(([id, properties]) => ({ id, properties }));
};

/**
 * Writes the jobs 100 companies at a time, one batch after the other, so that a crash at any moment leaves
 * each task either created or recorded as pending (TASK_LEDGER):
 * 1. pending keys are looked up on the companies' tasks (read by id), only when there are some;
 * 2. the new tasks are recorded as decided and pending (one batch update);
 * 3. the missing tasks are created (100 per call);
 * 4. the keys are confirmed: no longer pending (one batch update).
 * A crash before 2 leaves nothing recorded (the next run decides again); after 2, pending keys that the next
 * run checks against the tasks HubSpot holds, creating only those not there.
 */
const createJobWriter = (deps: {
  companies: CompaniesApi;
  tasks: TasksApi;
  today: IsoDate;
  briefSources: BriefSources;
  /** Throws when this run may no longer write (another instance took over the period). */
  stillInCharge: () => Promise<void>;
  /** Pending keys of a save's kinds may come from a save under way: they are checked under the save's lock. */
  lockCompanies: <T>(companyIds: string[], work: () => Promise<T>) => Promise<T>;
  /** Facts recorded with a new task's key: a re-recruit, or an "It's OK" renewal, starts a play the home page follows. */
  factsOf: (intent: TaskIntent, company: CompanyValues) => Record<string, string>;
}) => {
  const queued: Job[] = [];
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const created: string[] = [];

  const writeBatch = async (jobs: Job[]) => {
    await deps.stillInCharge();
    const checking = jobs.filter((job) => job.pending.length);
    const existing = checking.length
      ? await deps.tasks.keysOnCompanies([...new Set(checking.map((job) => job.company.id))])
      : new Map<string, Set<string>>();

    const recorded = jobs
      .filter((job) => job.intents.length)
      .map((job) => {
        let pending = job.pending;
        let properties: Record<string, string> = {};
        for (const intent of job.intents) {
          const recordedIntent = recordIntent(intent, pending);
          pending = recordedIntent.pending;
          properties = { ...properties, ...deps.factsOf(intent, job.company), ...recordedIntent.properties };
        }
        return { companyId: job.company.id, properties };
      });
    if (recorded.length) await deps.companies.batchUpdate(mergedByCompany(recorded));

    const toCreate = jobs.flatMap((job) => {
      const found = existing.get(job.company.id) ?? new Set<string>();
      const missing = job.pending
        .filter((key) => !found.has(key))
        .flatMap((key) => intentForKey(key, job.company.properties, deps.today) ?? []);
      return [...missing, ...job.intents].map((intent) => ({
        intent: withBrief(intent, job.company.properties, deps.briefSources),
        ownerId: assigneeOf(intent, peopleOf(job.company)),
      }));
    });
    if (toCreate.length) await deps.tasks.createMany(toCreate);
    created.push(...toCreate.map(({ intent }) => intent.key));

    const confirmed = jobs.map((job) => ({ companyId: job.company.id, properties: pendingCleared(job.kind) }));
    await deps.companies.batchUpdate(mergedByCompany(confirmed));
  };

  const flush = (jobs: Job[]) => {
    const companyIds = [
      ...new Set(
        jobs.filter((job) => SAVE_TASK_KINDS.includes(job.kind) && job.pending.length).map((job) => job.company.id),
      ),
    ];
    writing = writing
      .then(() => (failure ? undefined : deps.lockCompanies(companyIds, () => writeBatch(jobs))))
      // Kept and rethrown by drain(): a failed batch must not crash the process mid-scan, nor be followed by more.
      .catch((error: unknown) => void (failure ??= error));
  };

  return {
    add: (jobs: Job[]) => {
      queued.push(...jobs.filter((job) => job.pending.length || job.intents.length));
      while (queued.length >= BATCH_LIMIT) flush(queued.splice(0, BATCH_LIMIT));
    },
    /** Settles once every job added so far is written. */
    drain: async () => {
      if (queued.length) flush(queued.splice(0));
      await writing;
      if (failure) throw failure;
    },
    created,
  };
};

/**
 * The scheduled pass (direct mode): renewal tasks inside the lead window, stalled-plan and customer-stuck
 * tasks, re-recruit tasks for companies moved to "Who are you?" outside the card, health-drop tasks whose
 * signal was raised while the workflow was on, and every task left pending by a crash or a failed create. It refuses to run while the app's workflows are on (AppWorkflowsOn). Search finds the
 * candidates, read again by id before deciding; each page's tasks are written while the next page is
 * fetched, 100 per batch. Safe to run again at any time, and after a crash at any moment (see
 * createJobWriter); two runs must not overlap, which Coordination.exclusive and this process's own guard ensure.
 */
export const createScheduledAutomation = (deps: {
  companies: CompaniesApi;
  tasks: TasksApi;
  workflows: WorkflowGuard;
  logger: Logger;
  companyLock: CompanyLock;
  now?: () => Date;
}) => {
  const now = deps.now ?? (() => new Date());
  let running: Promise<AutomationSummary> | null = null;

  const runOnce = async (
    options: AutomationOptions,
    stillInCharge: () => Promise<void>,
  ): Promise<AutomationSummary> => {
    await deps.workflows.assertOff();
    // What each task says about the company (plays/task-brief.ts), read with the facts that decide it.
    const read = [...new Set([...READ, ...briefReadProperties(options.briefSources), options.renewalDateProperty])];
    const writer = createJobWriter({
      ...deps,
      today: options.today,
      briefSources: options.briefSources,
      stillInCharge,
      lockCompanies: (companyIds, work) => withCompanyLocks(deps.companyLock, companyIds, work),
      factsOf: (intent, company) => ({
        ...(intent.template.kind === 're_recruit' ? reRecruitStartFacts(now()) : {}),
        ...renewalPlayFactsFor(intent, parseBucket(company.properties[PROPERTIES.bucket.name]), now()),
      }),
    });
    const checked = new Set<string>();
    /** Pending keys are checked once per run: later reads of the same company may predate this run's writes. */
    const handled = new Set<string>();

    const intentsFor = (company: CompanyValues, kind: TaskKind): TaskIntent[] => {
      const { properties } = company;
      const bucket = parseBucket(properties[PROPERTIES.bucket.name]);
      if (kind === 're_recruit') {
        const reRecruit = missedReRecruitTaskFor(
          {
            companyId: company.id,
            bucket,
            version: readVersion(properties),
            lastReRecruitTaskKey: properties[TASK_LEDGER.re_recruit.last] || null,
          },
          options.today,
        );
        return reRecruit ? [reRecruit] : [];
      }
      if (kind === 'health_drop') {
        const healthDrop = missedHealthDropTaskFor(company, options.today);
        return healthDrop ? [healthDrop] : [];
      }
      return scheduledTasksFor(
        {
          companyId: company.id,
          bucket,
          renewalDate: parseHubSpotDate(properties[options.renewalDateProperty]),
          planNextDue: parseHubSpotDate(properties[PROPERTIES.planNextDue.name]),
          customerStuckOn: parseHubSpotDate(properties[PROPERTIES.customerStuckOn.name]),
          advocacyKnown: parseAdvocacy(properties[PROPERTIES.advocacy.name]) !== null,
          plannedExit: isPlannedExit(bucket, parseWinWinDecision(properties[PROPERTIES.winWinDecision.name])),
          lastRenewalTaskKey: properties[TASK_LEDGER.renewal.last] || null,
          lastStalledPlanTaskKey: properties[TASK_LEDGER.stalled_plan.last] || null,
          lastCustomerStuckTaskKey: properties[TASK_LEDGER.customer_stuck.last] || null,
        },
        options.today,
        options.renewalLeadDays,
      ).filter((intent) => intent.template.kind === kind);
    };

    /** A job per kind asked: its pending keys (the first time this run sees them) and, if `plan`, new intents. */
    const jobsFor = (company: CompanyValues, kinds: readonly TaskKind[], plan: boolean): Job[] =>
      kinds.map((kind) => {
        const seen = `${company.id} ${kind}`;
        const pending = handled.has(seen) ? [] : readPendingKeys(company.properties[TASK_LEDGER[kind].pending]);
        handled.add(seen);
        return { company, kind, pending, intents: plan ? intentsFor(company, kind) : [] };
      });

    /**
     * Search finds the candidates; a batch read of each page decides, because search can be seconds behind
     * the keys an earlier run (or another instance) just recorded. Each scan plans only its own kind of
     * task, so a company found by two scans is not planned twice.
     */
    const scan = async (groups: readonly (readonly SearchFilter[])[], toJobs: (company: CompanyValues) => Job[]) => {
      const pages: Promise<void>[] = [];
      let searchFailure: unknown = null;
      const [first = [], ...others] = groups;
      await deps.companies
        .searchIds(
          first,
          (companyIds) => {
            pages.push(
              deps.companies.batchRead(companyIds, read).then((companies) => {
                companies.forEach((company) => checked.add(company.id));
                writer.add(companies.flatMap(toJobs));
              }),
            );
          },
          others,
        )
        .catch((error: unknown) => void (searchFailure = error));
      // The pages already found are awaited even when a later search page fails, so no read is left unobserved.
      await Promise.all(pages);
      if (searchFailure) throw searchFailure;
    };

    // First what an earlier run or save left pending, all written before the new tasks are decided.
    // A group per kind, as many searches as HubSpot's limit on groups needs.
    for (let first = 0; first < TASK_KINDS.length; first += SEARCH_LIMITS.groups) {
      await scan(
        TASK_KINDS.slice(first, first + SEARCH_LIMITS.groups).map((kind) => [
          { propertyName: TASK_LEDGER[kind].pending, operator: 'HAS_PROPERTY' },
        ]),
        (company) => jobsFor(company, TASK_KINDS, false),
      );
    }
    await writer.drain();
    await scan([[renewalDueFilter(options)]], (company) => jobsFor(company, ['renewal'], true));
    await scan(
      [[{ propertyName: PROPERTIES.planNextDue.name, operator: 'LT', value: searchDateValue(options.today) }]],
      (company) => jobsFor(company, ['stalled_plan'], true),
    );
    await scan(
      [[{ propertyName: PROPERTIES.customerStuckOn.name, operator: 'LT', value: searchDateValue(options.today) }]],
      (company) => jobsFor(company, ['customer_stuck'], true),
    );
    await scan(
      [
        [
          { propertyName: PROPERTIES.bucket.name, operator: 'EQ', value: RE_RECRUIT_BUCKET },
          { propertyName: TASK_LEDGER.re_recruit.last, operator: 'NOT_HAS_PROPERTY' },
        ],
      ],
      (company) => jobsFor(company, ['re_recruit'], true),
    );
    await scan(
      [
        [
          {
            propertyName: PROPERTIES.healthSignalAt.name,
            operator: 'GTE',
            value: searchDateValue(addDays(options.today, -MISSED_HEALTH_SIGNAL_DAYS)),
          },
          { propertyName: TASK_LEDGER.health_drop.last, operator: 'NOT_HAS_PROPERTY' },
        ],
      ],
      (company) => jobsFor(company, ['health_drop'], true),
    );
    await writer.drain();

    const summary = { companiesChecked: checked.size, tasksCreated: writer.created.length, taskKeys: writer.created };
    deps.logger.info({ companiesChecked: checked.size, tasksCreated: writer.created.length }, 'automation run done');
    return summary;
  };

  /**
   * Two overlapping runs in one process share the first one's result instead of creating tasks twice.
   * `stillInCharge` is checked before each batch of writes (see Coordination.exclusive).
   */
  return (
    options: AutomationOptions,
    stillInCharge: () => Promise<void> = async () => undefined,
  ): Promise<AutomationSummary> => {
    running ??= runOnce(options, stillInCharge).finally(() => {
      running = null;
    });
    return running;
  };
};

export const todayUtc = (): IsoDate => toIsoDate(new Date());
