import { decisionApplies, type ProfileDraft, WIN_WIN_DECISIONS, parseWinWinDecision } from '@why-they-care/domain';
import { Flex, Select, Text, TextArea } from '@hubspot/ui-extensions';

import { errorProps, type SectionProps } from './field-errors';

/** Not a decision, so parseWinWinDecision reads it as none. */
const NONE = '';

/**
 * "Who are you?" only: "Understand their definition of success and decide what it would take to re-recruit
 * them. If there's a win-win, re-recruit; if not, assume they'll be gone by next year."
 */
export const WinWinDecision = ({
  value,
  onChange,
  errors,
  readOnly,
  bucket,
}: SectionProps<ProfileDraft['winWin']> & { bucket: ProfileDraft['whyTheyCare']['bucket'] }) => {
  if (!decisionApplies(bucket)) return null;
  const set = (patch: Partial<ProfileDraft['winWin']>) => onChange({ ...value, ...patch });
  return (
    <Flex direction="column" gap="sm">
      <Text variant="microcopy">
        Understand their definition of success and decide what it would take to re-recruit them. No win-win: they count
        as an expected exit, and the renewal task becomes "plan the exit".
      </Text>
      <Select
        label="Is there a win-win?"
        name="winWinDecision"
        readOnly={readOnly}
        value={value.decision ?? NONE}
        options={[
          { label: 'Not recorded', value: NONE },
          ...WIN_WIN_DECISIONS.map((decision) => ({ label: decision.label, value: decision.value })),
        ]}
        onChange={(next) => set({ decision: parseWinWinDecision(String(next)) })}
        {...errorProps(errors, 'winWin.decision')}
      />
      <TextArea
        label="Why"
        name="winWinReason"
        readOnly={readOnly}
        value={value.reason}
        placeholder="What would it take to re-recruit them, and can we give it?"
        onInput={(reason) => set({ reason })}
        {...errorProps(errors, 'winWin.reason')}
      />
    </Flex>
  );
};
