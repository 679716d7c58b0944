import * as z from 'zod/mini';
import { dateTimeSchema, idSchema, shortText } from './common.js';

export const ASSESSMENT_STATUSES = ['in-progress', 'completed', 'entered-in-error'] as const;

const assessmentFields = z.strictObject({
  status: z.enum(ASSESSMENT_STATUSES),
  patientId: idSchema,
  encounterId: z.optional(idSchema),
  assessorId: z.optional(idSchema),
  /** Main date: when the assessment was made. */
  date: z.optional(dateTimeSchema),
  description: z.optional(z.string().check(z.maxLength(2000))),
  summary: z.optional(z.string().check(z.maxLength(5000))),
  findings: z.optional(z.array(shortText(500)).check(z.maxLength(50))),
  /** Condition ids the assessment addresses. */
  problemIds: z.optional(z.array(idSchema).check(z.maxLength(50))),
});

export const assessmentCreateSchema = assessmentFields;
export const assessmentPatchSchema = z.partial(assessmentFields);

export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export type AssessmentCreate = z.infer<typeof assessmentFields>;
export type AssessmentPatch = Partial<AssessmentCreate>;

export interface Assessment extends AssessmentCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
