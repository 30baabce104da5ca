import {
  isStepOverdue,
  type PlanStep,
  type ProfileDraft,
  STEP_OWNER_SIDES,
  STEP_STATUSES,
  type StepOwnerSide,
  type StepStatus,
} from '@why-they-care/domain';
import {
  Button,
  ButtonRow,
  DateInput,
  Flex,
  Heading,
  Input,
  Select,
  StatusTag,
  Text,
  Tile,
} from '@hubspot/ui-extensions';

import { fromDateInput, toDateInput } from '../lib/date-input';
import { newId } from '../lib/ids';
import { errorProps, type SectionProps } from './field-errors';

type Plan = ProfileDraft['successPlan'];

const move = <T,>(items: readonly T[], from: number, to: number): T[] => {
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
};

export const SuccessPlanSection = ({
  value,
  onChange,
  errors,
  readOnly,
  today,
}: SectionProps<Plan> & { today: string }) => {
  const steps = value.steps;
  const setSteps = (next: PlanStep[]) => onChange({ steps: next });
  const setStep = (index: number, patch: Partial<PlanStep>) =>
    setSteps(steps.map((step, at) => (at === index ? { ...step, ...patch } : step)));
  const addStep = () =>
    setSteps([
      ...steps,
      { id: newId('s'), title: '', ownerSide: 'us', ownerName: '', dueDate: null, status: 'not_started' },
    ]);

  return (
    <Flex direction="column" gap="sm">
      <Heading>Success plan</Heading>
      {steps.length === 0 && (
        <Text variant="microcopy">
          Break the outcome into small steps, each owned by the customer or by us, with a date.
        </Text>
      )}
      {steps.map((step, index) => (
        <Tile key={step.id} compact>
          <Flex direction="column" gap="xs">
            <Flex direction="row" gap="xs" align="center">
              <Text format={{ fontWeight: 'demibold' }}>Step {index + 1}</Text>
              {isStepOverdue(step, today) && (
                <StatusTag testId={`step-${index}-overdue`} variant="danger">
                  Overdue ({step.ownerSide === 'customer' ? 'customer' : 'us'})
                </StatusTag>
              )}
              {step.status === 'done' && <StatusTag variant="success">Done</StatusTag>}
            </Flex>
            <Input
              label="What needs to happen"
              name={`step-${index}-title`}
              readOnly={readOnly}
              value={step.title}
              onInput={(title) => setStep(index, { title })}
              {...errorProps(errors, `successPlan.steps.${index}.title`)}
            />
            <Flex direction="row" gap="xs" wrap="wrap">
              <Select
                label="Owned by"
                name={`step-${index}-ownerSide`}
                readOnly={readOnly}
                value={step.ownerSide}
                options={STEP_OWNER_SIDES.map(({ label, value: side }) => ({ label, value: side }))}
                onChange={(side) => setStep(index, { ownerSide: side as StepOwnerSide })}
                {...errorProps(errors, `successPlan.steps.${index}.ownerSide`)}
              />
              <Input
                label="Owner name"
                name={`step-${index}-ownerName`}
                readOnly={readOnly}
                value={step.ownerName}
                onInput={(ownerName) => setStep(index, { ownerName })}
              />
              <DateInput
                label="Due"
                name={`step-${index}-dueDate`}
                readOnly={readOnly}
                format="YYYY-MM-DD"
                value={toDateInput(step.dueDate)}
                onChange={(date) => setStep(index, { dueDate: fromDateInput(date) })}
                {...errorProps(errors, `successPlan.steps.${index}.dueDate`)}
              />
              <Select
                label="Status"
                name={`step-${index}-status`}
                readOnly={readOnly}
                value={step.status}
                options={STEP_STATUSES.map(({ label, value: status }) => ({ label, value: status }))}
                onChange={(status) => setStep(index, { status: status as StepStatus })}
              />
            </Flex>
            {!readOnly && (
              <ButtonRow>
                {step.status !== 'done' && (
                  <Button testId={`step-${index}-done`} size="xs" onClick={() => setStep(index, { status: 'done' })}>
                    Mark done
                  </Button>
                )}
                <Button
                  testId={`step-${index}-up`}
                  size="xs"
                  variant="secondary"
                  disabled={index === 0}
                  onClick={() => setSteps(move(steps, index, index - 1))}
                >
                  Move up
                </Button>
                <Button
                  testId={`step-${index}-down`}
                  size="xs"
                  variant="secondary"
                  disabled={index === steps.length - 1}
                  onClick={() => setSteps(move(steps, index, index + 1))}
                >
                  Move down
                </Button>
                <Button
                  testId={`step-${index}-remove`}
                  size="xs"
                  variant="destructive"
                  onClick={() => setSteps(steps.filter((_, at) => at !== index))}
                >
                  Remove
                </Button>
              </ButtonRow>
            )}
          </Flex>
        </Tile>
      ))}
      {!readOnly && (
        <Button testId="step-add" size="sm" variant="secondary" onClick={addStep}>
          Add a step
        </Button>
      )}
    </Flex>
  );
};
