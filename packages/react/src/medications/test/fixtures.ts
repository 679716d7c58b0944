import type { Allergy, Practitioner, Prescription } from '@clinikapi/core';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const SNOMED = 'http://snomed.info/sct';
const UCUM = 'http://unitsofmeasure.org';
const STATUS_REASON = 'http://terminology.hl7.org/CodeSystem/medicationrequest-status-reason';

export const STORY_PATIENT = 'pat-story';
const stamp = '2026-06-01T09:00:00.000Z';

export const storyPrescriber: Practitioner = {
  id: 'prac-story',
  firstName: 'Meredith',
  lastName: 'Grey',
  fullName: 'Meredith Grey',
  active: true,
  createdAt: stamp,
  updatedAt: stamp,
};

const oral = { system: SNOMED, code: '26643006', display: 'Oral route' };

/** A patient's medications: two current (active, on hold), one stopped. */
export function storyPrescriptions(): Prescription[] {
  return [
    {
      id: 'rx-amlodipine',
      status: 'active',
      intent: 'order',
      medication: { system: RXNORM, code: '197361', display: 'amlodipine 5 MG Oral Tablet' },
      patientId: STORY_PATIENT,
      practitionerId: storyPrescriber.id,
      authoredOn: '2026-05-20T10:00:00-04:00',
      dosageInstruction: 'One tablet every morning',
      dosage: {
        doseQuantity: { value: 1, unit: 'tablet', system: UCUM, code: '{tablet}' },
        route: oral,
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
      },
      quantity: { value: 30, unit: 'tablet', system: UCUM, code: '{tablet}' },
      refills: 5,
      substitution: { allowedBoolean: true },
      createdAt: stamp,
      updatedAt: stamp,
    },
    {
      id: 'rx-amoxicillin',
      status: 'on-hold',
      statusReason: {
        system: STATUS_REASON,
        code: 'surg',
        display: 'Patient scheduled for surgery',
      },
      intent: 'order',
      medication: { system: RXNORM, code: '308191', display: 'amoxicillin 500 MG Oral Capsule' },
      patientId: STORY_PATIENT,
      authoredOn: '2026-06-10T15:30:00-04:00',
      dosage: {
        doseQuantity: { value: 1, unit: 'capsule', system: UCUM, code: '{capsule}' },
        route: oral,
        timing: {
          repeat: {
            frequency: 3,
            period: 1,
            periodUnit: 'd',
            boundsDuration: { value: 7, unit: 'days', system: UCUM, code: 'd' },
          },
        },
      },
      quantity: { value: 21, unit: 'capsule', system: UCUM, code: '{capsule}' },
      refills: 0,
      createdAt: stamp,
      updatedAt: stamp,
    },
    {
      id: 'rx-ibuprofen',
      status: 'stopped',
      statusReason: { system: STATUS_REASON, code: 'sintol', display: 'Suspected intolerance' },
      intent: 'order',
      medication: 'Ibuprofen 400 mg tablet',
      patientId: STORY_PATIENT,
      authoredOn: '2025-11-03T09:00:00-05:00',
      dosage: {
        doseQuantity: { value: 400, unit: 'mg', system: UCUM, code: 'mg' },
        timing: { repeat: { frequency: 1, period: 8, periodUnit: 'h' } },
        asNeededBoolean: true,
      },
      createdAt: stamp,
      updatedAt: stamp,
    },
  ];
}

/** An active, high-criticality amoxicillin allergy (coded as the RxNorm ingredient). */
export function storyAllergies(): Allergy[] {
  return [
    {
      id: 'alg-amoxicillin',
      code: { system: RXNORM, code: '723', display: 'amoxicillin' },
      patientId: STORY_PATIENT,
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      category: ['medication'],
      criticality: 'high',
      reactions: [{ manifestation: 'Hives', severity: 'moderate' }],
      createdAt: stamp,
      updatedAt: stamp,
    },
  ];
}

/** The fake chart of the medication stories. */
export const storyChart = (prescriptions: Prescription[] = storyPrescriptions()) => ({
  prescriptions,
  allergies: storyAllergies(),
  practitioners: [storyPrescriber],
});
