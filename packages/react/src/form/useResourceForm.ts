'use client';
import type { ValidationResult } from '@clinikapi/core';
import { type ApiIssue, ClinikApiError, type ResourcePath } from '@clinikapi/core/client';
import { type FormEvent, useEffect, useId, useRef } from 'react';
import { useMessages } from '../provider/context.js';
import type { RecordOf } from '../queries/types.js';
import { useCreateResource, useResource } from '../queries/useResourceQueries.js';
import { errorText } from '../ui/errorText.js';
import {
  type Draft,
  discardEdit,
  draftValues,
  editField,
  type FieldConflict,
  type FormValues,
  isPristine,
  rebaseDraft,
  sameValue,
} from './draft.js';
import { RecordChangedError, useGuardedUpdate } from './guardedUpdate.js';
import { type IssueMessages, mapFieldIssues } from './issues.js';
import { useRecordState } from './recordState.js';

/** The form kit's own sentences; every form passes its (overridable) wording. */
export interface FormKitMessages extends IssueMessages {
  formHasErrors: string;
  saveFailed: string;
  /** A saved confirmation, e.g. "Allergy saved." */
  saved: string;
  nothingToSave: string;
  /** A field the user emptied that the API's PATCH cannot remove. */
  cannotClear: (label: string) => string;
}

export type ResourceFormStatus =
  | 'loading'
  | 'load-error'
  | 'idle'
  | 'submitting'
  | 'invalid'
  | 'error'
  | 'conflict'
  | 'saved';

/** Which validators a form uses: usually core's schemas, loaded on first use (not with the page). */
export interface FormValidators {
  create: (body: unknown) => ValidationResult<unknown>;
  patch: (body: unknown) => ValidationResult<unknown>;
}

export interface ResourceFormConfig<P extends ResourcePath, V extends FormValues> {
  path: P;
  /** Edit this record (loaded first); create one without it. */
  recordId?: string | undefined;
  /**
   * The other records the form's data is computed against (e.g. `patient:<id>` when creating an
   * allergy for a patient): a change resets the form like a change of `recordId`.
   */
  scopeKey?: string | undefined;
  /** The inputs, in the order errors are focused. */
  fields: readonly (keyof V & string)[];
  /** What the inputs show for a stored record. */
  valuesOf: (record: RecordOf<P>) => V;
  /** What the inputs start with in create mode. */
  initialValues: V;
  /** The create body for the inputs (checked by `validators.create`). */
  createBody: (values: V) => unknown;
  /**
   * The PATCH body for the user's edits: only edited fields, nested objects merged onto `stored`.
   * `cleared` lists emptied fields the API cannot remove (refused with `cannotClear`).
   */
  patchBody: (
    edits: Partial<V>,
    stored: RecordOf<P>,
  ) => { patch: Record<string, unknown>; cleared?: (keyof V & string)[] };
  /** Loads the validators, e.g. `() => import('./validateAllergy.js')`. */
  validators: () => Promise<FormValidators>;
  /** Checks beyond the schema (plausible ranges, cross-field rules): field -> message. */
  check?: (values: V, mode: 'create' | 'edit') => Partial<Record<keyof V & string, string>>;
  /** API field paths (core's `formatPath`) -> inputs, for 422 issues. */
  fieldByPath: Readonly<Record<string, keyof V & string>>;
  labelOf: (field: keyof V & string) => string;
  messages: FormKitMessages;
  /** Called with the stored record after a save (not when the form has moved on meanwhile). */
  onSaved?: ((record: RecordOf<P>) => void) | undefined;
}

interface FormState<P extends ResourcePath, V extends FormValues> {
  stored: RecordOf<P> | undefined;
  draft: Draft<V>;
  fieldErrors: Partial<Record<keyof V & string, string>>;
  formErrors: string[];
  status: Exclude<ResourceFormStatus, 'loading' | 'load-error'>;
  conflicts: FieldConflict<keyof V & string, V[keyof V & string]>[];
  changedElsewhere: boolean;
  changedFields: (keyof V & string)[];
  focus: string | undefined;
  notice: string | undefined;
}

const updatedAtOf = (record: unknown) =>
  Date.parse(String((record as { updatedAt?: unknown }).updatedAt));

/**
 * The form kit: state, validation and submission of a create/edit form for one resource,
 * following the library's record-integrity rules (CONTRIBUTING.md):
 * - the state belongs to `recordId` and `scopeKey` and starts over when either changes; a save in
 *   flight for the previous record never lands in the new one;
 * - edit mode sends only the edited fields (`patchBody`), with `If-Match` or an `updatedAt` check;
 *   when someone else saved meanwhile nothing is written, typed values stay, `conflicts` lists
 *   theirs vs yours, and the next submit re-applies;
 * - a newer stored copy (refetch, live update) updates untouched fields only (`changedElsewhere`);
 * - schema issues (client or a server 422) land on their inputs, focus moves to the first one.
 */
export function useResourceForm<P extends ResourcePath, V extends FormValues>(
  config: ResourceFormConfig<P, V>,
) {
  const { path, recordId, fields, messages } = config;
  const idPrefix = useId();
  const common = useMessages();
  const existing = useResource(path, recordId);
  const create = useCreateResource(path);
  const update = useGuardedUpdate(path);
  const keyOf = (id: string | undefined) =>
    `${config.scopeKey ?? ''}|${id === undefined ? 'new' : `${path}:${id}`}`;
  const recordKey = keyOf(recordId);
  // The record this form just created: when the app then hands the form that record's id (edit
  // what you created), its "… saved." confirmation belongs to it and is kept; nothing else is.
  const created = useRef<string | undefined>(undefined);
  const initialState = (): FormState<P, V> =>
    created.current === recordKey
      ? { ...blankState(), status: 'saved', notice: messages.saved, focus: 'status' }
      : blankState();
  const blankState = (): FormState<P, V> => ({
    stored: undefined,
    draft: { base: config.initialValues, edits: {} },
    fieldErrors: {},
    formErrors: [],
    status: 'idle',
    conflicts: [],
    changedElsewhere: false,
    changedFields: [],
    focus: undefined,
    notice: undefined,
  });
  const [state, setState, isCurrent] = useRecordState(recordKey, initialState);
  useEffect(() => {
    // Once the form shows any record, the carried confirmation has been used or does not apply.
    if (recordId !== undefined) created.current = undefined;
  }, [recordId]);

  const onNewerStored = (
    s: FormState<P, V>,
    stored: RecordOf<P>,
    status: FormState<P, V>['status'],
  ): FormState<P, V> => {
    const next = config.valuesOf(stored);
    const rebased = rebaseDraft(s.draft, next);
    const changed = new Set(s.changedFields);
    for (const field of fields)
      if (!sameValue(next[field], s.draft.base[field])) changed.add(field);
    // Earlier conflicts still standing (still edited, still different) stay listed.
    const byField = new Map(rebased.conflicts.map((c) => [c.field, c]));
    for (const c of s.conflicts) {
      const yours = rebased.draft.edits[c.field];
      if (!byField.has(c.field) && yours !== undefined && !sameValue(yours, next[c.field])) {
        byField.set(c.field, { field: c.field, theirs: next[c.field], yours });
      }
    }
    return {
      ...s,
      stored,
      draft: rebased.draft,
      conflicts: fields.flatMap((field) => byField.get(field) ?? []),
      changedElsewhere: true,
      changedFields: fields.filter((field) => changed.has(field)),
      status,
    };
  };

  // Follow the stored record of *this* id: the first load fills the inputs; a newer copy rebases
  // the edits (never while this form's own save is in flight).
  const loaded =
    recordId !== undefined && (existing.data as { id?: string } | undefined)?.id === recordId
      ? existing.data
      : undefined;
  if (loaded && state.status !== 'submitting') {
    if (!state.stored) {
      setState({ ...state, stored: loaded, draft: { base: config.valuesOf(loaded), edits: {} } });
    } else if (updatedAtOf(loaded) > updatedAtOf(state.stored)) {
      setState(onNewerStored(state, loaded, state.status));
    }
  }

  const { validators: loadValidators } = config;
  useEffect(() => {
    void loadValidators();
  }, [loadValidators]);

  useEffect(() => {
    if (!state.focus) return;
    document.getElementById(`${idPrefix}-${state.focus}`)?.focus();
    setState((s) => ({ ...s, focus: undefined }));
  }, [state.focus, idPrefix, setState]);

  const refuse = (fieldErrors: Partial<Record<keyof V & string, string>>, other: string[] = []) =>
    setState((s) => ({
      ...s,
      fieldErrors,
      formErrors: [messages.formHasErrors, ...other],
      status: 'invalid',
      notice: undefined,
      focus: fields.find((name) => fieldErrors[name]),
    }));

  const showIssues = (issues: readonly ApiIssue[]) => {
    const mapped = mapFieldIssues(issues, config.fieldByPath, config.labelOf, messages);
    refuse(mapped.fieldErrors, mapped.otherErrors);
  };

  const submit = async () => {
    // Everything below is computed from this render's record and sent to it only.
    const key = recordKey;
    const id = recordId;
    const { stored, draft } = state;
    if (state.status === 'submitting' || (id !== undefined && !stored)) return;
    const validators = await loadValidators();
    if (!isCurrent(key)) return;

    const mode = id === undefined ? 'create' : 'edit';
    const values = draftValues(draft);
    const checks: Partial<Record<keyof V & string, string>> = config.check?.(values, mode) ?? {};
    // In edit mode only the user's own edits can be wrong: stored values are not re-judged.
    const relevant = fields.filter((f) => checks[f] && (mode === 'create' || f in draft.edits));
    if (relevant.length > 0) {
      return refuse(Object.fromEntries(relevant.map((f) => [f, checks[f]])) as typeof checks);
    }

    let body: unknown;
    if (id !== undefined && stored) {
      const { patch, cleared = [] } = config.patchBody(draft.edits, stored);
      if (cleared.length > 0) {
        return refuse(
          Object.fromEntries(
            cleared.map((f) => [f, messages.cannotClear(config.labelOf(f))]),
          ) as typeof checks,
        );
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
      const checked = validators.patch(patch);
      if (!checked.success) return showIssues(checked.issues);
      body = checked.data;
    } else {
      const checked = validators.create(config.createBody(values));
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
          ? await update.mutateAsync({ id, base: stored, patch: body as never })
          : await create.mutateAsync(body as never);
      // Focus moves to the confirmation (the status message), where keyboard and screen-reader
      // users hear what happened; the pressed button kept focus while the request ran.
      if (id === undefined) created.current = keyOf((saved as { id?: string }).id);
      setState((s) =>
        id === undefined
          ? { ...blankState(), status: 'saved', notice: messages.saved, focus: 'status' }
          : {
              ...s,
              stored: saved,
              draft: rebaseDraft(s.draft, config.valuesOf(saved)).draft,
              conflicts: [],
              changedElsewhere: false,
              changedFields: [],
              status: 'saved',
              notice: messages.saved,
              focus: 'status',
            },
      );
      if (isCurrent(key)) config.onSaved?.(saved);
    } catch (error) {
      if (error instanceof RecordChangedError) {
        const latest = error.latest as RecordOf<P>;
        setState((s) => ({ ...onNewerStored(s, latest, 'conflict'), focus: 'conflicts' }));
        return;
      }
      if (error instanceof ClinikApiError && error.status === 422 && error.issues.length > 0) {
        return showIssues(error.issues);
      }
      // Anything else: keep every input as typed and say so (and why, when the user can act).
      const reason = errorText(error, common);
      setState((s) => ({
        ...s,
        status: 'error',
        formErrors: reason ? [messages.saveFailed, reason] : [messages.saveFailed],
      }));
    }
  };

  const values = draftValues(state.draft);
  const setValue = <F extends keyof V & string>(name: F, value: V[F]) =>
    setState((s) => ({
      ...s,
      draft: editField(s.draft, name, value),
      status: s.status === 'saved' ? 'idle' : s.status,
      notice: undefined,
    }));
  const fieldId = (name: string) => `${idPrefix}-${name}`;
  const errorId = (name: string) => `${idPrefix}-${name}-error`;
  const loading = recordId !== undefined && !state.stored;
  const status: ResourceFormStatus = loading
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
    /** The stored record the form edits (edit mode, once loaded). */
    stored: state.stored,
    fieldErrors: state.fieldErrors,
    formErrors: state.formErrors,
    status,
    isEditing: recordId !== undefined,
    /** Fields edited here that someone else changed meanwhile: their value and the user's. */
    conflicts: state.conflicts,
    /** The stored record changed while the form was open; untouched fields show the new values. */
    changedElsewhere: state.changedElsewhere,
    /** The inputs whose stored value changed meanwhile (empty when only other details did). */
    changedFields: state.changedFields,
    /** A confirmation for a polite live region ("... saved.", "No changes to save."). */
    notice: state.notice,
    /** Drops the user's edit of a conflicting field, keeping the stored value. */
    keepStored: (field: keyof V & string) =>
      setState((s) => {
        const conflicts = s.conflicts.filter((c) => c.field !== field);
        return {
          ...s,
          draft: discardEdit(s.draft, field),
          conflicts,
          status: conflicts.length > 0 ? s.status : 'idle',
        };
      }),
    /** Id of the conflict list, which receives focus after a refused save. */
    conflictsId: fieldId('conflicts'),
    retryLoad: () => void existing.refetch(),
    /** Why loading the record failed (core's typed error), when it did. */
    loadError: existing.error,
    submit,
    fieldId,
    errorId,
    /**
     * Props of the element that says "… saved." (`notice`): a polite live region that receives
     * focus after a save. `<p className="ck-form-status" {...form.getStatusProps()}>`.
     */
    getStatusProps: () => ({ id: fieldId('status'), role: 'status' as const, tabIndex: -1 }),
    /** Props for the form element: `<form {...form.getFormProps()}>`. */
    getFormProps: () => ({
      noValidate: true,
      'aria-busy': status === 'submitting' || status === 'loading',
      onSubmit: (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        void submit();
      },
    }),
    /** Props of the `<FormField>` around an input: the control's id, its label and its error. */
    getFormFieldProps: (name: keyof V & string) => ({
      id: fieldId(name),
      label: config.labelOf(name),
      error: state.fieldErrors[name],
    }),
    /** Props wiring a control to its label and error (id, aria-invalid, aria-describedby). */
    getControlProps: (name: keyof V & string) => ({
      id: fieldId(name),
      name,
      'aria-invalid': state.fieldErrors[name] ? true : undefined,
      'aria-describedby': state.fieldErrors[name] ? errorId(name) : undefined,
    }),
  };
}

export type ResourceFormState<P extends ResourcePath, V extends FormValues> = ReturnType<
  typeof useResourceForm<P, V>
>;
