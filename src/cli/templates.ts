import { readFileSync } from 'node:fs';

import { type PlanTemplates } from '@why-they-care/domain';

import { createBackend } from '../backend';
import { loadEnv } from '../config/env';
import { createLogger } from '../lib/logger';
import { parsePlanTemplates } from '../templates/plan-templates.store';
import { CommandError, parseCommandLine, runCommand } from './run-command';
import { commandEnv } from './sandbox-mode';

const USAGE = `Usage: npm run templates -- <show | check FILE | publish FILE [--dry-run]>
  The segments (by appropriate experience) and their plan templates, which account managers apply on the
  card. Kept in HubSpot as one hidden JSON file in the File Manager, so every backend instance reads the same.
  show               print what is published now
  check FILE         validate a JSON file (see plan-templates/example.json); write nothing
  publish FILE       validate it, then replace what is published (backends pick it up within a minute)
  --dry-run          with publish: say what would change; write nothing`;

const readDocument = (file: string): PlanTemplates => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CommandError(`Cannot read ${file}: give the path of a JSON file (see plan-templates/example.json).`, 2);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new CommandError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parsePlanTemplates(document, file);
};

const describe = (templates: PlanTemplates) =>
  templates.segments.length
    ? templates.segments
        .map((segment) => `  ${segment.id}: ${segment.label} (${segment.steps.length} steps)`)
        .join('\n')
    : '  (no segments)';

/** Segments added, changed or removed, by id: what a publish would do. */
const changes = (before: PlanTemplates, after: PlanTemplates) => {
  const old = new Map(before.segments.map((segment) => [segment.id, JSON.stringify(segment)]));
  const next = new Map(after.segments.map((segment) => [segment.id, JSON.stringify(segment)]));
  return [
    ...after.segments.filter((segment) => !old.has(segment.id)).map((segment) => `  add     ${segment.id}`),
    ...after.segments
      .filter((segment) => old.has(segment.id) && old.get(segment.id) !== next.get(segment.id))
      .map((segment) => `  change  ${segment.id}`),
    ...before.segments.filter((segment) => !next.has(segment.id)).map((segment) => `  remove  ${segment.id}`),
  ];
};

runCommand(async () => {
  const { values, positionals } = parseCommandLine(
    {
      options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean' } },
      allowPositionals: true,
    },
    USAGE,
  );
  if (values.help) return console.log(USAGE);
  const [action, file] = positionals;
  if (action === 'check' && file) {
    console.log(`${file} is valid:\n${describe(readDocument(file))}`);
    return undefined;
  }
  if (action !== 'show' && !(action === 'publish' && file)) throw new CommandError(USAGE, 2);
  const env = loadEnv(commandEnv());
  const { templates } = createBackend({ env, logger: createLogger(env.LOG_LEVEL) });
  const published = await templates.read();
  if (action === 'show') return console.log(`Published plan templates:\n${describe(published)}`);
  const next = readDocument(file ?? '');
  const planned = changes(published, next);
  if (values['dry-run'] || planned.length === 0) {
    console.log(
      planned.length ? `Would publish (dry run, nothing written):\n${planned.join('\n')}` : 'Nothing to change.',
    );
    return undefined;
  }
  await templates.publish(next);
  console.log(`Published:\n${planned.join('\n')}\nEvery backend uses them within a minute.`);
  return undefined;
});
