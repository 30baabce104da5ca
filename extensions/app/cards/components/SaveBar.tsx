import { type Profile } from '@why-they-care/domain';
import { Alert, Button, ButtonRow, Flex, LoadingButton, Text } from '@hubspot/ui-extensions';

type SaveBarProps = {
  dirty: boolean;
  saving: boolean;
  saveError: string | null;
  conflict: Profile | null;
  onSave: () => void;
  onDiscardMine: () => void;
  onKeepMine: () => void;
};

/** Save, and what to do when it fails: the edits always stay on screen until the account manager decides. */
export const SaveBar = ({ dirty, saving, saveError, conflict, onSave, onDiscardMine, onKeepMine }: SaveBarProps) => (
  <Flex direction="column" gap="sm">
    {conflict && (
      <Alert testId="save-conflict" title="Someone else saved this profile first" variant="warning">
        {`${conflict.review.lastReviewedBy ?? 'Someone'} saved it at ${conflict.review.lastReviewedAt ?? 'an unknown time'}. `}
        Your edits are still here. Reload to see their version (your edits are dropped), or keep your edits and save
        them over theirs.
      </Alert>
    )}
    {conflict && (
      <ButtonRow>
        <Button testId="conflict-reload" variant="secondary" onClick={onDiscardMine}>
          Reload their version
        </Button>
        <Button testId="conflict-keep" variant="primary" onClick={onKeepMine}>
          Keep my edits
        </Button>
      </ButtonRow>
    )}
    {saveError && !conflict && (
      <Alert testId="save-error" title="Not saved" variant="error">
        {saveError}. Your edits are still here: fix them or try again.
      </Alert>
    )}
    {!conflict && (
      <Flex direction="row" gap="sm" align="center">
        <LoadingButton testId="save" variant="primary" loading={saving} disabled={!dirty || saving} onClick={onSave}>
          {saveError ? 'Try again' : 'Save'}
        </LoadingButton>
        <Text variant="microcopy">{dirty ? 'Unsaved changes' : 'All changes saved'}</Text>
      </Flex>
    )}
  </Flex>
);
