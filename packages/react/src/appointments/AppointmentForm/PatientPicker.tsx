'use client';
import { useState } from 'react';
import { FormField } from '../../form/FormField.js';
import { useDebouncedValue } from '../../list/useDebouncedValue.js';
import { usePatients } from '../../patients/usePatients.js';
import type { AppointmentMessages } from '../appointmentMessages.js';

export interface PatientPickerProps {
  value: string;
  onChange: (patientId: string) => void;
  error?: string | undefined;
  messages: AppointmentMessages;
}

/** A search box narrowing a native `<select>` of patients, for forms opened without a patient. */
export function PatientPicker({ value, onChange, error, messages }: PatientPickerProps) {
  const [search, setSearch] = useState('');
  const name = useDebouncedValue(search.trim(), 250);
  const patients = usePatients({ name: name || undefined, count: 50 });
  return (
    <div className="ck-picker">
      <FormField label={messages.searchPatients}>
        <input
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          autoComplete="off"
        />
      </FormField>
      <FormField label={messages.patient} error={error}>
        <select value={value} onChange={(event) => onChange(event.target.value)} required>
          <option value="">{messages.choosePatient}</option>
          {(patients.data?.data ?? []).map((patient) => (
            <option key={patient.id} value={patient.id}>
              {patient.fullName}
              {patient.birthDate ? ` (${patient.birthDate})` : ''}
            </option>
          ))}
        </select>
      </FormField>
    </div>
  );
}
