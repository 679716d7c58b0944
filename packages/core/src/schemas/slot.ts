import { z } from 'zod';
import { endAfterStart } from './checks.js';
import { dateTimeSchema, idSchema, shortText } from './common.js';

export const SLOT_STATUSES = ['busy', 'free', 'busy-unavailable', 'busy-tentative'] as const;

const slotFields = z.strictObject({
  scheduleId: idSchema,
  status: z.enum(SLOT_STATUSES),
  start: dateTimeSchema,
  end: dateTimeSchema,
  serviceType: shortText(200).optional(),
  specialty: shortText(200).optional(),
  appointmentType: shortText(100).optional(),
  overbooked: z.boolean().optional(),
  comment: z.string().max(2000).optional(),
});

export const slotCreateSchema = endAfterStart(slotFields);
export const slotPatchSchema = endAfterStart(slotFields.partial());

export type SlotStatus = (typeof SLOT_STATUSES)[number];
export type SlotCreate = z.infer<typeof slotFields>;
export type SlotPatch = Partial<SlotCreate>;

export interface Slot extends SlotCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
