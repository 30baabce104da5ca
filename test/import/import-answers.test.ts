import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defaultTagOptions } from '@why-they-care/domain';

import { briefSourcesFrom, connectFromEnv } from '../../src/backend';
import { companiesApi } from '../../src/hubspot/companies';
import { importAnswers, type ImportOptions } from '../../src/import/import-answers';
import { isWrite, startSandboxBackend, tasksIn } from '../support/sandbox-backend';

/**
 * `npm run import` against the sandbox: good rows written through the card's save decision, 100 per batch
 * call; bad and ambiguous rows named and never written; a rerun writes nothing; an interrupted run resumes
 * without writing a row twice.
 */
let stack: Awaited<ReturnType<typeof startSandboxBackend>>;
const folder = mkdtempSync(join(tmpdir(), 'wtc-import-'));
let files = 0;
const csv = (text: string) => {
  const path = join(folder, `answers-${(files += 1)}.csv`);
  writeFileSync(path, text);
  return path;
};
const run = (path: string, options: Partial<ImportOptions> = {}) =>
  stack.backend.importAnswers({ path, dryRun: false, ...options });
const company = (id: string) => stack.sandbox.store.state.companies[id]?.properties ?? {};
const writes = () => stack.calls.filter(isWrite).map((call) => call.operation);
const freshCalls = () => stack.calls.splice(0);

beforeAll(async () => {
  stack = await startSandboxBackend({ AUTOMATION_MODE: 'direct' }, undefined, true);
});
afterAll(() => stack.stop());

describe('npm run import', () => {
  it('writes the good rows through the save decision (values, version, stamps, move facts) and creates their tasks', async () => {
    const before = { ...company('1002') };
    freshCalls();
    const report = await run(
      csv(
        'company_id,bucket,answer,answered_by,role,asked_on,themes_or_concerns\n' +
          '1002,Who are you?,"We forgot why, honestly",Dana Smith,COO,2026-10-14,Price; Low adoption\n' +
          `1003,${company('1003').wtc_bucket},${company('1003').wtc_answer},,,,\n`,
      ),
    );
    expect(report).toMatchObject({ rows: 2, written: 1, unchanged: 1, reRecruitTasks: 1, problems: [] });
    expect(company('1002')).toMatchObject({
      wtc_bucket: 'who_are_you',
      wtc_answer: 'We forgot why, honestly',
      wtc_answered_by_name: 'Dana Smith',
      wtc_answered_by_role: 'COO',
      wtc_asked_on: '2026-10-14',
      wtc_concerns: 'adoption;price',
      wtc_value_themes: '',
      wtc_version: String(Number(before.wtc_version) + 1),
      wtc_last_reviewed_by: expect.stringMatching(/^Import of answers-\d+\.csv$/),
      wtc_previous_bucket: 'need_you',
      wtc_bucket_moved_by: expect.stringMatching(/^Import of /),
      wtc_re_recruit_task_key: expect.stringMatching(/^re_recruit:1002:v/),
      // Untouched: what the file does not name.
      wtc_required_outcome: before.wtc_required_outcome,
      wtc_plan_steps: before.wtc_plan_steps,
    });
    expect(tasksIn(stack).filter((task) => task.company === '1002')).toHaveLength(1);
    // One batch read, one batch update, one batch create of tasks.
    expect(writes()).toEqual(['companies.batchUpdate', 'tasks.batchCreate']);
  });

  it('names the line, column and reason of every bad row, and writes none of them', async () => {
    const [first, second] = ['1006', '1007'];
    for (const id of ['1008', '1009']) Object.assign(company(id), { domain: 'shared.example.com' });
    const untouched = ['1006', '1007', '1008', '1009', '1010'].map((id) => ({ ...company(id) }));
    freshCalls();
    const report = await run(
      csv(
        [
          '# every row below is refused',
          'company_id;bucket;answer;asked_on;themes_or_concerns',
          `${first};its_ok;"Twice; first";;`,
          `${second};Maybe;x;;`,
          `${first};its_ok;Twice, second;;`,
          '999999;its_ok;Nobody;;',
          '1010;need_you;x;31/12/2026;',
          '1010x;need_you;x;;',
          '1007;need_you;x;;The weather',
          '1007;need_you',
        ].join('\n'),
      ),
    );
    expect(report.problems).toEqual([
      { line: 3, column: 'company_id', reason: 'Company 1006 is also on line 5: neither row is imported' },
      { line: 4, column: 'bucket', reason: expect.stringMatching(/"Maybe" is not a bucket/) },
      { line: 5, column: 'company_id', reason: 'Company 1006 is also on line 3: neither row is imported' },
      { line: 6, column: 'company_id', reason: 'No company with id 999999' },
      { line: 7, column: 'asked_on', reason: expect.stringMatching(/YYYY-MM-DD/) },
      { line: 8, column: 'company_id', reason: expect.stringMatching(/positive whole number/) },
      { line: 9, column: 'themes_or_concerns', reason: expect.stringMatching(/"Why they need us": "The weather"/) },
      { line: 10, column: 'row', reason: expect.stringMatching(/2 cells, the header has 5/) },
    ]);
    expect(report).toMatchObject({ rows: 8, written: 0 });
    expect(writes()).toEqual([]);

    const byDomain = await run(
      csv(
        'domain,bucket\nshared.example.com,its_ok\nnowhere.example.com,its_ok\nHTTPS://www.Fjordshipping.example.com/,need_you\n',
      ),
    );
    expect(byDomain.problems).toEqual([
      {
        line: 2,
        column: 'domain',
        reason: expect.stringMatching(/^2 companies have the domain shared\.example\.com \(1008, 1009\)/),
      },
      { line: 3, column: 'domain', reason: 'No company has the domain nowhere.example.com' },
    ]);
    expect(byDomain.written).toBe(1);
    expect(company('1006')).toMatchObject({ wtc_bucket: 'need_you' });
    expect(['1007', '1008', '1009', '1010'].map(company)).toEqual(untouched.slice(1));
  });

  it('reads a `;` file with a BOM; a dry run writes nothing; a rerun of the same file writes nothing', async () => {
    const path = csv('\ufeffCompany ID;Bucket;Answer\n1011;need_you;Imported once\n1012;its_ok;Imported too\n');
    freshCalls();
    const dry = await run(path, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, written: 2, problems: [] });
    expect(writes()).toEqual([]);
    expect(company('1011').wtc_answer).not.toBe('Imported once');

    expect(await run(path)).toMatchObject({ written: 2, unchanged: 0 });
    freshCalls();
    expect(await run(path)).toMatchObject({ written: 0, unchanged: 2, problems: [] });
    expect(writes()).toEqual([]);
  });

  it('resumes an interrupted import without writing any row twice', async () => {
    const ids = ['1001', '1002', '1003', '1004', '1005', '1011', '1012'];
    const rows = ids.map((id, index) => `${id},its_ok,Resumed answer ${index}`);
    const path = csv(`company_id,bucket,answer\n${rows.join('\n')}\n`);
    const companies = companiesApi(connectFromEnv(stack.env));
    const written: string[][] = [];
    const recording = (failAfter: number) => {
      let batches = 0;
      return {
        ...companies,
        batchUpdate: async (inputs: readonly { id: string; properties: Record<string, string> }[]) => {
          if ((batches += 1) > failAfter) throw new Error('the process was killed here');
          written.push(inputs.map((input) => input.id));
          await companies.batchUpdate(inputs);
        },
      };
    };
    const deps = {
      tagOptions: defaultTagOptions(),
      briefSources: briefSourcesFrom(stack.env),
      actor: { email: 'Import', userId: null },
    };
    // Four rows per batch here (the real import: 100), so the file takes two batches; the second one fails.
    const smallBatches = { path, dryRun: false, batchSize: 4 };
    await expect(importAnswers({ ...deps, companies: recording(1) }, smallBatches)).rejects.toThrow('killed');
    expect(written).toEqual([ids.slice(0, 4)]);
    const resumed = await importAnswers({ ...deps, companies: recording(Infinity) }, smallBatches);
    expect(resumed).toMatchObject({ written: 3, unchanged: 4 });
    expect(written).toEqual([ids.slice(0, 4), ids.slice(4)]);
    for (const [index, id] of ids.entries()) expect(company(id).wtc_answer).toBe(`Resumed answer ${index}`);
  });
});
