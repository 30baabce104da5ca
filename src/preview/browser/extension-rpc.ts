import {
  type AppHomeContext,
  type CrmContext,
  type CrmHostActions,
  type UiePlatformActions,
} from '@hubspot/ui-extensions';
import { type RemoteChannel } from '@remote-ui/core';

/** The context a preview extension gets: a company record's, or the app home page's. */
export type PreviewContext = CrmContext | AppHomeContext;

export type PreviewActions = CrmHostActions & UiePlatformActions;

/** What the host page hands the extension worker; functions are called across the worker boundary. */
export type ExtensionHost = {
  context: PreviewContext;
  actions: PreviewActions;
  /** The extension failed to render: the host shows why, as HubSpot shows a broken card. */
  reportError: (message: string) => void;
};

/** What the extension worker offers the host page. */
export type ExtensionWorker = {
  render: (channel: RemoteChannel, host: ExtensionHost) => void;
};
