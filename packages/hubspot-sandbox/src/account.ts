import {
  type FieldType,
  OWNER_REFERENCE,
  type PropertyType,
  TASK_PRIORITIES,
  TASK_PROPERTY,
  TASK_STATUSES,
  TASK_TYPES,
} from '@why-they-care/hubspot-contract';

import { type SandboxProperty, type SandboxState } from './store';

const at = '2025-01-01T00:00:00.000Z';

const builtIn = (
  name: string,
  label: string,
  type: PropertyType,
  fieldType: FieldType,
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

const options = (values: readonly string[]) =>
  values.map((value, index) => ({ label: value, value, displayOrder: index, hidden: false }));

/** HubSpot's default lifecycle stages, in order (accounts can add their own). */
const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
  'other',
] as const;

/** HubSpot's own company properties the app relies on. */
export const BUILT_IN_COMPANY_PROPERTIES: SandboxProperty[] = [
  builtIn('name', 'Company name', 'string', 'text'),
  builtIn('domain', 'Company domain name', 'string', 'text'),
  builtIn('hs_object_id', 'Record ID', 'number', 'number'),
  builtIn('hubspot_owner_id', 'Company owner', 'enumeration', 'select', {
    referencedObjectType: OWNER_REFERENCE,
    externalOptions: true,
  }),
  builtIn('lifecyclestage', 'Lifecycle Stage', 'enumeration', 'radio', {
    options: options(LIFECYCLE_STAGES),
  }),
  // HubSpot calculates it from closed-won deals and refuses writes; the sandbox lets its seeds set it.
  builtIn('total_revenue', 'Total Revenue', 'number', 'number'),
  builtIn('createdate', 'Create Date', 'datetime', 'date'),
  builtIn('hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date'),
  // What the bucket plays read: the lookalike segments (HubSpot's default company properties).
  builtIn('industry', 'Industry', 'enumeration', 'select', {
    options: options([
      'COMPUTER_SOFTWARE',
      'HOSPITAL_HEALTH_CARE',
      'LOGISTICS_AND_SUPPLY_CHAIN',
      'FINANCIAL_SERVICES',
      'RETAIL',
      'EDUCATION_MANAGEMENT',
      'MINING_METALS',
      'FOOD_PRODUCTION',
    ]),
  }),
  builtIn('numberofemployees', 'Number of Employees', 'number', 'number'),
  builtIn('country', 'Country/Region', 'string', 'text'),
];

/** HubSpot's contact properties the "ask one buyer a day" play reads. */
export const CONTACT_PROPERTIES: Record<string, SandboxProperty> = Object.fromEntries(
  [
    builtIn('firstname', 'First Name', 'string', 'text'),
    builtIn('lastname', 'Last Name', 'string', 'text'),
    builtIn('email', 'Email', 'string', 'text'),
    builtIn('hs_buying_role', 'Buying role', 'enumeration', 'checkbox', {
      options: options([
        'BLOCKER',
        'BUDGET_HOLDER',
        'CHAMPION',
        'DECISION_MAKER',
        'END_USER',
        'EXECUTIVE_SPONSOR',
        'INFLUENCER',
        'LEGAL_AND_COMPLIANCE',
        'OTHER',
      ]),
    }),
  ].map((property) => [property.name, { ...property, groupName: 'contactinformation' }]),
);

/** The task properties HubSpot defines; tasks have no custom properties in the sandbox. */
export const TASK_PROPERTIES: Record<string, SandboxProperty> = Object.fromEntries(
  [
    builtIn(TASK_PROPERTY.dueAt, 'Due date', 'datetime', 'date'),
    builtIn(TASK_PROPERTY.subject, 'Task title', 'string', 'text'),
    builtIn(TASK_PROPERTY.body, 'Notes', 'string', 'html'),
    builtIn(TASK_PROPERTY.status, 'Task status', 'enumeration', 'select', { options: options(TASK_STATUSES) }),
    builtIn(TASK_PROPERTY.priority, 'Priority', 'enumeration', 'select', { options: options(TASK_PRIORITIES) }),
    builtIn(TASK_PROPERTY.type, 'Task type', 'enumeration', 'select', { options: options(TASK_TYPES) }),
    builtIn(TASK_PROPERTY.owner, 'Assigned to', 'enumeration', 'select', {
      referencedObjectType: OWNER_REFERENCE,
      externalOptions: true,
    }),
  ].map((property) => [property.name, property]),
);

/** A HubSpot account with only what HubSpot gives every account: the company information group, built-in properties. */
export const emptyAccount = (portalId: string): SandboxState => ({
  portalId,
  nextId: 100_000,
  groups: [{ name: 'companyinformation', label: 'Company information', displayOrder: 0 }],
  properties: Object.fromEntries(BUILT_IN_COMPANY_PROPERTIES.map((property) => [property.name, property])),
  companies: {},
  tasks: {},
  lists: {},
  flows: {},
  owners: [],
});
