import type { Condition, ConditionCreate } from '@clinikapi/core';
import { codeValueText, isCoding, sameCodeValue } from '../../coded/codeValue.js';
import { toCoding } from '../../coded/search.js';
import type { CodeValue } from '../../coded/types.js';
import { dateTimeBounds, isPartialDate, periodStart } from '../../time/fhirDates.js';
import { CONDITION_ABATED_STATUSES } from '../codes.js';
import type { ConditionMessages } from '../conditionMessages.js';

/** What the inputs hold: strings (empty when unset) and the problem as a code value. */
export type ConditionFormValues = {
  code: CodeValue | undefined;
  clinicalStatus: string;
  verificationStatus: string;
  severity: string;
  onsetDateTime: string;
  abatementDateTime: string;
  note: string;
};

export type ConditionFieldName = keyof ConditionFormValues & string;

/** The inputs, in the order errors are focused. */
export const CONDITION_FIELDS = [
  'code',
  'clinicalStatus',
  'verificationStatus',
  'severity',
  'onsetDateTime',
  'abatementDateTime',
  'note',
] as const satisfies readonly ConditionFieldName[];

/** API field paths (core's `formatPath`) -> inputs, for 422 issues. */
export const CONDITION_FIELD_BY_PATH: Readonly<Record<string, ConditionFieldName>> = {
  code: 'code',
  'code.system': 'code',
  'code.code': 'code',
  'code.display': 'code',
  clinicalStatus: 'clinicalStatus',
  verificationStatus: 'verificationStatus',
  severity: 'severity',
  onsetDateTime: 'onsetDateTime',
  abatementDateTime: 'abatementDateTime',
  note: 'note',
};

export const emptyConditionValues: ConditionFormValues = {
  code: undefined,
  clinicalStatus: 'active',
  verificationStatus: '',
  severity: '',
  onsetDateTime: '',
  abatementDateTime: '',
  note: '',
};

export function conditionFieldLabel(field: ConditionFieldName, m: ConditionMessages): string {
  const labels: Record<ConditionFieldName, string> = {
    code: m.code,
    clinicalStatus: m.clinicalStatus,
    verificationStatus: m.verificationStatus,
    severity: m.severity,
    onsetDateTime: m.onset,
    abatementDateTime: m.abatement,
    note: m.note,
  };
  return labels[field];
}

/** The inputs' values of a stored condition. */
export function valuesFromCondition(condition: Condition): ConditionFormValues {
  return {
    code: isCoding(condition.code) ? toCoding(condition.code) : condition.code,
    clinicalStatus: condition.clinicalStatus ?? '',
    verificationStatus: condition.verificationStatus ?? '',
    severity: condition.severity ?? '',
    onsetDateTime: condition.onsetDateTime ?? '',
    abatementDateTime: condition.abatementDateTime ?? '',
    note: condition.note ?? '',
  };
}

const codeBody = (value: CodeValue | undefined): CodeValue | undefined => {
  if (isCoding(value)) return toCoding(value);
  const text = value?.trim();
  return text ? text : undefined;
};

const isAbated = (status: string) =>
  (CONDITION_ABATED_STATUSES as readonly string[]).includes(status);

/** The create body: a problem-list item, trimmed, empty inputs left out. */
export function bodyFromValues(
  values: ConditionFormValues,
  patientId: string,
  recordedDate: string,
): Partial<ConditionCreate> {
  const body: Record<string, unknown> = {
    patientId,
    category: 'problem-list-item',
    recordedDate,
  };
  const code = codeBody(values.code);
  if (code !== undefined) body.code = code;
  for (const key of [
    'clinicalStatus',
    'verificationStatus',
    'severity',
    'onsetDateTime',
    'abatementDateTime',
    'note',
  ] as const) {
    const value = values[key].trim();
    if (value) body[key] = value;
  }
  // FHIR con-5 / con-4: an entered-in-error record has no clinical status and no abatement.
  if (values.verificationStatus === 'entered-in-error') {
    delete body.clinicalStatus;
    delete body.abatementDateTime;
  }
  return body as Partial<ConditionCreate>;
}

const TEXT_FIELDS = [
  'clinicalStatus',
  'verificationStatus',
  'severity',
  'onsetDateTime',
  'abatementDateTime',
  'note',
] as const;

/**
 * The PATCH body for the fields the user edited, and nothing else. `cleared` lists inputs the
 * user emptied that the API's PATCH cannot remove (refused rather than silently kept); a
 * clinical status or abatement left empty on an entered-in-error record is what FHIR requires.
 */
export function patchFromEdits(
  edits: Partial<ConditionFormValues>,
  stored: Condition,
): { patch: Record<string, unknown>; cleared: ConditionFieldName[] } {
  const patch: Record<string, unknown> = {};
  const cleared: ConditionFieldName[] = [];
  const erroneous = (edits.verificationStatus ?? stored.verificationStatus) === 'entered-in-error';
  if ('code' in edits) {
    const code = codeBody(edits.code);
    if (code === undefined) cleared.push('code');
    else if (
      !sameCodeValue(code, stored.code) ||
      codeValueText(code) !== codeValueText(stored.code)
    ) {
      patch.code = code;
    }
  }
  for (const name of TEXT_FIELDS) {
    const edited = edits[name];
    if (edited === undefined) continue;
    const value = edited.trim();
    const before = stored[name];
    if (value === '') {
      const exempt = erroneous && (name === 'clinicalStatus' || name === 'abatementDateTime');
      if (before !== undefined && before !== '' && !exempt) cleared.push(name);
      continue;
    }
    if (value !== before) patch[name] = value;
  }
  return { patch, cleared };
}

const FHIR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const isFhirDate = (value: string) =>
  isPartialDate(value) || (FHIR_INSTANT.test(value) && !Number.isNaN(Date.parse(value)));

/**
 * Checks beyond the schema, with the form's wording: a problem, a clinical status unless
 * entered in error, an explicit verification, real dates not in the future (`today` is the
 * practice's calendar date), and an abatement only for an abated problem (FHIR con-4), not
 * before the onset. `stored` (edit mode) refuses reactivating a problem whose abatement the
 * API cannot remove.
 */
export function checkCondition(
  values: ConditionFormValues,
  m: ConditionMessages,
  today: string,
  stored?: Condition,
): Partial<Record<ConditionFieldName, string>> {
  const errors: Partial<Record<ConditionFieldName, string>> = {};
  const erroneous = values.verificationStatus === 'entered-in-error';
  if (codeValueText(values.code).trim() === '') errors.code = m.fieldRequired(m.code);
  if (!values.verificationStatus) errors.verificationStatus = m.fieldRequired(m.verificationStatus);
  if (!values.clinicalStatus && !erroneous)
    errors.clinicalStatus = m.fieldRequired(m.clinicalStatus);
  for (const [field, label] of [
    ['onsetDateTime', m.onset],
    ['abatementDateTime', m.abatement],
  ] as const) {
    const value = values[field].trim();
    if (!value) continue;
    if (!isFhirDate(value)) errors[field] = m.dateInvalid(label);
    else if ((isPartialDate(value) ? periodStart(value) : value.slice(0, 10)) > today) {
      errors[field] = m.dateInFuture(label);
    }
  }
  const abatement = values.abatementDateTime.trim();
  if (abatement && !erroneous && !errors.abatementDateTime) {
    if (!isAbated(values.clinicalStatus)) {
      errors.abatementDateTime =
        stored?.abatementDateTime && !isAbated(values.clinicalStatus)
          ? m.cannotReactivateAbated
          : m.abatementNeedsAbatedStatus;
      if (stored?.abatementDateTime) errors.clinicalStatus = m.cannotReactivateAbated;
    } else {
      const onset = values.onsetDateTime.trim();
      if (onset && isFhirDate(onset) && dateTimeBounds(abatement)[1] < dateTimeBounds(onset)[0]) {
        errors.abatementDateTime = m.abatementBeforeOnset;
      }
    }
  }
  return errors;
}
