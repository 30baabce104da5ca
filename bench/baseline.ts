import { Client } from '@hubspot/api-client';
import express from 'express';

import { PROFILE_READ_PROPERTIES } from '@why-they-care/domain';

import { BUCKET_HISTORY_PROPERTIES } from '../src/profile/bucket-history';

/**
 * The yardstick: a bare Express route making the same HubSpot calls as the backend (GET: one read;
 * PUT: one read and one PATCH), with no signature check, validation, mapping, logging or security headers.
 */
export const baselineApp = (baseUrl: string, accessToken: string) => {
  const client = new Client({ accessToken, basePath: baseUrl });
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  const read = (id: string) =>
    client.crm.companies.basicApi.getById(id, [...PROFILE_READ_PROPERTIES], [...BUCKET_HISTORY_PROPERTIES]);
  app.get('/companies/:id', async (req, res) => {
    res.json(await read(req.params.id));
  });
  app.put('/companies/:id', async (req, res) => {
    await read(req.params.id);
    await client.crm.companies.basicApi.update(req.params.id, { properties: req.body.properties });
    res.json({ ok: true });
  });
  // Requests cut short when the benchmark stops its servers: answer quietly instead of printing stacks.
  app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(502).end();
  });
  return app;
};
