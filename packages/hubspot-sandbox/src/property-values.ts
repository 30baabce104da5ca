import {
  dayOf,
  type InvalidPropertyValue,
  isDay,
  isMidnightUtc,
  MAX_PROPERTY_VALUE_LENGTH,
  MULTIPLE_VALUES_SEPARATOR,
  OWNER_REFERENCE,
} from '@why-they-care/hubspot-contract';

import { type SandboxProperty, type SandboxState } from './store';

type Normalised = { ok: true; value: string } | { ok: false; error: InvalidPropertyValue };

const invalid = (name: string, code: string, message: string): Normalised => ({
  ok: false,
  error: { name, code, message },
});

/** Checks and normalises one value the way HubSpot does for its property type; '' clears a value. */
export const normaliseValue = (
  state: SandboxState,
  property: SandboxProperty | undefined,
  name: string,
  raw: unknown,
): Normalised => {
  if (!property) return invalid(name, 'PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`);
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: '' };
  const value = String(raw);
  if (value.length > MAX_PROPERTY_VALUE_LENGTH) {
    return invalid(name, 'INVALID_STRING', `${name} is longer than ${MAX_PROPERTY_VALUE_LENGTH} characters`);
  }
  switch (property.type) {
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value)
        ? { ok: true, value }
        : invalid(name, 'INVALID_LONG', `${value} was not a valid number.`);
    case 'date': {
      if (/^\d+$/.test(value)) {
        const instant = new Date(Number(value));
        return isMidnightUtc(instant.getTime())
          ? { ok: true, value: dayOf(instant) }
          : invalid(name, 'INVALID_DATE', `${value} is at ${instant.toISOString()}, which is not midnight!`);
      }
      return isDay(value) ? { ok: true, value } : invalid(name, 'INVALID_DATE', `${value} was not a valid date.`);
    }
    case 'datetime': {
      const instant = /^\d+$/.test(value) ? new Date(Number(value)) : new Date(value);
      return Number.isNaN(instant.getTime())
        ? invalid(name, 'INVALID_DATETIME', `${value} was not a valid datetime.`)
        : { ok: true, value: instant.toISOString() };
    }
    case 'enumeration': {
      const allowed =
        property.referencedObjectType === OWNER_REFERENCE
          ? state.owners.map((owner) => owner.id)
          : property.options.map((option) => option.value);
      const values = property.fieldType === 'checkbox' ? value.split(MULTIPLE_VALUES_SEPARATOR) : [value];
      return values.every((item) => allowed.includes(item))
        ? { ok: true, value }
        : invalid(name, 'INVALID_OPTION', `${value} was not one of the allowed options: [${allowed.join(', ')}]`);
    }
    default:
      return { ok: true, value };
  }
};
