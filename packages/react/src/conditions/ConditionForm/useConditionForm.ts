'use client';
import type { Condition } from '@clinikapi/core';
import type { ChangeEvent } from 'react';
import type { CodeValue } from '../../coded/types.js';
import { type ResourceFormStatus, useResourceForm } from '../../form/useResourceForm.js';
import { useClinik } from '../../provider/context.js';
import { useResource } from '../../queries/useResourceQueries.js';
import { calendarDateIn } from '../../time/dates.js';
import { type ConditionMessages, conditionMessages } from '../conditionMessages.js';
import {
  bodyFromValues,
  CONDITION_FIELD_BY_PATH,
  CONDITION_FIELDS,
  type ConditionFieldName,
  type ConditionFormValues,
  checkCondition,
  conditionFieldLabel,
  emptyConditionValues,
  patchFromEdits,
  valuesFromCondition,
} from './fields.js';

/** Core's schemas (and zod) load with the first form, not with the package. */
const loadValidators = async () => {
  const { validateConditionCreate, validateConditionPatch } = await import(
    './validateCondition.js'
  );
  return { create: validateConditionCreate, patch: validateConditionPatch };
};

export interface UseConditionFormOptions {
  /**
   * Whose problem. Required to create one. The form follows it: everything typed for the
   * previous patient is dropped, and a save in flight for them never lands in the new one. In
   * edit mode a record of another patient is shown as such and cannot be saved.
   */
  patientId?: string | undefined;
  /** Edit this condition (loaded first); without it the form adds a problem-list item. */
  conditionId?: string | undefined;
  /** Called with the stored condition after a save (not when the form has moved on meanwhile). */
  onSaved?: ((condition: Condition) => void) | undefined;
  /** Starting values in create mode. Defaults to an active problem with nothing else filled. */
  defaultValues?: Partial<ConditionFormValues> | undefined;
  /** Code systems the problem input offers (URIs). Defaults to SNOMED CT and ICD-10-CM. */
  codeSystems?: readonly string[] | undefined;
  /** Wording overrides. Defaults to English (`defaultConditionMessages`). */
  messages?: Partial<ConditionMessages> | undefined;
}

export type ConditionFormStatus = ResourceFormStatus;

/**
 * State, validation and submission of the problem-list form, without markup (the form kit's
 * `useResourceForm` with the condition's fields). Creates `problem-list-item` conditions
 * (recordedDate now); edit mode sends only the edited fields onto the version the user saw.
 * Abatement is accepted only for an inactive, remitted or resolved problem (FHIR con-4), not
 * before the onset; reactivating a problem whose abatement is stored is refused with a clear
 * message (the API's PATCH cannot remove the date).
 */
export function useConditionForm(options: UseConditionFormOptions = {}) {
  const { patientId, conditionId } = options;
  const m = conditionMessages(options.messages);
  const { now, timeZone } = useClinik();
  // The stored record (the kit reads the same query), for rules that depend on it.
  const detail = useResource('conditions', conditionId);
  const storedNow =
    conditionId !== undefined && detail.data?.id === conditionId ? detail.data : undefined;

  const today = () => {
    const d = calendarDateIn(now(), timeZone);
    return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  };

  const form = useResourceForm<'conditions', ConditionFormValues>({
    path: 'conditions',
    recordId: conditionId,
    scopeKey: `patient:${patientId ?? ''}`,
    fields: CONDITION_FIELDS,
    valuesOf: valuesFromCondition,
    initialValues:
      conditionId === undefined
        ? { ...emptyConditionValues, ...options.defaultValues }
        : // Nothing is shown as if stored while the record loads.
          { ...emptyConditionValues, clinicalStatus: '' },
    createBody: (values) => bodyFromValues(values, patientId ?? '', now().toISOString()),
    patchBody: patchFromEdits,
    validators: loadValidators,
    check: (values) => {
      const errors = checkCondition(values, m, today(), storedNow);
      if (conditionId === undefined && !patientId) errors.code ??= m.fieldRequired('Patient');
      return errors;
    },
    fieldByPath: CONDITION_FIELD_BY_PATH,
    labelOf: (field) => conditionFieldLabel(field, m),
    messages: { ...m, saved: m.problemSaved },
    onSaved: options.onSaved,
  });

  const otherPatient = Boolean(form.stored && patientId && form.stored.patientId !== patientId);

  const submit = async () => {
    if (!otherPatient) await form.submit();
  };

  return {
    ...form,
    submit,
    messages: m,
    /** The record belongs to another patient than `patientId`: nothing can be saved. */
    otherPatient,
    codeSystems: options.codeSystems,
    getFormProps: () => ({
      ...form.getFormProps(),
      onSubmit: (event: { preventDefault: () => void }) => {
        event.preventDefault();
        void submit();
      },
    }),
    /** Props for a text input, select or textarea. */
    getFieldProps: (name: Exclude<ConditionFieldName, 'code'>) => ({
      ...form.getControlProps(name),
      value: form.values[name],
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
        form.setValue(name, event.target.value),
    }),
    /** Props for the problem `CodeInput`. */
    getCodeProps: () => ({
      ...form.getControlProps('code'),
      value: form.values.code,
      onChange: (value: CodeValue | undefined) => form.setValue('code', value),
    }),
    labelOf: (field: ConditionFieldName) => conditionFieldLabel(field, m),
  };
}

export type ConditionFormState = ReturnType<typeof useConditionForm>;
