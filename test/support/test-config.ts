import { z } from 'zod';

import { envLoader } from '../../src/config/env';

/**
 * The test run's own knobs, read once through a schema like the app's settings. `npm test` leaves them unset
 * (every test at full strength); `npm run test:fast` lowers FUZZ_RUNS. Tests never read `.env`.
 */
const testConfigSchema = z.object({
  /** When set, every fuzzed property runs this many cases instead of its own count. */
  FUZZ_RUNS: z.coerce.number().int().positive().optional(),
  /** Seconds of the steady-load test. */
  LOAD_TEST_SECONDS: z.coerce.number().int().positive().default(60),
});

export const testConfig = envLoader(testConfigSchema)();

/** How many cases a fuzzed property runs: its own count unless FUZZ_RUNS says otherwise. */
export const fuzzRuns = (ownCount: number) => testConfig.FUZZ_RUNS ?? ownCount;
