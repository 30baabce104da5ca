import request from 'supertest';
import { createSandbox, type Sandbox, type SandboxOptions } from '@why-they-care/hubspot-sandbox';

import { demoAccount } from '../../src/cli/demo-account';
import { SANDBOX_ACCESS_TOKEN } from '../../src/cli/sandbox-mode';

/** The sandbox as sandbox mode runs it (its token, the demo account as of `now`), in memory unless given a file. */
export const demoSandbox = (options: Partial<SandboxOptions> = {}) =>
  createSandbox({
    accessToken: SANDBOX_ACCESS_TOKEN,
    initialState: demoAccount(options.now?.() ?? new Date()),
    file: null,
    ...options,
  });

/** Bucket (two of its options), version and renewal date: what the sandbox's own tests need of setup. */
export const withAppProperties = async (sandbox: Sandbox) => {
  const auth = { Authorization: `Bearer ${SANDBOX_ACCESS_TOKEN}` };
  await request(sandbox.app)
    .post('/crm/v3/properties/companies/groups')
    .set(auth)
    .send({ name: 'why_they_care', label: 'Why They Care' });
  await request(sandbox.app)
    .post('/crm/v3/properties/companies')
    .set(auth)
    .send({
      name: 'wtc_bucket',
      label: 'Bucket',
      type: 'enumeration',
      fieldType: 'select',
      groupName: 'why_they_care',
      options: [
        { label: 'We need you', value: 'need_you', hidden: false },
        { label: 'Who are you?', value: 'who_are_you', hidden: false },
      ],
    });
  await request(sandbox.app)
    .post('/crm/v3/properties/companies')
    .set(auth)
    .send({ name: 'wtc_version', label: 'Version', type: 'number', fieldType: 'number', groupName: 'why_they_care' });
  await request(sandbox.app)
    .post('/crm/v3/properties/companies')
    .set(auth)
    .send({ name: 'wtc_renewal_date', label: 'Renewal', type: 'date', fieldType: 'date', groupName: 'why_they_care' });
  return sandbox;
};
