import { type Client } from '@hubspot/api-client';

type ApiPropertyCreate = Parameters<Client['crm']['properties']['coreApi']['create']>[1];

/**
 * Property types and field types: the api-client's spec names, plus the ones HubSpot's own properties use
 * that the spec's create enums leave out (`hs_task_body` is `html`, phone numbers are `phone_number`).
 */
export type PropertyType = CreatablePropertyType | 'phone_number';
export type FieldType = CreatableFieldType | 'html' | 'phonenumber';
/** What the create request's spec accepts. */
type CreatablePropertyType = `${ApiPropertyCreate['type']}`;
type CreatableFieldType = `${ApiPropertyCreate['fieldType']}`;

/** The field types HubSpot accepts for each property type; the type of an existing property cannot change. */
export const FIELD_TYPES_BY_TYPE: Record<PropertyType, readonly FieldType[]> = {
  string: ['text', 'textarea', 'html', 'file'],
  number: ['number', 'calculation_equation'],
  date: ['date'],
  datetime: ['date'],
  enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox'],
  bool: ['booleancheckbox'],
  phone_number: ['phonenumber'],
};

const isPropertyType = (type: unknown): type is PropertyType =>
  typeof type === 'string' && Object.hasOwn(FIELD_TYPES_BY_TYPE, type);

export const isFieldTypeOf = (type: unknown, fieldType: unknown): boolean =>
  isPropertyType(type) && FIELD_TYPES_BY_TYPE[type].some((allowed) => allowed === fieldType);

/** The longest value any property holds. */
export const MAX_PROPERTY_VALUE_LENGTH = 65_536;

/** `referencedObjectType` of a HubSpot-user property: its options are the account's owners. */
export const OWNER_REFERENCE = 'OWNER';

/** Several values of a checkbox (multi-select) property are stored as one string, separated by this. */
export const MULTIPLE_VALUES_SEPARATOR = ';';

export type PropertyOption = {
  label: string;
  value: string;
  description?: string;
  displayOrder?: number;
  hidden: boolean;
};

/** A property definition as HubSpot returns it (`GET /crm/v3/properties/{objectType}`). */
export type Property = {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: FieldType;
  groupName: string;
  description: string;
  options: PropertyOption[];
  referencedObjectType?: string;
  externalOptions?: boolean;
  hubspotDefined?: boolean;
  createdAt: string;
  updatedAt: string;
};

export type PropertyGroup = { name: string; label: string; displayOrder: number };

/** What the app sends to create a property; a HubSpot-user property gets its options from the owners. */
export const propertyCreateBody = (
  definition: {
    name: string;
    label: string;
    description: string;
    type: CreatablePropertyType;
    fieldType: CreatableFieldType;
    options?: readonly { label: string; value: string; description: string }[];
    referencedObjectType?: typeof OWNER_REFERENCE;
  },
  groupName: string,
) => ({
  name: definition.name,
  label: definition.label,
  type: definition.type,
  fieldType: definition.fieldType,
  groupName,
  description: definition.description,
  ...(definition.options ? { options: definition.options.map(optionInput) } : {}),
  ...(definition.referencedObjectType
    ? { referencedObjectType: definition.referencedObjectType, externalOptions: true }
    : {}),
});

/** What the app sends to change a property's label, description, group or options. */
export const propertyUpdateBody = (changes: {
  label: string;
  description: string;
  groupName: string;
  options?: readonly { label: string; value: string; description: string }[];
}) => ({
  label: changes.label,
  description: changes.description,
  groupName: changes.groupName,
  ...(changes.options ? { options: changes.options.map(optionInput) } : {}),
});

/** Options in the order given, all visible. */
const optionInput = (option: { label: string; value: string; description: string }, displayOrder: number) => ({
  label: option.label,
  value: option.value,
  description: option.description,
  displayOrder,
  hidden: false,
});
