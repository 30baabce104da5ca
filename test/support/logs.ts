import { Writable } from 'node:stream';

import { createLogger } from '../../src/lib/logger';

/** A logger that keeps every line the backend writes, for tests that check what is (not) logged. */
export const capturedLogs = (level = 'trace') => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return {
    lines,
    logger: createLogger(level, destination),
    /** Lines at pino's error level (50) or above. */
    errorLines: () => lines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50),
  };
};
