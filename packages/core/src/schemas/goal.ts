import * as z from 'zod/mini';
import { dateSchema, idSchema, shortText } from './common.js';

export const GOAL_LIFECYCLE_STATUSES = [
  'proposed',
  'planned',
  'accepted',
  'active',
  'on-hold',
  'completed',
  'cancelled',
  'entered-in-error',
  'rejected',
] as const;

export const GOAL_ACHIEVEMENT_STATUSES = [
  'in-progress',
  'improving',
  'worsening',
  'no-change',
  'achieved',
  'sustaining',
  'not-achieved',
  'no-progress',
  'not-attainable',
] as const;

const goalFields = z.strictObject({
  /** Matched by the `status` search parameter. */
  lifecycleStatus: z.enum(GOAL_LIFECYCLE_STATUSES),
  description: shortText(1000),
  patientId: idSchema,
  achievementStatus: z.optional(z.enum(GOAL_ACHIEVEMENT_STATUSES)),
  priority: z.optional(z.enum(['high-priority', 'medium-priority', 'low-priority'])),
  /** Main date (`YYYY-MM-DD`). */
  startDate: z.optional(dateSchema),
  targetDate: z.optional(dateSchema),
  /** Condition ids the goal addresses. */
  conditionIds: z.optional(z.array(idSchema).check(z.maxLength(50))),
  note: z.optional(z.string().check(z.maxLength(2000))),
});

export const goalCreateSchema = goalFields;
export const goalPatchSchema = z.partial(goalFields);

export type GoalLifecycleStatus = (typeof GOAL_LIFECYCLE_STATUSES)[number];
export type GoalCreate = z.infer<typeof goalFields>;
export type GoalPatch = Partial<GoalCreate>;

export interface Goal extends GoalCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
