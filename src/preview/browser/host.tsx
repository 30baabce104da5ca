import { createRoot } from 'react-dom/client';

import { type PreviewBootstrap } from '../protocol';
import { CompanyList, CompanyPage, HomePage, previewHref } from './pages';

/** Says plainly what this is, and lets you switch user to see a conflict from a second tab. */
const Banner = ({ bootstrap }: { bootstrap: PreviewBootstrap }) => (
  <header className="preview-banner" role="banner">
    <p className="preview-banner__notice">
      <strong>Local preview: this is not HubSpot.</strong> The {bootstrap.appName} extensions run here unchanged,
      against the local HubSpot sandbox and the real backend; HubSpot itself draws them slightly differently.
    </p>
    <nav className="preview-banner__nav" aria-label="Preview">
      <a href={previewHref('/', bootstrap)}>Companies</a>
      <a href={previewHref('/home', bootstrap)}>Home page</a>
      <label>
        Signed in as{' '}
        <select
          value={bootstrap.user.ownerId}
          onChange={(event) => {
            const url = new URL(window.location.href);
            url.searchParams.set('as', event.target.value);
            window.location.assign(url);
          }}
        >
          {bootstrap.users.map((user) => (
            <option key={user.ownerId} value={user.ownerId}>
              {user.firstName} {user.lastName} ({user.email})
            </option>
          ))}
        </select>
      </label>
    </nav>
  </header>
);

const Preview = ({ bootstrap }: { bootstrap: PreviewBootstrap }) => {
  const { view } = bootstrap;
  return (
    <>
      <Banner bootstrap={bootstrap} />
      {view.page === 'companies' && <CompanyList bootstrap={bootstrap} />}
      {view.page === 'company' && <CompanyPage bootstrap={bootstrap} companyId={view.companyId} />}
      {view.page === 'home' && <HomePage bootstrap={bootstrap} />}
    </>
  );
};

const bootstrap = JSON.parse(document.getElementById('preview-bootstrap')?.textContent ?? '{}') as PreviewBootstrap;
const container = document.getElementById('preview-root');
if (container) createRoot(container).render(<Preview bootstrap={bootstrap} />);
