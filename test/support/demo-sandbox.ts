import { createSandbox, type SandboxOptions } from '@why-they-care/hubspot-sandbox';

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
