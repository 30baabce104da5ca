import {
  type ExistingFlow,
  existingFlowSchema,
  type FlowDefinition,
  type FlowListing,
  flowPageSchema,
  flowRevisionSchema,
  FLOWS_PATH,
  flowUpdateBody,
} from '@why-they-care/hubspot-contract';

import { type HubSpotContext, requestJson } from './client';
import { HubSpotError } from './errors';

export type { ExistingFlow, FlowDefinition, FlowListing };

/** The workflows API needs a Professional tier and the optional `automation` scope: without them, HubSpot refuses. */
export const isWorkflowsApiRefused = (error: unknown) =>
  error instanceof HubSpotError && (error.code === 'HUBSPOT_FORBIDDEN' || error.code === 'HUBSPOT_AUTH_FAILED');

/** Automation v4 flows (beta): the api-client does not wrap them, so they go through `apiRequest`. */
export const flowsApi = ({ client, call }: HubSpotContext) => ({
  list: async (): Promise<FlowListing[]> => {
    const flows: FlowListing[] = [];
    let after: string | undefined;
    do {
      const query = `?limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`;
      const page = await call('flows.list', async () =>
        flowPageSchema.parse(await requestJson(client, { method: 'GET', path: `${FLOWS_PATH}${query}` })),
      );
      flows.push(...page.results);
      after = page.paging?.next?.after;
    } while (after);
    return flows;
  },

  get: (flowId: string): Promise<ExistingFlow> =>
    call('flows.get', async () =>
      existingFlowSchema.parse(await requestJson(client, { method: 'GET', path: `${FLOWS_PATH}/${flowId}` })),
    ),

  create: async (flow: FlowDefinition): Promise<{ id: string; revisionId: string }> =>
    call(
      'flows.create',
      async () => flowRevisionSchema.parse(await requestJson(client, { method: 'POST', path: FLOWS_PATH, body: flow })),
      { idempotent: false },
    ),

  /** `flow` may be a stored flow read back: only the fields the update takes are sent. */
  update: (flowId: string, revisionId: string, flow: FlowDefinition) =>
    call('flows.update', async () =>
      flowRevisionSchema.parse(
        await requestJson(client, {
          method: 'PUT',
          path: `${FLOWS_PATH}/${flowId}`,
          body: flowUpdateBody(flow, revisionId),
        }),
      ),
    ),
});

export type FlowsApi = ReturnType<typeof flowsApi>;
