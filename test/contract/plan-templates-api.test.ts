import { type PlanTemplates } from '@why-they-care/domain';
import nock from 'nock';

import { createBackend } from '../../src/backend';
import { createLogger } from '../../src/lib/logger';
import { testEnv } from '../support/env';
import { interceptHubSpot } from '../support/nock-hubspot';
import { signedRequest } from '../support/signed';

const hubspot = interceptHubSpot();

const backend = () => createBackend({ env: testEnv(), logger: createLogger('silent') });

const STAT_PATH = '/files/v3/files/stat/%2Fwhy-they-care%2Fplan-templates.json';
const CDN = 'https://cdn.hubspot.test';
const DOCUMENT: PlanTemplates = {
  segments: [
    {
      id: 'self-serve',
      label: 'Self-serve',
      appropriateExperience: '',
      steps: [{ id: 'a', title: 'Invite the admin', ownerSide: 'customer', dueInDays: 3, description: '' }],
    },
  ],
};

describe('plan templates: the File Manager requests', () => {
  it('finds the file by path, signs a URL and downloads it without the access token', async () => {
    hubspot()
      .get(STAT_PATH)
      .reply(200, { file: { id: '777', name: 'plan-templates', extension: 'json', access: 'HIDDEN_PRIVATE' } });
    hubspot()
      .get('/files/v3/files/777/signed-url')
      .reply(200, { url: `${CDN}/signed/777?sig=abc`, expiresAt: '2026-11-23T11:00:00.000Z', name: 'plan-templates' });
    const download = nock(CDN, { badheaders: ['authorization'] })
      .get('/signed/777')
      .query({ sig: 'abc' })
      .reply(200, DOCUMENT);
    const answer = await signedRequest(backend().app, 'GET', '/api/plan-templates');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ templates: DOCUMENT });
    expect(download.isDone()).toBe(true);
  });

  it('answers no segments while none are published', async () => {
    hubspot().get(STAT_PATH).reply(404, { status: 'error', message: 'Not found', category: 'OBJECT_NOT_FOUND' });
    expect((await signedRequest(backend().app, 'GET', '/api/plan-templates')).body).toEqual({
      templates: { segments: [] },
    });
  });

  it('says which scopes are missing when HubSpot refuses the File Manager', async () => {
    hubspot().get(STAT_PATH).reply(403, {
      status: 'error',
      message: 'One or more of the following scopes are required.',
      category: 'MISSING_SCOPES',
    });
    const answer = await signedRequest(backend().app, 'GET', '/api/plan-templates');
    expect(answer.status).toBe(502);
    expect(answer.body.error).toMatchObject({ code: 'HUBSPOT_MISCONFIGURED' });
    expect(answer.body.error.message).toMatch(/"files" and "files\.ui_hidden\.read" scopes/);
  });

  it('publishes one multipart upload: the JSON file, its folder and name, hidden and private, replacing the last', async () => {
    let multipart = '';
    hubspot()
      .post('/files/v3/files', (body: string) => {
        multipart = body;
        return true;
      })
      .reply(201, { id: '777', name: 'plan-templates', extension: 'json', path: '/why-they-care/plan-templates.json' });
    await backend().templates.publish(DOCUMENT);
    const field = (name: string) => new RegExp(`name="${name}"\\r\\n\\r\\n([^\\r]*)\\r\\n`).exec(multipart)?.[1];
    expect({
      folderPath: field('folderPath'),
      fileName: field('fileName'),
      options: JSON.parse(field('options') ?? '{}'),
    }).toEqual({
      folderPath: '/why-they-care',
      fileName: 'plan-templates',
      options: { access: 'HIDDEN_PRIVATE', overwrite: true },
    });
    expect(multipart).toContain('name="file"; filename="plan-templates.json"');
    expect(multipart).toContain(JSON.stringify(DOCUMENT, null, 2));
  });
});
