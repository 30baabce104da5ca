import { type Contact, parseBuyingRoles } from '@why-they-care/domain';
import {
  ASSOCIATED_COMPANY,
  CONTACT_PROPERTY,
  CONTACTS_PER_COMPANY,
  toApiSearchFilter,
} from '@why-they-care/hubspot-contract';

import { type HubSpotContext } from './client';

const nameOf = (properties: Record<string, string | null>) =>
  [properties[CONTACT_PROPERTY.firstName], properties[CONTACT_PROPERTY.lastName]].filter(Boolean).join(' ') ||
  properties[CONTACT_PROPERTY.email] ||
  'their contact';

export const contactsApi = ({ client, call }: HubSpotContext) => ({
  /**
   * A company's contacts with their buying roles: one search (cheaper than reading the associations and then the contacts). Search trails
   * writes by seconds, which does not matter for naming a buyer.
   */
  ofCompany: async (companyId: string): Promise<Contact[]> => {
    const page = await call(
      'contacts.search',
      () =>
        client.crm.contacts.searchApi.doSearch({
          filterGroups: [
            { filters: [toApiSearchFilter({ propertyName: ASSOCIATED_COMPANY, operator: 'EQ', value: companyId })] },
          ],
          properties: Object.values(CONTACT_PROPERTY),
          sorts: ['hs_object_id'],
          limit: CONTACTS_PER_COMPANY,
        }),
      { idempotent: true, search: true },
    );
    return page.results.map(({ id, properties }) => ({
      id,
      name: nameOf(properties),
      email: properties[CONTACT_PROPERTY.email] || null,
      buyingRoles: parseBuyingRoles(properties[CONTACT_PROPERTY.buyingRole]),
    }));
  },
});

export type ContactsApi = ReturnType<typeof contactsApi>;
