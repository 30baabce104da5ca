import { draftOf } from '@why-they-care/domain';
import { type SandboxOptions } from '@why-they-care/hubspot-sandbox';

import { startLocalStack } from '../../src/cli/local-stack';
import { SANDBOX_PORTAL_ID } from '../../src/cli/sandbox-mode';
import { type ShareLimits } from '../../src/share/share-limits';
import { CLIENT_SECRET, PUBLIC_BASE_URL } from './env';
import { signedRequest } from './signed';

export { isWrite } from '../../src/cli/local-stack';

/** The local stack with the tests' client secret and public URL, so test/support/signed.ts can sign for it. */
export const startSandboxBackend = (
  env: Record<string, string> = {},
  now?: () => Date,
  installApp = false,
  sandbox: Partial<Pick<SandboxOptions, 'searchLagMs' | 'historyOfUnchangedValues'>> = {},
  shareLimits?: ShareLimits,
) =>
  startLocalStack({
    env: { HUBSPOT_CLIENT_SECRET: CLIENT_SECRET, PUBLIC_BASE_URL, ...env },
    now,
    installApp,
    shareLimits,
    ...sandbox,
  });

type Stack = Awaited<ReturnType<typeof startSandboxBackend>>;

/** The tasks the sandbox holds, reduced to what a manager sees: company, subject, assignee, due date. */
export const tasksIn = (stack: Stack) =>
  Object.values(stack.sandbox.store.state.tasks).map((task) => ({
    company: task.associations.companies[0],
    subject: task.properties.hs_task_subject,
    owner: task.properties.hubspot_owner_id,
    due: task.properties.hs_timestamp?.slice(0, 10),
  }));

/** What the card does when an account manager changes only the bucket: load, then save with the loaded version. */
export const moveBucket = async (
  stack: Stack,
  companyId: string,
  bucket: string,
  requestId: string,
  userEmail = 'am@example.com',
) => {
  const path = `/api/companies/${companyId}/profile`;
  const asUser = { portalId: SANDBOX_PORTAL_ID, userEmail };
  const { profile } = (await signedRequest(stack.backendUrl, 'GET', path, undefined, asUser)).body;
  const body = {
    requestId,
    expectedVersion: profile.version,
    profile: { ...draftOf(profile), whyTheyCare: { ...profile.whyTheyCare, bucket } },
  };
  return signedRequest(stack.backendUrl, 'PUT', path, body, asUser);
};
