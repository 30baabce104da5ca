import { type SetupAction, type SetupItem } from './setup';

const ACTION_WORDS: Record<SetupAction, { planned: string; done: string }> = {
  create: { planned: 'would create', done: 'created' },
  update: { planned: 'would update', done: 'updated' },
  unchanged: { planned: 'unchanged', done: 'unchanged' },
  conflict: { planned: 'CONFLICT', done: 'CONFLICT' },
  skipped: { planned: 'skipped', done: 'skipped' },
};

const linkFor = (item: SetupItem, portalId?: string): string => {
  if (!portalId || !item.id) return '';
  if (item.kind === 'list') return ` https://app.hubspot.com/contacts/${portalId}/objectLists/${item.id}`;
  if (item.kind === 'workflow') return ` https://app.hubspot.com/workflows/${portalId}/platform/flow/${item.id}/edit`;
  return '';
};

const countLine = (items: readonly SetupItem[]) =>
  (Object.keys(ACTION_WORDS) as SetupAction[])
    .map((action) => `${items.filter((item) => item.action === action).length} ${ACTION_WORDS[action].done}`)
    .join(', ');

/** One line: what setup did, for `npm start` where the full report would bury the banner. */
export const formatSetupSummary = (items: readonly SetupItem[]) => `Setup: ${countLine(items)}`;

/** The plan (dry run) or the summary (real run), one line per item and a count per action. */
export const formatSetupReport = (items: readonly SetupItem[], options: { dryRun: boolean; portalId?: string }) => {
  const tense = options.dryRun ? 'planned' : 'done';
  const lines = items.map((item) => {
    const id = item.id ? ` [id ${item.id}]` : '';
    const detail = item.detail ? ` (${item.detail})` : '';
    return `  ${ACTION_WORDS[item.action][tense].padEnd(12)} ${item.kind} ${item.name}${id}${detail}${linkFor(item, options.portalId)}`;
  });
  const heading = options.dryRun ? 'Setup plan (dry run, nothing written):' : 'Setup done:';
  return [heading, ...lines, `Summary: ${countLine(items)}`].join('\n');
};
