import { basename } from 'node:path';

import { type BriefSources, type IsoDate, playSwitches, PROPERTIES } from '@why-they-care/domain';
import { type Logger } from 'pino';

import {
  type AutomationOptions,
  createReRecruitsForMoves,
  createTaskOnSave,
  createScheduledAutomation,
  todayUtc,
} from './automation/direct-tasks';
import { createRenewalPlayStamps } from './automation/renewal-play-stamps';
import { createSuccessManagers } from './automation/success-managers';
import { createWorkflowGuard } from './automation/workflow-guard';
import { type Env } from './config/env';
import { createCoordination } from './coordination/connect';
import { type Coordination } from './coordination/coordination';
import { type CallGates, type CallObserver } from './hubspot/call';
import { connectToHubSpot } from './hubspot/client';
import { companiesApi } from './hubspot/companies';
import { filesApi } from './hubspot/files';
import { contactsApi } from './hubspot/contacts';
import { flowsApi } from './hubspot/flows';
import { listsApi } from './hubspot/lists';
import { ownersApi } from './hubspot/owners';
import { propertiesApi } from './hubspot/properties';
import { tasksApi } from './hubspot/tasks';
import { buildApp } from './app/app';
import { createReadinessCheck } from './http/readiness';
import { createPortfolioService } from './portfolio/portfolio.service';
import { createLookalikes } from './plays/lookalikes';
import { createPlaysOverview } from './plays/plays-overview';
import { createPlaysPass } from './plays/plays-pass';
import { createProfileService } from './profile/profile.service';
import { type ShareLimits } from './share/share-limits';
import { createShareService } from './share/share.service';
import { createTagOptions } from './tags/tag-options';
import { createPlanTemplatesStore } from './templates/plan-templates.store';
import { type SetupOptions, type WorkflowSwitch } from './setup/desired-state';
import { importAnswers, type ImportOptions } from './import/import-answers';
import { ImportError } from './import/import.errors';
import { createBucketMoveProcessor } from './webhooks/bucket-move-processor';
import { createCompanyQueue } from './webhooks/company-queue';
import { createWebhookReceiver } from './webhooks/webhook-receiver';
import { WEBHOOK_PROPERTIES } from './webhooks/webhook-subscriptions';

export type BackendOptions = {
  env: Env;
  logger: Logger;
  observe?: CallObserver;
  now?: () => Date;
  /** How often the owners behind the success-manager rule are listed again (tests shorten it). */
  ownersRefreshMs?: number;
  /** The shared page's rate limits (tests lower them). */
  shareLimits?: ShareLimits;
  /** How this instance coordinates with the others: from REDIS_URL unless given (tests). */
  coordination?: Coordination;
};

export const setupOptionsFrom = (env: Env, workflows: WorkflowSwitch = 'keep'): SetupOptions => ({
  mode: env.AUTOMATION_MODE,
  workflows,
  renewalLeadDays: env.RENEWAL_LEAD_DAYS,
  renewalDateProperty: env.RENEWAL_DATE_PROPERTY ?? PROPERTIES.renewalDate.name,
  revenueProperty: env.REVENUE_PROPERTY,
  plays: playSwitches(env.PLAYS),
});

/** Where each task finds the configurable facts it states (the renewal date, the revenue at stake). */
export const briefSourcesFrom = (env: Env): BriefSources => ({
  renewalDate: setupOptionsFrom(env).renewalDateProperty,
  revenue: env.REVENUE_PROPERTY,
});

/** The scheduled pass as configured, for today unless the caller names the day (tests, a replayed day). */
export const automationOptionsFrom = (env: Env, today: IsoDate = todayUtc()): AutomationOptions => ({
  today,
  renewalLeadDays: env.RENEWAL_LEAD_DAYS,
  renewalDateProperty: setupOptionsFrom(env).renewalDateProperty,
  briefSources: briefSourcesFrom(env),
});

/**
 * The HubSpot account the configuration names, called with the app's limits and retry policy, within the
 * `gates` shared with other instances (without, this process keeps the limits alone).
 */
export const connectFromEnv = (env: Env, observe?: CallObserver, gates?: CallGates) =>
  connectToHubSpot({
    accessToken: env.HUBSPOT_ACCESS_TOKEN,
    baseUrl: env.HUBSPOT_API_BASE_URL,
    policy: {
      maxAttempts: env.HUBSPOT_MAX_ATTEMPTS,
      retryBaseMs: env.HUBSPOT_RETRY_BASE_MS,
      timeoutMs: env.HUBSPOT_TIMEOUT_MS,
      requestsPer10s: env.HUBSPOT_REQUESTS_PER_10S,
      searchesPerSecond: env.HUBSPOT_SEARCHES_PER_SECOND,
    },
    observe,
    gates,
  });

/** The job name the scheduled automation runs under, once per day across instances. */
export const AUTOMATION_JOB = 'automation';

/** Wires configuration, the HubSpot connection and the services; every entry point starts here. */
export const createBackend = ({
  env,
  logger,
  observe,
  now,
  ownersRefreshMs,
  shareLimits,
  ...options
}: BackendOptions) => {
  const coordination =
    options.coordination ??
    createCoordination({
      redisUrl: env.REDIS_URL,
      portalId: env.HUBSPOT_PORTAL_ID,
      requestsPer10s: env.HUBSPOT_REQUESTS_PER_10S,
      searchesPerSecond: env.HUBSPOT_SEARCHES_PER_SECOND,
      logger,
    });
  const hubspot = connectFromEnv(env, observe, coordination.gates);
  const companies = companiesApi(hubspot);
  const properties = propertiesApi(hubspot);
  const tasks = tasksApi(hubspot);
  const flows = flowsApi(hubspot);
  const workflowGuard = createWorkflowGuard({ flows, logger });
  const direct = env.AUTOMATION_MODE === 'direct';
  const successManagers = createSuccessManagers({
    owners: ownersApi(hubspot),
    rules: { byTeam: env.SUCCESS_MANAGERS_BY_TEAM ?? {}, fallback: env.DEFAULT_SUCCESS_MANAGER_ID ?? null },
    logger,
    refreshEveryMs: ownersRefreshMs,
    sharedCache: coordination.sharedCache,
  });
  const tagOptions = createTagOptions({ properties, logger });
  const lists = listsApi(hubspot);
  const lookalikes = createLookalikes({
    companies,
    lists,
    valueThemes: () => tagOptions.current()?.valueThemes ?? null,
    logger,
  });
  const runPlays = createPlaysPass({
    companies,
    tasks,
    contacts: contactsApi(hubspot),
    lookalikes,
    plays: playSwitches(env.PLAYS),
    concernOptions: () => tagOptions.current()?.concerns ?? null,
    logger,
  });
  const profiles = createProfileService({
    companies,
    successManagers,
    tagOptions,
    logger,
    now,
    companyLock: coordination.companyLock,
    briefSources: briefSourcesFrom(env),
    onSaveTask: direct
      ? createTaskOnSave({ tasks, workflows: workflowGuard, logger, briefSources: briefSourcesFrom(env) })
      : undefined,
  });
  const portfolio = createPortfolioService({
    companies,
    owners: ownersApi(hubspot),
    tagOptions,
    logger,
    now,
    renewalDateProperty: setupOptionsFrom(env).renewalDateProperty,
    revenueProperty: env.REVENUE_PROPERTY,
    searchesPerSecond: env.HUBSPOT_SEARCHES_PER_SECOND,
  });
  const shares = createShareService({
    companies,
    profiles,
    secret: env.SHARE_LINK_SECRET,
    days: env.SHARE_LINK_DAYS,
    now,
  });
  const templates = createPlanTemplatesStore({ files: filesApi(hubspot) });
  const plays = createPlaysOverview({
    companies,
    owners: ownersApi(hubspot),
    lookalikes,
    plays: playSwitches(env.PLAYS),
    now: now ?? (() => new Date()),
  });
  /** Direct mode: the re-recruit tasks of moves made outside the card (webhooks, the import). */
  const reRecruitsForMoves = direct
    ? createReRecruitsForMoves({
        tasks,
        companies,
        workflows: workflowGuard,
        logger,
        briefSources: briefSourcesFrom(env),
      })
    : undefined;
  // Changes made outside the app, as HubSpot's webhooks report them: handled in the background, 100 at a time.
  const webhookQueue = createCompanyQueue({
    process: createBucketMoveProcessor({
      companies,
      briefSources: briefSourcesFrom(env),
      createReRecruits: reRecruitsForMoves,
      logger,
      now,
    }),
    logger,
  });
  const webhooks = createWebhookReceiver({
    portalId: env.HUBSPOT_PORTAL_ID,
    properties: WEBHOOK_PROPERTIES,
    // Across instances with Redis: a delivery another instance took is not handled twice.
    dedupe: coordination.firstDelivery,
    enqueue: webhookQueue.add,
    logger,
  });
  const app = buildApp({
    plays,
    clientSecret: env.HUBSPOT_CLIENT_SECRET,
    portalId: env.HUBSPOT_PORTAL_ID,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    trustProxy: env.TRUST_PROXY,
    logger,
    profiles,
    shares,
    portfolio,
    webhooks,
    shareLimits,
    templates,
    readiness: createReadinessCheck({
      probe: () => properties.read(PROPERTIES.bucket.name),
      coordination: coordination.health,
      logger,
    }),
  });
  const stampRenewalPlays = createRenewalPlayStamps({ companies, workflows: workflowGuard, logger, now });
  const runAutomation = createScheduledAutomation({
    companies,
    tasks,
    workflows: workflowGuard,
    logger,
    companyLock: coordination.companyLock,
    now,
  });
  /**
   * What runs once a day: direct mode's pass (renewal, stalled plan, missed re-recruits...), which refuses
   * while the app's workflows are on, or in workflows mode the "It's OK" renewal plays the workflow started;
   * then the bucket plays, in both modes.
   */
  const dailyPass = async (today: IsoDate, stillInCharge: () => Promise<void>) => ({
    automation: direct ? await runAutomation(automationOptionsFrom(env, today), stillInCharge) : null,
    renewalPlays: direct ? null : await stampRenewalPlays(automationOptionsFrom(env, today), stillInCharge),
    plays: await runPlays({ today, briefSources: briefSourcesFrom(env), direct }),
  });
  return {
    app,
    profiles,
    portfolio,
    coordination,
    /**
     * Background work of a serving backend: the owners the success-manager rule needs, the tag lists, the
     * home page's revenue pass.
     */
    start: (): Promise<void> => {
      successManagers.start();
      portfolio.start(env.HUBSPOT_PORTAL_ID);
      return tagOptions.start();
    },
    stop: () => {
      successManagers.stop();
      tagOptions.stop();
      portfolio.stop();
      void webhookQueue.stop();
    },
    /** The companies webhooks named, waiting to be handled (`idle()` settles once none are). */
    webhookQueue,
    /** `npm run import`: an answers file, against the account's tag lists as HubSpot holds them now. */
    importAnswers: async (options: ImportOptions) => {
      await tagOptions.start();
      tagOptions.stop();
      const current = tagOptions.current();
      if (!current)
        throw new ImportError(
          'IMPORT_APP_NOT_SET_UP',
          'The app is not set up on this account: run npm run setup first.',
        );
      return importAnswers(
        {
          companies,
          tagOptions: current,
          briefSources: briefSourcesFrom(env),
          createReRecruits: reRecruitsForMoves,
          actor: { email: `Import of ${basename(options.path)}`, userId: null },
          now,
        },
        options,
      );
    },
    successManagers,
    setupDeps: { properties, lists, flows },
    templates,
    /** One pass of direct-mode automation in this process (two overlapping calls share one run). */
    runAutomation,
    /**
     * The pass, run by one instance at a time: skipped while another instance runs it, and, with a `period`
     * (the scheduled day), skipped once that period is done anywhere.
     */
    runAutomationExclusive: (automation: AutomationOptions, period?: string) =>
      coordination.exclusive(AUTOMATION_JOB, { period }, (stillInCharge) => runAutomation(automation, stillInCharge)),
    lookalikes,
    /** The bucket plays' pass for the day (both modes). */
    runPlays: (today: IsoDate = todayUtc()) => runPlays({ today, briefSources: briefSourcesFrom(env), direct }),
    /** The daily pass in this process alone (see dailyPass). */
    runDailyPass: (today: IsoDate = todayUtc()) => dailyPass(today, async () => undefined),
    /**
     * The daily pass, run by one instance at a time under the automation's lock: skipped while another
     * instance runs it, and, with a `period` (the scheduled day), once that period is done anywhere.
     */
    runDailyPassExclusive: (today: IsoDate = todayUtc(), period?: string) =>
      coordination.exclusive(AUTOMATION_JOB, { period }, (stillInCharge) => dailyPass(today, stillInCharge)),
    /** Direct mode: whether the app's workflows are on (start watches it so saves need not ask). */
    workflowGuard,
  };
};

export type Backend = ReturnType<typeof createBackend>;
