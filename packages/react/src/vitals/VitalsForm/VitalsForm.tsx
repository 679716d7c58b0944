'use client';
import type { Observation } from '@clinikapi/core';
import { type FormHTMLAttributes, forwardRef } from 'react';
import type { UseVitalsFormOptions } from './useVitalsForm.js';
import { VitalEditForm } from './VitalEditForm.js';
import { VitalsEntryForm } from './VitalsEntryForm.js';

export interface VitalsFormProps
  extends Omit<UseVitalsFormOptions, 'onSaved' | 'patientId'>,
    Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'defaultValue'> {
  /**
   * Whose vitals: new ones are recorded for this patient; with `observationId`, the reading must
   * belong to this patient (another patient's is refused). The form follows changes of this id.
   */
  patientId?: string | undefined;
  /**
   * Amend, correct or withdraw this recorded vital (Observation id) instead of recording new
   * ones. Defaults to recording new vitals for `patientId`.
   */
  observationId?: string | undefined;
  /** Called with the Observations a save created or changed (not once the form moved on). */
  onSaved?: ((observations: Observation[]) => void) | undefined;
}

/**
 * Records a patient's vital signs (one submit, one Observation per vital, blood pressure as a
 * panel, BMI computed), or with `observationId` amends, corrects or withdraws one of them.
 * See `useVitalsForm` and `useVitalEditForm` for the behaviour; both follow the library's
 * record-integrity rules.
 */
export const VitalsForm = forwardRef<HTMLFormElement, VitalsFormProps>(function VitalsForm(
  {
    observationId,
    patientId,
    onSaved,
    units,
    vitals,
    bmi,
    referenceRanges,
    performerId,
    encounterId,
    ...rest
  },
  ref,
) {
  if (observationId !== undefined) {
    return (
      <VitalEditForm
        ref={ref}
        observationId={observationId}
        patientId={patientId}
        onSaved={onSaved ? (observation) => onSaved([observation]) : undefined}
        {...rest}
      />
    );
  }
  return (
    <VitalsEntryForm
      ref={ref}
      patientId={patientId}
      onSaved={onSaved}
      units={units}
      vitals={vitals}
      bmi={bmi}
      referenceRanges={referenceRanges}
      performerId={performerId}
      encounterId={encounterId}
      {...rest}
    />
  );
});
