import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import { fhirDateTime, longText, type Stored, texts } from './kit.js';

export const RISK_ASSESSMENT_STATUSES = ['registered', 'preliminary', 'final', 'amended'] as const;

const predictionSchema = z.strictObject({
  outcome: z.optional(shortText(500)),
  /** 0 to 1. */
  probabilityDecimal: z.optional(z.number().check(z.gte(0), z.lte(1))),
  qualitativeRisk: z.optional(shortText(200)),
  relativeRisk: z.optional(z.number()),
  rationale: z.optional(longText(2000)),
});

/** `RiskAssessmentCreate` of the OpenAPI document (FHIR `RiskAssessment`). */
const riskAssessmentFields = z.strictObject({
  status: z.enum(RISK_ASSESSMENT_STATUSES),
  patientId: idSchema,
  encounterId: z.optional(idSchema),
  method: z.optional(shortText(200)),
  code: z.optional(shortText(200)),
  occurrenceDateTime: z.optional(fhirDateTime),
  conditionId: z.optional(idSchema),
  /** A Practitioner id. */
  performerId: z.optional(idSchema),
  reasonCode: z.optional(texts(10, 500)),
  prediction: z.optional(z.array(predictionSchema).check(z.maxLength(20))),
  mitigation: z.optional(longText(5000)),
  note: z.optional(longText(5000)),
  /** The Observation the assessment is based on. */
  basedOnId: z.optional(idSchema),
});

export const riskAssessmentCreateSchema = riskAssessmentFields;
export const riskAssessmentPatchSchema = z.partial(riskAssessmentFields);

export type RiskAssessmentCreate = z.infer<typeof riskAssessmentFields>;
export type RiskAssessmentPatch = Partial<RiskAssessmentCreate>;
export type RiskAssessment = Stored<RiskAssessmentCreate>;
