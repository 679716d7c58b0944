import type { Condition } from '@clinikapi/core';
import type { ChartStoryOptions } from '../../test/chartFake.js';

const SNOMED = 'http://snomed.info/sct';
const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const at = '2026-06-01T10:00:00.000Z';

/** A story patient's problem list: two active, one relapse, two resolved or in remission. */
export function sampleProblems(patientId = 'pat-story'): Condition[] {
  const base = {
    patientId,
    verificationStatus: 'confirmed' as const,
    category: 'problem-list-item' as const,
    createdAt: at,
    updatedAt: at,
  };
  return [
    {
      ...base,
      id: 'cnd-1',
      code: { system: ICD10CM, code: 'I10', display: 'Essential (primary) hypertension' },
      clinicalStatus: 'active',
      severity: 'moderate',
      onsetDateTime: '2018-04',
      note: 'home readings 150/95',
    },
    {
      ...base,
      id: 'cnd-2',
      code: { system: SNOMED, code: '44054006', display: 'Diabetes mellitus type 2' },
      clinicalStatus: 'active',
      onsetDateTime: '2020',
    },
    {
      ...base,
      id: 'cnd-3',
      code: { system: SNOMED, code: '35489007', display: 'Depressive disorder' },
      clinicalStatus: 'relapse',
      onsetDateTime: '2012',
    },
    {
      ...base,
      id: 'cnd-4',
      code: { system: SNOMED, code: '271737000', display: 'Anemia' },
      clinicalStatus: 'remission',
      onsetDateTime: '2019',
      abatementDateTime: '2021-06',
    },
    {
      ...base,
      id: 'cnd-5',
      code: 'Ankle sprain, left',
      clinicalStatus: 'resolved',
      onsetDateTime: '2023-03-02',
      abatementDateTime: '2023-04',
    },
  ];
}

/** A story of the chart fake holding `conditions` (in UTC, at `CHART_NOW`), with `options`. */
export function conditionStory(
  conditions: () => Condition[],
  options: Omit<ChartStoryOptions, 'seed'> = {},
): ChartStoryOptions {
  return { timeZone: 'UTC', ...options, seed: () => ({ conditions: conditions() }) };
}
