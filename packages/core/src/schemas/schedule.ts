import * as z from 'zod/mini';
import { endAfterStart } from './checks.js';
import { idSchema, looseDateSchema, shortText } from './common.js';

const scheduleFields = z.strictObject({
  /** Practitioner or Location ids this schedule belongs to. */
  actorIds: z.array(idSchema).check(z.minLength(1), z.maxLength(20)),
  active: z.optional(z.boolean()),
  serviceCategory: z.optional(z.array(shortText(200)).check(z.maxLength(20))),
  serviceType: z.optional(z.array(shortText(200)).check(z.maxLength(20))),
  specialty: z.optional(z.array(shortText(200)).check(z.maxLength(20))),
  planningHorizon: z.optional(
    endAfterStart(
      z.strictObject({ start: z.optional(looseDateSchema), end: z.optional(looseDateSchema) }),
      false,
    ),
  ),
  comment: z.optional(z.string().check(z.maxLength(2000))),
});

export const scheduleCreateSchema = scheduleFields;
export const schedulePatchSchema = z.partial(scheduleFields);

export type ScheduleCreate = z.infer<typeof scheduleFields>;
export type SchedulePatch = Partial<ScheduleCreate>;

export interface Schedule extends ScheduleCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
