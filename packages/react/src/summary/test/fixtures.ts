import type { ChartSeed } from '../../test/chartFake.js';
import { vitalBody } from '../../vitals/observations.js';

export const SUMMARY_PATIENT = 'pat-summary';
const stamp = '2026-06-01T09:00:00.000Z';
const SNOMED = 'http://snomed.info/sct';
const meta = (id: string) => ({ id, createdAt: stamp, updatedAt: stamp });

/** A small but complete chart: two problems, an allergy, a medication, vitals, a vaccine, a visit. */
export function summaryChart(): ChartSeed {
  const vital = (id: string, input: Parameters<typeof vitalBody>[0]) => ({
    ...meta(id),
    ...vitalBody(input),
  });
  const chart: Record<string, ({ id: string; updatedAt: string } & Record<string, unknown>)[]> = {
    patients: [
      {
        ...meta(SUMMARY_PATIENT),
        firstName: 'Rosa',
        lastName: 'Parks',
        fullName: 'Rosa Parks',
        birthDate: '1962-02-04',
        gender: 'female',
        active: true,
      },
    ],
    conditions: [
      {
        ...meta('cond-htn'),
        patientId: SUMMARY_PATIENT,
        code: { system: SNOMED, code: '38341003', display: 'Hypertensive disorder' },
        clinicalStatus: 'active',
      },
      {
        ...meta('cond-asthma'),
        patientId: SUMMARY_PATIENT,
        code: { system: SNOMED, code: '195967001', display: 'Asthma' },
        clinicalStatus: 'recurrence',
      },
    ],
    allergies: [
      {
        ...meta('alg-pen'),
        patientId: SUMMARY_PATIENT,
        code: { system: SNOMED, code: '91936005', display: 'Allergy to penicillin' },
        clinicalStatus: 'active',
        criticality: 'high',
      },
    ],
    prescriptions: [
      {
        ...meta('rx-aml'),
        patientId: SUMMARY_PATIENT,
        status: 'active',
        medication: {
          system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
          code: '197361',
          display: 'amlodipine 5 MG Oral Tablet',
        },
        dosageInstruction: 'One tablet every morning',
        authoredOn: stamp,
      },
    ],
    observations: [
      vital('obs-bp', {
        vital: 'bloodPressure',
        values: { systolic: 152, diastolic: 94 },
        ranges: { systolic: { low: 90, high: 140 }, diastolic: { low: 60, high: 90 } },
        patientId: SUMMARY_PATIENT,
        effectiveDateTime: '2026-06-14T09:30:00-04:00',
      }),
      vital('obs-hr', {
        vital: 'heartRate',
        values: { heartRate: 72 },
        ranges: { heartRate: { low: 60, high: 100 } },
        patientId: SUMMARY_PATIENT,
        effectiveDateTime: '2026-06-14T09:30:00-04:00',
      }),
    ],
    immunizations: [
      {
        ...meta('imm-tdap'),
        patientId: SUMMARY_PATIENT,
        status: 'completed',
        vaccineCode: { system: 'http://hl7.org/fhir/sid/cvx', code: '115', display: 'Tdap' },
        occurrenceDateTime: '2026-05-01T10:00:00-04:00',
      },
    ],
    appointments: [
      {
        ...meta('apt-next'),
        patientId: SUMMARY_PATIENT,
        status: 'booked',
        start: '2026-06-18T10:00:00-04:00',
        end: '2026-06-18T10:30:00-04:00',
        reasonCode: 'Blood pressure review',
      },
    ],
  };
  return chart;
}
