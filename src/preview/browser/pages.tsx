import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';

import { type CompanyRecord, type CompanySummary, PREVIEW_BASE, type PreviewBootstrap } from '../protocol';
import { ExtensionFrame } from './extension-frame';
import { type PreviewContext } from './extension-rpc';

/** Where a preview link goes, as the same signed-in user. */
export const previewHref = (path: string, bootstrap: PreviewBootstrap) =>
  `${PREVIEW_BASE}${path}?as=${encodeURIComponent(bootstrap.user.ownerId)}`;

type Loaded<T> = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; data: T };

/** Reads one of the preview server's views of the sandbox; `reload` fetches it again. */
const useSandboxData = <T,>(path: string) => {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const reload = useCallback(async () => {
    try {
      const response = await fetch(`${PREVIEW_BASE}/data${path}`);
      const body = (await response.json()) as T & { error?: string };
      setState(
        response.ok
          ? { status: 'ready', data: body }
          : { status: 'failed', message: body.error ?? `${response.status}` },
      );
    } catch (error) {
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { state, reload };
};

const Loading = <T,>({ state, children }: { state: Loaded<T>; children: (data: T) => ReactNode }) =>
  state.status === 'ready' ? (
    <>{children(state.data)}</>
  ) : state.status === 'failed' ? (
    <p className="preview-problem" role="alert">
      Could not read the sandbox: {state.message}
    </p>
  ) : (
    <p className="preview-muted">Loading…</p>
  );

export const CompanyList = ({ bootstrap }: { bootstrap: PreviewBootstrap }) => {
  const { state } = useSandboxData<{ companies: CompanySummary[] }>('/companies');
  return (
    <main className="preview-page">
      <h1>Companies</h1>
      <p className="preview-muted">The sandbox account&apos;s companies. Open one to see its card.</p>
      <Loading state={state}>
        {({ companies }) => (
          <table className="hs-table hs-table--bordered preview-companies">
            <thead>
              <tr>
                <th>Company</th>
                <th>Domain</th>
                <th>Owner</th>
                <th>Why they care</th>
              </tr>
            </thead>
            <tbody>
              {companies.map((company) => (
                <tr key={company.id}>
                  <td>
                    <a className="hs-link" href={previewHref(`/companies/${company.id}`, bootstrap)}>
                      {company.name}
                    </a>
                  </td>
                  <td>{company.domain ?? ''}</td>
                  <td>{company.owner ?? ''}</td>
                  <td>{company.bucket}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loading>
    </main>
  );
};

const baseContext = (bootstrap: PreviewBootstrap, title: string) => ({
  user: {
    id: bootstrap.user.id,
    email: bootstrap.user.email,
    emails: [bootstrap.user.email],
    firstName: bootstrap.user.firstName,
    lastName: bootstrap.user.lastName,
    roles: [],
    teams: [],
    permissions: [],
    locale: 'en-US',
    language: 'en',
  },
  portal: bootstrap.portal,
  variables: { BACKEND_URL: bootstrap.backendUrl },
  extension: { appId: bootstrap.appId, appName: bootstrap.appName, cardTitle: title },
});

type Placement = { location: 'home' } | Pick<Extract<PreviewContext, { crm: unknown }>, 'location' | 'crm'>;

/**
 * The page's extensions (the server sends those for this page) with the context each gets here. Pages
 * memoise it: a new context would restart an extension and lose its edits.
 */
const withContexts = (bootstrap: PreviewBootstrap, placement: Placement) =>
  bootstrap.extensions.map((extension) => ({
    extension,
    context: { ...baseContext(bootstrap, extension.title), ...placement } as PreviewContext,
  }));

/** A company record as HubSpot frames its cards: the record's properties, the cards, its tasks and lists. */
export const CompanyPage = ({ bootstrap, companyId }: { bootstrap: PreviewBootstrap; companyId: string }) => {
  const { state, reload } = useSandboxData<CompanyRecord>(`/companies/${encodeURIComponent(companyId)}`);
  const cards = useMemo(
    () =>
      withContexts(bootstrap, {
        location: 'crm.record.tab',
        crm: { objectId: Number(companyId), objectTypeId: '0-2' },
      }),
    [bootstrap, companyId],
  );
  return (
    <main className="preview-record">
      <aside className="preview-record__about" aria-label="About this company">
        <Loading state={state}>
          {(record) => (
            <>
              <h1>{record.name}</h1>
              <dl className="preview-properties">
                {record.properties.map(({ label, value }) => (
                  <div key={label}>
                    <dt>{label}</dt>
                    <dd>{value || '—'}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </Loading>
      </aside>
      <div className="preview-record__cards">
        {cards.map(({ extension, context }) => (
          <ExtensionFrame
            key={extension.id}
            extension={extension}
            context={context}
            onRecordChanged={() => void reload()}
          />
        ))}
      </div>
      <aside className="preview-record__side" aria-label="Tasks and lists">
        <Loading state={state}>
          {(record) => (
            <>
              <section aria-label="Tasks">
                <h2>Tasks ({record.tasks.length})</h2>
                {record.tasks.length === 0 && <p className="preview-muted">No tasks for this company.</p>}
                <ul className="preview-tasks">
                  {record.tasks.map((task) => (
                    <li key={task.id}>
                      <p className="preview-tasks__subject">{task.subject}</p>
                      <p className="preview-muted">
                        Due {task.due} · {task.assignee} · {task.status}
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
              <section aria-label="Lists">
                <h2>Lists ({record.lists.length})</h2>
                {record.lists.length === 0 && <p className="preview-muted">In none of the app&apos;s lists.</p>}
                <ul className="preview-lists">
                  {record.lists.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
              </section>
              <button
                type="button"
                className="hs-button hs-button--secondary hs-button--xs"
                onClick={() => void reload()}
              >
                Refresh
              </button>
            </>
          )}
        </Loading>
      </aside>
    </main>
  );
};

/** The app home page runs here once it is registered in src/preview/extensions.ts. */
export const HomePage = ({ bootstrap }: { bootstrap: PreviewBootstrap }) => {
  const pages = useMemo(() => withContexts(bootstrap, { location: 'home' }), [bootstrap]);
  return (
    <main className="preview-page">
      {pages.length === 0 ? (
        <section className="preview-placeholder" aria-label="Home page">
          <h1>The app&apos;s home page is not built yet</h1>
          <p>When it is, it runs here against the sandbox, live, like the company card does now.</p>
        </section>
      ) : (
        pages.map(({ extension, context }) => (
          <ExtensionFrame key={extension.id} extension={extension} context={context} />
        ))
      )}
    </main>
  );
};
