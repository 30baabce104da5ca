import { type DraftFieldPath, type FieldErrors } from '@why-they-care/domain';

/** The error props HubSpot inputs take, for the field at this path of the draft. */
export const errorProps = (errors: FieldErrors, path: DraftFieldPath) => {
  const messages = errors[path];
  return messages?.length ? { error: true, validationMessage: messages.join('. ') } : {};
};

export type SectionProps<T> = {
  value: T;
  onChange: (next: T) => void;
  errors: FieldErrors;
  readOnly: boolean;
};
