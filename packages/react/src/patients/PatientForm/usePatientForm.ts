'use client';
import type { Patient } from '@clinikapi/core';
import type { ChangeEvent } from 'react';
import { type ResourceFormStatus, useResourceForm } from '../../form/useResourceForm.js';
import type { ClinikMessages } from '../../messages.js';
import { useMessages } from '../../provider/context.js';
import {
  bodyFromValues,
  emptyPatientValues,
  PATIENT_FIELD_BY_PATH,
  PATIENT_FIELDS,
  type PatientFieldName,
  type PatientFormValues,
  patchFromEdits,
  valuesFromPatient,
} from './fields.js';

/** Core's schemas (and zod) load with the first form, not with the package. */
const loadValidators = async () => {
  const { validatePatientCreate, validatePatientPatch } = await import('./validatePatient.js');
  return { create: validatePatientCreate, patch: validatePatientPatch };
};

export interface UsePatientFormOptions {
  /**
   * Edit this patient (loaded first); without it the form creates one. The form follows changes
   * of this id: everything typed for the previous patient is dropped, the form shows its loading
   * state until the new patient is loaded, and a save in flight for the previous patient never
   * lands in the new one. Defaults to create mode.
   */
  patientId?: string | undefined;
  /**
   * Called with the stored patient after a successful save (not called when the form has moved
   * on to another patient meanwhile, nor when nothing was changed and nothing was sent).
   */
  onSaved?: ((patient: Patient) => void) | undefined;
  /** Starting values in create mode. Defaults to empty inputs. */
  defaultValues?: Partial<PatientFormValues> | undefined;
  /** Label overrides. Defaults to the provider's messages. */
  messages?: Partial<ClinikMessages> | undefined;
}

export type PatientFormStatus = ResourceFormStatus;

/**
 * State, validation and submission of the patient form, without markup (the form kit's
 * `useResourceForm` with the patient's fields).
 *
 * Edit mode sends only the fields the user changed (the address merged part by part onto the
 * stored one) and only onto the version the user saw: with `If-Match` when the API gave an ETag,
 * else after comparing `updatedAt` with a fresh read. When someone else saved the patient
 * meanwhile, nothing is written: the form keeps every typed value, shows the other person's
 * values next to the user's (`conflicts`), and saving again applies the user's values onto the
 * latest version. A newer stored copy (refetch, live update) updates untouched fields only.
 */
export function usePatientForm(options: UsePatientFormOptions = {}) {
  const { patientId } = options;
  const messages = useMessages(options.messages);
  const form = useResourceForm<'patients', PatientFormValues>({
    path: 'patients',
    recordId: patientId,
    fields: PATIENT_FIELDS,
    valuesOf: valuesFromPatient,
    initialValues:
      patientId === undefined
        ? { ...emptyPatientValues, ...options.defaultValues }
        : emptyPatientValues,
    createBody: bodyFromValues,
    patchBody: patchFromEdits,
    validators: loadValidators,
    fieldByPath: PATIENT_FIELD_BY_PATH,
    labelOf: (field) => messages[field],
    messages: { ...messages, saved: messages.patientSaved },
    onSaved: options.onSaved,
  });

  return {
    ...form,
    messages,
    /** @deprecated Use `keepStored`. */
    keepTheirs: form.keepStored,
    /** Props for an input or select, wired to its label and error. */
    getFieldProps: (name: PatientFieldName) => ({
      ...form.getControlProps(name),
      value: form.values[name],
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
        form.setValue(name, event.target.value),
    }),
    getLabelProps: (name: PatientFieldName) => ({ htmlFor: form.fieldId(name) }),
    getErrorProps: (name: PatientFieldName) => ({ id: form.errorId(name) }),
  };
}

export type PatientFormState = ReturnType<typeof usePatientForm>;
