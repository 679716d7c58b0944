import { z } from 'zod';
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
  achievementStatus: z.enum(GOAL_ACHIEVEMENT_STATUSES).optional(),
  priority: z.enum(['high-priority', 'medium-priority', 'low-priority']).optional(),
  /** Main date (`YYYY-MM-DD`). */
  startDate: dateSchema.optional(),
  targetDate: dateSchema.optional(),
  /** Condition ids the goal addresses. */
  conditionIds: z.array(idSchema).max(50).optional(),
  note: z.string().max(2000).optional(),
});

export const goalCreateSchema = goalFields;
export const goalPatchSchema = goalFields.partial();

export type GoalLifecycleStatus = (typeof GOAL_LIFECYCLE_STATUSES)[number];
export type GoalCreate = z.infer<typeof goalFields>;
export type GoalPatch = Partial<GoalCreate>;

export interface Goal extends GoalCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
