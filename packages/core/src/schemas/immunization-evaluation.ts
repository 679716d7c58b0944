import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import { fhirDateTime, longText, positiveInt, type Stored, texts } from './kit.js';

/** `ImmunizationEvaluationCreate` of the OpenAPI document (FHIR `ImmunizationEvaluation`). */
const immunizationEvaluationFields = z.strictObject({
  status: z.enum(['completed']),
  patientId: idSchema,
  date: z.optional(fhirDateTime),
  /** An Organization id. */
  authorityId: z.optional(idSchema),
  targetDisease: shortText(500),
  /** The Immunization evaluated. */
  immunizationEventId: idSchema,
  doseStatus: shortText(200),
  doseStatusReason: z.optional(texts(10, 500)),
  description: z.optional(longText(2000)),
  series: z.optional(shortText(200)),
  doseNumber: z.optional(positiveInt()),
  seriesDoses: z.optional(positiveInt()),
});

export const immunizationEvaluationCreateSchema = immunizationEvaluationFields;
export const immunizationEvaluationPatchSchema = z.partial(immunizationEvaluationFields);

export type ImmunizationEvaluationCreate = z.infer<typeof immunizationEvaluationFields>;
export type ImmunizationEvaluationPatch = Partial<ImmunizationEvaluationCreate>;
export type ImmunizationEvaluation = Stored<ImmunizationEvaluationCreate>;
