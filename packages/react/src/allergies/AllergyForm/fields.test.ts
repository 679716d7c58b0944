import type { Allergy } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { defaultAllergyMessages as m } from '../allergyMessages.js';
import { summarizeAllergies } from '../allergyStatus.js';
import {
  bodyFromValues,
  checkAllergy,
  emptyAllergyValues,
  patchFromEdits,
  valuesFromAllergy,
} from './fields.js';

const SNOMED = 'http://snomed.info/sct';
const stored: Allergy = {
  id: 'a1',
  patientId: 'p1',
  code: 'Peanuts',
  clinicalStatus: 'active',
  verificationStatus: 'confirmed',
  category: ['food'],
  reactions: [
    {
      manifestation: 'Hives',
      manifestationCoding: { system: SNOMED, code: '126485001', display: 'Urticaria' },
      severity: 'moderate',
    },
  ],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('allergy form fields', () => {
  it('round-trips a stored allergy: the values rebuild exactly what is stored', () => {
    const values = valuesFromAllergy(stored);
    const { id: _i, createdAt: _c, updatedAt: _u, ...body } = stored;
    expect(bodyFromValues(values, 'p1', 'ignored')).toEqual({ ...body, recordedDate: 'ignored' });
  });

  it('keeps a coded manifestation’s stored text while its coding is unchanged', () => {
    const values = valuesFromAllergy(stored);
    const reactions = [
      ...values.reactions,
      { manifestation: 'Wheeze', severity: '' as const, description: '' },
    ];
    expect(patchFromEdits({ reactions }, stored).patch).toEqual({
      reactions: [...(stored.reactions ?? []), { manifestation: 'Wheeze' }],
    });
  });

  it('sends nothing for edits back to the stored values, and refuses emptied fields', () => {
    expect(patchFromEdits({ category: ['food'], clinicalStatus: 'active' }, stored)).toEqual({
      patch: {},
      cleared: [],
    });
    expect(patchFromEdits({ clinicalStatus: '' }, stored).cleared).toEqual(['clinicalStatus']);
    // Entered in error: no clinical status is what FHIR wants, not a removal to refuse.
    expect(
      patchFromEdits({ clinicalStatus: '', verificationStatus: 'entered-in-error' }, stored),
    ).toEqual({ patch: { verificationStatus: 'entered-in-error' }, cleared: [] });
    // Categories can be removed (an empty list).
    expect(patchFromEdits({ category: [] }, stored).patch).toEqual({ category: [] });
  });

  it('checks onset (partial, real, not in the future) and reaction rows', () => {
    const base = { ...emptyAllergyValues, code: 'Latex', verificationStatus: 'confirmed' };
    expect(checkAllergy({ ...base, onsetDateTime: '2026-06' }, m, '2026-06-15')).toEqual({});
    expect(checkAllergy({ ...base, onsetDateTime: '2026-07' }, m, '2026-06-15')).toEqual({
      onsetDateTime: m.onsetInFuture,
    });
    expect(checkAllergy({ ...base, onsetDateTime: '2019-02-30' }, m, '2026-06-15')).toEqual({
      onsetDateTime: m.onsetInvalid,
    });
    expect(
      checkAllergy(
        { ...base, reactions: [{ manifestation: undefined, severity: 'mild', description: '' }] },
        m,
        '2026-06-15',
      ),
    ).toEqual({ reactions: 'Reaction 1 needs a manifestation' });
  });
});

describe('summarizeAllergies', () => {
  const nka: Allergy = {
    ...stored,
    id: 'nka',
    code: { system: SNOMED, code: '716186003', display: 'No known allergy' },
    reactions: [],
  };
  it('never answers "no known allergies" while a current allergy is on file', () => {
    expect(summarizeAllergies([nka, stored])).toMatchObject({
      state: 'allergies',
      contradicted: true,
    });
    expect(summarizeAllergies([nka]).state).toBe('no-known-allergies');
    expect(summarizeAllergies([{ ...stored, clinicalStatus: 'resolved' }]).state).toBe('no-active');
    expect(summarizeAllergies([{ ...nka, verificationStatus: 'entered-in-error' }]).state).toBe(
      'not-recorded',
    );
    // An allergy with no clinical status recorded counts as current.
    const { clinicalStatus: _, ...unknown } = stored;
    expect(summarizeAllergies([nka, unknown as Allergy]).state).toBe('allergies');
  });
});
