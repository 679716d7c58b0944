import * as z from 'zod/mini';
import { dateTimeBounds, fhirDateTimeSchema } from './allergy.js';
import { codeSchema, dateTimeSchema, idSchema } from './common.js';

/** FHIR R4 Condition.clinicalStatus (condition-clinical). */
export const CONDITION_CLINICAL_STATUSES = [
  'active',
  'recurrence',
  'relapse',
  'inactive',
  'remission',
  'resolved',
] as const;

/** Clinical statuses of a condition that has abated (FHIR con-4): only these allow an abatement. */
export const CONDITION_ABATED_STATUSES = ['inactive', 'remission', 'resolved'] as const;

/** FHIR R4 Condition.verificationStatus (condition-ver-status). */
export const CONDITION_VERIFICATION_STATUSES = [
  'unconfirmed',
  'provisional',
  'differential',
  'confirmed',
  'refuted',
  'entered-in-error',
] as const;

export type ConditionClinicalStatus = (typeof CONDITION_CLINICAL_STATUSES)[number];
export type ConditionVerificationStatus = (typeof CONDITION_VERIFICATION_STATUSES)[number];

const conditionFields = z.strictObject({
  /** e.g. an ICD-10-CM or SNOMED CT coding, or text. */
  code: codeSchema,
  patientId: idSchema,
  /**
   * Matched by the `status` search parameter. An entered-in-error record is stored without it
   * (FHIR con-5).
   */
  clinicalStatus: z.optional(z.enum(CONDITION_CLINICAL_STATUSES)),
  verificationStatus: z.optional(z.enum(CONDITION_VERIFICATION_STATUSES)),
  category: z.optional(z.enum(['problem-list-item', 'encounter-diagnosis'])),
  /** Stored as a SNOMED CT coding (24484000 severe, 6736007 moderate, 255604002 mild). */
  severity: z.optional(z.enum(['mild', 'moderate', 'severe'])),
  encounterId: z.optional(idSchema),
  /** Main date: when it started; a year, year-month, date or date-time (FHIR `onsetDateTime`). */
  onsetDateTime: z.optional(fhirDateTimeSchema),
  /**
   * When it abated (FHIR `abatementDateTime`): only with clinicalStatus inactive, remission or
   * resolved (FHIR con-4), never before the onset.
   */
  abatementDateTime: z.optional(fhirDateTimeSchema),
  recordedDate: z.optional(dateTimeSchema),
  note: z.optional(z.string().check(z.maxLength(2000))),
});

const abated = (status: string | undefined) =>
  (CONDITION_ABATED_STATUSES as readonly (string | undefined)[]).includes(status);

/**
 * `POST /v1/conditions`. Besides the fields' own rules: an abatement only when the condition is
 * inactive, in remission or resolved (FHIR R4 con-4; an entered-in-error record is exempt, it
 * is stored without status and abatement), and never certainly before the onset.
 */
export const conditionCreateSchema = conditionFields.check(
  z.refine(
    (c) =>
      c.abatementDateTime === undefined ||
      c.verificationStatus === 'entered-in-error' ||
      abated(c.clinicalStatus),
    {
      error: 'is only allowed when clinicalStatus is inactive, remission or resolved',
      path: ['abatementDateTime'],
    },
  ),
  z.refine(
    (c) =>
      !c.abatementDateTime ||
      !c.onsetDateTime ||
      dateTimeBounds(c.abatementDateTime)[1] >= dateTimeBounds(c.onsetDateTime)[0],
    { error: 'must not be before onsetDateTime', path: ['abatementDateTime'] },
  ),
);
/** `PATCH /v1/conditions/{id}`: any subset of the fields; the merged record must be valid. */
export const conditionPatchSchema = z.partial(conditionFields);

export type ConditionCreate = z.infer<typeof conditionFields>;
export type ConditionPatch = Partial<ConditionCreate>;

export interface Condition extends ConditionCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
