import { type HubSpotContext, requestJson } from './client';
import { HubSpotError } from './errors';

/** Automation v4 flows (beta): the api-client does not wrap them, so they go through `apiRequest`. */
const FLOWS_PATH = '/automation/v4/flows';

export type FlowDefinition = Record<string, unknown> & { name: string; isEnabled: boolean };

/**
 * What `ApiPlatformFlowPutRequest` has (spec, automationV4.json): an update is a full replace of these, and
 * nothing else. `flowType`, `objectTypeId` and `dataSources` belong to the create request and the read form.
 */
const PUT_FIELDS = [
  'type',
  'name',
  'description',
  'uuid',
  'isEnabled',
  'startActionId',
  'actions',
  'enrollmentCriteria',
  'enrollmentSchedule',
  'suppressionFilterBranch',
  'timeWindows',
  'blockedDates',
  'customProperties',
] as const;

const updateBody = (flow: FlowDefinition, revisionId: string) => ({
  ...Object.fromEntries(
    PUT_FIELDS.filter((field) => (flow[field] ?? null) !== null).map((field) => [field, flow[field]]),
  ),
  revisionId,
});

/** The workflows API needs a Professional tier and the optional `automation` scope: without them, HubSpot refuses. */
export const isWorkflowsApiRefused = (error: unknown) =>
  error instanceof HubSpotError && (error.code === 'HUBSPOT_FORBIDDEN' || error.code === 'HUBSPOT_AUTH_FAILED');

export type FlowListing = { id: string; name?: string; revisionId: string; isEnabled: boolean };
export type ExistingFlow = FlowDefinition & { id: string; revisionId: string };

export const flowsApi = ({ client, call }: HubSpotContext) => ({
  list: async (): Promise<FlowListing[]> => {
    const flows: FlowListing[] = [];
    let after: string | undefined;
    do {
      const query = `?limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`;
      const page = await call('flows.list', () =>
        requestJson<{ results: FlowListing[]; paging?: { next?: { after?: string } } }>(client, {
          method: 'GET',
          path: `${FLOWS_PATH}${query}`,
        }),
      );
      flows.push(...page.results);
      after = page.paging?.next?.after;
    } while (after);
    return flows;
  },

  get: (flowId: string) =>
    call('flows.get', () => requestJson<ExistingFlow>(client, { method: 'GET', path: `${FLOWS_PATH}/${flowId}` })),

  create: async (flow: FlowDefinition): Promise<{ id: string; revisionId: string }> =>
    call('flows.create', () => requestJson<ExistingFlow>(client, { method: 'POST', path: FLOWS_PATH, body: flow }), {
      idempotent: false,
    }),

  /** `flow` may be a stored flow read back: only the fields the update takes are sent. */
  update: (flowId: string, revisionId: string, flow: FlowDefinition) =>
    call('flows.update', () =>
      requestJson<ExistingFlow>(client, {
        method: 'PUT',
        path: `${FLOWS_PATH}/${flowId}`,
        body: updateBody(flow, revisionId),
      }),
    ),
});

export type FlowsApi = ReturnType<typeof flowsApi>;
