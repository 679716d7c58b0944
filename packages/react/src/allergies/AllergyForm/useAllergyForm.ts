'use client';
import type { Allergy } from '@clinikapi/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ChangeEvent } from 'react';
import type { CodeValue } from '../../coded/types.js';
import { guardedUpdate } from '../../form/guardedUpdate.js';
import { useRecordState } from '../../form/recordState.js';
import { type ResourceFormStatus, useResourceForm } from '../../form/useResourceForm.js';
import { useClinik } from '../../provider/context.js';
import { resourceQueries } from '../../queries/clinikQueries.js';
import { clinikInvalidation } from '../../queries/invalidation.js';
import { useResource } from '../../queries/useResourceQueries.js';
import { calendarDateIn } from '../../time/dates.js';
import { type AllergyMessages, allergyMessages } from '../allergyMessages.js';
import { isNoKnownAllergy, summarizeAllergies } from '../allergyStatus.js';
import { usePatientAllergies } from '../usePatientAllergies.js';
import {
  ALLERGY_FIELD_BY_PATH,
  ALLERGY_FIELDS,
  type AllergyFieldName,
  type AllergyFormValues,
  allergyFieldLabel,
  bodyFromValues,
  checkAllergy,
  emptyAllergyValues,
  emptyReaction,
  isNoKnownAllergyCode,
  patchFromEdits,
  type ReactionRow,
  valuesFromAllergy,
} from './fields.js';

/** Core's schemas (and zod) load with the first form, not with the package. */
const loadValidators = async () => {
  const { validateAllergyCreate, validateAllergyPatch } = await import('./validateAllergy.js');
  return { create: validateAllergyCreate, patch: validateAllergyPatch };
};

export interface UseAllergyFormOptions {
  /**
   * Whose allergy. Required to create one. The form follows it: everything typed for the
   * previous patient is dropped, and a save in flight for them never lands in the new one. In
   * edit mode a record of another patient is shown as such and cannot be saved.
   */
  patientId?: string | undefined;
  /** Edit this allergy (loaded first); without it the form records a new one. */
  allergyId?: string | undefined;
  /** Called with the stored allergy after a save (not when the form has moved on meanwhile). */
  onSaved?: ((allergy: Allergy) => void) | undefined;
  /** Starting values in create mode. Defaults to an active allergy with nothing else filled. */
  defaultValues?: Partial<AllergyFormValues> | undefined;
  /** Wording overrides. Defaults to English (`defaultAllergyMessages`). */
  messages?: Partial<AllergyMessages> | undefined;
}

export type AllergyFormStatus = ResourceFormStatus;

interface SideEffect {
  notice: string | undefined;
  failed: boolean;
}

/**
 * State, validation and submission of the allergy form, without markup (the form kit's
 * `useResourceForm` with the allergy's fields).
 *
 * Create mode records an allergy for `patientId` (recordedDate now); when a current "no known
 * allergies" statement is on file it is marked inactive right after (with `If-Match`), and the
 * form says so. Edit mode sends only the edited fields (reactions whole), only onto the version
 * the user saw; when someone else saved meanwhile nothing is written, typed values stay and
 * `conflicts` lists theirs vs yours. Status changes (inactive, resolved, refuted,
 * entered-in-error) are edits like any other.
 */
export function useAllergyForm(options: UseAllergyFormOptions = {}) {
  const { patientId, allergyId } = options;
  const m = allergyMessages(options.messages);
  const { client, now, timeZone } = useClinik();
  const queryClient = useQueryClient();
  const existing = usePatientAllergies(allergyId === undefined ? patientId : undefined);
  const statementOnFile = allergyId === undefined ? existing.noKnownAllergies : undefined;

  const scopeKey = `patient:${patientId ?? ''}`;
  const [side, setSide, isCurrentSide] = useRecordState<SideEffect>(
    `${scopeKey}|${allergyId ?? 'new'}`,
    () => ({ notice: undefined, failed: false }),
  );

  /** After a new allergy: the "no known allergies" statement on file no longer holds. */
  const retireStatement = async (saved: Allergy, key: string) => {
    if (isNoKnownAllergy(saved)) return;
    try {
      const page = await queryClient.fetchQuery({
        ...resourceQueries('allergies').range({ patientId: saved.patientId }),
        staleTime: 0,
      });
      const statement = summarizeAllergies(
        page.data.filter((a) => a.patientId === saved.patientId),
      ).noKnownAllergies;
      if (!statement) return;
      const updated = await guardedUpdate(client, queryClient, 'allergies', {
        id: statement.id,
        base: statement,
        patch: { clinicalStatus: 'inactive' },
      });
      await clinikInvalidation.updated(queryClient, 'allergies', updated);
      if (isCurrentSide(key)) setSide({ notice: m.noKnownAllergiesInactivated, failed: false });
    } catch {
      // The allergy is saved; the statement stays on file (the list flags the contradiction).
      if (isCurrentSide(key)) setSide({ notice: m.noKnownAllergiesNotInactivated, failed: true });
    }
  };

  // The record being edited (the kit reads the same query): is it the "no known allergies" statement?
  const detail = useResource('allergies', allergyId);
  const editingStatement =
    allergyId !== undefined && detail.data?.id === allergyId && isNoKnownAllergy(detail.data);

  const today = () => {
    const d = calendarDateIn(now(), timeZone);
    return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  };

  const form = useResourceForm<'allergies', AllergyFormValues>({
    path: 'allergies',
    recordId: allergyId,
    scopeKey,
    fields: ALLERGY_FIELDS,
    valuesOf: valuesFromAllergy,
    initialValues:
      allergyId === undefined
        ? { ...emptyAllergyValues, ...options.defaultValues }
        : // Nothing is shown as if stored while the record loads.
          { ...emptyAllergyValues, clinicalStatus: '' },
    createBody: (values) => bodyFromValues(values, patientId ?? '', now().toISOString()),
    patchBody: patchFromEdits,
    validators: loadValidators,
    check: (values) => {
      const errors = checkAllergy(values, m, today());
      // The statement stays what it is: an allergy is recorded as a new record.
      if (editingStatement && !isNoKnownAllergyCode(values.code)) {
        errors.code = m.editingNoKnownAllergies;
      }
      if (allergyId === undefined && !patientId) errors.code ??= m.fieldRequired('Patient');
      return errors;
    },
    fieldByPath: ALLERGY_FIELD_BY_PATH,
    labelOf: (field) => allergyFieldLabel(field, m),
    messages: { ...m, saved: m.allergySaved },
    onSaved: (saved) => {
      if (allergyId === undefined) void retireStatement(saved, `${scopeKey}|new`);
      options.onSaved?.(saved);
    },
  });

  const stored = form.stored;
  /** A record of another patient than `patientId` (edit mode): shown, never saved. */
  const otherPatient = Boolean(stored && patientId && stored.patientId !== patientId);
  const isStatement = Boolean(stored && isNoKnownAllergy(stored));

  const submit = async () => {
    if (otherPatient) return;
    setSide({ notice: undefined, failed: false });
    await form.submit();
  };

  const setReactions = (rows: ReactionRow[]) => form.setValue('reactions', rows);
  const reactions = form.values.reactions;

  return {
    ...form,
    submit,
    messages: m,
    /** The record belongs to another patient than `patientId`: nothing can be saved. */
    otherPatient,
    /** The edited record is the "no known allergies" statement. */
    isStatement,
    /** Create mode: a current "no known allergies" statement is on file (saving retires it). */
    replacesStatement: Boolean(statementOnFile),
    /** What happened to the "no known allergies" statement after the save. */
    sideNotice: side.notice,
    sideFailed: side.failed,
    getFormProps: () => ({
      ...form.getFormProps(),
      onSubmit: (event: { preventDefault: () => void }) => {
        event.preventDefault();
        void submit();
      },
    }),
    /** Props for a text input, select or textarea. */
    getFieldProps: (name: Exclude<AllergyFieldName, 'code' | 'category' | 'reactions'>) => ({
      ...form.getControlProps(name),
      value: form.values[name],
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
        form.setValue(name, event.target.value),
    }),
    /** Props for the substance `CodeInput`. */
    getCodeProps: () => ({
      ...form.getControlProps('code'),
      value: form.values.code,
      onChange: (value: CodeValue | undefined) => form.setValue('code', value),
    }),
    /** Props for the checkbox of one category. */
    getCategoryProps: (category: string) => ({
      type: 'checkbox' as const,
      name: 'category',
      value: category,
      checked: form.values.category.includes(category),
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        const rest = form.values.category.filter((c) => c !== category);
        form.setValue('category', event.target.checked ? [...rest, category] : rest);
      },
    }),
    reactions,
    addReaction: () => setReactions([...reactions, emptyReaction()]),
    removeReaction: (index: number) => setReactions(reactions.filter((_, i) => i !== index)),
    updateReaction: (index: number, change: Partial<ReactionRow>) =>
      setReactions(
        reactions.map((row, i) => {
          if (i !== index) return row;
          const next = { ...row, ...change };
          // A changed manifestation drops the stored text of the old one.
          if ('manifestation' in change) delete next.text;
          return next;
        }),
      ),
    labelOf: (field: AllergyFieldName) => allergyFieldLabel(field, m),
  };
}

export type AllergyFormState = ReturnType<typeof useAllergyForm>;
