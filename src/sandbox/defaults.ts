import { type SandboxProperty } from './store';

const at = '2025-01-01T00:00:00.000Z';

const builtIn = (
  name: string,
  label: string,
  type: string,
  fieldType: string,
  extra: Partial<SandboxProperty> = {},
): SandboxProperty => ({
  name,
  label,
  type,
  fieldType,
  groupName: 'companyinformation',
  description: '',
  options: [],
  hubspotDefined: true,
  createdAt: at,
  updatedAt: at,
  ...extra,
});

const options = (...values: string[]) =>
  values.map((value, index) => ({ label: value, value, displayOrder: index, hidden: false }));

/** HubSpot's own company properties the app relies on. */
export const BUILT_IN_COMPANY_PROPERTIES: SandboxProperty[] = [
  builtIn('name', 'Company name', 'string', 'text'),
  builtIn('domain', 'Company domain name', 'string', 'text'),
  builtIn('hs_object_id', 'Record ID', 'number', 'number'),
  builtIn('hubspot_owner_id', 'Company owner', 'enumeration', 'select', {
    referencedObjectType: 'OWNER',
    externalOptions: true,
  }),
  builtIn('createdate', 'Create Date', 'datetime', 'date'),
  builtIn('hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date'),
];

/** The task properties HubSpot defines; tasks have no custom properties in the sandbox. */
export const TASK_PROPERTIES: Record<string, SandboxProperty> = Object.fromEntries(
  [
    builtIn('hs_timestamp', 'Due date', 'datetime', 'date'),
    builtIn('hs_task_subject', 'Task title', 'string', 'text'),
    builtIn('hs_task_body', 'Notes', 'string', 'html'),
    builtIn('hs_task_status', 'Task status', 'enumeration', 'select', {
      options: options('NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED'),
    }),
    builtIn('hs_task_priority', 'Priority', 'enumeration', 'select', {
      options: options('NONE', 'LOW', 'MEDIUM', 'HIGH'),
    }),
    builtIn('hs_task_type', 'Task type', 'enumeration', 'select', { options: options('TODO', 'CALL', 'EMAIL') }),
    builtIn('hubspot_owner_id', 'Assigned to', 'enumeration', 'select', {
      referencedObjectType: 'OWNER',
      externalOptions: true,
    }),
  ].map((property) => [property.name, property]),
);
