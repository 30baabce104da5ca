import { automationOptionsFrom, setupOptionsFrom } from '../../src/backend';
import { AppWorkflowsOn } from '../../src/automation/workflow-guard';
import { appWorkflowNames } from '../../src/setup/desired-state';
import { applySetup, planSetup } from '../../src/setup/setup';
import { testEnv } from '../support/env';
import { isWrite, moveBucket, startSandboxBackend, tasksIn } from '../support/sandbox-backend';

/**
 * Direct mode on an account where the app's workflows were installed and turned on (an earlier
 * workflows-mode setup, or an admin): the backend's tasks plus the workflows' would double every task.
 */
const today = new Date('2026-11-23T08:00:00.000Z');
const options = automationOptionsFrom(testEnv(), '2026-11-23');

describe('direct mode when the app workflows are on in HubSpot', () => {
  let stack: Awaited<ReturnType<typeof startSandboxBackend>>;

  beforeAll(async () => {
    stack = await startSandboxBackend({ AUTOMATION_MODE: 'direct' }, () => today, true);
    const installWorkflowsOn = {
      ...setupOptionsFrom(stack.env),
      mode: 'workflows' as const,
      workflows: 'enable' as const,
    };
    await applySetup(await planSetup(stack.backend.setupDeps, installWorkflowsOn));
    stack.sandbox.runWorkflows(); // HubSpot's engine enrolls the seeded companies that match
  });
  afterAll(() => stack.stop());

  it('refuses the scheduled run with a message saying what to do, and creates no task', async () => {
    const byWorkflows = tasksIn(stack).length;
    stack.calls.length = 0;
    const run = stack.backend.runAutomation(options);
    await expect(run).rejects.toBeInstanceOf(AppWorkflowsOn);
    await expect(run).rejects.toThrow(
      /workflows are on \(\[Why They Care\] Re-recruit, .*\)\..*npm run setup -- --disable/,
    );
    expect(stack.calls.map((call) => call.operation)).toEqual(['flows.list']);
    expect(tasksIn(stack)).toHaveLength(byWorkflows);
  });

  it('leaves the re-recruit task of a save to the workflow, without asking HubSpot on the save', async () => {
    await stack.backend.workflowGuard.check(); // what npm start does at boot, and every ten minutes
    stack.calls.length = 0;
    expect((await moveBucket(stack, '1001', 'who_are_you', 'on-save-0001')).status).toBe(200);
    expect(stack.calls.filter(isWrite).map((call) => call.operation)).toEqual(['companies.update']);
    expect(stack.calls.map((call) => call.operation)).not.toContain('flows.list');
    const reRecruits = tasksIn(stack).filter(
      (task) => task.company === '1001' && task.subject?.includes(': Re-recruit'),
    );
    expect(reRecruits).toHaveLength(1);
  });

  it('runs again once setup --disable turned them off', async () => {
    const disabled = await applySetup(await planSetup(stack.backend.setupDeps, setupOptionsFrom(stack.env, 'disable')));
    expect(disabled.filter((item) => item.kind === 'workflow').map((item) => item.detail)).toEqual(
      Array(appWorkflowNames().length).fill('on → off'),
    );
    await expect(stack.backend.runAutomation(options)).resolves.toMatchObject({ companiesChecked: expect.any(Number) });
  });
});
