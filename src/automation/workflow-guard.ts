import { type TaskKind } from '@why-they-care/domain';
import { type Logger } from 'pino';

import { type FlowsApi, isWorkflowsApiRefused } from '../hubspot/flows';
import { AppError } from '../lib/app-error';
import { appWorkflowNames, WORKFLOW_NAMES } from '../setup/desired-state';

/** How often a running backend in direct mode looks again at the app's workflows (one call each time). */
export const WORKFLOW_CHECK_INTERVAL_MS = 10 * 60 * 1000;

/** Direct automation while the app's workflows are on would create every task twice: it refuses instead. */
export type AutomationErrorCode = 'APP_WORKFLOWS_ON';

export class AppWorkflowsOn extends AppError<AutomationErrorCode> {
  constructor(readonly workflowNames: readonly string[]) {
    super(
      'APP_WORKFLOWS_ON',
      `Direct automation refused: the app's HubSpot workflows are on (${workflowNames.join(', ')}). ` +
        "They create these tasks too, and the backend's property writes trigger them, so every task would be " +
        'created twice. Turn them off with "npm run setup -- --disable", or set AUTOMATION_MODE=workflows and ' +
        'let them create the tasks.',
    );
  }
}

/** The workflows that create, in workflows mode, the tasks a save creates in direct mode. */
const SAVE_TASK_WORKFLOWS: Partial<Record<TaskKind, string>> = {
  re_recruit: WORKFLOW_NAMES.reRecruit,
  health_drop: WORKFLOW_NAMES.healthDrop,
};

/**
 * Knows whether the workflows setup installs are on in HubSpot. The scheduled run asks HubSpot each time
 * (one call); a save uses the last answer, refreshed in the background, so it costs no extra call.
 */
export const createWorkflowGuard = (deps: { flows: FlowsApi; logger: Logger }) => {
  let lastKnown: readonly string[] | null = null;

  const check = async (): Promise<readonly string[]> => {
    const names = new Set(appWorkflowNames());
    try {
      const listing = await deps.flows.list();
      lastKnown = listing.filter((flow) => flow.isEnabled && names.has(flow.name ?? '')).map((flow) => flow.name ?? '');
    } catch (error) {
      if (!isWorkflowsApiRefused(error)) throw error;
      lastKnown = []; // No workflows API for this app: none of its workflows can run.
    }
    return lastKnown;
  };

  return {
    check,

    /** Throws AppWorkflowsOn when any of the app's workflows is on. */
    assertOff: async () => {
      const on = await check();
      if (on.length) throw new AppWorkflowsOn(on);
    },

    /**
     * Whether the workflow that creates a save's task of this kind is on, from the last check, without
     * calling HubSpot; false before the first one.
     */
    isOnFor: (kind: TaskKind) => {
      const name = SAVE_TASK_WORKFLOWS[kind];
      return name !== undefined && (lastKnown?.includes(name) ?? false);
    },

    /** Checks now and then every interval, off any request's path; warns when workflows are found on. Returns stop. */
    watch: (intervalMs = WORKFLOW_CHECK_INTERVAL_MS) => {
      let warned = '';
      const refresh = () =>
        check()
          .then((on) => {
            if (on.length && on.join() !== warned) deps.logger.warn({ workflows: on }, new AppWorkflowsOn(on).message);
            warned = on.join();
          })
          .catch((error: unknown) =>
            deps.logger.warn({ err: error }, "could not check the app's workflows; the next check will try again"),
          );
      void refresh();
      const timer = setInterval(refresh, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
};

export type WorkflowGuard = ReturnType<typeof createWorkflowGuard>;
