import {
  APP_PROPERTY_NAMES,
  PROPERTY_DEFINITIONS,
  PROPERTY_GROUP,
  type PropertyDefinition,
} from '@why-they-care/domain';
import { sameFilterBranch } from '@why-they-care/hubspot-contract';

import { type FlowsApi } from '../hubspot/flows';
import { type ListsApi } from '../hubspot/lists';
import { type ExistingProperty, type PropertiesApi } from '../hubspot/properties';
import { containsDeep } from '../lib/contains-deep';
import { desiredLists, type SetupOptions } from './desired-state';
import { planWorkflows } from './plan-workflows';

export type SetupItemKind = 'property group' | 'property' | 'list' | 'workflow';
export type SetupAction = 'create' | 'update' | 'unchanged' | 'conflict' | 'skipped';

export type SetupItem = {
  kind: SetupItemKind;
  name: string;
  action: SetupAction;
  detail?: string;
  id?: string;
  /** Present for create and update: performs the write and returns the HubSpot id, if any. */
  apply?: () => Promise<string | undefined>;
};

export type SetupDeps = { properties: PropertiesApi; lists: ListsApi; flows: FlowsApi };

/** The admin's own option lists (tags) are created with the defaults and then left to the admin. */
const sameOptions = (definition: PropertyDefinition, existing: ExistingProperty): boolean =>
  definition.optionsOwnedByAdmin === true ||
  containsDeep(
    existing.options.map(({ label, value, description }) => ({ label, value, description: description ?? '' })),
    (definition.options ?? []).map(({ label, value, description }) => ({ label, value, description })),
  ) ||
  (!definition.options && existing.options.length === 0);

const planProperty = (
  deps: SetupDeps,
  definition: PropertyDefinition,
  existing: ExistingProperty | undefined,
): SetupItem => {
  const base = { kind: 'property' as const, name: definition.name };
  if (!existing) {
    return {
      ...base,
      action: 'create',
      apply: async () => void (await deps.properties.create(definition, PROPERTY_GROUP.name)),
    };
  }
  if (existing.type !== definition.type || existing.fieldType !== definition.fieldType) {
    return {
      ...base,
      action: 'conflict',
      detail:
        `exists as ${existing.type}/${existing.fieldType}, the app needs ${definition.type}/${definition.fieldType}; ` +
        'HubSpot cannot change a property type: rename or delete it in HubSpot, then run setup again',
    };
  }
  if ((definition.referencedObjectType ?? undefined) !== (existing.referencedObjectType || undefined)) {
    return {
      ...base,
      action: 'conflict',
      detail: 'exists but is not a HubSpot-user property; rename or delete it in HubSpot',
    };
  }
  const changed = [
    existing.label !== definition.label && 'label',
    existing.description !== definition.description && 'description',
    existing.groupName !== PROPERTY_GROUP.name && 'group',
    !sameOptions(definition, existing) && 'options',
  ].filter(Boolean);
  if (changed.length === 0) return { ...base, action: 'unchanged' };
  return {
    ...base,
    action: 'update',
    detail: `${changed.join(', ')} changed`,
    apply: async () => {
      await deps.properties.update(definition.name, {
        label: definition.label,
        description: definition.description,
        options: definition.optionsOwnedByAdmin ? undefined : definition.options,
        groupName: PROPERTY_GROUP.name,
      });
      return undefined;
    },
  };
};

const planProperties = async (deps: SetupDeps, options: SetupOptions): Promise<SetupItem[]> => {
  const [groupNames, existing] = await Promise.all([deps.properties.groupNames(), deps.properties.all()]);
  const byName = new Map(existing.map((property) => [property.name, property]));
  const group: SetupItem = groupNames.includes(PROPERTY_GROUP.name)
    ? { kind: 'property group', name: PROPERTY_GROUP.name, action: 'unchanged' }
    : {
        kind: 'property group',
        name: PROPERTY_GROUP.name,
        action: 'create',
        apply: async () => void (await deps.properties.createGroup({ ...PROPERTY_GROUP })),
      };
  const renewalDate: SetupItem[] =
    APP_PROPERTY_NAMES.includes(options.renewalDateProperty) || byName.has(options.renewalDateProperty)
      ? []
      : [
          {
            kind: 'property',
            name: options.renewalDateProperty,
            action: 'conflict',
            detail: 'RENEWAL_DATE_PROPERTY names a company property that does not exist',
          },
        ];
  return [
    group,
    ...PROPERTY_DEFINITIONS.map((definition) => planProperty(deps, definition, byName.get(definition.name))),
    ...renewalDate,
  ];
};

const planLists = async (deps: SetupDeps): Promise<SetupItem[]> =>
  Promise.all(
    desiredLists().map(async ({ name, filterBranch, filtersKeptBy }): Promise<SetupItem> => {
      const existing = await deps.lists.findByName(name);
      if (!existing) {
        return { kind: 'list', name, action: 'create', apply: () => deps.lists.create(name, filterBranch) };
      }
      if (filtersKeptBy) {
        return {
          kind: 'list',
          name,
          action: 'unchanged',
          id: existing.listId,
          detail: `filters kept by ${filtersKeptBy}`,
        };
      }
      if (sameFilterBranch(existing.filterBranch, filterBranch)) {
        return { kind: 'list', name, action: 'unchanged', id: existing.listId };
      }
      return {
        kind: 'list',
        name,
        action: 'update',
        detail: 'filters changed',
        id: existing.listId,
        apply: async () => (await deps.lists.updateFilters(existing.listId, filterBranch), existing.listId),
      };
    }),
  );

/** Reads what the account has and compares it with what the app needs. Reads only: this is the dry run. */
export const planSetup = async (deps: SetupDeps, options: SetupOptions): Promise<SetupItem[]> => {
  const properties = await planProperties(deps, options);
  const lists = await planLists(deps);
  const flows = await planWorkflows(deps, options);
  return [...properties, ...lists, ...flows];
};

/** Performs the planned writes in order (group, properties, lists, workflows); stops at the first failure. */
export const applySetup = async (items: readonly SetupItem[]): Promise<SetupItem[]> => {
  const done: SetupItem[] = [];
  for (const item of items) {
    done.push(item.apply ? { ...item, id: (await item.apply()) ?? item.id, apply: undefined } : item);
  }
  return done;
};
