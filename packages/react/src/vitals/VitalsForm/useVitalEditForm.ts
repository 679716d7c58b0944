'use client';
import type { Observation } from '@clinikapi/core';
import type { ChangeEvent, FormEvent } from 'react';
import { useResourceForm } from '../../form/useResourceForm.js';
import { useClinik } from '../../provider/context.js';
import { formatDateTime } from '../../time/format.js';
import { readingOf } from '../observations.js';
import { fromWallClockInput, usePracticeZone } from '../practiceTime.js';
import { type VitalsMessages, vitalsMessages } from '../vitalsMessages.js';
import {
  checkEdit,
  EDIT_FIELDS,
  type EditField,
  editValuesOf,
  emptyEditValues,
  patchFromEdits,
  singleMeasure,
  type VitalEditValues,
} from './editFields.js';
import { useDerivedBmi } from './useDerivedBmi.js';

/** Core's schemas (and zod) load with the first form, not with the page. */
const loadValidators = async () => {
  const { validateObservationCreate, validateObservationPatch } = await import(
    './validateObservation.js'
  );
  return { create: validateObservationCreate, patch: validateObservationPatch };
};

/** 422 issue paths (core's `formatPath`) -> inputs. */
const FIELD_BY_PATH: Readonly<Record<string, EditField>> = {
  effectiveDateTime: 'effectiveDateTime',
  status: 'status',
  valueQuantity: 'value',
  'valueQuantity.value': 'value',
  'component[0].valueQuantity.value': 'systolic',
  'component[1].valueQuantity.value': 'diastolic',
};

export interface UseVitalEditFormOptions {
  /**
   * The recorded vital (Observation id) to amend, correct or withdraw. The form follows changes
   * of this id like every form here: typed values belong to the reading they were typed for.
   */
  observationId: string | undefined;
  /**
   * The patient the reading must belong to. A reading of another patient is not shown and
   * cannot be saved. Defaults to no check (any patient's reading is edited).
   */
  patientId?: string | undefined;
  /** IANA zone the time is shown and entered in. Defaults to the provider's. */
  timeZone?: string | undefined;
  /** Called with the stored Observation after a save (not once the form has moved on). */
  onSaved?: ((observation: Observation) => void) | undefined;
  /** Label overrides. Defaults to English. */
  messages?: Partial<VitalsMessages> | undefined;
}

/**
 * State, checks and submission of the form that changes one recorded vital, on the form kit's
 * `useResourceForm` (record identity, edits-only PATCH with If-Match or an `updatedAt` check,
 * conflicts theirs-vs-yours, 422 mapping, the plausible-range `check`). A changed value or time
 * is sent with its flag recomputed against the stored reference range and status `amended`
 * (or `corrected` when chosen); `entered-in-error` withdraws the reading unchanged. After a
 * save of a body weight or height, the BMIs computed from it (`derivedFromIds`) that still stand
 * are looked up and offered an update or a withdrawal (`derivedBmi`, see `useDerivedBmi`).
 */
export function useVitalEditForm(options: UseVitalEditFormOptions) {
  const { observationId, patientId } = options;
  const clinik = useClinik();
  const timeZone = usePracticeZone(options.timeZone);
  const messages = vitalsMessages(options.messages);
  let stored: Observation | undefined;
  const labelOf = (field: EditField): string => {
    if (field === 'effectiveDateTime') return messages.effectiveDateTime;
    if (field === 'status') return messages.changeKind;
    if (field === 'systolic' || field === 'diastolic') return messages.measureLabels[field];
    if (field === 'feet') return messages.feet;
    const reading = stored ? readingOf(stored) : undefined;
    const measure = reading ? singleMeasure(reading) : undefined;
    const label = measure ? messages.measureLabels[measure] : messages.value;
    return field === 'unit' ? messages.unitOf(label) : label;
  };
  const scopeKey = `patient:${patientId ?? '*'}|zone:${timeZone}`;
  const formatWhen = (iso: string) => formatDateTime(iso, { timeZone, locale: clinik.locale });
  // BMIs computed from this reading: offered a change after it is saved, dropped with the record.
  const derived = useDerivedBmi(`${scopeKey}|observations:${observationId ?? ''}`, {
    messages,
    locale: clinik.locale,
    formatWhen,
  });
  const form = useResourceForm<'observations', VitalEditValues>({
    path: 'observations',
    recordId: observationId,
    scopeKey,
    fields: EDIT_FIELDS,
    valuesOf: (observation) => editValuesOf(observation, timeZone),
    initialValues: emptyEditValues,
    createBody: () => {
      throw new Error('The vital edit form only edits recorded vitals');
    },
    patchBody: (edits, latest) => patchFromEdits(edits, latest, timeZone),
    validators: loadValidators,
    check: (values) =>
      checkEdit(values, { timeZone, locale: clinik.locale, now: clinik.now(), messages, stored }),
    fieldByPath: FIELD_BY_PATH,
    labelOf,
    messages: { ...messages, saved: messages.vitalSaved },
    onSaved: (saved) => {
      options.onSaved?.(saved);
      void derived.review(saved);
    },
  });
  stored = form.stored;
  const reading = stored ? readingOf(stored) : undefined;
  /** Why this reading cannot be edited here, if it cannot. */
  const blocked: string | undefined = !stored
    ? undefined
    : patientId !== undefined && stored.patientId !== patientId
      ? messages.otherPatient
      : !reading
        ? messages.notAVital
        : stored.status === 'entered-in-error'
          ? messages.withdrawn
          : undefined;
  const time = fromWallClockInput(form.values.effectiveDateTime, timeZone);

  return {
    ...form,
    messages,
    timeZone,
    locale: clinik.locale,
    /** The stored reading, read as a vital. */
    reading: blocked === messages.otherPatient ? undefined : reading,
    /** Why the reading cannot be edited (another patient's, not a vital, withdrawn). */
    blocked,
    /** The instant the typed time stands for, formatted in the zone (for "Recorded as ..."). */
    recordedAs: time.ok ? formatWhen(time.iso) : undefined,
    /**
     * BMIs computed from this weight or height (`derivedFromIds`), offered a change after a save
     * that amends or withdraws it: `offers`, `apply(offer)`, `results`.
     */
    derivedBmi: derived,
    /** For the status region: the save's confirmation, then what was found or done about a BMI. */
    notice: [form.notice, derived.notice].filter(Boolean).join(' ') || undefined,
    labelOf,
    submit: () => (blocked ? Promise.resolve() : form.submit()),
    getFormProps: () => ({
      ...form.getFormProps(),
      onSubmit: (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        if (!blocked) void form.submit();
      },
    }),
    /** Props for an input or select, wired to its label and error. */
    getFieldProps: (name: EditField) => ({
      ...form.getControlProps(name),
      value: form.values[name],
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
        form.setValue(name, event.target.value),
    }),
  };
}

export type VitalEditFormState = ReturnType<typeof useVitalEditForm>;
