import { hubspot } from '@hubspot/ui-extensions';
import { createPageRouter, PageRoutes } from '@hubspot/ui-extensions/pages';

import { HomePage } from './HomePage';

/** The app's pages (platform 2026.03 allows one page component per app, with its routes): the home page. */
export const PageRouter = createPageRouter(
  <PageRoutes>
    <PageRoutes.IndexRoute component={HomePage} />
  </PageRoutes>,
);

hubspot.extend<'pages'>(() => <PageRouter />);
