import { describe, expect, it } from 'vitest';
import { z as classic } from 'zod';
import { appointmentCreateSchema, appointmentPatchSchema } from './schemas/appointment.js';
import { observationCreateSchema } from './schemas/observation.js';
import { patientCreateSchema, patientPatchSchema } from './schemas/patient.js';
import { practitionerCreateSchema } from './schemas/practitioner.js';
import { scheduleCreateSchema } from './schemas/schedule.js';
import { slotCreateSchema } from './schemas/slot.js';
import { formatPath, validate } from './validation.js';

const diagnostics = (result: ReturnType<typeof validate>) =>
  result.success ? [] : result.issues.map((i) => i.diagnostics);

describe('patient schema', () => {
  it('accepts a full, valid patient', () => {
    const result = validate(patientCreateSchema, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.org',
      phone: '+1 555 0100',
      gender: 'female',
      birthDate: '1990-02-28',
      address: { line: ['1 Main St'], city: 'Springfield', postalCode: '12345', country: 'US' },
      contact: [{ relationship: 'mother', firstName: 'Anne', phone: '555-0101' }],
      languages: [{ language: 'en', preferred: true }],
      generalPractitionerId: 'prac-1',
    });
    expect(result.success).toBe(true);
  });

  it('names missing required fields with the API issue shape', () => {
    const result = validate(patientCreateSchema, {});
    expect(result).toEqual({
      success: false,
      issues: [
        { severity: 'error', code: 'required', diagnostics: 'firstName is required' },
        { severity: 'error', code: 'required', diagnostics: 'lastName is required' },
      ],
    });
  });

  it('enforces the documented limits', () => {
    const result = validate(patientCreateSchema, {
      firstName: 'x'.repeat(101),
      lastName: 'Doe',
      phone: '1'.repeat(21),
      gender: 'robot',
      birthDate: '2023-02-30',
      contact: Array.from({ length: 11 }, () => ({ firstName: 'A' })),
    });
    expect(diagnostics(result)).toEqual([
      'firstName must be at most 100 characters',
      'phone must be at most 20 characters',
      'gender must be one of male, female, other, unknown',
      'birthDate must be a date in YYYY-MM-DD form',
      'contact must have at most 10 items',
    ]);
    if (!result.success) expect(result.issues[0]?.code).toBe('too-long');
  });

  it('rejects unknown fields instead of silently dropping data', () => {
    const result = validate(patientCreateSchema, {
      firstName: 'A',
      lastName: 'B',
      favouriteColour: 'blue',
    });
    expect(diagnostics(result)).toEqual(['favouriteColour is not a recognized field']);
  });

  it('never echoes submitted values, even hostile field names', () => {
    const secretish = 'SSN 123-45-6789 Jane Secret';
    const result = validate(patientCreateSchema, {
      firstName: secretish.repeat(10),
      lastName: 42,
      email: secretish,
      birthDate: secretish,
      gender: secretish,
      [secretish]: 'x',
      address: { city: 7, line: [secretish.repeat(20)] },
    });
    expect(result.success).toBe(false);
    const text = JSON.stringify(result);
    expect(text).not.toContain('123-45-6789');
    expect(text).not.toContain('Secret');
    expect(diagnostics(result)).toContain(
      'a field with an unsupported name is not a recognized field',
    );
    expect(diagnostics(result)).toContain('lastName must be a string');
    expect(diagnostics(result)).toContain('address.line[0] must be at most 200 characters');
  });

  it('reports a non-object body clearly', () => {
    expect(diagnostics(validate(patientCreateSchema, [1, 2]))).toEqual([
      'body must be a JSON object',
    ]);
    expect(diagnostics(validate(patientCreateSchema, 'text'))).toEqual([
      'body must be a JSON object',
    ]);
  });

  it('patch accepts any subset but still validates what is given', () => {
    expect(validate(patientPatchSchema, { phone: '555-0199' }).success).toBe(true);
    expect(validate(patientPatchSchema, {}).success).toBe(true);
    expect(diagnostics(validate(patientPatchSchema, { firstName: '' }))).toEqual([
      'firstName must not be empty',
    ]);
  });
});

describe('appointment schema', () => {
  const base = { status: 'booked', patientId: 'pat-1' };

  it('accepts times with offsets and rejects times without', () => {
    expect(
      validate(appointmentCreateSchema, {
        ...base,
        start: '2026-03-08T09:30:00-04:00',
        end: '2026-03-08T10:00:00-04:00',
        slotId: 'slot_1',
      }).success,
    ).toBe(true);
    expect(
      diagnostics(validate(appointmentCreateSchema, { ...base, start: '2026-03-08T09:30:00' })),
    ).toEqual(['start must be an ISO 8601 date-time with a time zone offset']);
  });

  it('refuses an end before the start, on create and on patch', () => {
    const times = { start: '2026-03-08T10:00:00Z', end: '2026-03-08T09:00:00Z' };
    expect(diagnostics(validate(appointmentCreateSchema, { ...base, ...times }))).toEqual([
      'end must be after start',
    ]);
    expect(diagnostics(validate(appointmentPatchSchema, times))).toEqual([
      'end must be after start',
    ]);
  });

  it('checks status, priority, duration and id references', () => {
    expect(
      diagnostics(
        validate(appointmentCreateSchema, {
          status: 'done',
          patientId: '../admin',
          priority: 10,
          minutesDuration: 1.5,
        }),
      ),
    ).toEqual([
      expect.stringMatching(/^status must be one of proposed, pending, booked/),
      'patientId must be a valid id',
      'minutesDuration must be an integer',
      'priority must be at most 9',
    ]);
  });
});

describe('scheduling and clinical schemas', () => {
  it('slot needs schedule, status and an ordered period', () => {
    expect(diagnostics(validate(slotCreateSchema, {}))).toEqual([
      'scheduleId is required',
      'status is required',
      'start is required',
      'end is required',
    ]);
    expect(
      validate(slotCreateSchema, {
        scheduleId: 's1',
        status: 'free',
        start: '2026-11-01T01:30:00-04:00',
        end: '2026-11-01T01:45:00-05:00',
      }).success,
    ).toBe(true);
  });

  it('schedule needs 1 to 20 actors', () => {
    expect(diagnostics(validate(scheduleCreateSchema, { actorIds: [] }))).toEqual([
      'actorIds must have at least 1 item',
    ]);
    expect(diagnostics(validate(scheduleCreateSchema, { actorIds: Array(21).fill('p') }))).toEqual([
      'actorIds must have at most 20 items',
    ]);
  });

  it('observation code may be text or a coding; components are capped at 20', () => {
    const bp = {
      status: 'final',
      patientId: 'p1',
      code: { system: 'http://loinc.org', code: '85354-9', display: 'Blood pressure' },
      category: 'vital-signs',
      component: [
        { code: '8480-6', valueQuantity: { value: 120, unit: 'mmHg' } },
        { code: '8462-4', valueQuantity: { value: 80, unit: 'mmHg' } },
      ],
    };
    expect(validate(observationCreateSchema, bp).success).toBe(true);
    expect(validate(observationCreateSchema, { ...bp, code: 'Heart rate' }).success).toBe(true);
    expect(
      diagnostics(
        validate(observationCreateSchema, { ...bp, component: Array(21).fill(bp.component[0]) }),
      ),
    ).toEqual(['component must have at most 20 items']);
  });

  it('practitioner requires names and caps npi', () => {
    expect(
      diagnostics(
        validate(practitionerCreateSchema, { firstName: 'A', lastName: 'B', npi: '1'.repeat(21) }),
      ),
    ).toEqual(['npi must be at most 20 characters']);
  });
});

describe('formatPath', () => {
  it('joins keys and indexes', () => {
    expect(formatPath(['contact', 0, 'address', 'line', 2])).toBe('contact[0].address.line[2]');
    expect(formatPath([])).toBe('');
  });
});

describe('validate with an app’s own schema', () => {
  it('accepts classic zod schemas too, with the same issue form', () => {
    const mine = classic.strictObject({ nickname: classic.string().max(5) });
    expect(validate(mine, { nickname: 'Ada' })).toEqual({
      success: true,
      data: { nickname: 'Ada' },
    });
    expect(diagnostics(validate(mine, { nickname: 'Adelaide' }))).toEqual([
      'nickname must be at most 5 characters',
    ]);
  });
});
