import { concernLabeller, type ProfileDraft, tagsApply, toIsoDate } from '@why-they-care/domain';
import {
  Button,
  Divider,
  EmptyState,
  ErrorState,
  Flex,
  LoadingSpinner,
  Text,
  useExtensionActions,
  useExtensionContext,
} from '@hubspot/ui-extensions';
import { useMemo, useState } from 'react';

import { AdvocacySection } from './components/AdvocacySection';
import { AtAGlance } from './components/AtAGlance';
import { NotConfigured } from './components/NotConfigured';
import { DesiredOutcomeSection } from './components/DesiredOutcomeSection';
import { errorProps } from './components/field-errors';
import { HealthSection } from './components/HealthSection';
import { IsoDateInput } from './components/IsoDateInput';
import { PlanTemplatePicker } from './components/PlanTemplatePicker';
import { SaveBar } from './components/SaveBar';
import { ShareSection } from './components/ShareSection';
import { SuccessPlanSection } from './components/SuccessPlanSection';
import { WhyTheyCareSection } from './components/WhyTheyCareSection';
import { WinWinDecision } from './components/WinWinDecision';
import { useProfile } from './hooks/useProfile';
import { createBackendClient } from './lib/backend-client';

/** The company card: load, edit and save the customer's "why they care" profile. */
export const ProfileCard = ({ now = () => new Date() }: { now?: () => Date }) => {
  const context = useExtensionContext<'crm.record.tab'>();
  const actions = useExtensionActions<'crm.record.tab'>();
  const backendUrl = String(context.variables?.BACKEND_URL ?? '');
  const backend = useMemo(() => (backendUrl ? createBackendClient(backendUrl) : null), [backendUrl]);
  const profile = useProfile(backend, context.crm.objectId);
  const [started, setStarted] = useState(false);
  const today = toIsoDate(now());

  if (!backendUrl) return <NotConfigured />;
  const { state } = profile;
  if (state.status === 'loading') return <LoadingSpinner label="Loading why they care" layout="centered" />;
  if (state.status === 'load_failed') {
    return (
      <ErrorState title="Could not load this profile">
        <Text>{state.message}</Text>
        <Button testId="load-retry" onClick={() => void profile.load()}>
          Try again
        </Button>
      </ErrorState>
    );
  }

  const { saved, draft, fieldErrors, saving } = state;
  if (saved.version === 0 && !started && !profile.dirty) {
    return (
      <EmptyState testId="empty" title="Why do they care about us?" layout="vertical" imageName="building">
        <Text>
          Nobody has asked {saved.companyName ?? 'this customer'} yet. Ask the buyer, and write down the answer in their
          words.
        </Text>
        <Button testId="start" variant="primary" onClick={() => setStarted(true)}>
          Record their answer
        </Button>
      </EmptyState>
    );
  }

  const edit =
    <K extends keyof ProfileDraft>(key: K) =>
    (value: ProfileDraft[K]) =>
      profile.edit({ ...draft, [key]: value });
  const save = async () => {
    if (await profile.save()) {
      actions.addAlert({ type: 'success', title: 'Saved', message: 'Why they care is up to date.' });
      actions.refreshObjectProperties();
    }
  };
  const sectionProps = { errors: fieldErrors, readOnly: saving };
  const concernLabel = concernLabeller(saved.tagOptions?.concerns);
  const recordedConcerns = tagsApply('concerns', draft.whyTheyCare.bucket)
    ? draft.whyTheyCare.concerns.map((value) => ({ value, label: concernLabel(value) }))
    : [];

  return (
    <Flex direction="column" gap="md">
      <AtAGlance profile={saved} today={today} />
      {saved.readWarnings.map((warning) => (
        <Text key={warning} variant="microcopy">
          {warning}
        </Text>
      ))}
      <Divider />
      <WhyTheyCareSection
        value={draft.whyTheyCare}
        onChange={edit('whyTheyCare')}
        tagOptions={saved.tagOptions}
        {...sectionProps}
      />
      <WinWinDecision
        value={draft.winWin}
        onChange={edit('winWin')}
        bucket={draft.whyTheyCare.bucket}
        {...sectionProps}
      />
      <Divider />
      <DesiredOutcomeSection value={draft.desiredOutcome} onChange={edit('desiredOutcome')} {...sectionProps} />
      <Divider />
      <PlanTemplatePicker
        backend={backend}
        segment={draft.segment}
        steps={draft.successPlan.steps}
        today={today}
        readOnly={saving}
        onSegment={edit('segment')}
        onSteps={(steps) => profile.edit({ ...draft, successPlan: { steps } })}
      />
      <SuccessPlanSection
        value={draft.successPlan}
        onChange={edit('successPlan')}
        today={today}
        concerns={recordedConcerns}
        {...sectionProps}
      />
      <Divider />
      <HealthSection value={draft.health} onChange={edit('health')} {...sectionProps} />
      <AdvocacySection
        value={draft.advocacy}
        onChange={edit('advocacy')}
        askNow={draft.whyTheyCare.bucket === 'need_you'}
        {...sectionProps}
      />
      <IsoDateInput
        label="Renewal date"
        name="renewalDate"
        readOnly={saving}
        value={draft.renewalDate}
        onChange={(renewalDate) => profile.edit({ ...draft, renewalDate })}
        {...errorProps(fieldErrors, 'renewalDate')}
      />
      <IsoDateInput
        label="Left us on"
        name="leftOn"
        tooltip="Only if they did not renew: the home page then counts them as gone, not as current customers."
        readOnly={saving}
        value={draft.leftOn}
        onChange={(leftOn) => profile.edit({ ...draft, leftOn })}
        {...errorProps(fieldErrors, 'leftOn')}
      />
      <Divider />
      <SaveBar
        dirty={profile.dirty}
        saving={saving}
        saveError={state.saveError}
        conflict={state.conflict}
        onSave={() => void save()}
        onDiscardMine={profile.discardMine}
        onKeepMine={profile.keepMine}
      />
      {backend && (
        <>
          <Divider />
          <ShareSection
            backend={backend}
            companyId={context.crm.objectId}
            stored={saved.sharing}
            now={now()}
            dirty={profile.dirty}
            onCopy={(url) => {
              void actions
                .copyTextToClipboard(url)
                .then(() =>
                  actions.addAlert({ type: 'success', title: 'Copied', message: 'Send the link to the customer.' }),
                );
            }}
          />
        </>
      )}
    </Flex>
  );
};
