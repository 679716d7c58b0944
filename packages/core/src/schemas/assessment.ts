import { z } from 'zod';
import { dateTimeSchema, idSchema, shortText } from './common.js';

export const ASSESSMENT_STATUSES = ['in-progress', 'completed', 'entered-in-error'] as const;

const assessmentFields = z.strictObject({
  status: z.enum(ASSESSMENT_STATUSES),
  patientId: idSchema,
  encounterId: idSchema.optional(),
  assessorId: idSchema.optional(),
  /** Main date: when the assessment was made. */
  date: dateTimeSchema.optional(),
  description: z.string().max(2000).optional(),
  summary: z.string().max(5000).optional(),
  findings: z.array(shortText(500)).max(50).optional(),
  /** Condition ids the assessment addresses. */
  problemIds: z.array(idSchema).max(50).optional(),
});

export const assessmentCreateSchema = assessmentFields;
export const assessmentPatchSchema = assessmentFields.partial();

export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export type AssessmentCreate = z.infer<typeof assessmentFields>;
export type AssessmentPatch = Partial<AssessmentCreate>;

export interface Assessment extends AssessmentCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
