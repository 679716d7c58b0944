import type { Immunization, Practitioner } from '@clinikapi/core';

const CVX = 'http://hl7.org/fhir/sid/cvx';
const SNOMED = 'http://snomed.info/sct';
const ACT_SITE = 'http://terminology.hl7.org/CodeSystem/v3-ActSite';
const ACT_REASON = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';

export const STORY_PATIENT = 'pat-story';
const stamp = '2026-06-01T09:00:00.000Z';

export const storyNurse: Practitioner = {
  id: 'prac-nurse',
  firstName: 'Florence',
  lastName: 'Nightingale',
  fullName: 'Florence Nightingale',
  active: true,
  createdAt: stamp,
  updatedAt: stamp,
};

/** A patient's history: a Tdap dose given, a flu dose declined, a COVID-19 dose given. */
export function storyImmunizations(): Immunization[] {
  return [
    {
      id: 'imm-tdap',
      status: 'completed',
      vaccineCode: { system: CVX, code: '115', display: 'Tdap' },
      patientId: STORY_PATIENT,
      occurrenceDateTime: '2026-05-04T10:30:00-04:00',
      performerId: storyNurse.id,
      lotNumber: 'TD4471',
      site: { system: ACT_SITE, code: 'LD', display: 'left deltoid' },
      route: { system: SNOMED, code: '78421000', display: 'Intramuscular route' },
      protocolApplied: [{ series: 'Adult booster', doseNumberPositiveInt: 1 }],
      createdAt: stamp,
      updatedAt: stamp,
    },
    {
      id: 'imm-flu',
      status: 'not-done',
      statusReason: { system: ACT_REASON, code: 'PATOBJ', display: 'patient objection' },
      vaccineCode: { system: CVX, code: '141', display: 'Influenza, seasonal, injectable' },
      patientId: STORY_PATIENT,
      occurrenceDateTime: '2025-10-12T14:00:00-04:00',
      createdAt: stamp,
      updatedAt: stamp,
    },
    {
      id: 'imm-covid',
      status: 'completed',
      vaccineCode: {
        system: CVX,
        code: '213',
        display: 'SARS-COV-2 (COVID-19) vaccine, unspecified formulation',
      },
      patientId: STORY_PATIENT,
      occurrenceDateTime: '2024-09-20T09:15:00-04:00',
      lotNumber: 'EW0182',
      site: 'right arm',
      protocolApplied: [{ doseNumberPositiveInt: 3, seriesDosesPositiveInt: 3 }],
      createdAt: stamp,
      updatedAt: stamp,
    },
  ];
}

export const storyChart = (immunizations: Immunization[] = storyImmunizations()) => ({
  immunizations,
  practitioners: [storyNurse],
});
