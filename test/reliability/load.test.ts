import { readFileSync } from 'node:fs';

import { draftOf, mustExist, type Profile } from '@why-they-care/domain';
import { signedFetch } from '@why-they-care/hubspot-contract';

import { SANDBOX_ACCESS_TOKEN, SANDBOX_CLIENT_SECRET, SANDBOX_PORTAL_ID } from '../../src/cli/sandbox-mode';
import { startApp } from '../support/started-app';
import { testConfig } from '../support/test-config';

/**
 * `npm start` (sandbox mode) under a steady load for LOAD_TEST_SECONDS (default 60): loads and saves at
 * a fixed rate over loopback. Zero errors, and the server process's memory flat. Prints the figures.
 *
 * "Flat" is judged on what V8 keeps alive after each full collection (`--trace-gc`), not on the resident
 * size: V8 grows its heap to the load before collecting, so the RSS climbs by 50-100 MB under a minute of
 * load on a busy machine while the live heap stays within a few MB. A leak shows in the live heap.
 */
const SECONDS = testConfig.LOAD_TEST_SECONDS;
const ACTIONS_PER_SECOND = 40;
const COMPANIES = ['1001', '1002', '1003', '1004', '1005', '1006', '1007', '1008', '1009', '1010', '1011', '1012'];

const companyAt = (turn: number) => mustExist(COMPANIES[turn % COMPANIES.length], 'a company');

/** The resident memory of a process, from /proc (Linux). */
const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

/**
 * Each isolate's live heap after its full collections, from `--trace-gc` lines such as
 * "[4242:0x5d1c0e0]  61207 ms: Mark-Compact 138.7 (172.5) -> 36.5 (164.8) MB, ...": 36.5 MB live. The process
 * has more than one isolate (tsx's module loader runs in a thread of its own), each judged on its own.
 */
const liveHeapsAfterFullGc = (traceOutput: string) => {
  const byIsolate = new Map<string, number[]>();
  for (const [, isolate = '', live] of traceOutput.matchAll(
    /\[\d+:(0x[\da-f]+)\][^\n]*?Mark-Compact(?: \(reduce\))? [\d.]+ \([\d.]+\) -> ([\d.]+) \(/g,
  ))
    byIsolate.set(isolate, [...(byIsolate.get(isolate) ?? []), Number(live)]);
  return byIsolate;
};

/** How much each isolate's live heap grew under load: from its last full GC of the warm-up (else its first under load). */
const liveHeapGrowth = (warmedUp: Map<string, number[]>, after: Map<string, number[]>) =>
  [...after].map(([isolate, lives]) => {
    const underLoad = lives.slice(warmedUp.get(isolate)?.length ?? 0);
    const baseline = warmedUp.get(isolate)?.at(-1) ?? underLoad[0] ?? 0;
    return { isolate, underLoad, growth: Math.max(baseline, ...underLoad) - baseline };
  });

/** The most the live heap may grow over the minute: far below what a leak of a few kB per request adds. */
const LIVE_HEAP_GROWTH_MB = 12;

it(
  `serves ${ACTIONS_PER_SECOND} actions/s for ${SECONDS} s with no error and flat memory`,
  async () => {
    const app = await startApp({ HUBSPOT_REQUESTS_PER_10S: '1000000', SANDBOX_REQUESTS_PER_10S: '1000000' }, [
      '--trace-gc',
    ]);
    const pid = app.child.pid ?? 0;
    let traceOutput = '';
    app.child.stdout.on('data', (chunk: Buffer) => void (traceOutput += chunk.toString()));
    const call = (method: 'GET' | 'PUT', id: string, body?: unknown) =>
      signedFetch({
        clientSecret: SANDBOX_CLIENT_SECRET,
        portalId: SANDBOX_PORTAL_ID,
        method,
        url: `${app.backendUrl}/api/companies/${id}/profile`,
        body,
      });
    const outcomes = new Map<string, number>();
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);

    /** One user action: load a profile, and every fourth time save an edit to it. */
    const action = async (turn: number) => {
      const id = companyAt(turn);
      const loaded = await call('GET', id);
      count(`GET ${loaded.status}`);
      if (turn % 4 !== 0 || loaded.status !== 200) return;
      const profile = loaded.body.profile as Profile;
      const draft = draftOf(profile);
      const saved = await call('PUT', id, {
        requestId: `load-${turn}-${Date.now()}`,
        expectedVersion: profile.version,
        profile: { ...draft, whyTheyCare: { ...draft.whyTheyCare, answer: `Load test answer ${turn}` } },
      });
      count(`PUT ${saved.status}`);
    };

    try {
      for (let turn = 0; turn < 400; turn += 1) await action(turn); // warm-up, not counted
      outcomes.clear();
      const warmedUp = liveHeapsAfterFullGc(traceOutput);
      const samples = [rssMb(pid)];
      const pending: Promise<void>[] = [];
      let turn = 0;
      // A company's actions follow one another, as one user's do: a load while the last save on the same
      // company is still answering would read the old version, and the next save would rightly get a 409.
      const lastOn = new Map<string, Promise<void>>();
      const fire = () => {
        turn += 1;
        const current = turn;
        const id = companyAt(current);
        const next = (lastOn.get(id) ?? Promise.resolve()).then(() =>
          action(current).catch(() => void count('network error')),
        );
        lastOn.set(id, next);
        pending.push(next);
      };
      // On a busy machine the timer fires late: each tick sends every action due by now, so the rate is the
      // server's to keep up with, not this process's timer.
      const started = performance.now();
      const ticker = setInterval(() => {
        const due = Math.floor(((performance.now() - started) / 1000) * ACTIONS_PER_SECOND);
        while (turn < Math.min(due, ACTIONS_PER_SECOND * SECONDS)) fire();
      }, 1000 / ACTIONS_PER_SECOND);
      const sampler = setInterval(() => samples.push(rssMb(pid)), 5_000);
      await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
      clearInterval(ticker);
      clearInterval(sampler);
      await Promise.all(pending);
      samples.push(rssMb(pid));
      const growth = liveHeapGrowth(warmedUp, liveHeapsAfterFullGc(traceOutput));
      console.info(
        `load: ${turn} actions in ${SECONDS} s, ${JSON.stringify(Object.fromEntries(outcomes))}, ` +
          `server RSS every 5 s (MB): ${samples.map((sample) => sample.toFixed(0)).join(' ')}, ` +
          `live heap after each full GC under load (MB): ${growth.map(({ underLoad }) => underLoad.join(' ')).join(' | ')}`,
      );
      expect([...outcomes].filter(([key]) => !/ 200$/.test(key))).toEqual([]);
      expect(turn).toBeGreaterThanOrEqual(ACTIONS_PER_SECOND * SECONDS * 0.9);
      expect(growth.some(({ underLoad }) => underLoad.length > 0)).toBe(true);
      expect(growth.filter((isolate) => isolate.growth >= LIVE_HEAP_GROWTH_MB)).toEqual([]);
      const company = await fetch(`${app.sandboxUrl}/crm/v3/objects/companies/1001?properties=wtc_version`, {
        headers: { Authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}` },
      });
      expect(
        Number(((await company.json()) as { properties: { wtc_version: string } }).properties.wtc_version),
      ).toBeGreaterThan(10);
    } finally {
      app.cleanUp();
    }
  },
  (SECONDS + 90) * 1000,
);
