import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { BUCKETS } from '@why-they-care/domain';
import { type SandboxState } from '@why-they-care/hubspot-sandbox';

import { SANDBOX_ACCESS_TOKEN } from '../src/cli/sandbox-mode';
import { type LocalStack } from '../src/cli/local-stack';

/**
 * An answers file for every company of `state` (matched by id), each row moving the company to another
 * bucket with a new answer: the import has to write every row.
 */
export const answersFileFor = (state: SandboxState): { path: string; rows: number } => {
  const lines = ['company_id,bucket,answer,answered_by,role,asked_on'];
  for (const [index, company] of Object.values(state.companies).entries()) {
    const current = BUCKETS.findIndex((bucket) => bucket.value === company.properties.wtc_bucket);
    const next = BUCKETS[(current + 1) % BUCKETS.length]?.value ?? 'need_you';
    lines.push(`${company.id},${next},"Imported answer ${index}, in their words",Jordan,COO,2026-10-01`);
  }
  const path = join(mkdtempSync(join(tmpdir(), 'wtc-bench-')), 'answers.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, rows: lines.length - 1 };
};

const percentile = (values: readonly number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
};

/**
 * Edits "in HubSpot" (the sandbox's CRM_UI path) that move companies to "Who are you?", one after the other,
 * each timed from the edit's answer until its re-recruit task exists: the sandbox's batched, signed delivery,
 * the backend's route and its background batch (read, facts, task).
 */
export const webhookToTaskLatency = async (stack: LocalStack, companyIds: readonly string[]) => {
  const latencies: number[] = [];
  const tasksOf = (id: string) =>
    Object.values(stack.sandbox.store.state.tasks).filter((task) => task.associations.companies.includes(id)).length;
  for (const id of companyIds) {
    const before = tasksOf(id);
    const started = performance.now();
    const edited = await fetch(`${stack.hubspotUrl}/sandbox/crm-ui/companies/${id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ properties: { wtc_bucket: 'who_are_you' } }),
    });
    if (!edited.ok) throw new Error(`the sandbox refused the edit of ${id}: ${edited.status}`);
    const deadline = started + 10_000;
    while (tasksOf(id) === before && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 2));
    latencies.push(tasksOf(id) > before ? performance.now() - started : Number.POSITIVE_INFINITY);
  }
  return { moves: latencies.length, p50Ms: percentile(latencies, 0.5), maxMs: Math.max(...latencies) };
};
