'use client';
import {
  ClinikApiError,
  type Patient,
  type PatientCreate,
  type PatientPatch,
} from '@clinikapi/core';
import { type ChangeEvent, type FormEvent, useEffect, useId, useState } from 'react';
import { useCreatePatient, usePatient, useUpdatePatient } from '../../hooks/usePatients.js';
import type { ClinikMessages } from '../../messages.js';
import { useMessages } from '../../provider/context.js';
import {
  bodyFromValues,
  emptyPatientValues,
  PATIENT_FIELDS,
  type PatientFieldName,
  type PatientFormValues,
  patchFromValues,
  valuesFromPatient,
} from './fields.js';
import { mapIssuesToFields } from './issues.js';

/** Core's schemas (and zod) load with the first form, not with the package. */
const loadValidators = () => import('./validatePatient.js');

export interface UsePatientFormOptions {
  /** Edit this patient (loaded first); without it the form creates one. Defaults to create mode. */
  patientId?: string;
  /** Called with the stored patient after a successful save. */
  onSaved?: (patient: Patient) => void;
  /** Starting values in create mode. Defaults to empty inputs. */
  defaultValues?: Partial<PatientFormValues>;
  /** Label overrides. Defaults to the provider's messages. */
  messages?: Partial<ClinikMessages>;
}

export type PatientFormStatus =
  | 'loading'
  | 'load-error'
  | 'idle'
  | 'submitting'
  | 'invalid'
  | 'error'
  | 'saved';

/** State, validation and submission of the patient form, without markup. */
export function usePatientForm(options: UsePatientFormOptions = {}) {
  const { patientId, onSaved } = options;
  const messages = useMessages(options.messages);
  const idPrefix = useId();
  const existing = usePatient(patientId);
  const create = useCreatePatient();
  const update = useUpdatePatient();
  const [values, setValues] = useState<PatientFormValues>({
    ...emptyPatientValues,
    ...options.defaultValues,
  });
  const [original, setOriginal] = useState<{ id: string; values: PatientFormValues } | undefined>();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<PatientFieldName, string>>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [status, setStatus] = useState<PatientFormStatus>('idle');
  const [focusField, setFocusField] = useState<PatientFieldName | undefined>();

  useEffect(() => {
    void loadValidators();
  }, []);

  // Fill the inputs once per loaded patient; later refetches must not overwrite the user's edits.
  useEffect(() => {
    if (existing.data && existing.data.id !== original?.id) {
      const loaded = valuesFromPatient(existing.data);
      setOriginal({ id: existing.data.id, values: loaded });
      setValues(loaded);
    }
  }, [existing.data, original?.id]);

  useEffect(() => {
    if (!focusField) return;
    document.getElementById(`${idPrefix}-${focusField}`)?.focus();
    setFocusField(undefined);
  }, [focusField, idPrefix]);

  const showIssues = (issues: Parameters<typeof mapIssuesToFields>[0]) => {
    const mapped = mapIssuesToFields(issues, messages);
    setFieldErrors(mapped.fieldErrors);
    setFormErrors([messages.formHasErrors, ...mapped.otherErrors]);
    setStatus('invalid');
    setFocusField(PATIENT_FIELDS.find((name) => mapped.fieldErrors[name]));
  };

  const submit = async () => {
    const editing = patientId !== undefined;
    if (editing && !original) return;
    const validators = await loadValidators();
    const checked = editing
      ? validators.validatePatientPatch(
          patchFromValues(values, original?.values ?? emptyPatientValues),
        )
      : validators.validatePatientCreate(bodyFromValues(values));
    if (!checked.success) {
      showIssues(checked.issues);
      return;
    }
    setStatus('submitting');
    setFieldErrors({});
    setFormErrors([]);
    try {
      const saved =
        editing && patientId
          ? await update.mutateAsync({ id: patientId, patch: checked.data as PatientPatch })
          : await create.mutateAsync(checked.data as PatientCreate);
      setStatus('saved');
      if (editing) setOriginal({ id: saved.id, values: valuesFromPatient(saved) });
      else setValues({ ...emptyPatientValues, ...options.defaultValues });
      onSaved?.(saved);
    } catch (error) {
      if (error instanceof ClinikApiError && error.status === 422 && error.issues.length > 0) {
        showIssues(error.issues);
        return;
      }
      // Anything else: keep every input as typed and say so.
      setStatus('error');
      setFormErrors([messages.saveFailed]);
    }
  };

  const fieldId = (name: PatientFieldName) => `${idPrefix}-${name}`;
  const errorId = (name: PatientFieldName) => `${idPrefix}-${name}-error`;

  const loading = patientId !== undefined && !original;
  const effectiveStatus: PatientFormStatus = loading
    ? existing.isError
      ? 'load-error'
      : 'loading'
    : status;

  return {
    values,
    setValue: (name: PatientFieldName, value: string) =>
      setValues((current) => ({ ...current, [name]: value })),
    fieldErrors,
    formErrors,
    status: effectiveStatus,
    isEditing: patientId !== undefined,
    messages,
    retryLoad: () => void existing.refetch(),
    /** Props for a form element: `<form {...form.getFormProps()}>`. */
    getFormProps: () => ({
      noValidate: true,
      'aria-busy': effectiveStatus === 'submitting' || effectiveStatus === 'loading',
      onSubmit: (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        void submit();
      },
    }),
    /** Props for an input or select, wired to its label and error. */
    getFieldProps: (name: PatientFieldName) => ({
      id: fieldId(name),
      name,
      value: values[name],
      'aria-invalid': fieldErrors[name] ? true : undefined,
      'aria-describedby': fieldErrors[name] ? errorId(name) : undefined,
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
        setValues((current) => ({ ...current, [name]: event.target.value })),
    }),
    getLabelProps: (name: PatientFieldName) => ({ htmlFor: fieldId(name) }),
    getErrorProps: (name: PatientFieldName) => ({ id: errorId(name) }),
    submit,
  };
}

export type PatientFormState = ReturnType<typeof usePatientForm>;
