/**
 * A company record in HubSpot, as HubSpot's own ui-extensions example links it. Accounts hosted in the EU
 * use app-eu1.hubspot.com: whether app.hubspot.com redirects there is UNCONFIRMED (README, unverified details).
 */
export const companyRecordUrl = (portalId: number | string, companyId: string) =>
  `https://app.hubspot.com/contacts/${portalId}/record/0-2/${companyId}`;
