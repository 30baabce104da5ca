import { ADVOCACY, type Advocacy, type ProfileDraft, WILLING_ADVOCACY } from '@why-they-care/domain';
import { Flex, Heading, Select, Text, TextArea } from '@hubspot/ui-extensions';

import { errorProps, type SectionProps } from './field-errors';

type AdvocacyDraft = ProfileDraft['advocacy'];

const NOT_ASKED = '';
const CHOICES = [
  { label: 'Not asked yet', value: NOT_ASKED },
  ...ADVOCACY.map((option) => ({ label: option.label, value: option.value })),
];

/** Whether the customer will speak for us, and for what: the "Ready to advocate" list reads it. */
export const AdvocacySection = ({
  value,
  onChange,
  errors,
  readOnly,
  askNow,
}: SectionProps<AdvocacyDraft> & { askNow: boolean }) => {
  const willing = value.willingness !== null && WILLING_ADVOCACY.includes(value.willingness);
  return (
    <Flex direction="column" gap="sm">
      <Heading>Advocates</Heading>
      {askNow && value.willingness === null && (
        <Text testId="advocacy-ask" variant="microcopy">
          They told us &quot;We need you&quot;: ask whether they would be a reference or a case study.
        </Text>
      )}
      <Select
        label="Will they advocate for us?"
        name="advocacyWillingness"
        readOnly={readOnly}
        value={value.willingness ?? NOT_ASKED}
        options={CHOICES}
        onChange={(next) => onChange({ ...value, willingness: next === NOT_ASKED ? null : (String(next) as Advocacy) })}
        {...errorProps(errors, 'advocacy.willingness')}
      />
      {(willing || value.forWhat !== '') && (
        <TextArea
          label="For what: which prospects, which story"
          name="advocacyForWhat"
          readOnly={readOnly}
          value={value.forWhat}
          onInput={(forWhat) => onChange({ ...value, forWhat })}
          {...errorProps(errors, 'advocacy.forWhat')}
        />
      )}
    </Flex>
  );
};
