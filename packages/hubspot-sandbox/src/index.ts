/**
 * The HubSpot sandbox: a stateful stand-in for the part of HubSpot's REST API the app uses, for local runs,
 * tests and the benchmark. It speaks HubSpot's wire contract (@why-they-care/hubspot-contract) and knows
 * nothing of the app: whoever runs it gives it an access token and an account to start from.
 */
export { emptyAccount } from './account';
export { type WriteSource, applyValues, crmUiSource, SANDBOX_APP_ID } from './records';
export { type SandboxFile } from './routes/files';
export { listMembers } from './routes/lists';
export { createSandbox, type JournalEntry, type Sandbox, type SandboxOptions } from './server';
export {
  type SandboxOwner,
  type SandboxProperty,
  type SandboxRecord,
  type SandboxState,
  type SandboxStore,
} from './store';
export { type DeliveryAttempt, SANDBOX_WEBHOOK_TIMINGS, type WebhookTarget, type WebhookTimings } from './webhooks';
