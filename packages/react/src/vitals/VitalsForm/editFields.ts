import type { Observation, ObservationStatus } from '@clinikapi/core';
import {
  flagOf,
  interpretationCoding,
  quantityOf,
  readingOf,
  type VitalReading,
} from '../observations.js';
import { fromWallClockInput, wallClockInput } from '../practiceTime.js';
import { canonicalValue, type EntryUnit, parseDecimal } from '../units.js';
import { MEASURES, measureOfCode, VITALS, type VitalMeasure } from '../vitalSigns.js';
import type { VitalsMessages } from '../vitalsMessages.js';
import { checkMeasure } from './entry.js';

/** The inputs of the form editing one recorded vital, in the order errors are focused. */
export const EDIT_FIELDS = [
  'effectiveDateTime',
  'systolic',
  'diastolic',
  'feet',
  'value',
  'unit',
  'status',
] as const;

export type EditField = (typeof EDIT_FIELDS)[number];

/** What the inputs hold (strings; empty when the record has no such value). */
export type VitalEditValues = Record<EditField, string>;

/** The statuses an edit may set (FHIR R4 ObservationStatus after `final`). */
export const EDIT_STATUSES = ['amended', 'corrected', 'entered-in-error'] as const;

const VALUE_FIELDS = ['systolic', 'diastolic', 'feet', 'value', 'unit'] as const;

export const emptyEditValues: VitalEditValues = {
  effectiveDateTime: '',
  systolic: '',
  diastolic: '',
  feet: '',
  value: '',
  unit: '',
  status: '',
};

/** The single measure of a non-panel vital. */
export const singleMeasure = (reading: VitalReading): VitalMeasure | undefined =>
  VITALS[reading.vital].panel ? undefined : (VITALS[reading.vital].measures[0] as VitalMeasure);

const text = (value: number | undefined, measure: VitalMeasure) =>
  value === undefined ? '' : value.toFixed(MEASURES[measure].decimals);

/** The inputs' values of a stored vital: canonical values in canonical units, time in the zone. */
export function editValuesOf(observation: Observation, timeZone: string): VitalEditValues {
  const reading = readingOf(observation);
  const values = { ...emptyEditValues, status: observation.status };
  if (observation.effectiveDateTime) {
    values.effectiveDateTime = wallClockInput(observation.effectiveDateTime, timeZone);
  }
  if (!reading) return values;
  if (VITALS[reading.vital].panel) {
    values.systolic = text(reading.values.systolic?.value, 'systolic');
    values.diastolic = text(reading.values.diastolic?.value, 'diastolic');
  } else {
    const measure = singleMeasure(reading) as VitalMeasure;
    values.value = text(reading.values[measure]?.value, measure);
    values.unit = MEASURES[measure].ucum;
  }
  return values;
}

/** Whether any value input (or the time) differs from the stored record's. */
export function changesValue(values: VitalEditValues, stored: VitalEditValues): boolean {
  return (
    values.effectiveDateTime !== stored.effectiveDateTime ||
    VALUE_FIELDS.some((f) => values[f] !== stored[f])
  );
}

export interface EditContext {
  timeZone: string;
  locale: string;
  now: Date;
  messages: VitalsMessages;
  /** The record being edited (its current stored copy). */
  stored: Observation | undefined;
}

/**
 * The edit form's `check` (through `useResourceForm`): the time and every value as the entry form
 * checks them, and the status rules: withdrawing (`entered-in-error`) changes nothing else; an
 * amendment or correction changes a value or the time; a computed BMI is not typed over; a
 * stored flag that cannot be recomputed (no reference range stored) blocks a value change.
 */
export function checkEdit(
  values: VitalEditValues,
  context: EditContext,
): Partial<Record<EditField, string>> {
  const { messages, locale } = context;
  const errors: Partial<Record<EditField, string>> = {};
  const stored = context.stored;
  const reading = stored ? readingOf(stored) : undefined;
  if (!stored || !reading) return errors;
  const storedValues = editValuesOf(stored, context.timeZone);

  const time = fromWallClockInput(values.effectiveDateTime, context.timeZone);
  if (!time.ok) {
    errors.effectiveDateTime =
      time.reason === 'nonexistent'
        ? messages.timeMissingInZone(context.timeZone)
        : messages.timeRequired;
  } else if (time.millis > context.now.getTime() + 60_000) {
    errors.effectiveDateTime = messages.timeInFuture;
  }

  const measure = singleMeasure(reading);
  if (!measure) {
    const sys = checkMeasure('systolic', values.systolic, undefined, messages, locale);
    const dia = checkMeasure('diastolic', values.diastolic, undefined, messages, locale);
    if (!sys.ok) errors.systolic = values.systolic.trim() ? sys.message : messages.bothPressures;
    if (!dia.ok) errors.diastolic = values.diastolic.trim() ? dia.message : messages.bothPressures;
    if (sys.ok && dia.ok && sys.value <= dia.value)
      errors.systolic = messages.systolicAboveDiastolic;
  } else if (measure === 'bmi') {
    if (values.value !== storedValues.value) errors.value = messages.bmiComputedOnly;
  } else {
    const result = checkMeasure(
      measure,
      values.value,
      (values.unit || undefined) as EntryUnit | undefined,
      messages,
      locale,
      values.feet,
    );
    if (!result.ok) errors[result.field === 'bodyHeightFeet' ? 'feet' : 'value'] = result.message;
    const flagWithoutRange =
      stored.interpretation !== undefined && reading.values[measure]?.range === undefined;
    if (result.ok && flagWithoutRange && VALUE_FIELDS.some((f) => values[f] !== storedValues[f])) {
      errors.value = messages.flagNotRecomputable;
    }
  }

  const otherChanges = changesValue(values, storedValues);
  if (values.status === 'entered-in-error' && otherChanges) {
    errors.status = messages.enteredInErrorAlone;
  } else if (
    values.status !== storedValues.status &&
    values.status !== 'entered-in-error' &&
    !otherChanges
  ) {
    errors.status = messages.nothingToAmend;
  }
  return errors;
}

/**
 * The PATCH for the user's edits (contract: top-level fields replace whole): the status, the
 * time, and a changed value with its flag recomputed against the range stored with it. Blood
 * pressure sends its `component` array whole, rebuilt from the *latest stored* components with
 * only the edited one replaced. A value change without a chosen status is recorded as `amended`
 * (FHIR R4: a final result changed later) unless the record already is amended or corrected.
 */
export function patchFromEdits(
  edits: Partial<VitalEditValues>,
  stored: Observation,
  timeZone: string,
): { patch: Record<string, unknown>; cleared: EditField[] } {
  const patch: Record<string, unknown> = {};
  const cleared: EditField[] = [];
  const reading = readingOf(stored);
  if (edits.status !== undefined && edits.status !== stored.status) patch.status = edits.status;
  if (edits.effectiveDateTime !== undefined) {
    const time = fromWallClockInput(edits.effectiveDateTime, timeZone);
    if (!time.ok) {
      if (!edits.effectiveDateTime.trim() && stored.effectiveDateTime)
        cleared.push('effectiveDateTime');
    } else if (!stored.effectiveDateTime || Date.parse(stored.effectiveDateTime) !== time.millis) {
      patch.effectiveDateTime = time.iso;
    }
  }
  if (!reading) return { patch, cleared };
  const current = { ...editValuesOf(stored, timeZone), ...edits };
  let valueChanged = false;

  if (VITALS[reading.vital].panel) {
    const edited = (['systolic', 'diastolic'] as const).filter((m) => edits[m] !== undefined);
    for (const m of edited) if (!current[m].trim()) cleared.push(m);
    if (edited.length > 0 && cleared.length === 0) {
      const component = (stored.component ?? []).map((c) => {
        const measure = measureOfCode(typeof c.code === 'object' ? c.code.code : undefined);
        if (measure !== 'systolic' && measure !== 'diastolic') return c;
        const parsed = parseDecimal(current[measure]);
        const value = parsed ? canonicalValue(measure, parsed.value, undefined) : undefined;
        const was = reading.values[measure];
        if (value === undefined || (was?.canonical && was.value === value)) return c;
        valueChanged = true;
        const flag = flagOf(value, was?.range);
        const { interpretation: _stale, ...rest } = c;
        return {
          ...rest,
          valueQuantity: quantityOf(measure, value),
          ...(flag ? { interpretation: interpretationCoding(flag) } : {}),
        };
      });
      if (valueChanged) patch.component = component;
    }
  } else {
    const measure = singleMeasure(reading) as VitalMeasure;
    const touched =
      edits.value !== undefined || edits.unit !== undefined || edits.feet !== undefined;
    if (touched) {
      if (!current.value.trim() && current.unit !== 'ft_in') {
        if (reading.values[measure]) cleared.push('value');
      } else {
        const parsed = parseDecimal(current.value || '0');
        const feet = parseDecimal(current.feet || '0');
        if (parsed && feet) {
          const value = canonicalValue(
            measure,
            parsed.value,
            (current.unit || undefined) as EntryUnit | undefined,
            feet.value,
          );
          const was = reading.values[measure];
          if (!was?.canonical || was.value !== value) {
            valueChanged = true;
            patch.valueQuantity = quantityOf(measure, value);
            const flag = flagOf(value, was?.range);
            if (flag) patch.interpretation = interpretationCoding(flag);
          }
        }
      }
    }
  }
  if (patch.effectiveDateTime !== undefined) valueChanged = true;
  const amendable: ObservationStatus[] = ['amended', 'corrected'];
  if (valueChanged && patch.status === undefined && !amendable.includes(stored.status)) {
    patch.status = 'amended';
  }
  return { patch, cleared };
}
