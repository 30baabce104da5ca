import { CLIENT_SECRET, PUBLIC_BASE_URL } from './env';
import { startLocalStack } from '../../src/sandbox/local-stack';

export { isWrite } from '../../src/sandbox/local-stack';

/** The local stack with the tests' client secret and public URL, so test/support/signed.ts can sign for it. */
export const startSandboxBackend = (env: Record<string, string> = {}, now?: () => Date, installApp = false) =>
  startLocalStack({ env: { HUBSPOT_CLIENT_SECRET: CLIENT_SECRET, PUBLIC_BASE_URL, ...env }, now, installApp });
