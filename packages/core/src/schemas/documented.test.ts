import { describe, expect, it } from 'vitest';
import { validate } from '../validation.js';
import { auditEventCreateSchema } from './audit-event.js';
import { claimCreateSchema } from './claim.js';
import { coverageCreateSchema } from './coverage.js';
import { familyHistoryCreateSchema } from './family-history.js';
import { immunizationRecommendationCreateSchema } from './immunization-recommendation.js';
import { locationCreateSchema } from './location.js';
import { measureReportCreateSchema } from './measure-report.js';
import { nutritionOrderCreateSchema } from './nutrition-order.js';
import { organizationCreateSchema, organizationPatchSchema } from './organization.js';
import { serviceRequestCreateSchema } from './service-request.js';
import { taskCreateSchema } from './task.js';

/** The diagnostics of a failed validation (or `[]` when it passed). */
const problems = (schema: Parameters<typeof validate>[0], body: unknown) => {
  const result = validate(schema, body);
  return result.success ? [] : result.issues.map((i) => i.diagnostics);
};

describe('shapes written from the OpenAPI document', () => {
  it('requires what the document requires, with its enums and length limits', () => {
    expect(problems(taskCreateSchema, { status: 'requested', intent: 'order' })).toEqual([]);
    expect(problems(taskCreateSchema, { status: 'requested' })).toEqual(['intent is required']);
    expect(problems(taskCreateSchema, { status: 'done', intent: 'order' })).toHaveLength(1);
    expect(problems(organizationCreateSchema, { name: 'x'.repeat(501) })[0]).toMatch(
      /^name must be at most 500/,
    );
    expect(
      problems(coverageCreateSchema, { status: 'active', patientId: 'p1', payorIds: [] })[0],
    ).toMatch(/^payorIds/);
    expect(problems(organizationPatchSchema, { active: false })).toEqual([]);
    expect(problems(organizationPatchSchema, { bogus: 1 })).toEqual([
      'bogus is not a recognized field',
    ]);
  });

  it('holds FHIR R4 rules the document leaves loose, so stored records validate', () => {
    const claim = {
      status: 'active',
      type: 'professional',
      use: 'claim',
      patientId: 'p1',
      providerId: 'pr1',
      priority: 'normal',
      insurance: [{ sequence: 1, focal: true, coverageId: 'c1' }],
    };
    expect(problems(claimCreateSchema, claim)).toEqual([]);
    // positiveInt sequences, ISO 4217 currencies
    expect(
      problems(claimCreateSchema, {
        ...claim,
        insurance: [{ ...claim.insurance[0], sequence: 0 }],
      }),
    ).toHaveLength(1);
    expect(
      problems(claimCreateSchema, { ...claim, total: { value: 10, currency: 'dollars' } }),
    ).toEqual(['total.currency must be an ISO 4217 code such as USD']);
    // AuditEvent.action is a required code binding (C, R, U, D, E)
    const audit = {
      type: 'rest',
      recorded: '2026-03-01T10:00:00Z',
      agent: [{ who: 'Practitioner/pr1', requestor: true }],
      source: { observer: 'Device/api' },
    };
    expect(problems(auditEventCreateSchema, audit)).toEqual([]);
    expect(problems(auditEventCreateSchema, { ...audit, action: 'READ' })).toHaveLength(1);
    expect(problems(auditEventCreateSchema, { ...audit, recorded: '2026-03-01' })).toHaveLength(1);
    // Location.position needs longitude and latitude; times are HH:MM:SS
    expect(problems(locationCreateSchema, { name: 'Clinic', position: { latitude: 1 } })).toEqual([
      'position.longitude is required',
    ]);
    expect(
      problems(locationCreateSchema, {
        name: 'Clinic',
        hoursOfOperation: [{ openingTime: '9am' }],
      }),
    ).toEqual(['hoursOfOperation[0].openingTime must be a time as HH:MM:SS']);
  });

  it('refuses combinations FHIR forbids (choice types and invariants)', () => {
    const request = { status: 'active', intent: 'order', patientId: 'p1' };
    expect(
      problems(serviceRequestCreateSchema, {
        ...request,
        occurrenceDateTime: '2026-03-01T10:00:00Z',
        occurrencePeriod: { start: '2026-03-01' },
      }),
    ).toEqual(['occurrencePeriod must not be given with occurrenceDateTime']);

    const relative = { status: 'completed', patientId: 'p1', relationship: 'mother' };
    expect(
      problems(familyHistoryCreateSchema, { ...relative, bornDate: '1950-01-01', ageString: '70' }),
    ).toHaveLength(1); // fhs-1
    expect(problems(familyHistoryCreateSchema, { ...relative, estimatedAge: true })).toEqual([
      'estimatedAge may only be given with ageString',
    ]); // fhs-2

    const order = { status: 'active', intent: 'order', patientId: 'p1' };
    expect(problems(nutritionOrderCreateSchema, order)).toEqual([
      'oralDiet needs an oralDiet, a supplement or an enteralFormula',
    ]); // nor-1
    expect(
      problems(nutritionOrderCreateSchema, { ...order, oralDiet: { type: ['renal'] } }),
    ).toEqual([]);

    expect(
      problems(immunizationRecommendationCreateSchema, {
        patientId: 'p1',
        date: '2026-03-01',
        recommendation: [{ forecastStatus: 'due' }],
      }),
    ).toHaveLength(1); // imr-1

    const report = {
      status: 'complete',
      type: 'data-collection',
      measureId: 'm1',
      period: { start: '2026-01-01', end: '2026-03-31' },
    };
    expect(problems(measureReportCreateSchema, report)).toEqual([]);
    expect(problems(measureReportCreateSchema, { ...report, group: [{ code: 'x' }] })).toHaveLength(
      1,
    ); // mrp-1
    expect(
      problems(measureReportCreateSchema, {
        ...report,
        period: { start: '2026-03-31', end: '2026-01-01' },
      }),
    ).toEqual(['period.end must not be before start']);

    const task = { status: 'ready', intent: 'order' };
    expect(
      problems(taskCreateSchema, {
        ...task,
        input: [{ type: 'x', valueString: 'a', valueInteger: 1 }],
      }),
    ).toEqual(['input[0] needs exactly one of valueString, valueBoolean, valueInteger']);
  });
});
