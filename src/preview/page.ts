import { PREVIEW_BASE, type PreviewBootstrap } from './protocol';

/** JSON inside a script element: `<` escaped so no value can close the element. */
const inlineJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The page shell; the host bundle draws everything from the embedded bootstrap. */
export const previewPage = (bootstrap: PreviewBootstrap) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${bootstrap.appName}: local preview (not HubSpot)</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${PREVIEW_BASE}/assets/preview.css" />
  </head>
  <body>
    <div id="preview-root"></div>
    <script id="preview-bootstrap" type="application/json">${inlineJson(bootstrap)}</script>
    <script src="${PREVIEW_BASE}/assets/host.js"></script>
  </body>
</html>
`;
