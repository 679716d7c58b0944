import { z } from 'zod';
import { endAfterStart } from './checks.js';
import { idSchema, looseDateSchema, shortText } from './common.js';

const scheduleFields = z.strictObject({
  /** Practitioner or Location ids this schedule belongs to. */
  actorIds: z.array(idSchema).min(1).max(20),
  active: z.boolean().optional(),
  serviceCategory: z.array(shortText(200)).max(20).optional(),
  serviceType: z.array(shortText(200)).max(20).optional(),
  specialty: z.array(shortText(200)).max(20).optional(),
  planningHorizon: endAfterStart(
    z.strictObject({ start: looseDateSchema.optional(), end: looseDateSchema.optional() }),
    false,
  ).optional(),
  comment: z.string().max(2000).optional(),
});

export const scheduleCreateSchema = scheduleFields;
export const schedulePatchSchema = scheduleFields.partial();

export type ScheduleCreate = z.infer<typeof scheduleFields>;
export type SchedulePatch = Partial<ScheduleCreate>;

export interface Schedule extends ScheduleCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
