import { type FieldType, isFieldTypeOf, OWNER_REFERENCE, type PropertyType } from '@why-they-care/hubspot-contract';
import { Router } from 'express';

import { sendHubSpotError } from '../hubspot-errors';
import { type SandboxProperty, type SandboxStore } from '../store';

type OptionInput = {
  label?: unknown;
  value?: unknown;
  description?: unknown;
  displayOrder?: unknown;
  hidden?: unknown;
};

const toOptions = (options: unknown): SandboxProperty['options'] =>
  (Array.isArray(options) ? (options as OptionInput[]) : []).map((option, index) => ({
    label: String(option.label),
    value: String(option.value),
    description: option.description === undefined ? undefined : String(option.description),
    displayOrder: typeof option.displayOrder === 'number' ? option.displayOrder : index,
    hidden: Boolean(option.hidden),
  }));

/** Company property groups and properties, with HubSpot's rules: unique names, type/fieldType pairs, options for enumerations. */
export const schemaRoutes = (store: SandboxStore, now: () => string) => {
  const router = Router();
  const base = '/crm/v3/properties/companies';

  router.get(`${base}/groups`, (_req, res) => {
    res.json({ results: store.state.groups.map((group) => ({ ...group, archived: false })) });
  });

  router.post(`${base}/groups`, (req, res) => {
    const { name, label, displayOrder } = req.body ?? {};
    if (typeof name !== 'string' || typeof label !== 'string') {
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', 'name and label are required');
    }
    if (store.state.groups.some((group) => group.name === name)) {
      return sendHubSpotError(res, 409, 'OBJECT_ALREADY_EXISTS', `A property group named ${name} already exists`);
    }
    const group = { name, label, displayOrder: typeof displayOrder === 'number' ? displayOrder : -1 };
    store.state.groups.push(group);
    store.changed();
    return res.status(201).json({ ...group, archived: false });
  });

  router.get(base, (_req, res) => {
    res.json({ results: Object.values(store.state.properties) });
  });

  /** Several definitions in one call; names that do not exist are left out, as HubSpot does. */
  router.post(`${base}/batch/read`, (req, res) => {
    const inputs: { name?: unknown }[] = Array.isArray(req.body?.inputs) ? req.body.inputs : [];
    const at = now();
    const results = inputs.flatMap(({ name }) => {
      const property = typeof name === 'string' ? store.state.properties[name] : undefined;
      return property ? [property] : [];
    });
    res.json({ status: 'COMPLETE', results, startedAt: at, completedAt: at });
  });

  router.get(`${base}/:name`, (req, res) => {
    const property = store.state.properties[req.params.name];
    if (!property) return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `Property ${req.params.name} does not exist`);
    return res.json(property);
  });

  router.post(base, (req, res) => {
    const body = req.body ?? {};
    const { name, label, type, fieldType, groupName } = body;
    if (![name, label, type, fieldType, groupName].every((value) => typeof value === 'string')) {
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', 'name, label, type, fieldType and groupName are required');
    }
    if (store.state.properties[name]) {
      return sendHubSpotError(res, 409, 'OBJECT_ALREADY_EXISTS', `Property ${name} already exists`);
    }
    if (!isFieldTypeOf(type, fieldType)) {
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', `fieldType ${fieldType} is not valid for type ${type}`);
    }
    if (!store.state.groups.some((group) => group.name === groupName)) {
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', `Property group ${groupName} does not exist`);
    }
    const owner = body.referencedObjectType === OWNER_REFERENCE;
    if (type === 'enumeration' && !owner && !(Array.isArray(body.options) && body.options.length)) {
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', 'Enumeration properties need options');
    }
    const at = now();
    const property: SandboxProperty = {
      name,
      label,
      // Checked against FIELD_TYPES_BY_TYPE above.
      type: type as PropertyType,
      fieldType: fieldType as FieldType,
      groupName,
      description: String(body.description ?? ''),
      options: toOptions(body.options),
      ...(owner ? { referencedObjectType: OWNER_REFERENCE, externalOptions: true } : {}),
      createdAt: at,
      updatedAt: at,
    };
    store.state.properties[name] = property;
    store.changed();
    return res.status(201).json(property);
  });

  router.patch(`${base}/:name`, (req, res) => {
    const property = store.state.properties[req.params.name];
    if (!property) return sendHubSpotError(res, 404, 'OBJECT_NOT_FOUND', `Property ${req.params.name} does not exist`);
    const body = req.body ?? {};
    if (
      (body.type && body.type !== property.type) ||
      (body.fieldType && !isFieldTypeOf(property.type, body.fieldType))
    ) {
      return sendHubSpotError(res, 400, 'VALIDATION_ERROR', 'The type of an existing property cannot be changed');
    }
    if (typeof body.label === 'string') property.label = body.label;
    if (typeof body.description === 'string') property.description = body.description;
    if (typeof body.groupName === 'string') property.groupName = body.groupName;
    if (Array.isArray(body.options)) property.options = toOptions(body.options);
    property.updatedAt = now();
    store.changed();
    return res.json(property);
  });

  return router;
};
