import { existsSync, readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { type FilterBranch } from '../sandbox/filter-branch';
import { listMembers } from '../sandbox/routes/lists';
import { type SandboxState } from '../sandbox/store';
import { SANDBOX_FILE, startSandbox } from './sandbox-mode';

const USAGE = `Usage: npm run sandbox -- [--reset] [tasks | lists]
  (no argument)  run the HubSpot sandbox on its own (SANDBOX_PORT, default 3100)
  --reset        forget the sandbox's data; the next start seeds the demo account again
  tasks          list the tasks the sandbox holds (created by direct-mode automation or the workflows)
  lists          the app's lists (by bucket, by quadrant, not asked in 90 days) and their companies`;

const savedState = (): SandboxState | null =>
  existsSync(SANDBOX_FILE) ? (JSON.parse(readFileSync(SANDBOX_FILE, 'utf8')) as SandboxState) : null;

const showLists = () => {
  const state = savedState();
  if (!state) return console.log('No sandbox data yet: run npm start first.');
  const today = new Date().toISOString().slice(0, 10);
  for (const list of Object.values(state.lists)) {
    const names = listMembers(state, list.filterBranch as FilterBranch, today).map(
      (id) => state.companies[id]?.properties.name ?? id,
    );
    console.log(`${list.name} (${names.length}): ${names.join(', ') || '-'}`);
  }
  return undefined;
};

const listTasks = () => {
  const state = savedState();
  if (!state) return console.log('No sandbox data yet: run npm start first.');
  const tasks = Object.values(state.tasks);
  if (tasks.length === 0) return console.log('No tasks yet.');
  for (const task of tasks) {
    const company = task.associations.companies.map((id) => state.companies[id]?.properties.name ?? id).join(', ');
    const owner = state.owners.find((candidate) => candidate.id === task.properties.hubspot_owner_id);
    console.log(
      `#${task.id}  due ${task.properties.hs_timestamp?.slice(0, 10)}  ${task.properties.hs_task_subject}\n` +
        `        company: ${company}  assigned to: ${owner ? owner.email : 'nobody'}`,
    );
  }
  return undefined;
};

const main = async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { reset: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) return console.log(USAGE);
  if (values.reset) {
    rmSync(SANDBOX_FILE, { force: true });
    return console.log(`Sandbox data cleared (${SANDBOX_FILE}).`);
  }
  if (positionals[0] === 'tasks') return listTasks();
  if (positionals[0] === 'lists') return showLists();
  const server = await startSandbox();
  console.log(`HubSpot sandbox on ${server.url} (state in ${SANDBOX_FILE})`);
  process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
  process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
  return undefined;
};

void main();
