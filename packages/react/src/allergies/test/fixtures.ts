import { type Allergy, NO_KNOWN_ALLERGY } from '@clinikapi/core';
import type { ChartStoryOptions } from '../../test/chartFake.js';

const SNOMED = 'http://snomed.info/sct';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const at = '2026-06-01T10:00:00.000Z';

/** A story patient's allergies: penicillin (high, anaphylaxis), peanut, and a resolved one. */
export function sampleAllergies(patientId = 'pat-story'): Allergy[] {
  return [
    {
      id: 'alg-1',
      patientId,
      code: { system: RXNORM, code: '7980', display: 'Penicillin G' },
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      type: 'allergy',
      category: ['medication'],
      criticality: 'high',
      onsetDateTime: '2019-05',
      recordedDate: at,
      reactions: [
        {
          manifestation: 'Anaphylaxis',
          manifestationCoding: { system: SNOMED, code: '39579001', display: 'Anaphylaxis' },
          severity: 'severe',
        },
      ],
      createdAt: at,
      updatedAt: at,
    },
    {
      id: 'alg-2',
      patientId,
      code: { system: SNOMED, code: '762952008', display: 'Peanut' },
      clinicalStatus: 'active',
      verificationStatus: 'unconfirmed',
      type: 'allergy',
      category: ['food'],
      criticality: 'low',
      onsetDateTime: '2004',
      reactions: [
        {
          manifestation: 'Hives',
          manifestationCoding: { system: SNOMED, code: '126485001', display: 'Urticaria' },
          severity: 'moderate',
        },
      ],
      createdAt: at,
      updatedAt: at,
    },
    {
      id: 'alg-3',
      patientId,
      code: 'Cat hair',
      clinicalStatus: 'resolved',
      verificationStatus: 'confirmed',
      category: ['environment'],
      createdAt: at,
      updatedAt: at,
    },
  ];
}

/** The "no known allergies" statement of a story patient. */
export function noKnownAllergyStatement(patientId = 'pat-story'): Allergy {
  return {
    id: 'alg-nka',
    patientId,
    code: { ...NO_KNOWN_ALLERGY },
    clinicalStatus: 'active',
    verificationStatus: 'confirmed',
    recordedDate: '2026-03-02T15:00:00.000Z',
    createdAt: at,
    updatedAt: at,
  };
}

/** A story of the chart fake holding `allergies` (in UTC, at `CHART_NOW`), with `options`. */
export function allergyStory(
  allergies: () => Allergy[],
  options: Omit<ChartStoryOptions, 'seed'> = {},
): ChartStoryOptions {
  return { timeZone: 'UTC', ...options, seed: () => ({ allergies: allergies() }) };
}
