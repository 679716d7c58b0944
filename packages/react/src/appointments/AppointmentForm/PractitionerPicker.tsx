'use client';
import { useState } from 'react';
import { FormField } from '../../form/FormField.js';
import { useDebouncedValue } from '../../list/useDebouncedValue.js';
import type { AppointmentMessages } from '../appointmentMessages.js';
import { usePractitioners } from '../useAppointmentQueries.js';

export interface PractitionerPickerProps {
  value: string;
  onChange: (practitionerId: string) => void;
  error?: string | undefined;
  messages: AppointmentMessages;
  disabled?: boolean | undefined;
}

/** A search box narrowing a native `<select>` of active practitioners (searched on the server). */
export function PractitionerPicker({
  value,
  onChange,
  error,
  messages,
  disabled,
}: PractitionerPickerProps) {
  const [search, setSearch] = useState('');
  const name = useDebouncedValue(search.trim(), 250);
  const practitioners = usePractitioners({ name: name || undefined, active: true, count: 100 });
  const options = practitioners.data?.data ?? [];
  const selectedMissing = value && !options.some((p) => p.id === value);
  return (
    <div className="ck-picker">
      <FormField label={messages.searchPractitioners}>
        <input
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          autoComplete="off"
          disabled={disabled}
        />
      </FormField>
      <FormField label={messages.practitioner} error={error}>
        <select
          value={value}
          onChange={(event) => onChange(event.target.value)}
          disabled={disabled}
          required
        >
          <option value="">{messages.choosePractitioner}</option>
          {selectedMissing ? <option value={value}>{value}</option> : null}
          {options.map((practitioner) => (
            <option key={practitioner.id} value={practitioner.id}>
              {practitioner.fullName}
              {practitioner.specialty ? ` — ${practitioner.specialty}` : ''}
            </option>
          ))}
        </select>
      </FormField>
    </div>
  );
}
