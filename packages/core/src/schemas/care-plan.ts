import * as z from 'zod/mini';
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
  status: z.optional(z.enum(CARE_PLAN_ACTIVITY_STATUSES)),
});

const carePlanFields = z.strictObject({
  status: z.enum(CARE_PLAN_STATUSES),
  /** Defaults to `plan`. */
  intent: z.optional(z.enum(['proposal', 'plan', 'order', 'option'])),
  patientId: idSchema,
  title: z.optional(shortText(200)),
  description: z.optional(z.string().check(z.maxLength(2000))),
  category: z.optional(shortText(200)),
  /** `period.start` is the main date. */
  period: z.optional(periodSchema),
  authorId: z.optional(idSchema),
  goalIds: z.optional(z.array(idSchema).check(z.maxLength(50))),
  /** Condition ids the plan addresses. */
  conditionIds: z.optional(z.array(idSchema).check(z.maxLength(50))),
  activities: z.optional(z.array(activitySchema).check(z.maxLength(50))),
  note: z.optional(z.string().check(z.maxLength(2000))),
});

export const carePlanCreateSchema = carePlanFields;
export const carePlanPatchSchema = z.partial(carePlanFields);

export type CarePlanStatus = (typeof CARE_PLAN_STATUSES)[number];
export type CarePlanCreate = z.infer<typeof carePlanFields>;
export type CarePlanPatch = Partial<CarePlanCreate>;

export interface CarePlan extends CarePlanCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
