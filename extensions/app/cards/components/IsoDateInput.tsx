import { DateInput } from '@hubspot/ui-extensions';
import { type IsoDate } from '@why-they-care/domain';
import { type ComponentProps } from 'react';

import { fromDateInput, toDateInput } from '../lib/date-input';

type IsoDateInputProps = Omit<ComponentProps<typeof DateInput>, 'format' | 'value' | 'onChange'> & {
  value: IsoDate | null;
  onChange: (date: IsoDate | null) => void;
};

/** HubSpot's DateInput on a profile date: YYYY-MM-DD in and out, nothing for a date left empty. */
export const IsoDateInput = ({ value, onChange, ...props }: IsoDateInputProps) => (
  <DateInput
    {...props}
    format="YYYY-MM-DD"
    value={toDateInput(value)}
    onChange={(date) => onChange(fromDateInput(date))}
  />
);
