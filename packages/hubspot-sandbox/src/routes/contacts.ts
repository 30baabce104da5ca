import { ASSOCIATED_COMPANY, CONTACTS_PER_COMPANY, searchRequestSchema } from '@why-they-care/hubspot-contract';
import { Router } from 'express';

import { CONTACT_PROPERTIES } from '../account';
import { sendHubSpotError } from '../hubspot-errors';
import { presentRecord } from '../records';
import { type SandboxStore } from '../store';

const DEFAULT_PROPERTIES = ['createdate', 'hs_object_id', 'lastmodifieddate', 'email', 'firstname', 'lastname'];

/**
 * Contacts search, for what the app asks: a company's contacts (the `associations.company` pseudo-property,
 * EQ), sorted by id. Any other filter is refused as a search the sandbox cannot answer.
 */
export const contactRoutes = (store: SandboxStore) => {
  const router = Router();
  router.post('/crm/v3/objects/contacts/search', (req, res) => {
    const body = req.body ?? {};
    const search = searchRequestSchema.safeParse(body);
    const filters = search.success ? search.data.filterGroups.flatMap((group) => group.filters) : [];
    const [byCompany] = filters;
    if (
      !search.success ||
      filters.length !== 1 ||
      byCompany?.propertyName !== ASSOCIATED_COMPANY ||
      byCompany.operator !== 'EQ'
    ) {
      return sendHubSpotError(
        res,
        400,
        'VALIDATION_ERROR',
        `The sandbox searches contacts by ${ASSOCIATED_COMPANY} EQ only`,
      );
    }
    const limit = Math.min(Number(body.limit ?? 10), CONTACTS_PER_COMPANY);
    const found = Object.values(store.state.contacts ?? {})
      .filter((contact) => contact.associations.companies.includes(String(byCompany.value)))
      .sort((a, b) => Number(a.id) - Number(b.id));
    const properties = Array.isArray(body.properties) ? body.properties : [];
    return res.json({
      total: found.length,
      results: found
        .slice(0, limit)
        .map((contact) => presentRecord(contact, CONTACT_PROPERTIES, { properties }, DEFAULT_PROPERTIES)),
    });
  });
  return router;
};
