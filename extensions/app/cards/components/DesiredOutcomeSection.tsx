import { type ProfileDraft, type SuccessMetric } from '@why-they-care/domain';
import { Button, Flex, Heading, Input, NumberInput, Text, TextArea, Tile } from '@hubspot/ui-extensions';

import { newId } from '../lib/ids';
import { errorProps, type SectionProps } from './field-errors';

type Outcome = ProfileDraft['desiredOutcome'];

const MEASURES = [
  { key: 'baseline', label: 'Baseline' },
  { key: 'current', label: 'Current' },
  { key: 'target', label: 'Target' },
] as const;

const numberOrNull = (value: number | undefined | null): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export const DesiredOutcomeSection = ({ value, onChange, errors, readOnly }: SectionProps<Outcome>) => {
  const set = (patch: Partial<Outcome>) => onChange({ ...value, ...patch });
  const setMetric = (index: number, patch: Partial<SuccessMetric>) =>
    set({ metrics: value.metrics.map((metric, at) => (at === index ? { ...metric, ...patch } : metric)) });
  const addMetric = () =>
    set({
      metrics: [...value.metrics, { id: newId('m'), name: '', unit: '', baseline: null, current: null, target: null }],
    });
  const removeMetric = (index: number) => set({ metrics: value.metrics.filter((_, at) => at !== index) });

  return (
    <Flex direction="column" gap="sm">
      <Heading>Desired outcome</Heading>
      <TextArea
        label="Required outcome: what they must achieve"
        name="requiredOutcome"
        readOnly={readOnly}
        value={value.requiredOutcome}
        onInput={(requiredOutcome) => set({ requiredOutcome })}
        {...errorProps(errors, 'desiredOutcome.requiredOutcome')}
      />
      <TextArea
        label="Appropriate experience: how they need to achieve it"
        name="appropriateExperience"
        readOnly={readOnly}
        value={value.appropriateExperience}
        onInput={(appropriateExperience) => set({ appropriateExperience })}
        {...errorProps(errors, 'desiredOutcome.appropriateExperience')}
      />
      <Text format={{ fontWeight: 'demibold' }}>Their success metrics</Text>
      {value.metrics.length === 0 && (
        <Text variant="microcopy">How will they measure success? Use their numbers, not ours.</Text>
      )}
      {value.metrics.map((metric, index) => (
        <Tile key={metric.id} compact>
          <Flex direction="row" gap="xs" wrap="wrap" align="end">
            <Input
              label="Metric"
              name={`metric-${index}-name`}
              readOnly={readOnly}
              value={metric.name}
              onInput={(name) => setMetric(index, { name })}
              {...errorProps(errors, `desiredOutcome.metrics.${index}.name`)}
            />
            <Input
              label="Unit"
              name={`metric-${index}-unit`}
              readOnly={readOnly}
              value={metric.unit}
              onInput={(unit) => setMetric(index, { unit })}
            />
            {MEASURES.map(({ key, label }) => (
              <NumberInput
                key={key}
                label={label}
                name={`metric-${index}-${key}`}
                readOnly={readOnly}
                value={metric[key] ?? undefined}
                onChange={(next) => setMetric(index, { [key]: numberOrNull(next) })}
                {...errorProps(errors, `desiredOutcome.metrics.${index}.${key}`)}
              />
            ))}
            {!readOnly && (
              <Button
                testId={`metric-${index}-remove`}
                size="xs"
                variant="transparent"
                onClick={() => removeMetric(index)}
              >
                Remove
              </Button>
            )}
          </Flex>
        </Tile>
      ))}
      {!readOnly && (
        <Button testId="metric-add" size="sm" variant="secondary" onClick={addMetric}>
          Add a success metric
        </Button>
      )}
    </Flex>
  );
};
