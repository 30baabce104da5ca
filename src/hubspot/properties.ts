import { type PropertyDefinition } from '@why-they-care/domain';
import { type PropertyCreate } from '@hubspot/api-client/lib/codegen/crm/properties/models/PropertyCreate';
import { type PropertyUpdate } from '@hubspot/api-client/lib/codegen/crm/properties/models/PropertyUpdate';

import { type HubSpotContext } from './client';

const OBJECT_TYPE = 'companies';

export type ExistingProperty = {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  description: string;
  options: { label: string; value: string; description?: string }[];
  referencedObjectType?: string;
};

export type PropertyChanges = Pick<PropertyDefinition, 'label' | 'description' | 'options'> & { groupName: string };

export const propertiesApi = ({ client, call }: HubSpotContext) => ({
  groupNames: async (): Promise<string[]> => {
    const groups = await call('properties.groups', () => client.crm.properties.groupsApi.getAll(OBJECT_TYPE));
    return groups.results.map((group) => group.name);
  },

  createGroup: async (group: { name: string; label: string; displayOrder: number }) => {
    await call('properties.createGroup', () => client.crm.properties.groupsApi.create(OBJECT_TYPE, group), {
      idempotent: false,
    });
  },

  all: async (): Promise<ExistingProperty[]> => {
    const properties = await call('properties.all', () => client.crm.properties.coreApi.getAll(OBJECT_TYPE));
    return properties.results.map((property) => ({
      name: property.name,
      label: property.label,
      type: property.type,
      fieldType: property.fieldType,
      groupName: property.groupName,
      description: property.description,
      options: property.options.map(({ label, value, description }) => ({ label, value, description })),
      referencedObjectType: property.referencedObjectType,
    }));
  },

  /** Reads one property definition: the cheapest request that proves the token and the app's install. */
  read: async (name: string) => {
    await call('properties.read', () => client.crm.properties.coreApi.getByName(OBJECT_TYPE, name));
  },

  create: async (definition: PropertyDefinition, groupName: string) => {
    const body = {
      name: definition.name,
      label: definition.label,
      type: definition.type,
      fieldType: definition.fieldType,
      groupName,
      description: definition.description,
      ...(definition.options ? { options: definition.options.map(toOption) } : {}),
      ...(definition.referencedObjectType
        ? { referencedObjectType: definition.referencedObjectType, externalOptions: true }
        : {}),
    } as PropertyCreate;
    await call('properties.create', () => client.crm.properties.coreApi.create(OBJECT_TYPE, body), {
      idempotent: false,
    });
  },

  update: async (name: string, changes: PropertyChanges) => {
    const body = {
      label: changes.label,
      description: changes.description,
      groupName: changes.groupName,
      ...(changes.options ? { options: changes.options.map(toOption) } : {}),
    } as PropertyUpdate;
    await call('properties.update', () => client.crm.properties.coreApi.update(OBJECT_TYPE, name, body));
  },
});

const toOption = (option: { label: string; value: string; description: string }, displayOrder: number) => ({
  label: option.label,
  value: option.value,
  description: option.description,
  displayOrder,
  hidden: false,
});

export type PropertiesApi = ReturnType<typeof propertiesApi>;
