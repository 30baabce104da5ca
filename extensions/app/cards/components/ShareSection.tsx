import { type SharedLink } from '@why-they-care/domain';
import { Alert, Button, ButtonRow, Flex, Heading, Input, LoadingButton, Text } from '@hubspot/ui-extensions';

import { useShareLink } from '../hooks/useShareLink';
import { type BackendClient } from '../lib/backend-client';

type ShareSectionProps = {
  backend: BackendClient;
  companyId: string | number;
  /** The live link stored on the company, as the profile loaded it. */
  stored: SharedLink | null;
  now: Date;
  /** The customer sees the saved plan: unsaved edits are not on their page yet. */
  dirty: boolean;
  onCopy: (url: string) => void;
};

const day = (instant: string) => instant.slice(0, 10);

/** "Share with the customer": a read-only page of their outcome, metrics and plan, no HubSpot login needed. */
export const ShareSection = ({ backend, companyId, stored, now, dirty, onCopy }: ShareSectionProps) => {
  const share = useShareLink(backend, companyId, stored, now);
  const { link, busy, error } = share.state;
  const onCreate = () => void share.create();
  const onShow = () => void share.show();
  const onRevoke = () => void share.revoke();
  return (
    <Flex direction="column" gap="sm">
      <Heading>Share with the customer</Heading>
      {!link && (
        <Text variant="microcopy">
          A link to a page with their desired outcome, their metrics and the plan, their own steps first. They can mark
          their steps done; nothing else of HubSpot is on it.
        </Text>
      )}
      {link && (
        <Text testId="share-status">
          {`Shared by ${link.sharedBy} on ${day(link.sharedAt)}. The link works until ${day(link.expiresAt)}.`}
        </Text>
      )}
      {link?.url && <Input label="Link for the customer" name="shareUrl" readOnly value={link.url} />}
      {dirty && link && (
        <Text variant="microcopy">The customer sees the saved plan: save to show them your edits.</Text>
      )}
      {error && (
        <Alert testId="share-error" title="Not done" variant="error">
          {error}
        </Alert>
      )}
      <ButtonRow>
        {!link && (
          <LoadingButton testId="share-create" variant="primary" loading={busy} onClick={onCreate}>
            Share with the customer
          </LoadingButton>
        )}
        {link && !link.url && (
          <LoadingButton testId="share-show" variant="secondary" loading={busy} onClick={onShow}>
            Show the link
          </LoadingButton>
        )}
        {link?.url && (
          <Button testId="share-copy" variant="secondary" onClick={() => onCopy(link.url ?? '')}>
            Copy the link
          </Button>
        )}
        {link && (
          <Button testId="share-replace" variant="secondary" disabled={busy} onClick={onCreate}>
            New link (the old one stops working)
          </Button>
        )}
        {link && (
          <Button testId="share-revoke" variant="destructive" disabled={busy} onClick={onRevoke}>
            Turn the link off
          </Button>
        )}
      </ButtonRow>
    </Flex>
  );
};
