import { z } from 'zod';

import { OBJECT_TYPE_ID } from './objects';

/** Automation v4 flows (beta): the api-client does not wrap them. */
export const FLOWS_PATH = '/automation/v4/flows';

/** What the create request (`ApiPlatformFlowPostRequest`, automationV4.json) must carry. */
export const FLOW_CREATE_REQUIRED = [
  'type',
  'flowType',
  'objectTypeId',
  'isEnabled',
  'actions',
  'timeWindows',
  'blockedDates',
  'customProperties',
  'dataSources',
] as const;

/** Set on create and kept: an update cannot change them. */
export const FLOW_CREATE_ONLY = ['flowType', 'objectTypeId', 'dataSources'] as const;

/** `ApiPlatformFlowPutRequest`: an update is a full replace of these fields, and nothing else. */
export const FLOW_UPDATE_REQUIRED = [
  'type',
  'revisionId',
  'isEnabled',
  'actions',
  'timeWindows',
  'blockedDates',
  'customProperties',
] as const;
export const FLOW_UPDATE_OPTIONAL = [
  'name',
  'description',
  'uuid',
  'startActionId',
  'enrollmentCriteria',
  'enrollmentSchedule',
  'suppressionFilterBranch',
] as const;

/** A flow as the app builds or reads it: HubSpot's fields, of which the app names the few it reads. */
export type FlowDefinition = Record<string, unknown> & { name: string; isEnabled: boolean };
export type ExistingFlow = FlowDefinition & { id: string; revisionId: string };

/** The fields a PUT takes from `flow`, skipping empty ones, with the revision it replaces. */
export const flowUpdateBody = (flow: FlowDefinition, revisionId: string) => ({
  ...Object.fromEntries(
    [...FLOW_UPDATE_REQUIRED, ...FLOW_UPDATE_OPTIONAL]
      .filter((field) => field !== 'revisionId' && (flow[field] ?? null) !== null)
      .map((field) => [field, flow[field]]),
  ),
  revisionId,
});

/** One flow of `GET /automation/v4/flows` (a page lists a summary of each). */
export const flowListingSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  revisionId: z.string(),
  isEnabled: z.boolean(),
});
export type FlowListing = z.infer<typeof flowListingSchema>;

export const flowPageSchema = z.object({
  results: z.array(flowListingSchema.loose()),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/** What a create or update answers with, of which the app keeps the ids. */
export const flowRevisionSchema = z.object({ id: z.string(), revisionId: z.string() }).loose();

/** A flow read back whole: its definition, the ids HubSpot gave it, and whatever else HubSpot adds. */
export const existingFlowSchema = flowListingSchema.extend({ name: z.string() }).loose();

/** The enrollment the app's flows use: records enter while they match a filter branch (list-based). */
export const LIST_BASED = 'LIST_BASED';

/** A workflow over companies with list-based enrollment, as the app creates them. */
export const companyWorkflow = (flow: {
  name: string;
  description: string;
  isEnabled: boolean;
  startActionId: string;
  actions: Record<string, unknown>[];
  enrollment: { listFilterBranch: unknown; reEnrollmentTriggers: unknown[] };
}): FlowDefinition => ({
  type: 'PLATFORM_FLOW',
  flowType: 'WORKFLOW',
  objectTypeId: OBJECT_TYPE_ID.company,
  name: flow.name,
  description: flow.description,
  isEnabled: flow.isEnabled,
  startActionId: flow.startActionId,
  actions: flow.actions,
  enrollmentCriteria: {
    type: LIST_BASED,
    shouldReEnroll: flow.enrollment.reEnrollmentTriggers.length > 0,
    unEnrollObjectsNotMeetingCriteria: true,
    listFilterBranch: flow.enrollment.listFilterBranch,
    reEnrollmentTriggersFilterBranches: flow.enrollment.reEnrollmentTriggers,
  },
  timeWindows: [],
  blockedDates: [],
  customProperties: {},
  dataSources: [],
});

/** A stored flow's action, read: its type, where it leads, its fields. */
const storedActionSchema = z.object({
  actionId: z.string(),
  actionTypeId: z.string(),
  connection: z.object({ nextActionId: z.string().optional() }).optional(),
  fields: z.record(z.string(), z.unknown()).catch({}),
});

/** A stored flow, read for running it: list-based enrollment, and the actions from the start action on. */
export const runnableFlowSchema = z.object({
  id: z.string(),
  isEnabled: z.boolean().catch(false),
  startActionId: z.string().optional(),
  actions: z.array(storedActionSchema).catch([]),
  enrollmentCriteria: z
    .object({
      type: z.string().optional(),
      shouldReEnroll: z.boolean().catch(false),
      unEnrollObjectsNotMeetingCriteria: z.boolean().catch(false),
      listFilterBranch: z.unknown(),
      reEnrollmentTriggersFilterBranches: z.array(z.unknown()).catch([]),
    })
    .optional(),
});
export type RunnableFlow = z.infer<typeof runnableFlowSchema>;
