import { z } from 'zod';
import { idSchema, periodSchema, shortText } from './common.js';

export const CARE_PLAN_STATUSES = [
  'draft',
  'active',
  'on-hold',
  'revoked',
  'completed',
  'entered-in-error',
  'unknown',
] as const;

export const CARE_PLAN_ACTIVITY_STATUSES = [
  'not-started',
  'scheduled',
  'in-progress',
  'on-hold',
  'completed',
  'cancelled',
  'stopped',
  'unknown',
] as const;

const activitySchema = z.strictObject({
  description: shortText(500),
  /** Defaults to `not-started`. */
  status: z.enum(CARE_PLAN_ACTIVITY_STATUSES).optional(),
});

const carePlanFields = z.strictObject({
  status: z.enum(CARE_PLAN_STATUSES),
  /** Defaults to `plan`. */
  intent: z.enum(['proposal', 'plan', 'order', 'option']).optional(),
  patientId: idSchema,
  title: shortText(200).optional(),
  description: z.string().max(2000).optional(),
  category: shortText(200).optional(),
  /** `period.start` is the main date. */
  period: periodSchema.optional(),
  authorId: idSchema.optional(),
  goalIds: z.array(idSchema).max(50).optional(),
  /** Condition ids the plan addresses. */
  conditionIds: z.array(idSchema).max(50).optional(),
  activities: z.array(activitySchema).max(50).optional(),
  note: z.string().max(2000).optional(),
});

export const carePlanCreateSchema = carePlanFields;
export const carePlanPatchSchema = carePlanFields.partial();

export type CarePlanStatus = (typeof CARE_PLAN_STATUSES)[number];
export type CarePlanCreate = z.infer<typeof carePlanFields>;
export type CarePlanPatch = Partial<CarePlanCreate>;

export interface CarePlan extends CarePlanCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
