import {
  isEditedSinceApplied,
  isStepOverdue,
  type PlanStep,
  type ProfileDraft,
  STEP_OWNER_SIDES,
  STEP_STATUSES,
  type StepOwnerSide,
  type StepStatus,
  withStepStatus,
} from '@why-they-care/domain';
import {
  Button,
  ButtonRow,
  Flex,
  Heading,
  Input,
  Select,
  StatusTag,
  Text,
  TextArea,
  Tile,
} from '@hubspot/ui-extensions';

import { newId } from '../lib/ids';
import { errorProps, type SectionProps } from './field-errors';
import { IsoDateInput } from './IsoDateInput';

type Plan = ProfileDraft['successPlan'];

/** A concern recorded on the answer, as the account labels it: a step of ours may say it addresses it. */
export type RecordedConcern = { value: string; label: string };

const move = <T,>(items: readonly T[], from: number, to: number): T[] => {
  const next = [...items];
  next.splice(to, 0, ...next.splice(from, 1));
  return next;
};

export const SuccessPlanSection = ({
  value,
  onChange,
  errors,
  readOnly,
  today,
  concerns,
}: SectionProps<Plan> & { today: string; concerns: readonly RecordedConcern[] }) => {
  const steps = value.steps;
  const setSteps = (next: PlanStep[]) => onChange({ steps: next });
  const setStep = (index: number, patch: Partial<PlanStep>) =>
    setSteps(steps.map((step, at) => (at === index ? { ...step, ...patch } : step)));
  const setStatus = (index: number, status: StepStatus) =>
    setSteps(steps.map((step, at) => (at === index ? withStepStatus(step, status) : step)));
  /** The concerns a step may name, with the one it names kept even if it is no longer recorded. */
  const concernOptions = (step: PlanStep) => [
    { label: 'None chosen (its words may name one)', value: '' },
    ...concerns,
    ...(step.addresses && !concerns.some((concern) => concern.value === step.addresses)
      ? [{ label: `${step.addresses} (no longer recorded)`, value: step.addresses }]
      : []),
  ];
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
              {step.template && (
                <Text variant="microcopy">
                  {isEditedSinceApplied(step) ? 'From the plan template, adapted' : 'From the plan template'}
                </Text>
              )}
            </Flex>
            {step.status === 'done' && step.customerDone && (
              <Text testId={`step-${index}-customer-done`} variant="microcopy">
                {`Marked done by ${step.customerDone.by} through the shared plan, ${step.customerDone.at.slice(0, 10)}`}
              </Text>
            )}
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
              <IsoDateInput
                label="Due"
                name={`step-${index}-dueDate`}
                readOnly={readOnly}
                value={step.dueDate}
                onChange={(dueDate) => setStep(index, { dueDate })}
                {...errorProps(errors, `successPlan.steps.${index}.dueDate`)}
              />
              <Select
                label="Status"
                name={`step-${index}-status`}
                readOnly={readOnly}
                value={step.status}
                options={STEP_STATUSES.map(({ label, value: status }) => ({ label, value: status }))}
                onChange={(status) => setStatus(index, status as StepStatus)}
              />
              {step.ownerSide === 'us' && (concerns.length > 0 || step.addresses) && (
                <Select
                  label="Addresses their concern"
                  name={`step-${index}-addresses`}
                  readOnly={readOnly}
                  value={step.addresses ?? ''}
                  options={concernOptions(step)}
                  onChange={(addresses) => setStep(index, { addresses: addresses ? String(addresses) : undefined })}
                />
              )}
            </Flex>
            <TextArea
              label="What it means (the customer sees this on the shared plan)"
              name={`step-${index}-description`}
              readOnly={readOnly}
              value={step.description ?? ''}
              onInput={(description) => setStep(index, { description })}
              {...errorProps(errors, `successPlan.steps.${index}.description`)}
            />
            {!readOnly && (
              <ButtonRow>
                {step.status !== 'done' && (
                  <Button testId={`step-${index}-done`} size="xs" onClick={() => setStatus(index, 'done')}>
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
