import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { type PreviewExtension } from '../preview/extensions';
import { withPreview } from '../preview/server';
import { startLocalStack } from './local-stack';
import { commandEnv } from './sandbox-mode';

/**
 * The sandbox, the backend and the preview in this process, wired as `npm start` wires them in sandbox mode
 * (app installed, direct automation, the demo managers), on a free loopback port. For the browser tests
 * and `npm run screenshots`.
 */
export const startLocalPreview = async (
  options: {
    extensions?: PreviewExtension[];
    /** CRM search's pace on both sides (HubSpot's five a second unless told: browser tests lift it). */
    searchesPerSecond?: number;
  } = {},
) => {
  const { AUTOMATION_MODE, DEFAULT_SUCCESS_MANAGER_ID, SUCCESS_MANAGERS_BY_TEAM } = commandEnv({});
  const stack = await startLocalStack({
    installApp: true,
    ...(options.searchesPerSecond ? { searchesPerSecond: options.searchesPerSecond } : {}),
    env: {
      AUTOMATION_MODE: AUTOMATION_MODE ?? 'direct',
      DEFAULT_SUCCESS_MANAGER_ID: DEFAULT_SUCCESS_MANAGER_ID ?? '',
      SUCCESS_MANAGERS_BY_TEAM: SUCCESS_MANAGERS_BY_TEAM ?? '',
    },
  });
  const preview = withPreview(stack.backend.app, { env: stack.env, extensions: options.extensions });
  const server: Server = await new Promise((resolve) => {
    const listening = preview.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const hubspotPort = Number(new URL(stack.hubspotUrl).port);
  let hubspot: { close: () => Promise<void> } | null = null;
  let stackRunning = true;

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/preview`,
    sandbox: stack.sandbox,
    /** HubSpot stops answering (the sandbox stops listening; its data stays). */
    stopHubSpot: async () => {
      if (stackRunning) await stack.stop();
      stackRunning = false;
      await hubspot?.close();
      hubspot = null;
    },
    /** HubSpot answers again, on the same address, with the same data. */
    startHubSpot: async () => {
      hubspot = await stack.sandbox.listen(hubspotPort);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await preview.close();
      if (stackRunning) await stack.stop();
      await hubspot?.close();
    },
  };
};

export type LocalPreview = Awaited<ReturnType<typeof startLocalPreview>>;
