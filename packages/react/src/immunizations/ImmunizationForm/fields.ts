import type { Immunization, ImmunizationCreate } from '@clinikapi/core';
import { TZDateMini } from '@date-fns/tz/date/mini';
import { codeValueText } from '../../coded/codeValue.js';
import type { CodeValue } from '../../coded/types.js';
import { toZonedIso } from '../../time/zone.js';
import type { ImmunizationMessages } from '../immunizationMessages.js';

export const IMMUNIZATION_FIELDS = [
  'vaccineCode',
  'status',
  'statusReason',
  'statusReasonText',
  'occurrence',
  'doseNumber',
  'lotNumber',
  'site',
  'route',
  'performerId',
  'note',
] as const;

export type ImmunizationFieldName = (typeof IMMUNIZATION_FIELDS)[number];

/** The reason select's "Other (describe)" choice: the reason is then `statusReasonText`. */
export const OTHER_REASON = '__other__';

/**
 * What the inputs hold. Coded selects hold `codeKey`s (the JSON of the stored coding or text, so
 * any stored code round-trips); `occurrence` is the wall time in the practice zone
 * (`YYYY-MM-DDTHH:mm`, what `<input type="datetime-local">` holds).
 */
export type ImmunizationFormValues = {
  /** A CVX coding from the coded input, or text. */
  vaccineCode: CodeValue | '';
  status: 'completed' | 'not-done' | 'entered-in-error';
  /** A reason's `codeKey`, `OTHER_REASON`, or empty. */
  statusReason: string;
  statusReasonText: string;
  occurrence: string;
  doseNumber: string;
  lotNumber: string;
  site: string;
  route: string;
  performerId: string;
  note: string;
};

/** API field paths (core's `formatPath`) -> inputs, for 422 issues. */
export const IMMUNIZATION_FIELD_BY_PATH: Readonly<Record<string, ImmunizationFieldName>> = {
  vaccineCode: 'vaccineCode',
  status: 'status',
  statusReason: 'statusReason',
  occurrenceDateTime: 'occurrence',
  'protocolApplied[0].doseNumberPositiveInt': 'doseNumber',
  protocolApplied: 'doseNumber',
  lotNumber: 'lotNumber',
  site: 'site',
  route: 'route',
  performerId: 'performerId',
  note: 'note',
};

/** A coded value as one string for a `<select>` option (its JSON); '' when empty. */
export const codeKey = (value: CodeValue | undefined): string =>
  value === undefined || value === '' ? '' : JSON.stringify(value);

/** Inverse of `codeKey`. */
export function codeFromKey(key: string): CodeValue | undefined {
  if (!key || key === OTHER_REASON) return undefined;
  try {
    const value: unknown = JSON.parse(key);
    if (typeof value === 'string') return value.trim() ? value : undefined;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as CodeValue;
    }
  } catch {
    // not a key this module wrote
  }
  return undefined;
}

/** The label of a select key. */
export const keyLabel = (key: string) => codeValueText(codeFromKey(key));

/** `2026-03-02T10:15` on the wall clock of `timeZone`, from a stored instant. */
export function wallTimeOf(instant: string, timeZone: string): string {
  return toZonedIso(instant, timeZone).slice(0, 16);
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The instant of a wall time in `timeZone`, as ISO 8601 with that zone's offset; undefined if invalid. */
export function instantOf(wallTime: string, timeZone: string): string | undefined {
  const match = WALL_TIME.exec(wallTime.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const date = new TZDateMini(y, mo - 1, d, h, mi, timeZone);
  if (Number.isNaN(date.getTime())) return undefined;
  return toZonedIso(date, timeZone);
}

export const emptyImmunizationValues: ImmunizationFormValues = {
  vaccineCode: '',
  status: 'completed',
  statusReason: '',
  statusReasonText: '',
  occurrence: '',
  doseNumber: '',
  lotNumber: '',
  site: '',
  route: '',
  performerId: '',
  note: '',
};

/** The inputs' values of a stored immunization, its time on the practice's wall clock. */
export function valuesFromImmunization(i: Immunization, timeZone: string): ImmunizationFormValues {
  const reason = i.statusReason;
  return {
    vaccineCode: i.vaccineCode,
    status: i.status,
    statusReason:
      reason === undefined ? '' : typeof reason === 'string' ? OTHER_REASON : codeKey(reason),
    statusReasonText: typeof reason === 'string' ? reason : '',
    occurrence: wallTimeOf(i.occurrenceDateTime, timeZone),
    doseNumber:
      i.protocolApplied?.[0] === undefined
        ? ''
        : String(i.protocolApplied[0].doseNumberPositiveInt),
    lotNumber: i.lotNumber ?? '',
    site: codeKey(i.site),
    route: codeKey(i.route),
    performerId: i.performerId ?? '',
    note: i.note ?? '',
  };
}

function reasonOf(values: ImmunizationFormValues): CodeValue | undefined {
  if (values.statusReason === OTHER_REASON) return values.statusReasonText.trim() || undefined;
  return codeFromKey(values.statusReason);
}

const doseNumberOf = (values: ImmunizationFormValues) =>
  values.doseNumber.trim() === '' ? undefined : Number(values.doseNumber.trim());

/** What the create body needs besides the inputs. */
export interface ImmunizationContext {
  patientId: string;
  encounterId?: string | undefined;
  timeZone: string;
}

/** The create body for the inputs (loosely typed: the schema decides). */
export function immunizationBody(
  values: ImmunizationFormValues,
  ctx: ImmunizationContext,
): Partial<ImmunizationCreate> {
  const body: Record<string, unknown> = {
    status: values.status,
    vaccineCode:
      typeof values.vaccineCode === 'string' ? values.vaccineCode.trim() : values.vaccineCode,
    patientId: ctx.patientId,
    occurrenceDateTime: instantOf(values.occurrence, ctx.timeZone) ?? values.occurrence,
  };
  if (ctx.encounterId) body.encounterId = ctx.encounterId;
  const reason = values.status === 'not-done' ? reasonOf(values) : undefined;
  if (reason !== undefined) body.statusReason = reason;
  if (values.performerId) body.performerId = values.performerId;
  if (values.lotNumber.trim()) body.lotNumber = values.lotNumber.trim();
  const site = codeFromKey(values.site);
  if (site !== undefined) body.site = site;
  const route = codeFromKey(values.route);
  if (route !== undefined) body.route = route;
  const dose = doseNumberOf(values);
  if (dose !== undefined) body.protocolApplied = [{ doseNumberPositiveInt: dose }];
  if (values.note.trim()) body.note = values.note.trim();
  return body as Partial<ImmunizationCreate>;
}

/**
 * The PATCH body for the user's edits only. `protocolApplied` is one field of the API, so an
 * edited dose number is merged onto the stored first entry (its series and series size kept,
 * other entries kept). `cleared` lists emptied fields the API cannot remove; a dose not given
 * that is marked given keeps its stored reason, so that is refused too.
 */
export function immunizationPatch(
  edits: Partial<ImmunizationFormValues>,
  stored: Immunization,
  timeZone: string,
): { patch: Record<string, unknown>; cleared: ImmunizationFieldName[] } {
  const patch: Record<string, unknown> = {};
  const cleared: ImmunizationFieldName[] = [];
  const values = { ...valuesFromImmunization(stored, timeZone), ...edits };

  if ('vaccineCode' in edits) {
    patch.vaccineCode =
      typeof values.vaccineCode === 'string' ? values.vaccineCode.trim() : values.vaccineCode;
  }
  if ('status' in edits) patch.status = values.status;
  if ('statusReason' in edits || 'statusReasonText' in edits || 'status' in edits) {
    const reason = values.status === 'not-done' ? reasonOf(values) : undefined;
    if (reason === undefined) {
      if (stored.statusReason !== undefined) cleared.push('statusReason');
    } else if (JSON.stringify(reason) !== JSON.stringify(stored.statusReason)) {
      patch.statusReason = reason;
    }
  }
  if ('occurrence' in edits) {
    const at = instantOf(values.occurrence, timeZone);
    patch.occurrenceDateTime = at ?? values.occurrence;
  }
  const text = (name: 'lotNumber' | 'note') => {
    if (!(name in edits)) return;
    const value = values[name].trim();
    if (value === '') {
      if (stored[name]) cleared.push(name);
    } else if (value !== stored[name]) patch[name] = value;
  };
  text('lotNumber');
  text('note');
  const coded = (name: 'site' | 'route') => {
    if (!(name in edits)) return;
    const value = codeFromKey(values[name]);
    if (value === undefined) {
      if (stored[name] !== undefined) cleared.push(name);
    } else patch[name] = value;
  };
  coded('site');
  coded('route');
  if ('performerId' in edits) {
    if (values.performerId === '') {
      if (stored.performerId) cleared.push('performerId');
    } else patch.performerId = values.performerId;
  }
  if ('doseNumber' in edits) {
    const dose = doseNumberOf(values);
    const [first, ...rest] = stored.protocolApplied ?? [];
    const next = dose === undefined ? rest : [{ ...first, doseNumberPositiveInt: dose }, ...rest];
    patch.protocolApplied = next;
  }
  return { patch, cleared };
}

/** Checks beyond the schema, with the form's own wording. */
export function checkImmunization(
  values: ImmunizationFormValues,
  ctx: { timeZone: string; now: Date },
  m: ImmunizationMessages,
): Partial<Record<ImmunizationFieldName, string>> {
  const errors: Partial<Record<ImmunizationFieldName, string>> = {};
  const vaccine = values.vaccineCode;
  if (codeValueText(vaccine === '' ? undefined : vaccine).trim() === '') {
    errors.vaccineCode = m.fieldRequired(m.vaccine);
  }
  if (values.occurrence.trim() === '') errors.occurrence = m.fieldRequired(m.occurrence);
  else {
    const at = instantOf(values.occurrence, ctx.timeZone);
    if (!at) errors.occurrence = m.fieldInvalid(m.occurrence, 'must be a date and time');
    else if (Date.parse(at) > ctx.now.getTime()) errors.occurrence = m.notInFuture;
  }
  if (values.status === 'not-done' && reasonOf(values) === undefined) {
    errors[values.statusReason === OTHER_REASON ? 'statusReasonText' : 'statusReason'] =
      m.reasonNeeded;
  }
  const dose = values.doseNumber.trim();
  if (dose !== '') {
    const n = Number(dose);
    if (!Number.isInteger(n) || n < 1 || n > 100) errors.doseNumber = m.doseNumberRange;
  }
  return errors;
}
