import * as z from 'zod/mini';
import { endAfterStart } from './checks.js';
import { dateTimeSchema, idSchema, shortText } from './common.js';

export const SLOT_STATUSES = ['busy', 'free', 'busy-unavailable', 'busy-tentative'] as const;

const slotFields = z.strictObject({
  scheduleId: idSchema,
  status: z.enum(SLOT_STATUSES),
  start: dateTimeSchema,
  end: dateTimeSchema,
  serviceType: z.optional(shortText(200)),
  specialty: z.optional(shortText(200)),
  appointmentType: z.optional(shortText(100)),
  overbooked: z.optional(z.boolean()),
  comment: z.optional(z.string().check(z.maxLength(2000))),
});

export const slotCreateSchema = endAfterStart(slotFields);
export const slotPatchSchema = endAfterStart(z.partial(slotFields));

export type SlotStatus = (typeof SLOT_STATUSES)[number];
export type SlotCreate = z.infer<typeof slotFields>;
export type SlotPatch = Partial<SlotCreate>;

export interface Slot extends SlotCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
