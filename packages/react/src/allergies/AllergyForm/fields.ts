import type { Allergy, AllergyCreate, AllergyReaction } from '@clinikapi/core';
import { codeValueText, hasCode, isCoding, sameCodeValue } from '../../coded/codeValue.js';
import { toCoding } from '../../coded/search.js';
import type { CodeValue } from '../../coded/types.js';
import { sameValue } from '../../form/draft.js';
import { isPartialDate, periodStart } from '../../time/fhirDates.js';
import type { AllergyMessages } from '../allergyMessages.js';
import { ALLERGY_CATEGORIES, NO_KNOWN_ALLERGY, type REACTION_SEVERITIES } from '../codes.js';

/** One reaction row of the form. */
export interface ReactionRow {
  /** A SNOMED CT coding, typed text, or nothing yet. */
  manifestation: CodeValue | undefined;
  /** The stored text of a coded manifestation (e.g. "Hives" for Urticaria), kept while its coding is. */
  text?: string | undefined;
  severity: '' | (typeof REACTION_SEVERITIES)[number];
  description: string;
}

/** What the inputs hold: strings (empty when unset), the substance as a code value, groups. */
export type AllergyFormValues = {
  code: CodeValue | undefined;
  clinicalStatus: string;
  verificationStatus: string;
  type: string;
  category: string[];
  criticality: string;
  onsetDateTime: string;
  reactions: ReactionRow[];
  note: string;
};

export type AllergyFieldName = keyof AllergyFormValues & string;

/** The inputs, in the order errors are focused. */
export const ALLERGY_FIELDS = [
  'code',
  'clinicalStatus',
  'verificationStatus',
  'type',
  'category',
  'criticality',
  'onsetDateTime',
  'reactions',
  'note',
] as const satisfies readonly AllergyFieldName[];

/** API field paths (core's `formatPath`) -> inputs, for 422 issues. */
export const ALLERGY_FIELD_BY_PATH: Readonly<Record<string, AllergyFieldName>> = {
  code: 'code',
  'code.system': 'code',
  'code.code': 'code',
  'code.display': 'code',
  clinicalStatus: 'clinicalStatus',
  verificationStatus: 'verificationStatus',
  type: 'type',
  category: 'category',
  criticality: 'criticality',
  onsetDateTime: 'onsetDateTime',
  reactions: 'reactions',
  note: 'note',
  ...Object.fromEntries(
    Array.from({ length: 20 }, (_, i) =>
      ['', '.manifestation', '.manifestationCoding', '.severity', '.description'].map((part) => [
        `reactions[${i}]${part}`,
        'reactions' as const,
      ]),
    ).flat(),
  ),
};

export const emptyReaction = (): ReactionRow => ({
  manifestation: undefined,
  severity: '',
  description: '',
});

export const emptyAllergyValues: AllergyFormValues = {
  code: undefined,
  clinicalStatus: 'active',
  verificationStatus: '',
  type: '',
  category: [],
  criticality: '',
  onsetDateTime: '',
  reactions: [],
  note: '',
};

/** The label of an input. */
export function allergyFieldLabel(field: AllergyFieldName, m: AllergyMessages): string {
  const labels: Record<AllergyFieldName, string> = {
    code: m.substance,
    clinicalStatus: m.clinicalStatus,
    verificationStatus: m.verificationStatus,
    type: m.type,
    category: m.category,
    criticality: m.criticality,
    onsetDateTime: m.onset,
    reactions: m.reactions,
    note: m.note,
  };
  return labels[field];
}

function rowOf(reaction: AllergyReaction): ReactionRow {
  const coding = reaction.manifestationCoding;
  return {
    manifestation: coding ? toCoding(coding) : reaction.manifestation,
    ...(coding ? { text: reaction.manifestation } : {}),
    severity: reaction.severity ?? '',
    description: reaction.description ?? '',
  };
}

/** The inputs' values of a stored allergy. */
export function valuesFromAllergy(allergy: Allergy): AllergyFormValues {
  return {
    code: isCoding(allergy.code) ? toCoding(allergy.code) : allergy.code,
    clinicalStatus: allergy.clinicalStatus ?? '',
    verificationStatus: allergy.verificationStatus ?? '',
    type: allergy.type ?? '',
    category: [...(allergy.category ?? [])],
    criticality: allergy.criticality ?? '',
    onsetDateTime: allergy.onsetDateTime ?? '',
    reactions: (allergy.reactions ?? []).map(rowOf),
    note: allergy.note ?? '',
  };
}

/** A code value as sent: a coding without search-only fields, or trimmed text. */
export function codeBody(value: CodeValue | undefined): CodeValue | undefined {
  if (isCoding(value)) return toCoding(value);
  const text = value?.trim();
  return text ? text : undefined;
}

const isBlankRow = (row: ReactionRow) =>
  codeValueText(row.manifestation).trim() === '' && !row.severity && !row.description.trim();

/** The reactions as the API stores them; rows left entirely empty are not sent. */
export function reactionsBody(rows: readonly ReactionRow[]): AllergyReaction[] {
  return rows
    .filter((row) => !isBlankRow(row))
    .map((row) => {
      const coding = isCoding(row.manifestation) ? toCoding(row.manifestation) : undefined;
      const reaction: AllergyReaction = {
        manifestation: coding
          ? (row.text ?? coding.display ?? coding.code ?? '')
          : codeValueText(row.manifestation).trim(),
      };
      if (coding) reaction.manifestationCoding = coding;
      if (row.severity) reaction.severity = row.severity;
      if (row.description.trim()) reaction.description = row.description.trim();
      return reaction;
    });
}

/** Categories in the value set's order, without duplicates. */
const orderedCategories = (list: readonly string[]) =>
  ALLERGY_CATEGORIES.filter((c) => list.includes(c));

/**
 * The create body for the inputs: trimmed, empty inputs left out. Loosely typed: the schema
 * decides whether it is a valid `AllergyCreate`.
 */
export function bodyFromValues(
  values: AllergyFormValues,
  patientId: string,
  recordedDate: string,
): Partial<AllergyCreate> {
  const body: Record<string, unknown> = { patientId, recordedDate };
  const code = codeBody(values.code);
  if (code !== undefined) body.code = code;
  for (const key of [
    'clinicalStatus',
    'verificationStatus',
    'type',
    'criticality',
    'onsetDateTime',
  ] as const) {
    const value = values[key].trim();
    if (value) body[key] = value;
  }
  // FHIR ait-2: an entered-in-error record has no clinical status.
  if (values.verificationStatus === 'entered-in-error') delete body.clinicalStatus;
  const category = orderedCategories(values.category);
  if (category.length > 0) body.category = category;
  const reactions = reactionsBody(values.reactions);
  if (reactions.length > 0) body.reactions = reactions;
  if (values.note.trim()) body.note = values.note.trim();
  return body as Partial<AllergyCreate>;
}

const TEXT_FIELDS = [
  'clinicalStatus',
  'verificationStatus',
  'type',
  'criticality',
  'onsetDateTime',
  'note',
] as const;

/**
 * The PATCH body for the fields the user edited, and nothing else; the reactions are one field
 * of the API (sent whole, rebuilt from the rows, stored texts kept). `cleared` lists inputs the
 * user emptied that the API's PATCH cannot remove (refused rather than silently kept).
 */
export function patchFromEdits(
  edits: Partial<AllergyFormValues>,
  stored: Allergy,
): { patch: Record<string, unknown>; cleared: AllergyFieldName[] } {
  const patch: Record<string, unknown> = {};
  const cleared: AllergyFieldName[] = [];
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
      // A clinical status left empty on an entered-in-error record is what FHIR requires.
      const exempt =
        name === 'clinicalStatus' &&
        (edits.verificationStatus ?? stored.verificationStatus) === 'entered-in-error';
      if (before !== undefined && before !== '' && !exempt) cleared.push(name);
      continue;
    }
    if (value !== before) patch[name] = value;
  }
  if (edits.category !== undefined) {
    const category = orderedCategories(edits.category);
    if (!sameValue(category, stored.category ?? [])) patch.category = category;
  }
  if (edits.reactions !== undefined) {
    const reactions = reactionsBody(edits.reactions);
    if (!sameValue(reactions, stored.reactions ?? [])) patch.reactions = reactions;
  }
  return { patch, cleared };
}

/** True for the "no known allergy" code. */
export const isNoKnownAllergyCode = (code: CodeValue | undefined) =>
  hasCode(code, NO_KNOWN_ALLERGY.system, NO_KNOWN_ALLERGY.code);

const FHIR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks beyond the schema, with the form's wording: a substance, a clinical status unless
 * entered in error, an explicit verification, a real onset not in the future (`today` is the
 * practice's calendar date, `YYYY-MM-DD`), a manifestation for every reaction row.
 */
export function checkAllergy(
  values: AllergyFormValues,
  m: AllergyMessages,
  today: string,
): Partial<Record<AllergyFieldName, string>> {
  const errors: Partial<Record<AllergyFieldName, string>> = {};
  if (codeValueText(values.code).trim() === '') errors.code = m.fieldRequired(m.substance);
  if (!values.verificationStatus) errors.verificationStatus = m.fieldRequired(m.verificationStatus);
  if (!values.clinicalStatus && values.verificationStatus !== 'entered-in-error') {
    errors.clinicalStatus = m.fieldRequired(m.clinicalStatus);
  }
  const onset = values.onsetDateTime.trim();
  if (onset) {
    if (!isPartialDate(onset) && !(FHIR_INSTANT.test(onset) && !Number.isNaN(Date.parse(onset)))) {
      errors.onsetDateTime = m.onsetInvalid;
    } else if ((isPartialDate(onset) ? periodStart(onset) : onset.slice(0, 10)) > today) {
      errors.onsetDateTime = m.onsetInFuture;
    }
  }
  const missing = values.reactions.findIndex(
    (row) => !isBlankRow(row) && codeValueText(row.manifestation).trim() === '',
  );
  if (missing >= 0) errors.reactions = m.manifestationRequired(missing + 1);
  return errors;
}
