/**
 * Contacts, as the "ask one buyer a day" play reads them: the company's contacts with their buying role
 * (`hs_buying_role`, a default contact property). One CRM search on the `associations.company` pseudo-property (documented in the
 * search guide) reads them; it needs the `crm.objects.contacts.read` scope.
 */
export const CONTACT_PROPERTY = {
  firstName: 'firstname',
  lastName: 'lastname',
  email: 'email',
  /** HubSpot-defined, multi-value (`;`-separated); its option values are UNCONFIRMED (see the domain's BUYER_ROLES). */
  buyingRole: 'hs_buying_role',
} as const;

/** The search pseudo-property that filters records by an associated company's id. */
export const ASSOCIATED_COMPANY = 'associations.company';

/** At most this many of a company's contacts are read to find its buyer (one search page). */
export const CONTACTS_PER_COMPANY = 100;
