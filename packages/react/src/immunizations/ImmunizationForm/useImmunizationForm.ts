'use client';
import type { Immunization } from '@clinikapi/core';
import { type ResourceFormStatus, useResourceForm } from '../../form/useResourceForm.js';
import { useClinik } from '../../provider/context.js';
import { useResource, useResourceList } from '../../queries/useResourceQueries.js';
import { isValidTimeZone } from '../../time/zone.js';
import { type ImmunizationMessages, immunizationMessages } from '../immunizationMessages.js';
import { useImmunizationValueSets } from '../useImmunizationValueSets.js';
import {
  checkImmunization,
  emptyImmunizationValues,
  IMMUNIZATION_FIELD_BY_PATH,
  IMMUNIZATION_FIELDS,
  type ImmunizationFieldName,
  type ImmunizationFormValues,
  immunizationBody,
  immunizationPatch,
  valuesFromImmunization,
} from './fields.js';

/** Core's schemas (and zod) load with the first form, not with the package. */
const loadValidators = async () => {
  const { validateImmunizationCreate, validateImmunizationPatch } = await import(
    './validateImmunization.js'
  );
  return { create: validateImmunizationCreate, patch: validateImmunizationPatch };
};

export interface UseImmunizationFormOptions {
  /**
   * The patient. The form follows this id: what was typed for another patient is dropped and a
   * save in flight for the previous patient never lands in (or reports to) the new one.
   */
  patientId: string;
  /** Edit this immunization (loaded first); without it the form records a new one. */
  immunizationId?: string | undefined;
  /**
   * Who gave it, preselected in create mode (a Practitioner id). Defaults to the provider's
   * `practitionerId`, else not recorded.
   */
  performerId?: string | undefined;
  encounterId?: string | undefined;
  /** Starting values in create mode (e.g. a CVX `vaccineCode`). Defaults to empty inputs. */
  defaultValues?: Partial<ImmunizationFormValues> | undefined;
  /** IANA zone the date and time are entered and shown in. Defaults to the provider's. */
  timeZone?: string | undefined;
  onSaved?: ((immunization: Immunization) => void) | undefined;
  /** Label overrides. Defaults to English. */
  messages?: Partial<ImmunizationMessages> | undefined;
}

/**
 * State, validation and submission of the immunization form, without markup: the form kit's
 * `useResourceForm` (record identity, edits-only PATCH with If-Match / updatedAt, conflicts, 422
 * mapping) with the immunization's fields. The date and time are wall-clock time in the practice
 * zone, stored as `occurrenceDateTime` with that zone's offset; a dose not given needs a reason.
 */
export function useImmunizationForm(options: UseImmunizationFormOptions) {
  const { patientId, immunizationId } = options;
  const clinik = useClinik();
  const m = immunizationMessages(options.messages);
  const timeZone =
    options.timeZone && isValidTimeZone(options.timeZone) ? options.timeZone : clinik.timeZone;
  const valueSets = useImmunizationValueSets();
  const practitioners = useResourceList('practitioners', { count: 100 });

  const form = useResourceForm<'immunizations', ImmunizationFormValues>({
    path: 'immunizations',
    recordId: immunizationId,
    scopeKey: `patient:${patientId}|zone:${timeZone}`,
    fields: IMMUNIZATION_FIELDS,
    valuesOf: (record) => valuesFromImmunization(record, timeZone),
    initialValues:
      immunizationId === undefined
        ? {
            ...emptyImmunizationValues,
            performerId: options.performerId ?? clinik.practitionerId ?? '',
            ...options.defaultValues,
          }
        : emptyImmunizationValues,
    createBody: (values) =>
      immunizationBody(values, { patientId, encounterId: options.encounterId, timeZone }),
    patchBody: (edits, stored) => immunizationPatch(edits, stored, timeZone),
    validators: loadValidators,
    check: (values) => checkImmunization(values, { timeZone, now: clinik.now() }, m),
    fieldByPath: IMMUNIZATION_FIELD_BY_PATH,
    labelOf: (field) => labelOf(field, m),
    messages: {
      ...m,
      saved: m.immunizationSaved,
      cannotClear: (label) => (label === m.statusReason ? m.reasonStays : m.cannotClear(label)),
    },
    onSaved: options.onSaved,
  });

  const wrongPatient = form.stored !== undefined && form.stored.patientId !== patientId;
  const performerShown = form.values.performerId;
  const performer = useResource('practitioners', performerShown || undefined);
  const listed = practitioners.data?.data ?? [];
  const performers = [...listed].sort((a, b) => a.fullName.localeCompare(b.fullName));
  if (performerShown && !performers.some((p) => p.id === performerShown)) {
    // Given by someone outside the first page (or an id the list cannot name): still shown.
    const name = performer.data?.id === performerShown ? performer.data.fullName : performerShown;
    performers.unshift({ ...(performer.data ?? {}), id: performerShown, fullName: name } as never);
  }

  return {
    ...form,
    messages: m,
    timeZone,
    valueSets,
    /** Practitioners to pick the performer from (the first 100, and the one chosen). */
    performers: performers.map((p) => ({ id: p.id, name: p.fullName })),
    performersLoading: practitioners.isPending,
    /** The stored immunization belongs to another patient: shown as an error, never saved. */
    wrongPatient,
    /** The "reason not given" input is shown (not done, or a reason is stored). */
    showsReason: form.values.status === 'not-done' || form.stored?.statusReason !== undefined,
    submit: () => (wrongPatient ? Promise.resolve() : form.submit()),
    getFormProps: () => ({
      ...form.getFormProps(),
      onSubmit: (event: { preventDefault: () => void }) => {
        event.preventDefault();
        if (!wrongPatient) void form.submit();
      },
    }),
  };
}

/** The label of an input. */
export function labelOf(field: ImmunizationFieldName, m: ImmunizationMessages): string {
  switch (field) {
    case 'vaccineCode':
      return m.vaccine;
    case 'performerId':
      return m.performer;
    default:
      return m[field];
  }
}

export type ImmunizationFormStatus = ResourceFormStatus;
export type ImmunizationFormState = ReturnType<typeof useImmunizationForm>;
