import { type Client } from '@hubspot/api-client';
import { type PropertyDefinition } from '@why-they-care/domain';
import { propertyCreateBody, propertyUpdateBody, toApiModel } from '@why-they-care/hubspot-contract';

import { type HubSpotContext } from './client';

const OBJECT_TYPE = 'companies';

/** The api-client's request types, whose type and field type are enums of the same strings. */
type ApiPropertyCreate = Parameters<Client['crm']['properties']['coreApi']['create']>[1];
type ApiPropertyUpdate = Parameters<Client['crm']['properties']['coreApi']['update']>[2];

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

  /**
   * The visible options of these properties as the account has them now, by property, in one call: the
   * lists an admin edits in HubSpot's property settings. A property that does not exist is left out.
   */
  visibleOptions: async (names: readonly string[]): Promise<Record<string, { value: string; label: string }[]>> => {
    const answer = await call('properties.batchRead', () =>
      client.crm.properties.batchApi.read(OBJECT_TYPE, { archived: false, inputs: names.map((name) => ({ name })) }),
    );
    return Object.fromEntries(
      answer.results.map((property) => [
        property.name,
        [...property.options]
          .filter((option) => !option.hidden)
          .sort((a, b) => (a.displayOrder ?? 0) - (b.displayOrder ?? 0))
          .map(({ value, label }) => ({ value, label })),
      ]),
    );
  },

  /** Reads one property definition: the cheapest request that proves the token and the app's install. */
  read: async (name: string) => {
    await call('properties.read', () => client.crm.properties.coreApi.getByName(OBJECT_TYPE, name));
  },

  create: async (definition: PropertyDefinition, groupName: string) => {
    const body = toApiModel<ApiPropertyCreate>(propertyCreateBody(definition, groupName));
    await call('properties.create', () => client.crm.properties.coreApi.create(OBJECT_TYPE, body), {
      idempotent: false,
    });
  },

  update: async (name: string, changes: PropertyChanges) => {
    const body: ApiPropertyUpdate = propertyUpdateBody(changes);
    await call('properties.update', () => client.crm.properties.coreApi.update(OBJECT_TYPE, name, body));
  },
});

export type PropertiesApi = ReturnType<typeof propertiesApi>;
