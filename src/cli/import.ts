import { SingleBar } from 'cli-progress';

import { createBackend } from '../backend';
import { loadEnv } from '../config/env';
import { formatImportReport } from '../import/import-report';
import { createLogger } from '../lib/logger';
import { CommandError, parseCommandLine, runCommand } from './run-command';
import { commandEnv } from './sandbox-mode';

const USAGE = `Usage: npm run import -- <answers.csv> [--dry-run] [--match id|domain]
  <answers.csv>   one row per company (docs/import-template.csv documents every column)
  --dry-run       check every row and say what would change; write nothing
  --match         how rows name their company: id (company_id column) or domain; default: id when the
                  file has a company_id column, else domain`;

/** A progress bar on a terminal; nothing when the output goes to a file or a pipe. */
const progressBar = () => {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    format: 'Importing [{bar}] {value}/{total} rows | {eta}s left',
    stream: process.stderr,
    hideCursor: true,
  });
  let started = false;
  return {
    update: (done: number, total: number) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
};

/**
 * `npm run import`: answers collected elsewhere (a spreadsheet, a survey tool) into the companies' profiles.
 * Exits 1 when some rows were not imported (each is listed with its line, column and reason).
 */
runCommand(async () => {
  const { values, positionals } = parseCommandLine(
    {
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean' }, match: { type: 'string' }, help: { type: 'boolean' } },
    },
    USAGE,
  );
  if (values.help) return console.log(USAGE);
  const [path, ...extra] = positionals;
  if (!path || extra.length) throw new CommandError(`Give one answers file.\n\n${USAGE}`, 2);
  const match = values.match;
  if (match !== undefined && match !== 'id' && match !== 'domain') {
    throw new CommandError(`--match is id or domain, not "${match}".\n\n${USAGE}`, 2);
  }
  const env = loadEnv(commandEnv());
  const backend = createBackend({ env, logger: createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL) });
  const bar = progressBar();
  try {
    const report = await backend.importAnswers({
      path,
      matchBy: match,
      dryRun: values['dry-run'] ?? false,
      onProgress: bar.update,
    });
    bar.stop();
    console.log(formatImportReport(report));
    return report.problems.length ? 1 : 0;
  } finally {
    bar.stop();
  }
});
