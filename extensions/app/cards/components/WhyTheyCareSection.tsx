import { BUCKETS, parseBucket, type ProfileDraft, type TagOptions, WHY_THEY_CARE_PROMPT } from '@why-they-care/domain';
import { Flex, Heading, Input, Select, Text, TextArea } from '@hubspot/ui-extensions';

import { AnswerTags } from './AnswerTags';
import { errorProps, type SectionProps } from './field-errors';
import { IsoDateInput } from './IsoDateInput';

/** Not a bucket, so parseBucket reads it as none. */
const NOT_ASKED = '';

export const WhyTheyCareSection = ({
  value,
  onChange,
  errors,
  readOnly,
  tagOptions,
}: SectionProps<ProfileDraft['whyTheyCare']> & { tagOptions: TagOptions | null }) => {
  const set = (patch: Partial<ProfileDraft['whyTheyCare']>) => onChange({ ...value, ...patch });
  return (
    <Flex direction="column" gap="sm">
      <Heading>Why they care</Heading>
      <Text variant="microcopy">{WHY_THEY_CARE_PROMPT}</Text>
      <Select
        label="Their answer falls under"
        name="bucket"
        readOnly={readOnly}
        value={value.bucket ?? NOT_ASKED}
        options={[
          { label: 'Not asked yet', value: NOT_ASKED },
          ...BUCKETS.map((bucket) => ({ label: `${bucket.label}: ${bucket.meaning}`, value: bucket.value })),
        ]}
        onChange={(next) => set({ bucket: parseBucket(String(next)) })}
        {...errorProps(errors, 'whyTheyCare.bucket')}
      />
      <TextArea
        label="Their answer, in their words"
        name="answer"
        readOnly={readOnly}
        value={value.answer}
        placeholder="Quote them: what did they say?"
        onInput={(answer) => set({ answer })}
        {...errorProps(errors, 'whyTheyCare.answer')}
      />
      <AnswerTags
        value={value}
        onChange={(tags) => set(tags)}
        errors={errors}
        readOnly={readOnly}
        options={tagOptions}
      />
      <Flex direction="row" gap="sm" wrap="wrap">
        <Input
          label="Who answered"
          name="answeredByName"
          readOnly={readOnly}
          value={value.answeredByName}
          onInput={(answeredByName) => set({ answeredByName })}
          {...errorProps(errors, 'whyTheyCare.answeredByName')}
        />
        <Input
          label="Their role"
          name="answeredByRole"
          readOnly={readOnly}
          value={value.answeredByRole}
          onInput={(answeredByRole) => set({ answeredByRole })}
          {...errorProps(errors, 'whyTheyCare.answeredByRole')}
        />
        <IsoDateInput
          label="Asked on"
          name="askedOn"
          readOnly={readOnly}
          value={value.askedOn}
          onChange={(askedOn) => set({ askedOn })}
          {...errorProps(errors, 'whyTheyCare.askedOn')}
        />
      </Flex>
    </Flex>
  );
};
