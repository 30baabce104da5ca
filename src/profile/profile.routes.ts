import { companyIdSchema, saveProfileRequestSchema } from '@why-they-care/domain';
import { Router } from 'express';

import { parseOrReject } from '../http/validate';
import { type ProfileService } from './profile.service';

export const profileRouter = (profiles: ProfileService) => {
  const router = Router();

  router.get('/companies/:companyId/profile', async (req, res) => {
    const companyId = parseOrReject(companyIdSchema, req.params.companyId, 'companyId');
    res.json({ profile: await profiles.load(companyId) });
  });

  router.put('/companies/:companyId/profile', async (req, res) => {
    const companyId = parseOrReject(companyIdSchema, req.params.companyId, 'companyId');
    const request = parseOrReject(saveProfileRequestSchema, req.body);
    const outcome = await profiles.save(companyId, request, res.locals.actor);
    res.json(outcome);
  });

  return router;
};
