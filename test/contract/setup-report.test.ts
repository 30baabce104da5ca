import { formatSetupReport, formatSetupSummary } from '../../src/setup/report';
import { type SetupItem } from '../../src/setup/setup';

const ITEMS: SetupItem[] = [
  { kind: 'property', name: 'wtc_bucket', action: 'create' },
  { kind: 'property', name: 'wtc_version', action: 'conflict', detail: 'exists as string/text' },
  { kind: 'list', name: '[Why They Care] We need you', action: 'unchanged', id: '77' },
  { kind: 'workflow', name: '[Why They Care] Re-recruit', action: 'update', id: '901', detail: 'definition changed' },
  { kind: 'workflow', name: '[Why They Care] Stalled plan', action: 'skipped', detail: 'direct mode' },
];

describe('setup report', () => {
  it('prints the plan of a dry run, one line per item, with ids, links and counts', () => {
    expect(formatSetupReport(ITEMS, { dryRun: true, portalId: '42' }).split('\n')).toEqual([
      'Setup plan (dry run, nothing written):',
      '  would create property wtc_bucket',
      '  CONFLICT     property wtc_version (exists as string/text)',
      '  unchanged    list [Why They Care] We need you [id 77] https://app.hubspot.com/contacts/42/objectLists/77',
      '  would update workflow [Why They Care] Re-recruit [id 901] (definition changed) https://app.hubspot.com/workflows/42/platform/flow/901/edit',
      '  skipped      workflow [Why They Care] Stalled plan (direct mode)',
      'Summary: 1 created, 1 updated, 1 unchanged, 1 CONFLICT, 1 skipped',
    ]);
  });

  it('prints what was done after a real run, and a one-line summary for npm start', () => {
    expect(formatSetupReport(ITEMS, { dryRun: false }).split('\n')[1]).toBe('  created      property wtc_bucket');
    expect(formatSetupSummary(ITEMS)).toBe('Setup: 1 created, 1 updated, 1 unchanged, 1 CONFLICT, 1 skipped');
  });
});
