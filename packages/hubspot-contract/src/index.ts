/**
 * HubSpot's REST API as Why They Care uses it: the shapes of requests and answers, limits, and the
 * formats public sources show but no live account has confirmed (unverified-formats.ts). The HubSpot
 * client (src/hubspot), the sandbox and the tests all take them from here, so a correction is made once.
 */
export * from './api-models';
export * from './canonical';
export * from './contacts';
export * from './dates';
export * from './errors';
export * from './files';
export * from './filters';
export * from './flows';
export * from './json';
export * from './lists';
export * from './objects';
export * from './operations';
export * from './owners';
export * from './properties';
export * from './search';
export * from './signed-request';
export * from './stored-forms';
export * from './tasks';
export * from './unverified-formats';
export * from './webhooks';
