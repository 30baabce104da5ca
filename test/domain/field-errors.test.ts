import {
  draftFieldErrors,
  emptyProfileDraft,
  profileDraftSchema,
  requestFieldPath,
  saveProfileRequestSchema,
  toFieldErrors,
} from '@why-they-care/domain';
import { z } from 'zod';

const errorsOf = (schema: z.ZodType, value: unknown, under?: string) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be refused');
  return toFieldErrors(result.error, under);
};

describe('field-error paths', () => {
  it('names a field by its dotted path in the draft', () => {
    const draft = emptyProfileDraft();
    const fields = errorsOf(profileDraftSchema, { ...draft, whyTheyCare: { ...draft.whyTheyCare, bucket: 'maybe' } });
    expect(Object.keys(fields)).toEqual(['whyTheyCare.bucket']);
  });

  it('names a value with no fields "_", or the name it is given', () => {
    const companyId = z.string().regex(/^\d+$/, 'digits only');
    expect(errorsOf(companyId, 'acme')).toEqual({ _: ['digits only'] });
    expect(errorsOf(companyId, 'acme', 'companyId')).toEqual({ companyId: ['digits only'] });
    expect(errorsOf(z.object({ id: companyId }), { id: 'x' }, 'params')).toEqual({ 'params.id': ['digits only'] });
  });

  it('places draft fields under "profile" in a save request, and the card reads them back without it', () => {
    const fields = errorsOf(saveProfileRequestSchema, {
      requestId: 'short',
      expectedVersion: 0,
      profile: { ...emptyProfileDraft(), renewalDate: '2026-02-30' },
    });
    expect(Object.keys(fields)).toEqual(['requestId', requestFieldPath('renewalDate')]);
    expect(Object.keys(draftFieldErrors(fields))).toEqual(['requestId', 'renewalDate']);
  });
});
