import type { Patient } from '@clinikapi/core';
import type { ReactNode } from 'react';
import type { ClinikMessages } from '../../messages.js';
import { formatCalendarDate } from '../../time/dates.js';

/** What a cell renderer may use to format values like the built-in columns do. */
export interface PatientCellContext {
  locale: string;
  timeZone: string;
  messages: ClinikMessages;
}

/** One column of `PatientList`. */
export interface PatientColumn {
  /** Stable id, also set as `data-column` on header and cells. */
  id: string;
  header: (messages: ClinikMessages) => ReactNode;
  cell: (patient: Patient, context: PatientCellContext) => ReactNode;
}

export type BuiltInPatientColumnId = 'name' | 'birthDate' | 'gender' | 'phone' | 'email';

export const builtInPatientColumns: Record<BuiltInPatientColumnId, PatientColumn> = {
  name: { id: 'name', header: (m) => m.columnName, cell: (p) => p.fullName },
  birthDate: {
    id: 'birthDate',
    header: (m) => m.columnBirthDate,
    cell: (p, { locale }) =>
      p.birthDate ? (
        <time dateTime={p.birthDate}>{formatCalendarDate(p.birthDate, locale)}</time>
      ) : null,
  },
  gender: {
    id: 'gender',
    header: (m) => m.columnGender,
    cell: (p, { messages }) => (p.gender ? messages.genderLabels[p.gender] : null),
  },
  phone: { id: 'phone', header: (m) => m.columnPhone, cell: (p) => p.phone ?? null },
  email: { id: 'email', header: (m) => m.columnEmail, cell: (p) => p.email ?? null },
};

export const defaultPatientColumns: readonly BuiltInPatientColumnId[] = [
  'name',
  'birthDate',
  'gender',
  'phone',
  'email',
];

/** Built-in column ids resolve to their definitions; custom columns pass through. */
export function resolveColumns(
  columns: readonly (BuiltInPatientColumnId | PatientColumn)[],
): PatientColumn[] {
  return columns.map((column) =>
    typeof column === 'string' ? builtInPatientColumns[column] : column,
  );
}
