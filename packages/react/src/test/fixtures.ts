import type { Patient } from '@clinikapi/core';

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Tim',
  'Radia',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Berners-Lee',
  'Perlman',
];
const GENDERS = ['female', 'male', 'other', 'unknown'] as const;

/** A contract-shaped patient record (what `GET /v1/patients/{id}` returns in `data`). */
export function makePatient(index: number, overrides: Partial<Patient> = {}): Patient {
  const firstName = FIRST[index % FIRST.length] ?? 'Ada';
  const lastName = `${LAST[Math.floor(index / FIRST.length) % LAST.length] ?? 'Lovelace'}`;
  const year = 1940 + (index % 70);
  const month = String((index % 12) + 1).padStart(2, '0');
  const day = String((index % 28) + 1).padStart(2, '0');
  const base: Patient = {
    id: `pat-${String(index).padStart(5, '0')}`,
    firstName,
    lastName,
    fullName: `${firstName} ${lastName}`,
    gender: GENDERS[index % GENDERS.length] ?? 'unknown',
    birthDate: `${year}-${month}-${day}`,
    email: `patient${index}@example.test`,
    phone: `+1-555-${String(1000 + (index % 9000))}`,
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  return {
    ...base,
    ...overrides,
    fullName: `${overrides.firstName ?? firstName} ${overrides.lastName ?? lastName}`,
  };
}

export function makePatients(count: number): Patient[] {
  return Array.from({ length: count }, (_, i) => makePatient(i));
}
