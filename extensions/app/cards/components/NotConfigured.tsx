import { ErrorState, Text } from '@hubspot/ui-extensions';

/** Shown by the card and the home page when the project was deployed without its BACKEND_URL variable. */
export const NotConfigured = () => (
  <ErrorState title="Why They Care is not configured">
    <Text>The BACKEND_URL project variable is missing: ask your HubSpot admin to deploy the app with its profile.</Text>
  </ErrorState>
);
