import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PROFILE_READ_PROPERTIES } from '@why-they-care/domain';

import { createBackend } from '../../src/backend';
import { createLogger } from '../../src/lib/logger';
import { NOW, storedProperties, TAG_PROPERTIES_READ } from '../support/company-fixtures';
import { testEnv } from '../support/env';
import { interceptHubSpot } from '../support/nock-hubspot';

/** The requests an import by domain sends to HubSpot, exactly: one search for the domains, one batch read, one batch update. */
const hubspot = interceptHubSpot();
const backend = () => createBackend({ env: testEnv(), logger: createLogger('silent'), now: () => NOW });
const file = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'wtc-import-contract-')), 'answers.csv');
  writeFileSync(path, text);
  return path;
};
const BATCH = { status: 'COMPLETE', startedAt: NOW.toISOString(), completedAt: NOW.toISOString() };
const company = (id: string, properties: Record<string, string>) => ({
  id,
  properties,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  archived: false,
});

describe('import requests', () => {
  it('finds the domains in one IN search, reads the companies in one batch, writes only what changed in one batch', async () => {
    hubspot().post(TAG_PROPERTIES_READ.path, TAG_PROPERTIES_READ.body).reply(200, TAG_PROPERTIES_READ.answer());
    hubspot()
      .post('/crm/v3/objects/companies/search', {
        filterGroups: [{ filters: [{ propertyName: 'domain', operator: 'IN', values: ['acme.com', 'birch.io'] }] }],
        properties: ['domain'],
        sorts: ['hs_object_id'],
        limit: 200,
      })
      .reply(200, {
        total: 2,
        results: [company('11', { domain: 'acme.com' }), company('12', { domain: 'BIRCH.io' })],
      });
    hubspot()
      .post('/crm/v3/objects/companies/batch/read', {
        inputs: [{ id: '11' }, { id: '12' }],
        properties: [...PROFILE_READ_PROPERTIES, 'total_revenue'],
        propertiesWithHistory: [],
      })
      .reply(200, {
        ...BATCH,
        results: [
          company('11', storedProperties(3)),
          company('12', { ...storedProperties(5), wtc_bucket: 'need_you', wtc_answer: 'Same as ever' }),
        ],
      });
    let written: unknown = null;
    hubspot()
      .post('/crm/v3/objects/companies/batch/update', (body) => ((written = body), true))
      .reply(200, { ...BATCH, results: [] });

    const report = await backend().importAnswers({
      path: file(
        'domain,bucket,answer\nhttps://www.acme.com,need_you,Now we need you\nbirch.io,We need you,Same as ever\n',
      ),
      dryRun: false,
    });
    expect(report).toMatchObject({ rows: 2, written: 1, unchanged: 1, problems: [] });
    // Only what changed, the move's facts and the save stamp; company 12 already holds its row's values.
    expect(written).toEqual({
      inputs: [
        {
          id: '11',
          properties: {
            wtc_bucket: 'need_you',
            wtc_answer: 'Now we need you',
            // The stored profile had no plan yet: its rollups are written once, as a card save would.
            wtc_plan_steps_total: '0',
            wtc_plan_steps_done: '0',
            wtc_plan_overdue_customer: '0',
            wtc_plan_overdue_us: '0',
            wtc_previous_bucket: 'its_ok',
            wtc_bucket_moved_at: NOW.toISOString(),
            wtc_bucket_moved_by: 'Import of answers.csv',
            wtc_version: '4',
            wtc_last_save_id: expect.stringMatching(/^import-[\w-]{32}$/),
            wtc_last_reviewed_at: NOW.toISOString(),
            wtc_last_reviewed_by: 'Import of answers.csv',
          },
        },
      ],
    });
  });
});
