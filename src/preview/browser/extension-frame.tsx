import { type AddAlertAction } from '@hubspot/ui-extensions';
import { createRemoteReceiver, type RemoteReceiver, RemoteRenderer } from '@remote-ui/react/host';
import { createEndpoint, fromWebWorker } from '@remote-ui/rpc';
import { useEffect, useRef, useState } from 'react';

import { PREVIEW_BASE, type PreviewBootstrap } from '../protocol';
import { controller } from './components';
import { type ExtensionWorker, type PreviewActions, type PreviewContext } from './extension-rpc';

type Alert = Parameters<AddAlertAction>[0] & { key: number };

/** HubSpot keeps a few alerts above the card; older ones make room. */
const ALERTS_KEPT = 3;

type FrameProps = {
  extension: PreviewBootstrap['extensions'][number];
  context: PreviewContext;
  /** actions.refreshObjectProperties: the record around the card reloads its data. */
  onRecordChanged?: () => void;
};

/**
 * One extension, run as HubSpot runs it: its own bundle in a Web Worker, rendering HubSpot components into a
 * remote tree that this page draws, with the actions HubSpot gives it.
 */
export const ExtensionFrame = ({ extension, context, onRecordChanged }: FrameProps) => {
  const [receiver, setReceiver] = useState<RemoteReceiver | null>(null);
  const [alerts, setAlerts] = useState<Alert[]>([]);
  const [notices, setNotices] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const recordChanged = useRef(onRecordChanged);
  recordChanged.current = onRecordChanged;

  useEffect(() => {
    const remote = createRemoteReceiver();
    const worker = new Worker(`${PREVIEW_BASE}/assets/extensions/${extension.id}.js`);
    const endpoint = createEndpoint<ExtensionWorker>(fromWebWorker(worker));
    const fail = (message: string) => setFailure(message);
    worker.addEventListener('error', (event) => fail(event.message || 'The extension could not start.'));

    let alertCount = 0;
    const unsupported = <Action,>(name: string) =>
      (() => {
        setNotices((shown) => [...new Set([...shown, name])]);
        throw new Error(`actions.${name} is not available in the local preview`);
      }) as Action;
    const actions: PreviewActions = {
      addAlert: (alert) => setAlerts((shown) => [...shown.slice(1 - ALERTS_KEPT), { ...alert, key: ++alertCount }]),
      refreshObjectProperties: () => recordChanged.current?.(),
      reloadPage: () => window.location.reload(),
      copyTextToClipboard: (text) => navigator.clipboard.writeText(text),
      fetchCrmObjectProperties: unsupported('fetchCrmObjectProperties'),
      onCrmPropertiesUpdate: unsupported('onCrmPropertiesUpdate'),
      openIframeModal: unsupported('openIframeModal'),
      closeOverlay: unsupported('closeOverlay'),
      navigateToPage: unsupported('navigateToPage'),
    };
    setReceiver(remote);
    endpoint.call
      .render(remote.receive, { context, actions, reportError: fail })
      .catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
    return () => endpoint.terminate();
  }, [extension.id, context]);

  return (
    <section className="preview-frame" aria-label={extension.title} data-extension={extension.id}>
      <header className="preview-frame__header">{extension.title}</header>
      <div className="preview-frame__body">
        {alerts.map(({ key, type = 'info', title, message }) => (
          <div
            key={key}
            className={`hs-alert hs-alert--${type === 'danger' ? 'error' : type} preview-frame__alert`}
            role={type === 'danger' || type === 'warning' ? 'alert' : 'status'}
          >
            {title && <p className="hs-alert__title">{title}</p>}
            <div className="hs-alert__body">{message}</div>
            <button
              type="button"
              className="preview-frame__dismiss"
              aria-label="Dismiss"
              onClick={() => setAlerts((shown) => shown.filter((alert) => alert.key !== key))}
            >
              ×
            </button>
          </div>
        ))}
        {notices.map((name) => (
          <p key={name} className="preview-unsupported" role="note">
            This extension called actions.{name}, which the local preview does not support.
          </p>
        ))}
        {failure ? (
          <div className="preview-failure" role="alert">
            <p className="preview-failure__title">This extension failed</p>
            <pre>{failure}</pre>
          </div>
        ) : (
          receiver && <RemoteRenderer receiver={receiver} controller={controller} />
        )}
      </div>
    </section>
  );
};
