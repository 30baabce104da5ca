import { applyPlanTemplate, findSegment, type PlanStep, type TemplateApplication } from '@why-they-care/domain';
import { Button, Flex, Select, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';

import { usePlanTemplates } from '../hooks/usePlanTemplates';
import { type BackendClient } from '../lib/backend-client';
import { newId } from '../lib/ids';

type PlanTemplatePickerProps = {
  backend: BackendClient | null;
  segment: string | null;
  steps: readonly PlanStep[];
  today: string;
  readOnly: boolean;
  onSegment: (segment: string | null) => void;
  onSteps: (steps: PlanStep[]) => void;
};

const NONE = '';

const summary = ({ added, refreshed, kept }: TemplateApplication) =>
  [
    `${added} step${added === 1 ? '' : 's'} added`,
    refreshed ? `${refreshed} brought to the template's wording` : '',
    kept ? `${kept} you changed or started kept as they are` : '',
  ]
    .filter(Boolean)
    .join(', ');

/**
 * The segment (by appropriate experience) and its plan template: applying it merges the template into the
 * draft plan (never over a step the account manager changed), to adapt before saving.
 */
export const PlanTemplatePicker = ({
  backend,
  segment,
  steps,
  today,
  readOnly,
  onSegment,
  onSteps,
}: PlanTemplatePickerProps) => {
  const [applied, setApplied] = useState<string | null>(null);
  const [asked, setAsked] = useState(false);
  const templates = usePlanTemplates(backend, asked || segment !== null);
  if (templates.status === 'idle') {
    return readOnly ? null : (
      <Button testId="templates-open" size="sm" variant="secondary" onClick={() => setAsked(true)}>
        Start from a plan template
      </Button>
    );
  }
  if (templates.status === 'loading') return <Text variant="microcopy">Loading the plan templates…</Text>;
  if (templates.status === 'failed') {
    return (
      <Text testId="templates-failed" variant="microcopy">
        {`Plan templates are not available: ${templates.message}`}
      </Text>
    );
  }
  const segments = templates.templates.segments;
  if (segments.length === 0) {
    return (
      <Text variant="microcopy">
        No plan templates yet: your HubSpot admin defines segments and their plans with npm run templates.
      </Text>
    );
  }
  const chosen = findSegment(templates.templates, segment);
  const options = [
    { label: 'No segment', value: NONE },
    ...segments.map((candidate) => ({ label: candidate.label, value: candidate.id })),
    ...(segment && !chosen ? [{ label: `${segment} (no longer defined)`, value: segment }] : []),
  ];
  const apply = () => {
    if (!chosen) return;
    const result = applyPlanTemplate(steps, chosen, today, () => newId('s'));
    onSteps(result.steps);
    setApplied(summary(result));
  };
  return (
    <Flex direction="column" gap="xs">
      <Flex direction="row" gap="sm" align="end" wrap="wrap">
        <Select
          label="Segment (how they need to get there)"
          name="segment"
          readOnly={readOnly}
          value={segment ?? NONE}
          options={options}
          onChange={(next) => {
            setApplied(null);
            onSegment(next === NONE ? null : String(next));
          }}
        />
        {chosen && !readOnly && (
          <Button testId="template-apply" size="sm" variant="secondary" onClick={apply}>
            Apply its plan template
          </Button>
        )}
      </Flex>
      {chosen?.appropriateExperience && <Text variant="microcopy">{chosen.appropriateExperience}</Text>}
      {applied && (
        <Text testId="template-applied" variant="microcopy">
          {`${applied}. Adapt the steps, then save.`}
        </Text>
      )}
    </Flex>
  );
};
