'use client';
import type { Observation, ObservationCreate } from '@clinikapi/core';
import { type ApiIssue, ClinikApiError } from '@clinikapi/core/client';
import { type ChangeEvent, type FormEvent, useEffect, useId } from 'react';
import { mapFieldIssues } from '../../form/issues.js';
import { useRecordState } from '../../form/recordState.js';
import { useClinik } from '../../provider/context.js';
import { useCreateResource, useResource } from '../../queries/useResourceQueries.js';
import { formatDateTime } from '../../time/format.js';
import { bmiNoteFor, rebuiltBmi } from '../bmi.js';
import { formatMeasure, formatReading } from '../format.js';
import { readingOf } from '../observations.js';
import { usePracticeZone, wallClockInput } from '../practiceTime.js';
import { unitsForLocale, type VitalUnits } from '../units.js';
import { usePatientVitals } from '../usePatientVitals.js';
import { VITAL_KEYS, type VitalKey } from '../vitalSigns.js';
import { type VitalsMessages, vitalsMessages } from '../vitalsMessages.js';
import {
  ENTERED_VITALS,
  ENTRY_FIELDS,
  type EnteredVital,
  type EntryField,
  emptyEntry,
  entryBodies,
  FIELDS_OF,
  readEntry,
  type VitalsEntryValues,
} from './entry.js';
import { type ReferenceRanges, rangesFor } from './ranges.js';

/** Core's schemas (and zod) load with the first form, not with the page. */
const loadValidators = async () => {
  const { validateObservationCreate } = await import('./validateObservation.js');
  return validateObservationCreate;
};

export interface UseVitalsFormOptions {
  /**
   * Whose vitals. The form follows changes of this id: everything typed for the previous
   * patient is dropped, the form shows its loading state until the new patient is loaded, and a
   * save in flight for the previous patient never lands in, or reports to, the new one.
   */
  patientId: string | undefined;
  /** The practitioner recording (stored as `performerId`). Defaults to none: never invented. */
  performerId?: string | undefined;
  /** The encounter the vitals belong to. Defaults to none. */
  encounterId?: string | undefined;
  /** IANA zone the time is entered in. Defaults to the provider's. */
  timeZone?: string | undefined;
  /** Units the inputs start in (each has a unit picker). Defaults to the locale's (US customary for en-US). */
  units?: Partial<VitalUnits> | undefined;
  /** Which vitals to offer, in chart order. Defaults to all. */
  vitals?: readonly EnteredVital[] | undefined;
  /** Compute and record BMI with a weight. Defaults to true. */
  bmi?: boolean | undefined;
  /** Reference ranges replacing the built-in adult ones (see `rangesFor`). Defaults to none. */
  referenceRanges?: ReferenceRanges | undefined;
  /** Called with the Observations created by a save (also after a partial save). */
  onSaved?: ((observations: Observation[]) => void) | undefined;
  /** Label overrides. Defaults to English. */
  messages?: Partial<VitalsMessages> | undefined;
}

export type VitalsFormStatus =
  | 'loading'
  | 'load-error'
  | 'idle'
  | 'submitting'
  | 'invalid'
  | 'partial'
  | 'error'
  | 'saved';

/** Why a vital was not saved. */
export type FailureReason = 'rejected' | 'server' | 'unknown' | 'offline';

interface EntryState {
  values: VitalsEntryValues;
  fieldErrors: Partial<Record<EntryField, string>>;
  formErrors: string[];
  status: Exclude<VitalsFormStatus, 'loading' | 'load-error'>;
  /** Saved since the entry started (a partial save keeps them here, never sends them again). */
  saved: { vital: VitalKey; observation: Observation }[];
  failed: { vital: VitalKey; reason: FailureReason }[];
  /** A computed BMI whose weight was saved but which is not saved yet: sent with the next save. */
  pendingBmi: PendingBmi | undefined;
  focus: string | undefined;
  notice: string | undefined;
}

/**
 * A computed BMI held back until what it is computed from is stored: it names them (FHIR
 * `derivedFrom`, weight first), so it is never sent before both have ids.
 */
interface PendingBmi {
  body: ObservationCreate;
  weightKg: number;
  heightCm: number;
  weightId: string;
  /** The recorded height used, or the typed one once stored; none while that is unsaved. */
  heightId: string | undefined;
}

const reasonOf = (error: unknown): FailureReason => {
  if (!(error instanceof ClinikApiError)) return 'unknown';
  if (error.status === 0) return error.name === 'ClinikNetworkError' ? 'offline' : 'unknown';
  if (error.status >= 400 && error.status < 500) return 'rejected';
  // A gateway that gave up (502, 504) may have passed the request on: outcome unknown.
  return error.status === 502 || error.status === 504 ? 'unknown' : 'server';
};

/** 422 issue paths (core's `formatPath`) of one vital's body -> its inputs. */
function fieldByPathOf(vital: VitalKey): Record<string, EntryField> {
  const time = { effectiveDateTime: 'effectiveDateTime' as const };
  if (vital === 'bloodPressure') {
    const paths: Record<string, EntryField> = { ...time };
    for (const [index, field] of [
      [0, 'systolic'],
      [1, 'diastolic'],
    ] as const) {
      for (const suffix of ['', '.valueQuantity', '.valueQuantity.value', '.valueQuantity.unit']) {
        paths[`component[${index}]${suffix}`] = field;
      }
    }
    return paths;
  }
  const field: EntryField = vital === 'bmi' ? 'bodyWeight' : (vital as EntryField);
  return {
    ...time,
    valueQuantity: field,
    'valueQuantity.value': field,
    'valueQuantity.unit': field,
  };
}

/**
 * State, checks and submission of the vitals entry form, without markup: one submit records
 * every vital typed, one Observation each (blood pressure as one 85354-9 panel with systolic and
 * diastolic components), plus the BMI computed from the weight and the height typed (or, when
 * only a weight is typed, the latest recorded height, said so in the form and in the BMI's note).
 *
 * Nothing is sent unless every typed vital passes its checks (number, precision, plausible
 * bounds after unit conversion, both blood pressures, a time that exists in the practice zone
 * and is not in the future) and core's schema. Then the vitals are created in parallel and the
 * BMI after its weight. **Partial failure:** each saved vital's inputs are emptied and listed as
 * saved; each failed one keeps its typed value and is named with the reason; the next submit
 * sends only what is not saved yet (never a saved vital twice). A failure with no answer
 * (timeout, gateway) says the vital may have been saved and to check the list first.
 */
export function useVitalsForm(options: UseVitalsFormOptions) {
  const { patientId } = options;
  const clinik = useClinik();
  const timeZone = usePracticeZone(options.timeZone);
  const messages = vitalsMessages(options.messages);
  const idPrefix = useId();
  const units: VitalUnits = { ...unitsForLocale(clinik.locale), ...options.units };
  const vitals = options.vitals ?? ENTERED_VITALS;
  const bmiEnabled = options.bmi ?? true;

  const patient = useResource('patients', patientId);
  const history = usePatientVitals(patientId);
  const create = useCreateResource('observations');

  const recordKey = `patient:${patientId ?? ''}|zone:${timeZone}`;
  const initialState = (): EntryState => ({
    values: emptyEntry(wallClockInput(clinik.now(), timeZone), units),
    fieldErrors: {},
    formErrors: [],
    status: 'idle',
    saved: [],
    failed: [],
    pendingBmi: undefined,
    focus: undefined,
    notice: undefined,
  });
  const [state, setState, isCurrent] = useRecordState(recordKey, initialState);

  useEffect(() => {
    void loadValidators();
  }, []);

  useEffect(() => {
    if (!state.focus) return;
    document.getElementById(`${idPrefix}-${state.focus}`)?.focus();
    setState((s) => ({ ...s, focus: undefined }));
  }, [state.focus, idPrefix, setState]);

  const patientLoaded = patient.data?.id === patientId ? patient.data : undefined;
  const loading = !patientId || !patientLoaded || history.status === 'loading';
  const loadError = Boolean(patientId) && (patient.isError || history.status === 'error');

  const formatWhen = (iso: string) => formatDateTime(iso, { timeZone, locale: clinik.locale });
  const context = {
    timeZone,
    locale: clinik.locale,
    now: clinik.now(),
    messages,
    vitals,
    bmi: bmiEnabled,
    latestHeight: (atOrBefore: number) => {
      const reading = history.latest('bodyHeight', atOrBefore);
      const value = reading?.values.bodyHeight;
      return reading?.effectiveDateTime && value?.canonical
        ? { value: value.value, effectiveDateTime: reading.effectiveDateTime, id: reading.id }
        : undefined;
    },
  };
  const read = readEntry(state.values, context);
  const at = read.effectiveDateTime ? new Date(read.effectiveDateTime) : clinik.now();
  const { ranges, adult } = rangesFor(
    patientLoaded?.birthDate,
    at,
    timeZone,
    options.referenceRanges,
  );

  const refuse = (fieldErrors: Partial<Record<EntryField, string>>, other: string[] = []) =>
    setState((s) => ({
      ...s,
      fieldErrors,
      formErrors: [messages.formHasErrors, ...other],
      status: 'invalid',
      notice: undefined,
      focus: ENTRY_FIELDS.find((name) => fieldErrors[name]) ?? 'alert',
    }));

  // In chart order, whatever order the responses came back in.
  const describe = (list: { vital: VitalKey; observation: Observation }[]) =>
    [...list]
      .sort((a, b) => VITAL_KEYS.indexOf(a.vital) - VITAL_KEYS.indexOf(b.vital))
      .map(({ vital, observation }) => {
        const reading = readingOf(observation);
        const value = reading ? formatReading(reading, messages, clinik.locale) : '';
        return `${messages.vitalLabels[vital]} ${value}`.trim();
      })
      .join(', ');

  const submit = async () => {
    // Everything below is computed from this render's patient and sent for it only.
    const key = recordKey;
    const id = patientId;
    const { values, pendingBmi } = state;
    if (!id || state.status === 'submitting' || loading || !patientLoaded) return;
    const entry = readEntry(values, { ...context, now: clinik.now() });
    if (entry.entered.length === 0 && !pendingBmi) {
      setState((s) => ({
        ...s,
        fieldErrors: {},
        formErrors: [messages.enterSomething],
        status: 'invalid',
        notice: undefined,
        focus: FIELDS_OF[vitals[0] ?? 'heartRate'][0],
      }));
      return;
    }
    if (Object.keys(entry.errors).length > 0) return refuse(entry.errors);

    const measuredAt = entry.effectiveDateTime ? new Date(entry.effectiveDateTime) : clinik.now();
    const target = {
      patientId: id,
      performerId: options.performerId,
      encounterId: options.encounterId,
      ranges: rangesFor(patientLoaded.birthDate, measuredAt, timeZone, options.referenceRanges)
        .ranges,
      formatWhen,
    };
    const bodies = entryBodies(entry, target, messages, clinik.locale);
    // What the BMI is computed from: this entry's weight (and typed or recorded height), or the
    // held-back BMI of an earlier save.
    const fromEntry = entry.bmi && bodies.some((b) => b.vital === 'bmi');
    const bmiInputs = fromEntry
      ? {
          weightKg: entry.bmi?.weightKg as number,
          heightCm: entry.bmi?.heightCm as number,
          weightId: undefined,
          heightId: entry.bmi?.heightId,
        }
      : pendingBmi;
    if (pendingBmi && !fromEntry) bodies.push({ vital: 'bmi', body: pendingBmi.body });

    const validate = await loadValidators();
    if (!isCurrent(key)) return;
    const fieldErrors: Partial<Record<EntryField, string>> = {};
    const otherErrors: string[] = [];
    const checked: { vital: VitalKey; body: ObservationCreate }[] = [];
    for (const { vital, body } of bodies) {
      const result = validate(body);
      if (result.success) {
        checked.push({ vital, body: result.data });
        continue;
      }
      const mapped = mapIssues(vital, result.issues);
      Object.assign(fieldErrors, { ...mapped.fieldErrors, ...fieldErrors });
      otherErrors.push(...mapped.otherErrors);
    }
    if (Object.keys(fieldErrors).length > 0 || otherErrors.length > 0) {
      return refuse(fieldErrors, otherErrors);
    }

    setState((s) => ({
      ...s,
      status: 'submitting',
      fieldErrors: {},
      formErrors: [],
      notice: undefined,
    }));
    const saved: { vital: VitalKey; observation: Observation }[] = [];
    const failed: { vital: VitalKey; reason: FailureReason; issues?: readonly ApiIssue[] }[] = [];
    const send = async ({ vital, body }: { vital: VitalKey; body: ObservationCreate }) => {
      try {
        saved.push({ vital, observation: await create.mutateAsync(body) });
      } catch (error) {
        failed.push({
          vital,
          reason: reasonOf(error),
          issues: error instanceof ClinikApiError ? error.issues : undefined,
        });
      }
    };
    const primary = checked.filter((b) => b.vital !== 'bmi');
    await Promise.all(primary.map(send));
    // The BMI goes after what it is computed from, only once that is stored, naming it.
    const bmi = checked.find((b) => b.vital === 'bmi');
    let nextPendingBmi: PendingBmi | undefined;
    if (bmi && bmiInputs) {
      const savedNow = (vital: VitalKey) => saved.find((s) => s.vital === vital)?.observation;
      const weightId = bmiInputs.weightId ?? savedNow('bodyWeight')?.id;
      const height = bmiInputs.heightId === undefined ? savedNow('bodyHeight') : undefined;
      const heightId = bmiInputs.heightId ?? height?.id;
      let body = bmi.body;
      // A held-back BMI whose typed height was changed before it was stored: computed again.
      const storedHeight = height?.valueQuantity?.value;
      if (storedHeight !== undefined && storedHeight !== bmiInputs.heightCm) {
        body = rebuiltBmi(
          body,
          bmiInputs.weightKg,
          storedHeight,
          bmiNoteFor(bmiInputs.weightKg, storedHeight, undefined, messages, clinik.locale),
        );
      }
      const pending = (heldId: string | undefined): PendingBmi | undefined =>
        weightId
          ? {
              body,
              weightKg: bmiInputs.weightKg,
              heightCm: storedHeight ?? bmiInputs.heightCm,
              weightId,
              heightId: heldId,
            }
          : undefined;
      // A failed weight: no BMI held (it is computed again from the kept weight). A height
      // not stored (failed, or no longer typed): held until it is.
      if (!weightId) nextPendingBmi = undefined;
      else if (!heightId) nextPendingBmi = pending(undefined);
      else {
        await send({ vital: 'bmi', body: { ...body, derivedFromIds: [weightId, heightId] } });
        if (failed.some((f) => f.vital === 'bmi')) nextPendingBmi = pending(heightId);
      }
    }

    const savedVitals = new Set(saved.map((s) => s.vital));
    const issueErrors: Partial<Record<EntryField, string>> = {};
    for (const f of failed) {
      if (f.issues && f.issues.length > 0)
        Object.assign(issueErrors, mapIssues(f.vital, f.issues).fieldErrors);
    }
    setState((s) => {
      const allSaved = s.saved.concat(saved);
      if (failed.length === 0 && !nextPendingBmi) {
        return {
          ...initialState(),
          status: 'saved',
          notice: messages.vitalsSaved(describe(allSaved)),
          // The confirmation takes focus (the pressed button kept it while saving).
          focus: 'status',
        };
      }
      const nextValues = { ...s.values };
      for (const vital of ENTERED_VITALS) {
        if (!savedVitals.has(vital)) continue;
        for (const field of FIELDS_OF[vital]) nextValues[field] = '';
      }
      const reason = (r: FailureReason) =>
        r === 'rejected'
          ? messages.reasonRejected
          : r === 'server'
            ? messages.reasonServer
            : r === 'offline'
              ? messages.reasonOffline
              : messages.reasonUnknown;
      const failedText = failed
        .map((f) => messages.failedBecause(messages.vitalLabels[f.vital], reason(f.reason)))
        .concat(
          nextPendingBmi && !failed.some((f) => f.vital === 'bmi')
            ? [messages.vitalLabels.bmi]
            : [],
        )
        .join('; ');
      return {
        ...s,
        values: nextValues,
        saved: allSaved,
        failed: failed.map(({ vital, reason: r }) => ({ vital, reason: r })),
        pendingBmi: nextPendingBmi,
        fieldErrors: issueErrors,
        formErrors: [
          allSaved.length > 0
            ? messages.partlySaved(describe(allSaved), failedText)
            : messages.noneSaved(failedText),
        ],
        status: allSaved.length > 0 ? 'partial' : 'error',
        notice: undefined,
        focus: 'alert',
      };
    });
    if (saved.length > 0 && isCurrent(key)) options.onSaved?.(saved.map((s) => s.observation));
  };

  function mapIssues(vital: VitalKey, issues: readonly ApiIssue[]) {
    return mapFieldIssues<EntryField>(
      issues,
      fieldByPathOf(vital),
      (field) =>
        field === 'effectiveDateTime'
          ? messages.effectiveDateTime
          : field === 'bodyHeightFeet'
            ? messages.feet
            : messages.measureLabels[field],
      messages,
    );
  }

  const setValue = <F extends keyof VitalsEntryValues>(name: F, value: VitalsEntryValues[F]) =>
    setState((s) => ({
      ...s,
      values: { ...s.values, [name]: value },
      status: s.status === 'saved' ? 'idle' : s.status,
      notice: undefined,
    }));

  const fieldId = (name: string) => `${idPrefix}-${name}`;
  const errorId = (name: string) => `${idPrefix}-${name}-error`;
  const hintId = (name: string) => `${idPrefix}-${name}-hint`;
  const status: VitalsFormStatus = loadError ? 'load-error' : loading ? 'loading' : state.status;

  return {
    messages,
    timeZone,
    locale: clinik.locale,
    values: state.values,
    setValue,
    status,
    fieldErrors: state.fieldErrors,
    formErrors: state.formErrors,
    /** A confirmation for a polite live region. */
    notice: state.notice,
    /** What this entry has saved so far (kept after a partial save). */
    saved: state.saved,
    /** What the last save could not store, and why. */
    failed: state.failed,
    /** The entry read and checked as it stands: canonical values, BMI, errors (not yet shown). */
    entry: read,
    /** The reference range each measure is flagged against (none for children: see `adult`). */
    ranges,
    /** Whether the built-in adult ranges apply (patient 18 or over at the time of measurement). */
    adult,
    /** The latest recorded height used for the BMI when only a weight is typed. */
    latestHeight: read.bmi?.heightFrom
      ? { value: read.bmi.heightCm, effectiveDateTime: read.bmi.heightFrom }
      : undefined,
    vitals,
    bmiEnabled,
    pendingBmi: state.pendingBmi !== undefined,
    formatWhen,
    formatMeasure: (measure: Parameters<typeof formatMeasure>[0], value: number) =>
      formatMeasure(measure, value, messages, clinik.locale),
    retryLoad: () => {
      if (patient.isError) void patient.refetch();
      if (history.status === 'error') void history.query.refetch();
    },
    /** Why loading the patient or their vitals failed (core's typed error), when it did. */
    loadError: patient.error ?? history.query.error,
    submit,
    fieldId,
    errorId,
    hintId,
    alertId: fieldId('alert'),
    /** Id of the polite status message that says what was saved; it takes focus after a save. */
    statusId: fieldId('status'),
    getFormProps: () => ({
      noValidate: true,
      'aria-busy': status === 'submitting' || status === 'loading',
      onSubmit: (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        void submit();
      },
    }),
    /** Props for a text input: value, change, id, label wiring, error and hint description. */
    getInputProps: (name: EntryField, hasHint = false) => ({
      id: fieldId(name),
      name,
      value: state.values[name],
      onChange: (event: ChangeEvent<HTMLInputElement>) => setValue(name, event.target.value),
      'aria-invalid': state.fieldErrors[name] ? true : undefined,
      'aria-describedby':
        [state.fieldErrors[name] ? errorId(name) : '', hasHint ? hintId(name) : '']
          .filter(Boolean)
          .join(' ') || undefined,
    }),
  };
}

export type VitalsFormState = ReturnType<typeof useVitalsForm>;
