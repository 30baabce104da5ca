/** A HubSpot user who can own records (`GET /crm/v3/owners`), with the teams they belong to. */
export type Owner = {
  id: string;
  userId: number;
  email: string;
  firstName: string;
  lastName: string;
  teams: { id: string; name: string; primary: boolean }[];
};

/** How the owners listing presents one: a person, with HubSpot's bookkeeping. */
export const ownerListing = (owner: Owner, at: string) => ({
  ...owner,
  type: 'PERSON',
  archived: false,
  createdAt: at,
  updatedAt: at,
});
