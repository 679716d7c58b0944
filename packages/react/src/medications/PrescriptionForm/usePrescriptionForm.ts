'use client';
import type { Prescription } from '@clinikapi/core';
import { useEffect, useId, useRef } from 'react';
import { useRecordState } from '../../form/recordState.js';
import { type ResourceFormStatus, useResourceForm } from '../../form/useResourceForm.js';
import { useClinik } from '../../provider/context.js';
import { useResource } from '../../queries/useResourceQueries.js';
import { isValidTimeZone, toZonedIso } from '../../time/zone.js';
import { type CodeValue, codeLabel } from '../codes.js';
import { describeDosage } from '../dosage.js';
import { type MedicationMessages, medicationMessages } from '../medicationMessages.js';
import { type AllergyCheck, type ResolveIngredients, useAllergyCheck } from '../useAllergyCheck.js';
import { useMedicationValueSets } from '../useMedicationValueSets.js';
import {
  checkPrescription,
  dosageFromValues,
  emptyPrescriptionValues,
  PRESCRIPTION_FIELD_BY_PATH,
  PRESCRIPTION_FIELDS,
  type PrescriptionFieldName,
  type PrescriptionFormValues,
  prescriptionBody,
  prescriptionPatch,
  valuesFromPrescription,
} from './fields.js';

/** Core's schemas (and zod) load with the first form, not with the package. */
const loadValidators = async () => {
  const { validatePrescriptionCreate, validatePrescriptionPatch } = await import(
    './validatePrescription.js'
  );
  return { create: validatePrescriptionCreate, patch: validatePrescriptionPatch };
};

const ALL_GROUPS = new Set(['dose', 'route', 'timing', 'duration', 'asNeeded'] as const);

export interface UsePrescriptionFormOptions {
  /**
   * The patient the prescription is for. The form follows this id: what was typed for another
   * patient is dropped, the allergy check reads this patient's allergies only, and a save in
   * flight for the previous patient never lands in (or reports to) the new one.
   */
  patientId: string;
  /** Edit this prescription (loaded first); without it the form creates one. */
  prescriptionId?: string | undefined;
  /**
   * The prescriber (a Practitioner id, FHIR `requester`), usually the signed-in clinician. Never
   * invented: without it the form says so and the prescription is saved without a prescriber.
   * Edit mode keeps the stored prescriber. Defaults to the provider's `practitionerId`, if any.
   */
  prescriberId?: string | undefined;
  /** The encounter it is written in. Defaults to none. */
  encounterId?: string | undefined;
  /** Starting values in create mode (e.g. an RxNorm `medication` coding). Defaults to empty. */
  defaultValues?: Partial<PrescriptionFormValues> | undefined;
  /**
   * Resolves a medication coding's ingredients for the allergy check, e.g. from RxNav. Defaults
   * to a small built-in RxNorm table (names are compared as well either way).
   */
  resolveIngredients?: ResolveIngredients | undefined;
  /** IANA zone `authoredOn` is written in. Defaults to the provider's. */
  timeZone?: string | undefined;
  /** Called with the stored prescription after a save (not once the form has moved on). */
  onSaved?: ((prescription: Prescription) => void) | undefined;
  /** Label overrides. Defaults to English. */
  messages?: Partial<MedicationMessages> | undefined;
}

interface AllergyGateState {
  /** The check signature the user acknowledged (see `AllergyCheck.signature`). */
  acknowledged: string | undefined;
  /** A save was refused for want of an acknowledgement (counts, to move focus each time). */
  refusals: number;
  /** The reason the last save was refused, when it was the allergy check. */
  refusal: 'confirm' | undefined;
  /** A save waits for the allergy check to finish (it runs on its own once it has). */
  pending: boolean;
}

/**
 * State, validation and submission of the prescription form, without markup: the form kit's
 * `useResourceForm` (record identity, edits-only PATCH with If-Match / updatedAt, theirs-vs-yours
 * conflicts, 422 mapping) with the prescription's fields, plus two safety checks of its own:
 * - an allergy check (`allergyCheck`): when the patient has an active allergy matching the
 *   medication (by RxNorm code or ingredient, else by name), a save is refused until the user
 *   acknowledges that exact warning (`acknowledgeAllergy`); when the allergies cannot be read,
 *   until the user acknowledges saving unchecked. Runs in create mode and when the medication is
 *   edited;
 * - a prescriber that is never invented (`prescriber`: the prop's, the stored one, or none).
 */
export function usePrescriptionForm(options: UsePrescriptionFormOptions) {
  const { patientId, prescriptionId, encounterId } = options;
  const clinik = useClinik();
  const prescriberId = options.prescriberId ?? clinik.practitionerId;
  const m = medicationMessages(options.messages);
  const zone =
    options.timeZone && isValidTimeZone(options.timeZone) ? options.timeZone : clinik.timeZone;
  const valueSets = useMedicationValueSets();
  const scopeKey = `patient:${patientId}`;
  const [gate, setGate] = useRecordState<AllergyGateState>(
    `${scopeKey}|${prescriptionId ?? 'new'}`,
    () => ({ acknowledged: undefined, refusals: 0, refusal: undefined, pending: false }),
  );

  const form = useResourceForm<'prescriptions', PrescriptionFormValues>({
    path: 'prescriptions',
    recordId: prescriptionId,
    scopeKey,
    fields: PRESCRIPTION_FIELDS,
    valuesOf: valuesFromPrescription,
    initialValues:
      prescriptionId === undefined
        ? { ...emptyPrescriptionValues, ...options.defaultValues }
        : emptyPrescriptionValues,
    createBody: (values) =>
      prescriptionBody(values, {
        patientId,
        prescriberId,
        encounterId,
        authoredOn: toZonedIso(clinik.now(), zone),
        messages: m,
      }),
    patchBody: (edits, stored) => prescriptionPatch(edits, stored, m),
    validators: loadValidators,
    check: (values) => checkPrescription(values, m),
    fieldByPath: PRESCRIPTION_FIELD_BY_PATH,
    labelOf: (field) => labelOf(field, m),
    messages: { ...m, saved: m.prescriptionSaved },
    onSaved: (saved) => {
      setGate({ acknowledged: undefined, refusals: 0, refusal: undefined, pending: false });
      options.onSaved?.(saved);
    },
  });

  // A prescription of another patient is never shown or written under this one.
  const wrongPatient = form.stored !== undefined && form.stored.patientId !== patientId;
  const medication = form.values.medication as CodeValue;
  const checksAllergies = !form.isEditing || 'medication' in form.edits;
  const allergyCheck: AllergyCheck = useAllergyCheck({
    patientId,
    medication: checksAllergies ? medication : undefined,
    resolveIngredients: options.resolveIngredients,
  });
  const acknowledged =
    allergyCheck.signature !== '' && gate.acknowledged === allergyCheck.signature;
  const needsAcknowledgement =
    (allergyCheck.status === 'ready' && allergyCheck.matches.length > 0) ||
    allergyCheck.status === 'unavailable';

  const prescriberOf = form.isEditing ? form.stored?.practitionerId : prescriberId;
  const prescriber = useResource('practitioners', prescriberOf);

  const warningRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (gate.refusals > 0) warningRef.current?.focus();
  }, [gate.refusals]);

  const submit = async () => {
    if (wrongPatient) return;
    if (checksAllergies && allergyCheck.status === 'checking') {
      // Saved by the effect below once the check has an answer, from that render's state.
      setGate((g) => ({ ...g, pending: true, refusal: undefined }));
      return;
    }
    if (checksAllergies && needsAcknowledgement && !acknowledged) {
      setGate((g) => ({ ...g, refusal: 'confirm', refusals: g.refusals + 1, pending: false }));
      return;
    }
    setGate((g) => ({ ...g, refusal: undefined, pending: false }));
    await form.submit();
  };

  const checkDone = allergyCheck.status !== 'checking';
  useEffect(() => {
    if (gate.pending && checkDone) void submit();
  });

  const warningId = useId();
  const values = form.values;
  const preview = describeDosage(
    {
      dosage: dosageFromValues(values, undefined, ALL_GROUPS, m),
      dosageInstruction: undefined,
    },
    m,
  );

  return {
    ...form,
    values,
    messages: m,
    submit,
    /** The curated routes, units and reasons (undefined until loaded). */
    valueSets,
    /** The stored prescription belongs to another patient: shown as an error, never saved. */
    wrongPatient,
    /** The allergy check of the medication as typed (see `useAllergyCheck`). */
    allergyCheck: checksAllergies
      ? allergyCheck
      : ({ status: 'idle', matches: [], signature: '' } as const),
    /** Whether the user acknowledged the current allergy warning. */
    allergyAcknowledged: acknowledged,
    /** Acknowledges (or withdraws) the warning shown now; a new medication or allergy resets it. */
    acknowledgeAllergy: (yes: boolean) =>
      setGate((g) => ({ ...g, acknowledged: yes ? allergyCheck.signature : undefined })),
    /** Why the last save was refused by the allergy check, if it was. */
    allergyRefusal: gate.refusal,
    /** A save is waiting for the allergy check (it continues by itself). */
    savePending: gate.pending,
    /** Id of the warning region, which receives focus when a save is refused for it. */
    allergyWarningId: warningId,
    allergyWarningRef: warningRef,
    /** The prescriber: the id used and its loaded record, or none known. */
    prescriber: {
      id: prescriberOf,
      name: prescriber.data?.id === prescriberOf ? prescriber.data?.fullName : undefined,
      loading: Boolean(prescriberOf) && prescriber.isPending,
    },
    /** The structured dosage as words, as currently typed ("1 capsule, Oral route, 3 times a day"). */
    dosagePreview: preview,
    medicationLabel: codeLabel(medication),
    setValue: form.setValue,
    getFormProps: () => ({
      ...form.getFormProps(),
      onSubmit: (event: { preventDefault: () => void }) => {
        event.preventDefault();
        void submit();
      },
    }),
  };
}

/** The label of an input. */
export function labelOf(field: PrescriptionFieldName, m: MedicationMessages): string {
  switch (field) {
    case 'doseValue':
      return m.dose;
    case 'durationValue':
      return m.durationValue;
    case 'quantityValue':
      return m.quantity;
    case 'status':
      return m.initialStatus;
    default:
      return m[field];
  }
}

export type PrescriptionFormStatus = ResourceFormStatus;
export type PrescriptionFormState = ReturnType<typeof usePrescriptionForm>;
