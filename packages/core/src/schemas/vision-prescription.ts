import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import { FINANCIAL_STATUSES, fhirDateTime, longText, type Stored } from './kit.js';

const lensSchema = z.strictObject({
  product: shortText(200),
  eye: z.enum(['right', 'left']),
  sphere: z.optional(z.number()),
  cylinder: z.optional(z.number()),
  /** Degrees, a whole number 0-180 (FHIR `integer`). */
  axis: z.optional(z.int().check(z.gte(0), z.lte(180))),
  add: z.optional(z.number()),
  power: z.optional(z.number()),
  backCurve: z.optional(z.number()),
  diameter: z.optional(z.number()),
  color: z.optional(shortText(100)),
  brand: z.optional(shortText(200)),
  note: z.optional(longText(2000)),
  prism: z.optional(
    z
      .array(z.strictObject({ amount: z.number(), base: z.enum(['up', 'down', 'in', 'out']) }))
      .check(z.maxLength(4)),
  ),
});

/** `VisionPrescriptionCreate` of the OpenAPI document (FHIR `VisionPrescription`). */
const visionPrescriptionFields = z.strictObject({
  status: z.enum(FINANCIAL_STATUSES),
  patientId: idSchema,
  encounterId: z.optional(idSchema),
  /** Defaults to the time of the write (FHIR requires it). */
  created: z.optional(fhirDateTime),
  /** Main date. */
  dateWritten: fhirDateTime,
  /** A Practitioner id. */
  prescriberId: idSchema,
  lensSpecification: z.array(lensSchema).check(z.minLength(1), z.maxLength(10)),
});

export const visionPrescriptionCreateSchema = visionPrescriptionFields;
export const visionPrescriptionPatchSchema = z.partial(visionPrescriptionFields);

export type VisionPrescriptionCreate = z.infer<typeof visionPrescriptionFields>;
export type VisionPrescriptionPatch = Partial<VisionPrescriptionCreate>;
export type VisionPrescription = Stored<VisionPrescriptionCreate>;
