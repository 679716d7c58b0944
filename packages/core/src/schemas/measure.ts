import * as z from 'zod/mini';
import { shortText } from './common.js';
import { definitionFields } from './definition.js';
import { longText, type Stored, texts } from './kit.js';

/** `MeasureCreate` of the OpenAPI document (FHIR `Measure`). */
const measureFields = z.strictObject({
  ...definitionFields,
  /** proportion, ratio, continuous-variable, cohort. */
  scoring: z.optional(shortText(200)),
  /** process, outcome, structure, patient-reported-outcome, composite. */
  type: z.optional(texts(10)),
  riskAdjustment: z.optional(longText(5000)),
  rationale: z.optional(longText(5000)),
  clinicalRecommendationStatement: z.optional(longText(5000)),
  guidance: z.optional(longText(5000)),
  group: z.optional(
    z
      .array(
        z.strictObject({
          code: z.optional(shortText(200)),
          description: z.optional(longText(2000)),
        }),
      )
      .check(z.maxLength(20)),
  ),
});

export const measureCreateSchema = measureFields;
export const measurePatchSchema = z.partial(measureFields);

export type MeasureCreate = z.infer<typeof measureFields>;
export type MeasurePatch = Partial<MeasureCreate>;
export type Measure = Stored<MeasureCreate>;
