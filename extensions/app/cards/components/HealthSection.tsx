import { deriveQuadrant, HAPPINESS_LABELS, type ProfileDraft, quadrantInfo } from '@why-they-care/domain';
import { Flex, Heading, Select, StatusTag, Text } from '@hubspot/ui-extensions';

import { errorProps, type SectionProps } from './field-errors';

type Health = ProfileDraft['health'];

const UNSCORED = 0;
const SCORES = [
  { label: 'Not scored', value: UNSCORED },
  ...Object.entries(HAPPINESS_LABELS).map(([score, label]) => ({ label, value: Number(score) })),
];

export const HealthSection = ({ value, onChange, errors, readOnly }: SectionProps<Health>) => {
  const quadrant = deriveQuadrant(value);
  const score = (next: string | number | boolean) => (Number(next) === UNSCORED ? null : Number(next));
  return (
    <Flex direction="column" gap="sm">
      <Heading>Health quadrant</Heading>
      <Flex direction="row" gap="sm" wrap="wrap">
        <Select
          label="Customer happiness (with us)"
          name="customerHappiness"
          readOnly={readOnly}
          value={value.customerHappiness ?? UNSCORED}
          options={SCORES}
          onChange={(next) => onChange({ ...value, customerHappiness: score(next) })}
          {...errorProps(errors, 'health.customerHappiness')}
        />
        <Select
          label="Company happiness (profitability)"
          name="companyHappiness"
          readOnly={readOnly}
          value={value.companyHappiness ?? UNSCORED}
          options={SCORES}
          onChange={(next) => onChange({ ...value, companyHappiness: score(next) })}
          {...errorProps(errors, 'health.companyHappiness')}
        />
      </Flex>
      {quadrant ? (
        <Flex direction="row" gap="sm" align="center">
          <StatusTag
            testId="health-quadrant"
            variant={quadrant === 'customer_success' ? 'success' : quadrant === 'let_go' ? 'danger' : 'warning'}
          >
            {quadrantInfo(quadrant).label}
          </StatusTag>
          <Text>{quadrantInfo(quadrant).meaning}</Text>
        </Flex>
      ) : (
        <Text variant="microcopy">Score both sides to see the quadrant.</Text>
      )}
    </Flex>
  );
};
