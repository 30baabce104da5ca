import { mustExist, PROPERTY_DEFINITIONS } from '@why-they-care/domain';

import { setupOptionsFrom } from '../../src/backend';
import { appWorkflowNames, desiredLists, type WorkflowSwitch } from '../../src/setup/desired-state';
import { applySetup, planSetup } from '../../src/setup/setup';
import { isWrite, startSandboxBackend } from '../support/sandbox-backend';

const FLOWS = appWorkflowNames().length;

describe.each(['workflows', 'direct'] as const)('setup run twice (%s mode)', (mode) => {
  it('writes everything the first time and nothing the second time', async () => {
    const running = await startSandboxBackend({ AUTOMATION_MODE: mode });
    try {
      const options = setupOptionsFrom(running.env, 'enable');
      // The property group, every property and list, and in workflows mode the workflows.
      const installed =
        1 +
        PROPERTY_DEFINITIONS.length +
        desiredLists().length +
        (mode === 'workflows' ? appWorkflowNames().length : 0);
      const first = await applySetup(await planSetup(running.backend.setupDeps, options));
      const firstWrites = running.calls.filter(isWrite).length;
      expect(first.filter((item) => item.action === 'create')).toHaveLength(installed);
      expect(firstWrites).toBe(installed);

      running.calls.length = 0;
      const second = await applySetup(await planSetup(running.backend.setupDeps, options));
      expect(running.calls.filter(isWrite)).toEqual([]);
      expect(second.every((item) => item.action === 'unchanged' || item.action === 'skipped')).toBe(true);
      expect(second.filter((item) => item.kind === 'list').every((item) => item.id)).toBe(true);
    } finally {
      await running.stop();
    }
  });
});

describe('setup on an account whose properties drifted', () => {
  it('updates labels and options it may change, and reports a type change instead of hiding it', async () => {
    const running = await startSandboxBackend({ AUTOMATION_MODE: 'direct' });
    try {
      const options = setupOptionsFrom(running.env);
      await applySetup(await planSetup(running.backend.setupDeps, options));
      const { properties } = running.sandbox.store.state;
      const bucket = mustExist(properties.wtc_bucket, 'wtc_bucket');
      const version = mustExist(properties.wtc_version, 'wtc_version');
      bucket.label = 'Renamed by someone';
      bucket.options = bucket.options.slice(0, 2);
      version.type = 'string';
      version.fieldType = 'text';
      // The tag lists are the admin's: a relabelled, removed or added option is theirs to keep.
      mustExist(properties.wtc_concerns, 'wtc_concerns').options = [
        { value: 'price', label: 'Too expensive', displayOrder: 0, hidden: false },
        { value: 'data_residency', label: 'Data residency', displayOrder: 1, hidden: false },
      ];

      const plan = await planSetup(running.backend.setupDeps, options);
      const changed = plan.filter((item) => item.action !== 'unchanged' && item.action !== 'skipped');
      expect(changed.map(({ name, action, detail }) => ({ name, action, detail }))).toEqual([
        { name: 'wtc_bucket', action: 'update', detail: 'label, options changed' },
        {
          name: 'wtc_version',
          action: 'conflict',
          detail:
            'exists as string/text, the app needs number/number; HubSpot cannot change a property type: rename or delete it in HubSpot, then run setup again',
        },
      ]);
      await applySetup(plan);
      expect(properties.wtc_bucket?.label).toBe('Why they care');
      expect(properties.wtc_bucket?.options.map((option) => option.value)).toEqual([
        'need_you',
        'its_ok',
        'who_are_you',
      ]);
      expect(properties.wtc_version?.type).toBe('string');
      expect(properties.wtc_concerns?.options.map((option) => option.label)).toEqual([
        'Too expensive',
        'Data residency',
      ]);
    } finally {
      await running.stop();
    }
  });
});

describe('setup on an account whose lists and workflows were edited by hand', () => {
  it('puts back the list filters and the workflow definition, updating the flow with its current revisionId', async () => {
    const running = await startSandboxBackend({ AUTOMATION_MODE: 'workflows' });
    try {
      const options = setupOptionsFrom(running.env, 'enable');
      await applySetup(await planSetup(running.backend.setupDeps, options));
      const { lists, flows } = running.sandbox.store.state;
      const list = Object.values(lists).find((candidate) => candidate.name === '[Why They Care] Who are you?');
      const flow = Object.values(flows).find((candidate) => candidate.name === '[Why They Care] Re-recruit');
      if (!list || !flow) throw new Error('setup did not create the list and the workflow');
      const filters = list.filterBranch;
      list.filterBranch = { filterBranchType: 'OR', filterBranchOperator: 'OR', filters: [], filterBranches: [] };
      Object.assign(flow, { isEnabled: false, revisionId: '7' });

      const plan = await planSetup(running.backend.setupDeps, options);
      expect(plan.filter((item) => item.action === 'update').map(({ kind, name }) => `${kind} ${name}`)).toEqual([
        'list [Why They Care] Who are you?',
        'workflow [Why They Care] Re-recruit',
      ]);
      await applySetup(plan);
      expect(lists[list.listId]?.filterBranch).toEqual(filters);
      expect(flows[flow.id]).toMatchObject({ isEnabled: true, revisionId: '8' });
    } finally {
      await running.stop();
    }
  });
});

describe('setup and the on/off state of the workflows', () => {
  it('never switches a workflow on or off unless told: a plain rerun after an admin turned one on writes nothing', async () => {
    const running = await startSandboxBackend({ AUTOMATION_MODE: 'workflows' });
    try {
      const { flows } = running.sandbox.store.state;
      const states = () => Object.values(flows).map((flow) => flow.isEnabled);
      const setup = async (options = setupOptionsFrom(running.env)) => {
        running.calls.length = 0;
        const items = await applySetup(await planSetup(running.backend.setupDeps, options));
        return { items, writes: running.calls.filter(isWrite).length };
      };

      await setup();
      expect(states()).toEqual(Array(FLOWS).fill(false));

      // An admin reviews the re-recruit workflow in HubSpot and turns it on.
      const reRecruit = Object.values(flows).find((flow) => flow.name === '[Why They Care] Re-recruit');
      if (!reRecruit) throw new Error('setup did not create the re-recruit workflow');
      Object.assign(reRecruit, { isEnabled: true, revisionId: String(Number(reRecruit.revisionId) + 1) });

      const rerun = await setup();
      expect(rerun.writes).toBe(0);
      expect(states()).toEqual([true, ...Array(FLOWS - 1).fill(false)]);
      expect(
        rerun.items.filter((item) => item.kind === 'workflow').map(({ action, detail }) => [action, detail]),
      ).toEqual([['unchanged', 'on'], ...Array(FLOWS - 1).fill(['unchanged', 'off'])]);
    } finally {
      await running.stop();
    }
  });

  it('--enable turns them on and --disable off, changing nothing else; a plain rerun keeps them as they are', async () => {
    const running = await startSandboxBackend({ AUTOMATION_MODE: 'workflows' });
    try {
      const { flows } = running.sandbox.store.state;
      const states = () => Object.values(flows).map((flow) => flow.isEnabled);
      const definitions = () =>
        Object.values(flows).map(({ actions, enrollmentCriteria }) => ({ actions, enrollmentCriteria }));
      const setup = async (workflows: WorkflowSwitch) => {
        running.calls.length = 0;
        const items = await applySetup(
          await planSetup(running.backend.setupDeps, setupOptionsFrom(running.env, workflows)),
        );
        return {
          details: items.filter((item) => item.kind === 'workflow').map((item) => item.detail),
          writes: running.calls.filter(isWrite).length,
        };
      };
      await setup('keep');
      const installed = definitions();

      expect(await setup('enable')).toEqual({ details: Array(FLOWS).fill('off → on'), writes: FLOWS });
      expect(states()).toEqual(Array(FLOWS).fill(true));
      expect(await setup('keep')).toEqual({ details: Array(FLOWS).fill('on'), writes: 0 });
      expect(await setup('enable')).toEqual({ details: Array(FLOWS).fill('on'), writes: 0 });
      expect(await setup('disable')).toEqual({ details: Array(FLOWS).fill('on → off'), writes: FLOWS });
      expect(states()).toEqual(Array(FLOWS).fill(false));
      expect(definitions()).toEqual(installed);
    } finally {
      await running.stop();
    }
  });

  it('in direct mode reports an app workflow that is on, as it would double every task; --disable turns it off', async () => {
    const running = await startSandboxBackend({ AUTOMATION_MODE: 'direct' });
    try {
      const direct = setupOptionsFrom(running.env);
      await applySetup(
        await planSetup(running.backend.setupDeps, { ...direct, mode: 'workflows', workflows: 'enable' }),
      );
      const workflowItems = async (workflows: WorkflowSwitch) =>
        (await applySetup(await planSetup(running.backend.setupDeps, { ...direct, workflows })))
          .filter((item) => item.kind === 'workflow')
          .map(({ action, detail }) => `${action}: ${detail}`);

      expect(await workflowItems('keep')).toEqual(
        Array(FLOWS).fill(
          'conflict: on in HubSpot while AUTOMATION_MODE=direct: it creates these tasks too, so direct automation refuses to run. Turn it off with: npm run setup -- --disable',
        ),
      );
      expect(await workflowItems('disable')).toEqual(Array(FLOWS).fill('update: on → off'));
      expect(Object.values(running.sandbox.store.state.flows).map((flow) => flow.isEnabled)).toEqual(
        Array(FLOWS).fill(false),
      );
      expect(await workflowItems('keep')).toEqual(
        Array(FLOWS).fill('skipped: direct mode: the backend creates these tasks itself; this one is off'),
      );
    } finally {
      await running.stop();
    }
  });
});
