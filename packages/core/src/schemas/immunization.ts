import * as z from 'zod/mini';
import {
  codeSchema,
  codingSchema,
  dateTimeSchema,
  idSchema,
  quantitySchema,
  shortText,
} from './common.js';

export const IMMUNIZATION_STATUSES = ['completed', 'entered-in-error', 'not-done'] as const;

/** Text (at most `max` characters) or a `{system, code, display}` coding. */
const shortCode = (max: number) =>
  z.union([shortText(max), codingSchema], {
    error: 'must be text or a {system, code, display} coding',
  });

/**
 * One dose of a series (FHIR `Immunization.protocolApplied`): which dose this was
 * (`doseNumberPositiveInt`, from 1) of how many (`seriesDosesPositiveInt`), in which series.
 */
export const protocolAppliedSchema = z
  .strictObject({
    series: z.optional(shortText(200)),
    doseNumberPositiveInt: z.int().check(z.gte(1), z.lte(100)),
    seriesDosesPositiveInt: z.optional(z.int().check(z.gte(1), z.lte(100))),
  })
  .check(
    z.refine(
      (p) =>
        p.seriesDosesPositiveInt === undefined ||
        p.doseNumberPositiveInt <= p.seriesDosesPositiveInt,
      { error: 'must not be more than the doses in the series', path: ['doseNumberPositiveInt'] },
    ),
  );

const immunizationFields = z.strictObject({
  /** `completed`, or `not-done` (with a `statusReason`), or `entered-in-error`. */
  status: z.enum(IMMUNIZATION_STATUSES),
  /**
   * Why it was not given (FHIR `statusReason`), e.g. a coding from
   * `http://terminology.hl7.org/CodeSystem/v3-ActReason` (`IMMUNE`, `MEDPREC`, `OSTOCK`,
   * `PATOBJ`), or text.
   */
  statusReason: z.optional(codeSchema),
  /** The vaccine, e.g. a CVX coding (`http://hl7.org/fhir/sid/cvx`), or text. */
  vaccineCode: codeSchema,
  patientId: idSchema,
  /** Main date: when it was given (or was due, when not done), with the practice's offset. */
  occurrenceDateTime: dateTimeSchema,
  encounterId: z.optional(idSchema),
  /** Who gave it (FHIR `performer[0].actor`), a Practitioner id. */
  performerId: z.optional(idSchema),
  lotNumber: z.optional(shortText(100)),
  /** Body site, as text or a coding (e.g. v3 ActSite `LA`, left arm). */
  site: z.optional(shortCode(200)),
  /** Route, as text or a coding (e.g. SNOMED CT `78421000` intramuscular route). */
  route: z.optional(shortCode(200)),
  /** Amount given, e.g. `{ value: 0.5, unit: 'mL', system: UCUM, code: 'mL' }` (UCUM units). */
  doseQuantity: z.optional(quantitySchema),
  /** Dose number within its series (FHIR `protocolApplied`); usually one entry. */
  protocolApplied: z.optional(z.array(protocolAppliedSchema).check(z.maxLength(10))),
  primarySource: z.optional(z.boolean()),
  note: z.optional(z.string().check(z.maxLength(2000))),
});

export const immunizationCreateSchema = immunizationFields;
export const immunizationPatchSchema = z.partial(immunizationFields);

export type ImmunizationStatus = (typeof IMMUNIZATION_STATUSES)[number];
export type ImmunizationCreate = z.infer<typeof immunizationFields>;
export type ImmunizationPatch = Partial<ImmunizationCreate>;
export type ProtocolApplied = z.infer<typeof protocolAppliedSchema>;

export interface Immunization extends ImmunizationCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
