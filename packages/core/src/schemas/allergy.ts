import * as z from 'zod/mini';
import { codeSchema, codingSchema, dateTimeSchema, idSchema, shortText } from './common.js';

/** FHIR R4 AllergyIntolerance.clinicalStatus (allergyintolerance-clinical). */
export const ALLERGY_CLINICAL_STATUSES = ['active', 'inactive', 'resolved'] as const;
/** FHIR R4 AllergyIntolerance.verificationStatus (allergyintolerance-verification). */
export const ALLERGY_VERIFICATION_STATUSES = [
  'unconfirmed',
  'confirmed',
  'refuted',
  'entered-in-error',
] as const;
/** FHIR R4 AllergyIntolerance.type. */
export const ALLERGY_TYPES = ['allergy', 'intolerance'] as const;
/** FHIR R4 AllergyIntolerance.category. */
export const ALLERGY_CATEGORIES = ['food', 'medication', 'environment', 'biologic'] as const;
/** FHIR R4 AllergyIntolerance.criticality. */
export const ALLERGY_CRITICALITIES = ['low', 'high', 'unable-to-assess'] as const;
/** FHIR R4 AllergyIntolerance.reaction.severity. */
export const REACTION_SEVERITIES = ['mild', 'moderate', 'severe'] as const;

export type AllergyClinicalStatus = (typeof ALLERGY_CLINICAL_STATUSES)[number];
export type AllergyVerificationStatus = (typeof ALLERGY_VERIFICATION_STATUSES)[number];

/**
 * SNOMED CT 716186003 |No known allergy (situation)|: the code of an AllergyIntolerance that
 * records "no known allergies" as a statement (FHIR R4's "nka" example), which is not the same as
 * nothing recorded. Record it with clinicalStatus `active` and verificationStatus `confirmed`.
 */
export const NO_KNOWN_ALLERGY = {
  system: 'http://snomed.info/sct',
  code: '716186003',
  display: 'No known allergy',
} as const;

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A real calendar year, year-month or date (`2019`, `2019-05`, `2019-05-03`). */
function isPartialDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = Number(day);
  const last = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  return d >= 1 && d <= last;
}

/**
 * A FHIR `dateTime` as clinicians know it: a year (`2019`), a month (`2019-05`), a date
 * (`2019-05-03`), or an instant with an offset (`2019-05-03T14:30:00-04:00`). Onsets are often
 * known only to the year.
 */
export const fhirDateTimeSchema = z.union(
  [z.string().check(z.refine(isPartialDate, { error: 'must be a real date' })), dateTimeSchema],
  {
    error: 'must be a year, a year-month, a date, or an ISO 8601 date-time with offset',
  },
);

/**
 * The earliest and latest instant (ms) a FHIR dateTime can mean: a partial date spans its whole
 * period, taken in any time zone (UTC-12 to UTC+14). Used to refuse an end before a start
 * only when that is certain.
 */
export function dateTimeBounds(value: string): [number, number] {
  const match = PARTIAL_DATE.exec(value);
  if (!match) {
    const at = Date.parse(value);
    return [at, at];
  }
  const [, year, month, day] = match;
  const y = Number(year);
  const start =
    month === undefined
      ? Date.UTC(y, 0, 1)
      : day === undefined
        ? Date.UTC(y, Number(month) - 1, 1)
        : Date.UTC(y, Number(month) - 1, Number(day));
  const end =
    month === undefined
      ? Date.UTC(y + 1, 0, 1)
      : day === undefined
        ? Date.UTC(y, Number(month), 1)
        : Date.UTC(y, Number(month) - 1, Number(day) + 1);
  const hour = 3_600_000;
  return [start - 14 * hour, end + 12 * hour];
}

const reactionSchema = z.strictObject({
  /** What happened, as text (FHIR `manifestation.text`), e.g. "Hives". */
  manifestation: shortText(200),
  /**
   * The same as a code (FHIR `manifestation.coding`), e.g. SNOMED CT
   * `{system: 'http://snomed.info/sct', code: '126485001', display: 'Urticaria'}`.
   */
  manifestationCoding: z.optional(codingSchema),
  severity: z.optional(z.enum(REACTION_SEVERITIES)),
  description: z.optional(z.string().check(z.maxLength(1000))),
});

const allergyFields = z.strictObject({
  /**
   * The substance (FHIR `code`), as text or a coding (SNOMED CT substance, RxNorm ingredient), or
   * `NO_KNOWN_ALLERGY` for a "no known allergies" statement.
   */
  code: codeSchema,
  patientId: idSchema,
  /**
   * Matched by the `status` search parameter. Required unless verificationStatus is
   * `entered-in-error` (FHIR ait-1); an entered-in-error record is stored without it (ait-2).
   */
  clinicalStatus: z.optional(z.enum(ALLERGY_CLINICAL_STATUSES)),
  verificationStatus: z.optional(z.enum(ALLERGY_VERIFICATION_STATUSES)),
  type: z.optional(z.enum(ALLERGY_TYPES)),
  category: z.optional(z.array(z.enum(ALLERGY_CATEGORIES)).check(z.maxLength(4))),
  criticality: z.optional(z.enum(ALLERGY_CRITICALITIES)),
  /** When it started: a year, year-month, date or date-time (FHIR `onsetDateTime`). */
  onsetDateTime: z.optional(fhirDateTimeSchema),
  /** Main date: when it was recorded. */
  recordedDate: z.optional(dateTimeSchema),
  reactions: z.optional(z.array(reactionSchema).check(z.maxLength(20))),
  note: z.optional(z.string().check(z.maxLength(2000))),
});

const isNoKnownAllergy = (code: unknown) =>
  typeof code === 'object' &&
  code !== null &&
  (code as { system?: unknown }).system === NO_KNOWN_ALLERGY.system &&
  (code as { code?: unknown }).code === NO_KNOWN_ALLERGY.code;

/**
 * `POST /v1/allergies`. Besides the fields' own rules: clinicalStatus is required unless the
 * record is entered in error (FHIR R4 ait-1), and a "no known allergy" statement has no reactions.
 */
export const allergyCreateSchema = allergyFields.check(
  z.refine((a) => a.clinicalStatus !== undefined || a.verificationStatus === 'entered-in-error', {
    error: 'is required unless verificationStatus is entered-in-error',
    path: ['clinicalStatus'],
  }),
  z.refine((a) => !isNoKnownAllergy(a.code) || (a.reactions ?? []).length === 0, {
    error: 'must be empty for a "no known allergy" statement',
    path: ['reactions'],
  }),
);
/** `PATCH /v1/allergies/{id}`: any subset of the fields; the merged record must be valid. */
export const allergyPatchSchema = z.partial(allergyFields);

export type AllergyCreate = z.infer<typeof allergyFields>;
export type AllergyPatch = Partial<AllergyCreate>;
export type AllergyReaction = NonNullable<AllergyCreate['reactions']>[number];

export interface Allergy extends AllergyCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
