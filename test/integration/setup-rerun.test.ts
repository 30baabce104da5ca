import { setupOptionsFrom } from '../../src/backend';
import { applySetup, planSetup } from '../../src/setup/setup';
import { isWrite, startSandboxBackend } from '../support/sandbox-backend';

describe.each(['workflows', 'direct'] as const)('setup run twice (%s mode)', (mode) => {
  it('writes everything the first time and nothing the second time', async () => {
    const running = await startSandboxBackend({ AUTOMATION_MODE: mode });
    try {
      const options = setupOptionsFrom(running.env, true);
      const first = await applySetup(await planSetup(running.backend.setupDeps, options));
      const firstWrites = running.calls.filter(isWrite).length;
      expect(first.filter((item) => item.action === 'create')).toHaveLength(mode === 'workflows' ? 40 : 35);
      expect(firstWrites).toBe(mode === 'workflows' ? 40 : 35);

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
      properties.wtc_bucket.label = 'Renamed by someone';
      properties.wtc_bucket.options = properties.wtc_bucket.options.slice(0, 2);
      properties.wtc_version.type = 'string';
      properties.wtc_version.fieldType = 'text';

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
      expect(properties.wtc_bucket.label).toBe('Why they care');
      expect(properties.wtc_bucket.options.map((option) => option.value)).toEqual([
        'need_you',
        'its_ok',
        'who_are_you',
      ]);
      expect(properties.wtc_version.type).toBe('string');
    } finally {
      await running.stop();
    }
  });
});

describe('setup on an account whose lists and workflows were edited by hand', () => {
  it('puts back the list filters and the workflow definition, updating the flow with its current revisionId', async () => {
    const running = await startSandboxBackend({ AUTOMATION_MODE: 'workflows' });
    try {
      const options = setupOptionsFrom(running.env, true);
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
      expect(lists[list.listId].filterBranch).toEqual(filters);
      expect(flows[flow.id]).toMatchObject({ isEnabled: true, revisionId: '8' });
    } finally {
      await running.stop();
    }
  });
});
