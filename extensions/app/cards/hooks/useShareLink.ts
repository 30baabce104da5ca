import { type ShareLinkAnswer, type SharedLink } from '@why-they-care/domain';
import { useCallback, useState } from 'react';

import { type BackendClient } from '../lib/backend-client';

/** The live link as the card knows it: from the loaded profile (no URL yet), or from the backend's answer. */
export type ShareLinkState = {
  link: (Omit<NonNullable<ShareLinkAnswer>, 'url'> & { url: string | null }) | null;
  busy: boolean;
  error: string | null;
};

const fromProfile = (stored: SharedLink | null, now: Date): ShareLinkState['link'] =>
  stored && Date.parse(stored.expiresAt) > now.getTime()
    ? { url: null, expiresAt: stored.expiresAt, sharedBy: stored.sharedBy, sharedAt: stored.sharedAt }
    : null;

/**
 * Making, showing and turning off the customer's link. Separate from the profile's draft: a link is made
 * at once (nothing to save), and making one never touches the account manager's unsaved edits.
 */
export const useShareLink = (
  backend: BackendClient | null,
  companyId: string | number,
  stored: SharedLink | null,
  now: Date,
) => {
  const [state, setState] = useState<ShareLinkState>(() => ({
    link: fromProfile(stored, now),
    busy: false,
    error: null,
  }));

  const run = useCallback(
    async (call: (client: BackendClient) => ReturnType<BackendClient['shareLink']>) => {
      if (!backend) return;
      setState((current) => ({ ...current, busy: true, error: null }));
      const result = await call(backend);
      setState((current) =>
        result.ok
          ? { link: result.value, busy: false, error: null }
          : { ...current, busy: false, error: result.failure.message },
      );
    },
    [backend],
  );

  return {
    state,
    show: () => run((client) => client.shareLink(companyId)),
    create: () => run((client) => client.createShareLink(companyId)),
    revoke: () => run((client) => client.revokeShareLink(companyId)),
  };
};
