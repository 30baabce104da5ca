import { existsSync, readFileSync, rmSync } from 'node:fs';

import { listMembers, type SandboxState } from '@why-they-care/hubspot-sandbox';

import { sandboxUrl } from '../config/env';
import { CommandError, parseCommandLine, portSetting, runCommand, stopOnSignals } from './run-command';
import { SANDBOX_ACCESS_TOKEN, sandboxFile } from './sandbox-mode';
import { startSandbox } from './sandbox-process';
import { releaseSandboxData, sandboxDataOwner } from './sandbox-owner';

const USAGE = `Usage: npm run sandbox -- [--reset] [tasks | lists | set <company id> <property> <value> [--user <id>]]
  (no argument)  run the HubSpot sandbox on its own (SANDBOX_PORT, default 3100)
  --reset        forget the sandbox's data; the next start seeds the demo account again
  tasks          list the tasks the sandbox holds (created by direct-mode automation or the workflows)
  lists          the app's lists (by bucket, by quadrant, not asked in 90 days) and their companies
  set            edit a company property as a user would in HubSpot (not through the app), in the running
                 sandbox: its webhooks tell the backend (--user: the HubSpot user id, the first owner's by default)`;

const savedState = (): SandboxState | null => {
  const file = sandboxFile();
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SandboxState) : null;
};

/** Deleting the data under a running sandbox would not reset it: it rewrites the file from memory. */
const reset = async () => {
  const file = sandboxFile();
  const owner = await sandboxDataOwner(file);
  if (owner) {
    throw new CommandError(
      `The sandbox at ${owner.url} (process ${owner.pid}) is using ${file}: stop npm start (or npm run sandbox) first, then reset.`,
    );
  }
  rmSync(file, { force: true });
  releaseSandboxData(file);
  console.log(`Sandbox data cleared (${file}).`);
};

const showLists = () => {
  const state = savedState();
  if (!state) return console.log('No sandbox data yet: run npm start first.');
  const today = new Date().toISOString().slice(0, 10);
  for (const list of Object.values(state.lists)) {
    const names = listMembers(state, list.filterBranch, today).map((id) => state.companies[id]?.properties.name ?? id);
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
    // The body too: a task must say why it exists without opening the card.
    const body = (task.properties.hs_task_body ?? '').split(/<br\s*\/?>|\n/).filter((line) => line.trim());
    console.log(
      [
        `#${task.id}  due ${task.properties.hs_timestamp?.slice(0, 10)}  ${task.properties.hs_task_subject}`,
        `        company: ${company}  assigned to: ${owner ? owner.email : 'nobody'}`,
        ...body.map((line) => `        | ${line}`),
      ].join('\n'),
    );
  }
  return undefined;
};

/** An edit "in HubSpot": the running sandbox records it as the user's (CRM_UI) and sends its webhooks. */
const editInHubSpot = async ([companyId, property, value]: string[], userId: string | undefined) => {
  if (!companyId || !property || value === undefined)
    throw new CommandError(`set needs a company id, a property and a value.\n\n${USAGE}`, 2);
  const url = `${sandboxUrl()}/sandbox/crm-ui/companies/${encodeURIComponent(companyId)}${userId ? `?userId=${encodeURIComponent(userId)}` : ''}`;
  const response = await fetch(url, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ properties: { [property]: value } }),
  }).catch(() => {
    throw new CommandError(
      `The HubSpot sandbox does not answer at ${sandboxUrl()}: start it with \`npm start\` in another terminal.`,
    );
  });
  const answer = (await response.json()) as { message?: string };
  if (!response.ok)
    throw new CommandError(`The sandbox refused the edit: ${answer.message ?? `HTTP ${response.status}`}`);
  console.log(`Company ${companyId}: ${property} = ${value || '(empty)'}, edited in HubSpot.`);
};

runCommand(async () => {
  const { values, positionals } = parseCommandLine(
    {
      allowPositionals: true,
      options: { reset: { type: 'boolean' }, help: { type: 'boolean' }, user: { type: 'string' } },
    },
    USAGE,
  );
  if (values.help) return console.log(USAGE);
  if (values.reset) return reset();
  if (positionals[0] === 'tasks') return listTasks();
  if (positionals[0] === 'lists') return showLists();
  if (positionals[0] === 'set') return editInHubSpot(positionals.slice(1), values.user);
  if (positionals.length > 0) throw new CommandError(`Unknown command "${positionals[0]}".\n\n${USAGE}`, 2);
  const server = await startSandbox().catch(portSetting('SANDBOX_PORT'));
  console.log(`HubSpot sandbox on ${server.url} (state in ${sandboxFile()})`);
  stopOnSignals(() => server.close());
  return undefined;
});
