import { pino } from 'pino';

/** Secrets that must never reach a log line, wherever they appear in a logged object. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-hubspot-signature-v3"]',
  'headers.authorization',
  'accessToken',
  'clientSecret',
  '*.accessToken',
  '*.clientSecret',
  'HUBSPOT_ACCESS_TOKEN',
  'HUBSPOT_CLIENT_SECRET',
];

export const createLogger = (level: string, destination?: pino.DestinationStream) =>
  pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
