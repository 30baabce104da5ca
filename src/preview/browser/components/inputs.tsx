import {
  type BaseDate,
  type DateInputEventsPayload,
  type DateInputProps,
  type InputProps,
  type NumberInputProps,
  type SelectProps,
  type TextAreaProps,
  type ToggleGroupProps,
} from '@hubspot/ui-extensions';
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';

import { classes, testIdOf } from './shared';

/**
 * The text a field shows. The extension owns the value, but its updates come back from the worker a moment
 * after each keystroke: values this field sent are echoes and must not undo newer typing, while any other
 * new value (a reload, a reset) replaces what is shown. Without a value prop the field keeps its own text.
 */
const useFieldText = (value: string | undefined, initial: string) => {
  const [text, setText] = useState(value ?? initial);
  const sent = useRef<string[]>([]);
  useEffect(() => {
    if (value === undefined) return;
    const echo = sent.current.indexOf(value);
    if (echo >= 0) {
      sent.current = sent.current.slice(echo + 1);
      return;
    }
    sent.current = [];
    setText(value);
  }, [value]);
  const show = (next: string) => setText(next);
  const send = (next: string) => sent.current.push(next);
  return { text, show, send };
};

type FieldProps = {
  id: string;
  label?: string;
  required?: boolean;
  description?: string;
  tooltip?: string;
  error?: boolean;
  validationMessage?: string;
  children: ReactNode;
};

/** Label, description and validation message around a control, as HubSpot lays them out. */
const Field = ({ id, label, required, description, tooltip, error, validationMessage, children }: FieldProps) => (
  <div className={classes('hs-field', error && 'hs-field--error')}>
    {label && (
      <label className="hs-field__label" htmlFor={id}>
        {label}
        {required && (
          <span className="hs-field__required" aria-hidden="true">
            {' *'}
          </span>
        )}
        {tooltip && (
          <span className="hs-field__tooltip" title={tooltip}>
            ?
          </span>
        )}
      </label>
    )}
    {description && (
      <p className="hs-field__description" id={`${id}-description`}>
        {description}
      </p>
    )}
    {children}
    {error && validationMessage && (
      <p className="hs-field__message" id={`${id}-message`}>
        {validationMessage}
      </p>
    )}
  </div>
);

type ControlProps = Partial<
  Pick<InputProps, 'name' | 'readOnly' | 'required' | 'error' | 'description' | 'validationMessage' | 'testId'>
>;

/** What every typed control carries: its name and state, what describes it, and HubSpot's testId. */
const controlAttributes = (id: string, props: ControlProps, className: string) => ({
  id,
  name: props.name,
  readOnly: props.readOnly,
  required: props.required,
  className: classes(className, props.error && 'hs-control--error'),
  'aria-invalid': props.error || undefined,
  'aria-describedby':
    [props.description && `${id}-description`, props.error && props.validationMessage && `${id}-message`]
      .filter(Boolean)
      .join(' ') || undefined,
  ...testIdOf(props.testId),
});

const commitOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
  if (event.key === 'Enter') event.currentTarget.blur();
};

/** Input and TextArea: onInput on every keystroke, onChange when the value is committed (blur). */
const TextField = ({ multiline, ...props }: (InputProps | TextAreaProps) & { multiline: boolean }) => {
  const id = useId();
  const { text, show, send } = useFieldText(props.value, props.defaultValue ?? '');
  const atFocus = useRef(text);
  const common = {
    ...controlAttributes(id, props, multiline ? 'hs-textarea' : 'hs-input'),
    value: text,
    placeholder: props.placeholder,
    onFocus: () => {
      atFocus.current = text;
      void props.onFocus?.(text);
    },
    onBlur: () => {
      if (text !== atFocus.current) void props.onChange?.(text);
      void props.onBlur?.(text);
    },
  };
  const typed = (next: string) => {
    show(next);
    send(next);
    void props.onInput?.(next);
  };
  return (
    <Field {...props} id={id}>
      {multiline ? (
        <textarea
          {...common}
          rows={'rows' in props ? props.rows : undefined}
          cols={'cols' in props ? props.cols : undefined}
          maxLength={'maxLength' in props ? props.maxLength : undefined}
          style={{ resize: 'resize' in props ? props.resize : undefined }}
          onChange={(event) => typed(event.target.value)}
        />
      ) : (
        <input
          {...common}
          type={'type' in props && props.type === 'password' ? 'password' : 'text'}
          onKeyDown={commitOnEnter}
          onChange={(event) => typed(event.target.value)}
        />
      )}
    </Field>
  );
};

export const Input = (props: InputProps) => <TextField {...props} multiline={false} />;
export const TextArea = (props: TextAreaProps) => <TextField {...props} multiline />;

const numberText = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '' : String(value));

/** onChange gets the number when it is committed (blur or Enter); an empty field commits no number. */
export const NumberInput = (props: NumberInputProps) => {
  const id = useId();
  // An emptied field has no number: the handlers get undefined, as the card expects.
  const { onChange, onBlur, onFocus } = props as {
    [K in 'onChange' | 'onBlur' | 'onFocus']?: (value: number | undefined) => void;
  };
  const { text, show, send } = useFieldText(
    props.value === undefined ? undefined : numberText(props.value),
    numberText(props.defaultValue),
  );
  const atFocus = useRef(text);
  const parsed = (raw: string) => (raw.trim() === '' ? undefined : Number(raw));
  return (
    <Field {...props} id={id}>
      <input
        {...controlAttributes(id, props, 'hs-input hs-input--number')}
        type="number"
        inputMode="decimal"
        style={{ textAlign: props.textAlign }}
        value={text}
        min={props.min}
        max={props.max}
        step={props.precision === undefined ? 'any' : 10 ** -props.precision}
        placeholder={props.placeholder}
        onFocus={() => {
          atFocus.current = text;
          void onFocus?.(parsed(text));
        }}
        onChange={(event) => {
          show(event.target.value);
          const value = parsed(event.target.value);
          if (value !== undefined && !Number.isNaN(value)) void props.onInput?.(value);
        }}
        onKeyDown={commitOnEnter}
        onBlur={() => {
          const value = parsed(text);
          if (text !== atFocus.current && !Number.isNaN(value)) {
            send(numberText(value));
            void onChange?.(value);
          }
          void onBlur?.(value);
        }}
      />
    </Field>
  );
};

const pad = (value: number, length: number) => String(value).padStart(length, '0');
const isoOf = (date: BaseDate | null | undefined) =>
  date ? `${pad(date.year, 4)}-${pad(date.month + 1, 2)}-${pad(date.date, 2)}` : '';

/** A real calendar date typed as YYYY-MM-DD, as HubSpot's payload ({year, month from 0, date}). */
const dateOf = (text: string): BaseDate | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const date = Number(match[3]);
  const check = new Date(Date.UTC(year, month - 1, date));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === date
    ? { year, month: month - 1, date }
    : null;
};

/**
 * Typed as YYYY-MM-DD whatever `format` says (HubSpot adds a calendar and its own formats). A committed
 * real date, or an emptied field (null), goes to onChange; anything else goes back to the current value.
 */
export const DateInput = (props: DateInputProps) => {
  const id = useId();
  // A cleared date is null (the card's fromDateInput expects it), which HubSpot's types leave out.
  const { onChange, onBlur } = props as {
    [K in 'onChange' | 'onBlur']?: (value: DateInputEventsPayload | null) => void;
  };
  const { text, show, send } = useFieldText(
    props.value === undefined ? undefined : isoOf(props.value),
    isoOf(props.defaultValue),
  );
  const shown = isoOf(props.value ?? props.defaultValue);
  const commit = () => {
    if (text === shown) return;
    const date = dateOf(text);
    if (text.trim() !== '' && !date) return show(shown);
    send(date ? isoOf(date) : '');
    return void onChange?.(date ? { ...date, formattedDate: isoOf(date) } : null);
  };
  return (
    <Field {...props} id={id}>
      <input
        {...controlAttributes(id, props, 'hs-input hs-input--date')}
        type="text"
        inputMode="numeric"
        placeholder="YYYY-MM-DD"
        value={text}
        onChange={(event) => show(event.target.value)}
        onKeyDown={commitOnEnter}
        onBlur={() => {
          commit();
          void onBlur?.(dateOf(text));
        }}
      />
    </Field>
  );
};

/** onChange gets the chosen option's own value (string, number or boolean). Read-only means not changeable. */
export const Select = (props: SelectProps) => {
  const id = useId();
  const { options, value } = props;
  const index = options.findIndex((option) => option.value === value);
  const { text, show, send } = useFieldText(index >= 0 ? String(index) : '', '');
  // A select cannot be read-only: it is disabled instead.
  const { readOnly: _readOnly, ...selectAttributes } = controlAttributes(
    id,
    props,
    `hs-select hs-select--${props.variant ?? 'input'}`,
  );
  return (
    <Field {...props} id={id}>
      <select
        {...selectAttributes}
        value={text}
        disabled={props.readOnly}
        onChange={(event) => {
          const option = options[Number(event.target.value)];
          if (!option) return;
          show(event.target.value);
          send(event.target.value);
          void props.onChange?.(option.value);
        }}
      >
        {text === '' && (
          <option value="" disabled>
            {props.placeholder ?? ''}
          </option>
        )}
        {options.map((option, at) => (
          <option key={at} value={String(at)}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
};

/**
 * A checkbox list (or radio list): onChange gets every checked value (or the one chosen). The extension owns
 * the value; a toggle only reports the new set, as HubSpot's does.
 */
export const ToggleGroup = (props: ToggleGroupProps) => {
  const id = useId();
  const multiple = props.toggleType !== 'radioButtonList';
  const chosen = Array.isArray(props.value) ? props.value : props.value === undefined ? [] : [props.value];
  const toggle = (value: string, checked: boolean) => {
    if (!multiple) return void (props.onChange as ((next: string) => void) | undefined)?.(value);
    const next = checked ? [...chosen, value] : chosen.filter((item) => item !== value);
    return void (props.onChange as ((next: string[]) => void) | undefined)?.(next);
  };
  return (
    <Field {...props} id={id}>
      <fieldset
        id={id}
        className={classes('hs-toggle-group', props.inline && 'hs-toggle-group--inline')}
        {...testIdOf(props.testId)}
      >
        {props.options.map((option) => (
          <label key={option.value} className="hs-toggle">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={props.name}
              value={option.value}
              checked={chosen.includes(option.value)}
              disabled={option.readOnly}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
    </Field>
  );
};
