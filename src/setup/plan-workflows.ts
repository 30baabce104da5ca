import {
  type ExistingFlow,
  type FlowDefinition,
  type FlowListing,
  sameFlowDefinition,
} from '@why-they-care/hubspot-contract';

import { isWorkflowsApiRefused } from '../hubspot/flows';
import { desiredFlows, type SetupOptions } from './desired-state';
import { type SetupDeps, type SetupItem } from './setup';

const WORKFLOWS_REFUSED =
  'HubSpot refused the workflows API: it needs a Professional tier and the "automation" scope. ' +
  'Run with AUTOMATION_MODE=direct to have the backend create the tasks instead.';
const DIRECT_MODE = 'direct mode: the backend creates these tasks itself';
const ON_IN_DIRECT_MODE =
  'on in HubSpot while AUTOMATION_MODE=direct: it creates these tasks too, so direct automation refuses to run. ' +
  'Turn it off with: npm run setup -- --disable';

const onOff = (enabled: boolean) => (enabled ? 'on' : 'off');

/** The state setup leaves a workflow in: as it is unless --enable or --disable says otherwise. */
const wantedState = (options: SetupOptions, current: boolean) =>
  options.workflows === 'keep' ? current : options.workflows === 'enable';

/** Workflows mode: create what is missing, put back a changed definition, switch only when told. */
const planWorkflowsMode = (deps: SetupDeps, options: SetupOptions, listing: FlowListing[]) =>
  Promise.all(
    desiredFlows(options).map(async (flow): Promise<SetupItem> => {
      const base = { kind: 'workflow' as const, name: flow.name };
      const found = listing.find((candidate) => candidate.name === flow.name);
      if (!found) return { ...base, action: 'create', apply: async () => (await deps.flows.create(flow)).id };
      const existing = await deps.flows.get(found.id);
      const enabled = wantedState(options, existing.isEnabled);
      const definitionChanged = !sameFlowDefinition(existing, flow);
      const switched = enabled !== existing.isEnabled;
      if (!definitionChanged && !switched) {
        return { ...base, action: 'unchanged', id: found.id, detail: onOff(enabled) };
      }
      const detail = [
        definitionChanged && 'definition changed',
        switched && `${onOff(existing.isEnabled)} → ${onOff(enabled)}`,
      ].filter(Boolean);
      // Only the switch changes: send back the stored definition, as HubSpot holds it.
      const body: FlowDefinition = { ...(definitionChanged ? flow : existing), isEnabled: enabled };
      return {
        ...base,
        action: 'update',
        detail: detail.join(', '),
        id: found.id,
        apply: async () => (await deps.flows.update(found.id, existing.revisionId, body), found.id),
      };
    }),
  );

/**
 * Direct mode installs no workflow, but the app's workflows may exist from an earlier workflows-mode
 * setup: one that is on would create every task a second time. Report it, and turn it off with --disable.
 */
const planDirectMode = (deps: SetupDeps, options: SetupOptions, listing: FlowListing[]) =>
  Promise.all(
    desiredFlows(options).map(async (flow): Promise<SetupItem> => {
      const base = { kind: 'workflow' as const, name: flow.name };
      const found = listing.find((candidate) => candidate.name === flow.name);
      if (!found || !found.isEnabled) {
        return {
          ...base,
          action: 'skipped',
          id: found?.id,
          detail: found ? `${DIRECT_MODE}; this one is off` : DIRECT_MODE,
        };
      }
      if (options.workflows !== 'disable') {
        return { ...base, action: 'conflict', id: found.id, detail: ON_IN_DIRECT_MODE };
      }
      return {
        ...base,
        action: 'update',
        id: found.id,
        detail: 'on → off',
        apply: async () => {
          const existing: ExistingFlow = await deps.flows.get(found.id);
          await deps.flows.update(found.id, existing.revisionId, { ...existing, isEnabled: false });
          return found.id;
        },
      };
    }),
  );

export const planWorkflows = async (deps: SetupDeps, options: SetupOptions): Promise<SetupItem[]> => {
  let listing: FlowListing[];
  try {
    listing = await deps.flows.list();
  } catch (error) {
    if (!isWorkflowsApiRefused(error)) throw error;
    // Without the workflows API there can be no app workflow to clash with direct mode.
    const detail = options.mode === 'direct' ? DIRECT_MODE : WORKFLOWS_REFUSED;
    return desiredFlows(options).map((flow) => ({ kind: 'workflow', name: flow.name, action: 'skipped', detail }));
  }
  return options.mode === 'direct' ? planDirectMode(deps, options, listing) : planWorkflowsMode(deps, options, listing);
};
