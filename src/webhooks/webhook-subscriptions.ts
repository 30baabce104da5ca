import { PROPERTIES } from '@why-they-care/domain';

/** Where HubSpot delivers the app's webhooks (`targetUrl` in extensions/app/webhooks/webhooks-hsmeta.json). */
export const WEBHOOK_PATH = '/webhooks/hubspot';

/**
 * The company properties whose changes the backend reacts to, as subscribed in the webhooks component (a
 * project test holds the two together). Only the bucket: a move to "Who are you?" needs its re-recruit task
 * within seconds, and every move leaves the facts the home page counts. The app's other properties are
 * written by the card (which acts on its own save) or read by the daily pass and by searches, where a
 * change made elsewhere is seen without a delivery; each subscription would cost a delivery per change.
 */
export const WEBHOOK_PROPERTIES = [PROPERTIES.bucket.name] as const;

/** Where the sandbox sends the app's webhooks for a backend at `url`, as HubSpot would with the component. */
export const webhookTarget = (backend: { url: string; publicBaseUrl?: string; clientSecret: string }) => ({
  url: `${backend.url}${WEBHOOK_PATH}`,
  signedUrl: `${(backend.publicBaseUrl ?? backend.url).replace(/\/+$/, '')}${WEBHOOK_PATH}`,
  clientSecret: backend.clientSecret,
  properties: WEBHOOK_PROPERTIES,
});
