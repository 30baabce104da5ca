import { type HubSpotFetchOptions } from '@hubspot/ui-extensions';
import { createRemoteRoot, type RemoteChannel } from '@remote-ui/core';
import { createRoot } from '@remote-ui/react';
import { createEndpoint, type MessageEndpoint, retain } from '@remote-ui/rpc';
import { Component, createElement, type ReactElement, type ReactNode } from 'react';

import { PREVIEW_BASE, type PreviewFetchAnswer, type PreviewFetchRequest } from '../protocol';
import { type ExtensionHost, type ExtensionWorker } from './extension-rpc';

/**
 * The worker globals HubSpot's extension worker defines and @hubspot/ui-extensions reads: `extend_V2`
 * (what `hubspot.extend` is), `hsFetch` (what `hubspot.fetch` calls), the `hsWorkerAPI` hooks and a
 * logger. This module is bundled before the extension's own entrypoint, so they exist when it loads.
 */
type ExtensionApi = Pick<ExtensionHost, 'context' | 'actions'> & { runServerlessFunction: () => never };
type RenderExtension = (api: ExtensionApi) => ReactElement;

let renderExtension: RenderExtension | null = null;
let host: ExtensionHost | null = null;

const connectedHost = (): ExtensionHost => {
  if (!host) throw new Error('The extension used a HubSpot hook before the preview rendered it');
  return host;
};

const notInPreview = (feature: string) => (): never => {
  throw new Error(`${feature} is not available in the local preview: it only works inside HubSpot.`);
};

const extensionApi = (): ExtensionApi => ({
  context: connectedHost().context,
  actions: connectedHost().actions,
  runServerlessFunction: notInPreview('Serverless functions'),
});

const headersOf = (headers: HubSpotFetchOptions['headers']): Record<string, string> | undefined =>
  headers instanceof Headers ? Object.fromEntries(headers.entries()) : headers;

const BODYLESS_STATUSES = [204, 205, 304];

/** `hubspot.fetch`: the preview server signs the request as HubSpot's proxy does and calls the backend. */
const hsFetch = async (url: string | URL, options: HubSpotFetchOptions = {}): Promise<Response> => {
  const { user } = connectedHost().context;
  const request: PreviewFetchRequest = {
    url: String(url),
    method: options.method ?? 'GET',
    body: options.body,
    headers: headersOf(options.headers),
    timeout: options.timeout,
    user: { id: user.id, email: user.email },
  };
  const response = await fetch(`${PREVIEW_BASE}/fetch`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
  });
  const answer = (await response.json()) as PreviewFetchAnswer;
  if (answer.outcome === 'failed') throw new Error(answer.message);
  const bodyless = answer.body === '' || BODYLESS_STATUSES.includes(answer.status);
  return new Response(bodyless ? null : answer.body, {
    status: answer.status,
    headers: answer.contentType ? { 'Content-Type': answer.contentType } : {},
  });
};

Object.assign(self, {
  __HUBSPOT_EXTENSION_WORKER__: true,
  logger: { debug: console.debug, info: console.info, warn: console.warn, error: console.error },
  extend_V2: (render: RenderExtension) => {
    renderExtension = render;
  },
  hsFetch,
  serverless: notInPreview('Serverless functions'),
  hsWorkerAPI: {
    useExtensionContext: () => connectedHost().context,
    useExtensionActions: () => connectedHost().actions,
    useExtensionApi: extensionApi,
    // The preview shows the app's index page (/preview/home): the route HubSpot opens first.
    useAppPageLocation: () => ({ path: '/', params: {} }),
    fetchCrmSearch: notInPreview('useCrmSearch'),
    fetchCrmProperties: notInPreview('useCrmProperties'),
    fetchAssociations: notInPreview('useAssociations'),
    fetchHubSpotApi: notInPreview("HubSpot's API client"),
    formatCrmProperties: notInPreview('formatCrmProperties'),
  },
});

/** A render error blanks the extension and tells the host, as a broken card shows in HubSpot. */
class ReportErrors extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: Error) {
    host?.reportError(error.message);
  }

  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

const worker: ExtensionWorker = {
  render(channel: RemoteChannel, extensionHost: ExtensionHost) {
    // Kept beyond this call: the extension calls back into the host for as long as it lives.
    retain(channel);
    retain(extensionHost);
    host = extensionHost;
    if (!renderExtension) throw new Error('The extension never called hubspot.extend()');
    const remoteRoot = createRemoteRoot(channel);
    createRoot(remoteRoot).render(createElement(ReportErrors, null, renderExtension(extensionApi())));
    void remoteRoot.mount();
  },
};

/**
 * This worker's side of the channel. The page and the worker share one tsconfig, whose DOM lib types `self`
 * as a window: the worker scope's own methods are named here, in the form remote-ui calls them.
 */
const workerEndpoint: MessageEndpoint = {
  postMessage: (message, transferables) => self.postMessage(message, { transfer: transferables }),
  addEventListener: (event, listener) => self.addEventListener(event, listener),
  removeEventListener: (event, listener) => self.removeEventListener(event, listener),
};

createEndpoint(workerEndpoint).expose(worker);
