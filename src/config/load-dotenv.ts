import { existsSync } from 'node:fs';

/**
 * Preloaded by the npm scripts (`node --import`), before any module reads a variable: a `.env` file in the
 * folder the command runs from fills in what the environment leaves unset (a variable set in the
 * environment wins, even when blank). No file, no error: the environment alone is enough.
 */
if (existsSync('.env')) process.loadEnvFile('.env');
