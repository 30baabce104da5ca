import { type Bucket, TAG_KINDS, tagLabel, type TagOptions, TAGS, tagsApply } from '@why-they-care/domain';
import { Text, ToggleGroup } from '@hubspot/ui-extensions';

import { errorProps, type SectionProps } from './field-errors';

type Tagged = { bucket: Bucket | null; valueThemes: string[]; concerns: string[] };

/**
 * The tags of the answer, from the account's lists: value themes for "We need you", concerns for the
 * others (the lists only show for the bucket they describe; the home page counts them per bucket). A tag
 * stored but no longer offered stays chosen and is shown with its value, so a save never drops it silently.
 */
export const AnswerTags = ({
  value,
  onChange,
  errors,
  readOnly,
  options,
}: SectionProps<Tagged> & { options: TagOptions | null }) => {
  const kinds = TAG_KINDS.filter((kind) => tagsApply(kind, value.bucket));
  if (kinds.length === 0) return null;
  if (!options) {
    return (
      <Text testId="tags-unavailable" variant="microcopy">
        The tag lists could not be read from HubSpot yet: reload the card in a moment to tag this answer.
      </Text>
    );
  }
  return (
    <>
      {kinds.map((kind) => {
        const offered = options[kind];
        const retired = value[kind].filter((chosen) => !offered.some((option) => option.value === chosen));
        return (
          <ToggleGroup
            key={kind}
            testId={`tags-${kind}`}
            toggleType="checkboxList"
            name={kind}
            label={TAGS[kind].label}
            tooltip={TAGS[kind].prompt}
            inline
            options={[
              ...offered.map((option) => ({ ...option, readOnly })),
              ...retired.map((chosen) => ({
                value: chosen,
                label: `${tagLabel(offered, chosen)} (no longer in the list)`,
                readOnly,
              })),
            ]}
            value={value[kind]}
            onChange={(chosen) => onChange({ ...value, [kind]: chosen })}
            {...errorProps(errors, `whyTheyCare.${kind}`)}
          />
        );
      })}
    </>
  );
};
