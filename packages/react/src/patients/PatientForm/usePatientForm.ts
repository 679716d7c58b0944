'use client';
import {
  ClinikApiError,
  type Patient,
  type PatientCreate,
  type PatientPatch,
} from '@clinikapi/core';
import { type ChangeEvent, type FormEvent, useEffect, useId, useState } from 'react';
import {
  type Draft,
  discardEdit,
  draftValues,
  editField,
  type FieldConflict,
  isPristine,
  rebaseDraft,
} from '../../form/draft.js';
import { RecordChangedError, useGuardedUpdate } from '../../form/guardedUpdate.js';
import { useRecordState } from '../../form/recordState.js';
import type { ClinikMessages } from '../../messages.js';
import { useMessages } from '../../provider/context.js';
import { useCreatePatient, usePatient } from '../usePatients.js';
import {
  bodyFromValues,
  emptyPatientValues,
  PATIENT_FIELDS,
  type PatientFieldName,
  type PatientFormValues,
  patchFromEdits,
  valuesFromPatient,
} from './fields.js';
import { mapIssuesToFields } from './issues.js';

/** Core's schemas (and zod) load with the first form, not with the package. */
const loadValidators = () => import('./validatePatient.js');

export interface UsePatientFormOptions {
  /**
   * Edit this patient (loaded first); without it the form creates one. The form follows changes
   * of this id: everything typed for the previous patient is dropped, the form shows its loading
   * state until the new patient is loaded, and a save in flight for the previous patient never
   * lands in the new one. Defaults to create mode.
   */
  patientId?: string;
  /**
   * Called with the stored patient after a successful save (not called when the form has moved
   * on to another patient meanwhile, nor when nothing was changed and nothing was sent).
   */
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
  | 'conflict'
  | 'saved';

type FieldErrors = Partial<Record<PatientFieldName, string>>;

interface FormState {
  /** The stored patient the edits apply to (edit mode), newest seen. */
  stored: Patient | undefined;
  draft: Draft<PatientFormValues>;
  fieldErrors: FieldErrors;
  formErrors: string[];
  status: Exclude<PatientFormStatus, 'loading' | 'load-error'>;
  /** Fields edited here that someone else changed too (after a 412 or a refetch). */
  conflicts: FieldConflict<PatientFieldName>[];
  /** The stored patient changed while the form was open (not by this form's own save). */
  changedElsewhere: boolean;
  /** Inputs whose stored value someone else changed since the form loaded or last saved. */
  changedFields: PatientFieldName[];
  focusField: PatientFieldName | 'conflicts' | undefined;
  /** A short confirmation to announce (saved, nothing to save). */
  notice: string | undefined;
}

const newer = (a: Patient, b: Patient) => Date.parse(a.updatedAt) > Date.parse(b.updatedAt);

/** Conflicts of `next` plus earlier ones still standing (still edited, still different). */
function mergeConflicts(
  earlier: FieldConflict<PatientFieldName>[],
  next: FieldConflict<PatientFieldName>[],
  draft: Draft<PatientFormValues>,
): FieldConflict<PatientFieldName>[] {
  const byField = new Map(next.map((c) => [c.field, c]));
  for (const c of earlier) {
    const yours = draft.edits[c.field];
    if (!byField.has(c.field) && yours !== undefined && yours !== draft.base[c.field]) {
      byField.set(c.field, { field: c.field, theirs: draft.base[c.field], yours });
    }
  }
  return PATIENT_FIELDS.flatMap((field) => byField.get(field) ?? []);
}

/** The form moved onto a newer stored copy: untouched fields follow it, typed ones stay. */
function onNewerStored(state: FormState, stored: Patient, status: FormState['status']): FormState {
  const next = valuesFromPatient(stored);
  const rebased = rebaseDraft(state.draft, next);
  const changed = new Set(state.changedFields);
  for (const field of PATIENT_FIELDS)
    if (next[field] !== state.draft.base[field]) changed.add(field);
  return {
    ...state,
    stored,
    draft: rebased.draft,
    conflicts: mergeConflicts(state.conflicts, rebased.conflicts, rebased.draft),
    changedElsewhere: true,
    changedFields: PATIENT_FIELDS.filter((field) => changed.has(field)),
    status,
  };
}

/**
 * State, validation and submission of the patient form, without markup.
 *
 * Edit mode sends only the fields the user changed (the address merged part by part onto the
 * stored one) and only onto the version the user saw: with `If-Match` when the API gave an ETag,
 * else after comparing `updatedAt` with a fresh read. When someone else saved the patient
 * meanwhile, nothing is written: the form keeps every typed value, shows the other person's
 * values next to the user's (`conflicts`), and saving again applies the user's values onto the
 * latest version. A newer stored copy (refetch, live update) updates untouched fields only.
 */
export function usePatientForm(options: UsePatientFormOptions = {}) {
  const { patientId, onSaved } = options;
  const messages = useMessages(options.messages);
  const idPrefix = useId();
  const existing = usePatient(patientId);
  const create = useCreatePatient();
  const update = useGuardedUpdate('patients');
  const recordKey = patientId === undefined ? 'new' : `patient:${patientId}`;
  const [createDefaults] = useState(() => ({ ...emptyPatientValues, ...options.defaultValues }));
  const initialState = (): FormState => ({
    stored: undefined,
    draft: { base: patientId === undefined ? createDefaults : emptyPatientValues, edits: {} },
    fieldErrors: {},
    formErrors: [],
    status: 'idle',
    conflicts: [],
    changedElsewhere: false,
    changedFields: [],
    focusField: undefined,
    notice: undefined,
  });
  const [state, setState, isCurrent] = useRecordState(recordKey, initialState);

  // Follow the stored patient of *this* id: first load fills the inputs; a newer copy from a
  // refetch or a live update rebases the edits (never while this form's own save is in flight).
  const loaded = existing.data?.id === patientId ? existing.data : undefined;
  if (loaded && state.status !== 'submitting') {
    if (!state.stored) {
      setState({ ...state, stored: loaded, draft: { base: valuesFromPatient(loaded), edits: {} } });
    } else if (newer(loaded, state.stored)) {
      setState(onNewerStored(state, loaded, state.status));
    }
  }

  useEffect(() => {
    void loadValidators();
  }, []);

  useEffect(() => {
    const target = state.focusField;
    if (!target) return;
    document.getElementById(`${idPrefix}-${target}`)?.focus();
    setState((s) => ({ ...s, focusField: undefined }));
  }, [state.focusField, idPrefix, setState]);

  const showIssues = (issues: Parameters<typeof mapIssuesToFields>[0]) => {
    const mapped = mapIssuesToFields(issues, messages);
    setState((s) => ({
      ...s,
      fieldErrors: mapped.fieldErrors,
      formErrors: [messages.formHasErrors, ...mapped.otherErrors],
      status: 'invalid',
      focusField: PATIENT_FIELDS.find((name) => mapped.fieldErrors[name]),
    }));
  };

  const submit = async () => {
    // Everything below is computed from this render's record and sent to it only.
    const key = recordKey;
    const id = patientId;
    const { stored, draft } = state;
    if (state.status === 'submitting' || (id !== undefined && !stored)) return;
    const validators = await loadValidators();
    if (!isCurrent(key)) return;

    let body: PatientCreate | PatientPatch;
    if (id !== undefined && stored) {
      const { patch, cleared } = patchFromEdits(draft.edits, stored);
      if (cleared.length > 0) {
        const fieldErrors: FieldErrors = {};
        for (const name of cleared) fieldErrors[name] = messages.cannotClear(messages[name]);
        setState((s) => ({
          ...s,
          fieldErrors,
          formErrors: [messages.formHasErrors],
          status: 'invalid',
          focusField: cleared[0],
        }));
        return;
      }
      if (Object.keys(patch).length === 0) {
        setState((s) => ({
          ...s,
          status: 'idle',
          fieldErrors: {},
          formErrors: [],
          notice: messages.nothingToSave,
        }));
        return;
      }
      const checked = validators.validatePatientPatch(patch);
      if (!checked.success) return showIssues(checked.issues);
      body = checked.data;
    } else {
      const checked = validators.validatePatientCreate(bodyFromValues(draftValues(draft)));
      if (!checked.success) return showIssues(checked.issues);
      body = checked.data;
    }

    setState((s) => ({
      ...s,
      status: 'submitting',
      fieldErrors: {},
      formErrors: [],
      notice: undefined,
    }));
    try {
      const saved =
        id !== undefined && stored
          ? await update.mutateAsync({ id, base: stored, patch: body as PatientPatch })
          : await create.mutateAsync(body as PatientCreate);
      setState((s) =>
        id === undefined
          ? { ...initialState(), status: 'saved', notice: messages.patientSaved }
          : {
              ...s,
              stored: saved,
              draft: rebaseDraft(s.draft, valuesFromPatient(saved)).draft,
              conflicts: [],
              changedElsewhere: false,
              changedFields: [],
              status: 'saved',
              notice: messages.patientSaved,
            },
      );
      if (isCurrent(key)) onSaved?.(saved);
    } catch (error) {
      if (error instanceof RecordChangedError) {
        const latest = error.latest as Patient;
        setState((s) => ({ ...onNewerStored(s, latest, 'conflict'), focusField: 'conflicts' }));
        return;
      }
      if (error instanceof ClinikApiError && error.status === 422 && error.issues.length > 0) {
        showIssues(error.issues);
        return;
      }
      // Anything else: keep every input as typed and say so.
      setState((s) => ({ ...s, status: 'error', formErrors: [messages.saveFailed] }));
    }
  };

  const fieldId = (name: PatientFieldName) => `${idPrefix}-${name}`;
  const errorId = (name: PatientFieldName) => `${idPrefix}-${name}-error`;
  const values = draftValues(state.draft);
  const setValue = (name: PatientFieldName, value: string) =>
    setState((s) => ({
      ...s,
      draft: editField(s.draft, name, value),
      status: s.status === 'saved' ? 'idle' : s.status,
      notice: undefined,
    }));

  const loading = patientId !== undefined && !state.stored;
  const status: PatientFormStatus = loading
    ? existing.isError
      ? 'load-error'
      : 'loading'
    : state.status;

  return {
    /** What the inputs show: the stored values with the user's edits on top. */
    values,
    setValue,
    /** The fields the user changed (what a save sends). */
    edits: state.draft.edits,
    isDirty: !isPristine(state.draft),
    fieldErrors: state.fieldErrors,
    formErrors: state.formErrors,
    status,
    isEditing: patientId !== undefined,
    /** Fields edited here that someone else changed meanwhile: their value and the user's. */
    conflicts: state.conflicts,
    /** The stored patient changed while the form was open; untouched fields show the new values. */
    changedElsewhere: state.changedElsewhere,
    /** The inputs whose stored value changed meanwhile (empty when only other details did). */
    changedFields: state.changedFields,
    /** A confirmation for a polite live region ("Patient saved.", "No changes to save."). */
    notice: state.notice,
    /** Drops the user's edit of a conflicting field, keeping the other person's value. */
    keepTheirs: (field: PatientFieldName) =>
      setState((s) => {
        const draft = discardEdit(s.draft, field);
        const conflicts = s.conflicts.filter((c) => c.field !== field);
        return { ...s, draft, conflicts, status: conflicts.length > 0 ? s.status : 'idle' };
      }),
    /** Id of the conflict summary, for focusing it. */
    conflictsId: `${idPrefix}-conflicts`,
    messages,
    retryLoad: () => void existing.refetch(),
    /** Props for a form element: `<form {...form.getFormProps()}>`. */
    getFormProps: () => ({
      noValidate: true,
      'aria-busy': status === 'submitting' || status === 'loading',
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
      'aria-invalid': state.fieldErrors[name] ? true : undefined,
      'aria-describedby': state.fieldErrors[name] ? errorId(name) : undefined,
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
        setValue(name, event.target.value),
    }),
    getLabelProps: (name: PatientFieldName) => ({ htmlFor: fieldId(name) }),
    getErrorProps: (name: PatientFieldName) => ({ id: errorId(name) }),
    submit,
  };
}

export type PatientFormState = ReturnType<typeof usePatientForm>;
