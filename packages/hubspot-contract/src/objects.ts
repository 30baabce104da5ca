import { AssociationTypes } from '@hubspot/api-client';

/** Object type ids, as the Lists API and workflows name object types. */
export const OBJECT_TYPE_ID = { company: '0-2' } as const;

/** Batch reads, updates and creates take at most this many inputs per call. */
export const BATCH_LIMIT = 100;

/** Who wrote a value: the app, a user in HubSpot's UI, an import, ... */
export const SOURCE_TYPE = { integration: 'INTEGRATION', crmUi: 'CRM_UI', import: 'IMPORT' } as const;

/** One entry of `propertiesWithHistory`, newest first. */
export type PropertyHistoryEntry = {
  value: string;
  timestamp: string;
  sourceType: string;
  sourceId?: string;
  sourceLabel?: string;
  updatedByUserId?: number;
};

/** A CRM record as HubSpot returns it: only the properties asked for (null when empty), history when asked. */
export type CrmObject = {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, PropertyHistoryEntry[]>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
};

/** Paged listings hand over `paging.next.after` until the last page. */
export type Paging = { paging?: { next?: { after: string } } };

/** The association every task the app creates has: to its company, HubSpot-defined. */
export const TASK_TO_COMPANY = {
  associationCategory: 'HUBSPOT_DEFINED',
  associationTypeId: AssociationTypes.taskToCompany,
} as const;

/** The same association read from the company's side. */
export const COMPANY_TO_TASK = {
  associationCategory: 'HUBSPOT_DEFINED',
  associationTypeId: AssociationTypes.companyToTask,
} as const;

export type AssociationType = { associationCategory: string; associationTypeId: number };

export const isAssociationType = (given: Partial<AssociationType>, expected: AssociationType) =>
  given.associationCategory === expected.associationCategory && given.associationTypeId === expected.associationTypeId;

/** Object type names in association paths (`/crm/v4/associations/{from}/{to}/batch/read`). */
export const ASSOCIATION_OBJECT = { company: 'companies', task: 'tasks' } as const;

/**
 * The v4 associations batch read answer: per input record, the records of the other type it is associated
 * with (`toObjectId`), and `paging.next.after` to ask again with `{ id, after }` when there are more. A
 * record with none is left out of `results` (HubSpot then answers 207 with `errors`).
 */
export type AssociationBatchReadAnswer = {
  status: string;
  results: {
    from: { id: string };
    to: {
      toObjectId: string | number;
      associationTypes: { category: string; typeId: number; label?: string | null }[];
    }[];
    paging?: { next?: { after: string } };
  }[];
  errors?: { status: string; category: string; message: string; context?: Record<string, unknown> }[];
  numErrors?: number;
  startedAt: string;
  completedAt: string;
};
