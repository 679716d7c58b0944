import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import { fhirDateTime, longText, positiveInt, type Stored, texts } from './kit.js';

const recommendationSchema = z
  .strictObject({
    vaccineCode: z.optional(texts(10, 500)),
    targetDisease: z.optional(shortText(200)),
    /** e.g. `due`, `overdue`, `complete`. */
    forecastStatus: shortText(200),
    forecastReason: z.optional(texts(10, 500)),
    description: z.optional(longText(2000)),
    series: z.optional(shortText(200)),
    doseNumber: z.optional(positiveInt()),
    seriesDoses: z.optional(positiveInt()),
    dateCriterion: z.optional(
      z.array(z.strictObject({ code: shortText(200), value: fhirDateTime })).check(z.maxLength(10)),
    ),
  })
  .check(
    // FHIR imr-1: a recommendation names a vaccine or a target disease.
    z.refine((r) => (r.vaccineCode?.length ?? 0) > 0 || r.targetDisease !== undefined, {
      error: 'needs a vaccineCode or a targetDisease',
      path: ['vaccineCode'],
    }),
  );

/**
 * `ImmunizationRecommendationCreate` of the OpenAPI document (FHIR `ImmunizationRecommendation`).
 * The API has no PATCH for recommendations (the registry's `itemMethods`).
 */
const immunizationRecommendationFields = z.strictObject({
  patientId: idSchema,
  /** Main date. */
  date: fhirDateTime,
  /** An Organization id. */
  authorityId: z.optional(idSchema),
  recommendation: z.array(recommendationSchema).check(z.minLength(1), z.maxLength(20)),
});

export const immunizationRecommendationCreateSchema = immunizationRecommendationFields;
/** For `RESOURCE_SCHEMAS`' uniform shape only: the API has no PATCH for recommendations. */
export const immunizationRecommendationPatchSchema = z.partial(immunizationRecommendationFields);

export type ImmunizationRecommendationCreate = z.infer<typeof immunizationRecommendationFields>;
export type ImmunizationRecommendationPatch = Partial<ImmunizationRecommendationCreate>;
export type ImmunizationRecommendation = Stored<ImmunizationRecommendationCreate>;
