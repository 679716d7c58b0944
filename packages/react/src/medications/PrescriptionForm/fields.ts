import type {
  Dosage,
  DoseQuantity,
  Prescription,
  PrescriptionCreate,
  TimeUnit,
} from '@clinikapi/core';
import { type CodeValue, codeFromKey, codeKey, codeLabel, codingOf } from '../codes.js';
import { dosesPerDay, TIME_UNIT_CODES } from '../dosage.js';
import type { MedicationMessages } from '../medicationMessages.js';

const UCUM = 'http://unitsofmeasure.org';

export const PRESCRIPTION_FIELDS = [
  'medication',
  'doseValue',
  'doseUnit',
  'route',
  'frequency',
  'period',
  'periodUnit',
  'durationValue',
  'durationUnit',
  'asNeeded',
  'dosageInstruction',
  'quantityValue',
  'quantityUnit',
  'refills',
  'substitution',
  'status',
  'note',
] as const;

export type PrescriptionFieldName = (typeof PRESCRIPTION_FIELDS)[number];

/**
 * What the inputs hold. Numbers are the inputs' text (checked before sending); coded selects
 * hold `codeKey`s (the JSON of the coding or text, so any stored code round-trips); units hold
 * `unitKey`s.
 */
export type PrescriptionFormValues = {
  /** Text, or a coding (e.g. RxNorm) from a coded input. */
  medication: CodeValue;
  doseValue: string;
  doseUnit: string;
  route: string;
  frequency: string;
  period: string;
  periodUnit: string;
  durationValue: string;
  durationUnit: string;
  asNeeded: boolean;
  dosageInstruction: string;
  quantityValue: string;
  quantityUnit: string;
  refills: string;
  substitution: '' | 'allowed' | 'not-allowed';
  /** Create mode only (`active` or `draft`); status changes of a stored one have their own panel. */
  status: string;
  note: string;
};

/** API field paths (core's `formatPath`) -> inputs, for 422 issues. */
export const PRESCRIPTION_FIELD_BY_PATH: Readonly<Record<string, PrescriptionFieldName>> = {
  medication: 'medication',
  'medication.code': 'medication',
  'medication.display': 'medication',
  'dosage.doseQuantity': 'doseValue',
  'dosage.doseQuantity.value': 'doseValue',
  'dosage.doseQuantity.unit': 'doseUnit',
  'dosage.doseQuantity.code': 'doseUnit',
  'dosage.doseQuantity.system': 'doseUnit',
  'dosage.route': 'route',
  'dosage.timing.repeat.frequency': 'frequency',
  'dosage.timing.repeat.period': 'period',
  'dosage.timing.repeat.periodUnit': 'periodUnit',
  'dosage.timing.repeat.boundsDuration': 'durationValue',
  'dosage.timing.repeat.boundsDuration.value': 'durationValue',
  'dosage.timing.repeat.boundsDuration.code': 'durationUnit',
  dosageInstruction: 'dosageInstruction',
  quantity: 'quantityValue',
  'quantity.value': 'quantityValue',
  'quantity.unit': 'quantityUnit',
  refills: 'refills',
  substitution: 'substitution',
  'substitution.allowedBoolean': 'substitution',
  status: 'status',
  note: 'note',
};

/** A quantity's unit as one string: the UCUM code, or `unit:<text>` for a unit without a code. */
export type UnitKey = string;

export function unitKeyOf(q: Pick<DoseQuantity, 'unit' | 'code' | 'system'> | undefined): UnitKey {
  if (!q) return '';
  if (q.code) return JSON.stringify({ unit: q.unit, system: q.system, code: q.code });
  return q.unit ? JSON.stringify({ unit: q.unit }) : '';
}

/** A UCUM unit from the offered list as a unit key. */
export const ucumUnitKey = (code: string, unit: string): UnitKey =>
  JSON.stringify({ unit, system: UCUM, code });

function unitFromKey(key: string): Omit<DoseQuantity, 'value'> | undefined {
  if (!key) return undefined;
  try {
    const parsed = JSON.parse(key) as Omit<DoseQuantity, 'value'>;
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as Omit<
      DoseQuantity,
      'value'
    >;
  } catch {
    return undefined;
  }
}

/** A unit key as shown: its `unit`, else its code. */
export function unitLabel(key: string): string {
  const unit = unitFromKey(key);
  return unit?.unit ?? unit?.code ?? '';
}

const text = (n: number | undefined) => (n === undefined ? '' : String(n));

export const emptyPrescriptionValues: PrescriptionFormValues = {
  medication: '',
  doseValue: '',
  doseUnit: '',
  route: '',
  frequency: '',
  period: '1',
  periodUnit: 'd',
  durationValue: '',
  durationUnit: 'd',
  asNeeded: false,
  dosageInstruction: '',
  quantityValue: '',
  quantityUnit: '',
  refills: '',
  substitution: '',
  status: 'active',
  note: '',
};

/** The inputs' values of a stored prescription. */
export function valuesFromPrescription(p: Prescription): PrescriptionFormValues {
  const d = p.dosage;
  const repeat = d?.timing?.repeat;
  const bounds = repeat?.boundsDuration;
  return {
    medication: p.medication,
    doseValue: text(d?.doseQuantity?.value),
    doseUnit: unitKeyOf(d?.doseQuantity),
    route: codeKey(d?.route),
    frequency: text(repeat?.frequency),
    period: repeat ? text(repeat.period) : '1',
    periodUnit: repeat?.periodUnit ?? 'd',
    durationValue: text(bounds?.value),
    durationUnit: bounds?.code ?? 'd',
    asNeeded: d?.asNeededBoolean === true,
    dosageInstruction: p.dosageInstruction ?? '',
    quantityValue: text(p.quantity?.value),
    quantityUnit: unitKeyOf(p.quantity),
    refills: text(p.refills),
    substitution:
      p.substitution === undefined ? '' : p.substitution.allowedBoolean ? 'allowed' : 'not-allowed',
    status: p.status,
    note: p.note ?? '',
  };
}

const numberOf = (value: string) => (value.trim() === '' ? undefined : Number(value.trim()));
const isTimeUnit = (unit: string): unit is TimeUnit =>
  (TIME_UNIT_CODES as readonly string[]).includes(unit) || unit === 's';

const DOSE = ['doseValue', 'doseUnit'] as const;
const TIMING = ['frequency', 'period', 'periodUnit'] as const;
const DURATION = ['durationValue', 'durationUnit'] as const;

/**
 * The structured dosage for the inputs, built on `base` (the latest stored dosage in edit mode):
 * only the groups in `groups` (dose, route, timing, duration, as needed) are taken from the
 * inputs, every other part of `base` is kept. `undefined` when nothing is left.
 */
export function dosageFromValues(
  values: PrescriptionFormValues,
  base: Dosage | undefined,
  groups: ReadonlySet<'dose' | 'route' | 'timing' | 'duration' | 'asNeeded'>,
  m: MedicationMessages,
): Dosage | undefined {
  const dosage: Dosage = structuredClone(base ?? {});
  if (groups.has('dose')) {
    const value = numberOf(values.doseValue);
    const unit = unitFromKey(values.doseUnit);
    if (value === undefined) delete dosage.doseQuantity;
    else dosage.doseQuantity = { value, ...unit };
  }
  if (groups.has('route')) {
    const route = codeFromKey(values.route);
    if (route === undefined) delete dosage.route;
    else dosage.route = route;
  }
  if (groups.has('timing') || groups.has('duration')) {
    const frequency = numberOf(values.frequency);
    const period = numberOf(values.period);
    const bounds = numberOf(values.durationValue);
    const stored = base?.timing?.repeat;
    if (frequency === undefined) {
      delete dosage.timing;
    } else {
      const durationUnit = values.durationUnit;
      const keepBounds = !groups.has('duration') ? stored?.boundsDuration : undefined;
      dosage.timing = {
        repeat: {
          frequency,
          period: period ?? 1,
          periodUnit: (isTimeUnit(values.periodUnit) ? values.periodUnit : 'd') as TimeUnit,
          ...(keepBounds ? { boundsDuration: keepBounds } : {}),
          ...(groups.has('duration') && bounds !== undefined && isTimeUnit(durationUnit)
            ? {
                boundsDuration: {
                  value: bounds,
                  unit: m.unitsOfTime[durationUnit][bounds === 1 ? 'one' : 'other'],
                  system: UCUM,
                  code: durationUnit,
                },
              }
            : {}),
        },
      };
    }
  }
  if (groups.has('asNeeded')) {
    if (values.asNeeded) dosage.asNeededBoolean = true;
    else delete dosage.asNeededBoolean;
  }
  return Object.keys(dosage).length > 0 ? dosage : undefined;
}

const ALL_GROUPS = new Set(['dose', 'route', 'timing', 'duration', 'asNeeded'] as const);

function quantityFromValues(values: PrescriptionFormValues) {
  const value = numberOf(values.quantityValue);
  if (value === undefined) return undefined;
  return { value, ...unitFromKey(values.quantityUnit) };
}

function substitutionOf(choice: PrescriptionFormValues['substitution']) {
  return choice === '' ? undefined : { allowedBoolean: choice === 'allowed' };
}

/** What the create body needs besides the inputs. */
export interface PrescriptionContext {
  patientId: string;
  /** The prescriber; left out of the body when unknown (never invented). */
  prescriberId?: string | undefined;
  encounterId?: string | undefined;
  /** When it is written: now, with the practice zone's offset. */
  authoredOn: string;
  messages: MedicationMessages;
}

/**
 * The create body for the inputs: trimmed, empty inputs left out. Loosely typed: the schema
 * decides whether it is a valid `PrescriptionCreate`.
 */
export function prescriptionBody(
  values: PrescriptionFormValues,
  ctx: PrescriptionContext,
): Partial<PrescriptionCreate> {
  const body: Record<string, unknown> = {
    status: values.status || 'active',
    intent: 'order',
    medication:
      typeof values.medication === 'string' ? values.medication.trim() : values.medication,
    patientId: ctx.patientId,
    authoredOn: ctx.authoredOn,
  };
  if (ctx.prescriberId) body.practitionerId = ctx.prescriberId;
  if (ctx.encounterId) body.encounterId = ctx.encounterId;
  const dosage = dosageFromValues(values, undefined, ALL_GROUPS, ctx.messages);
  if (dosage) body.dosage = dosage;
  if (values.dosageInstruction.trim()) body.dosageInstruction = values.dosageInstruction.trim();
  const quantity = quantityFromValues(values);
  if (quantity) body.quantity = quantity;
  const refills = numberOf(values.refills);
  if (refills !== undefined) body.refills = refills;
  const substitution = substitutionOf(values.substitution);
  if (substitution) body.substitution = substitution;
  if (values.note.trim()) body.note = values.note.trim();
  return body as Partial<PrescriptionCreate>;
}

/**
 * The PATCH body for the user's edits only. `dosage`, `quantity` and `substitution` are single
 * fields of the API (a PATCH replaces them whole), so edited parts are merged onto the *stored*
 * copy: a colleague's change to another part is kept. `cleared` lists emptied top-level fields
 * the API cannot remove.
 */
export function prescriptionPatch(
  edits: Partial<PrescriptionFormValues>,
  stored: Prescription,
  m: MedicationMessages,
): { patch: Record<string, unknown>; cleared: PrescriptionFieldName[] } {
  const patch: Record<string, unknown> = {};
  const cleared: PrescriptionFieldName[] = [];
  const values = { ...valuesFromPrescription(stored), ...edits };
  const edited = (names: readonly PrescriptionFieldName[]) => names.some((n) => n in edits);

  if ('medication' in edits) {
    patch.medication =
      typeof values.medication === 'string' ? values.medication.trim() : values.medication;
  }
  const groups = new Set<'dose' | 'route' | 'timing' | 'duration' | 'asNeeded'>();
  if (edited(DOSE)) groups.add('dose');
  if ('route' in edits) groups.add('route');
  if (edited(TIMING)) groups.add('timing');
  if (edited(DURATION)) groups.add('duration');
  if ('asNeeded' in edits) groups.add('asNeeded');
  if (groups.size > 0) {
    const dosage = dosageFromValues(values, stored.dosage, groups, m) ?? {};
    if (JSON.stringify(dosage) !== JSON.stringify(stored.dosage ?? {})) patch.dosage = dosage;
  }

  const topText = (name: 'dosageInstruction' | 'note') => {
    if (!(name in edits)) return;
    const value = values[name].trim();
    if (value === '') {
      if (stored[name]) cleared.push(name);
    } else if (value !== stored[name]) patch[name] = value;
  };
  topText('dosageInstruction');
  topText('note');

  if (edited(['quantityValue', 'quantityUnit'])) {
    const quantity = quantityFromValues(values);
    if (!quantity) {
      if (stored.quantity) cleared.push('quantityValue');
    } else if (JSON.stringify(quantity) !== JSON.stringify(stored.quantity)) {
      patch.quantity = quantity;
    }
  }
  if ('refills' in edits) {
    const refills = numberOf(values.refills);
    if (refills === undefined) {
      if (stored.refills !== undefined) cleared.push('refills');
    } else if (refills !== stored.refills) patch.refills = refills;
  }
  if ('substitution' in edits) {
    const substitution = substitutionOf(values.substitution);
    if (!substitution) {
      if (stored.substitution) cleared.push('substitution');
    } else if (substitution.allowedBoolean !== stored.substitution?.allowedBoolean) {
      patch.substitution = substitution;
    }
  }
  return { patch, cleared };
}

/**
 * Checks beyond the schema, with the form's own wording: required medication, positive numbers,
 * units for amounts, a complete timing, refills 0-99, and a plausible number of doses a day.
 */
export function checkPrescription(
  values: PrescriptionFormValues,
  m: MedicationMessages,
): Partial<Record<PrescriptionFieldName, string>> {
  const errors: Partial<Record<PrescriptionFieldName, string>> = {};
  const medication = values.medication;
  if (codeLabel(medication).trim() === '' && !codingOf(medication)?.code) {
    errors.medication = m.fieldRequired(m.medication);
  }
  const positive = (name: PrescriptionFieldName, label: string) => {
    const raw = String(values[name]).trim();
    if (raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) {
      errors[name] = m.mustBePositive(label);
      return undefined;
    }
    return n;
  };
  const dose = positive('doseValue', m.dose);
  if (dose !== undefined && !values.doseUnit) errors.doseUnit = m.chooseUnit;
  if (values.doseValue.trim() === '' && values.doseUnit) {
    errors.doseValue = m.fieldRequired(m.dose);
  }
  const frequencyRaw = values.frequency.trim();
  if (frequencyRaw !== '') {
    const frequency = Number(frequencyRaw);
    if (!Number.isInteger(frequency) || frequency < 1 || frequency > 1000) {
      errors.frequency = m.mustBeWholeFrom(m.frequency, 1, 1000);
    }
    const period = positive('period', m.period);
    if (values.period.trim() === '' && !errors.period) errors.period = m.timingIncomplete;
    if (!errors.frequency && period !== undefined && isTimeUnit(values.periodUnit)) {
      const perDay = dosesPerDay(frequency, period, values.periodUnit);
      if (perDay > 24) errors.frequency = m.implausiblyOften(perDay);
    }
  }
  const duration = positive('durationValue', m.durationValue);
  if (duration !== undefined && frequencyRaw === '') errors.durationValue = m.durationNeedsTiming;
  const quantity = positive('quantityValue', m.quantity);
  if (quantity !== undefined && !values.quantityUnit) errors.quantityUnit = m.chooseUnit;
  const refillsRaw = values.refills.trim();
  if (refillsRaw !== '') {
    const refills = Number(refillsRaw);
    if (!Number.isInteger(refills) || refills < 0 || refills > 99) {
      errors.refills = m.mustBeWholeFrom(m.refills, 0, 99);
    }
  }
  return errors;
}
