import { HttpError, issue, validationError } from '../../http/http-error.js';
import type { Simplified } from '../adapter.js';
import type { WriteContext } from '../write-context.js';

/** The slot an appointment occupies: a cancelled appointment holds none. */
function heldSlot(appointment: Simplified | undefined): string | undefined {
  if (!appointment || appointment.status === 'cancelled') return undefined;
  return typeof appointment.slotId === 'string' ? appointment.slotId : undefined;
}

/**
 * Booking integrity, inside the appointment's write transaction: taking a slot turns it from free to
 * busy (the row is locked, so of two racing bookings the second sees it busy and gets 409); releasing
 * it (cancel, delete, or moving to another slot) turns it free again.
 */
export async function holdSlots(
  ctx: WriteContext,
  change: { previous?: Simplified; next?: Simplified },
): Promise<void> {
  const before = heldSlot(change.previous);
  const after = heldSlot(change.next);
  if (before === after) return;

  if (before) {
    const slot = await ctx.lockRecord('slots', before);
    if (slot && slot.status === 'busy')
      await ctx.replaceRecord('slots', before, { ...slot, status: 'free' });
  }
  if (after) {
    const slot = await ctx.lockRecord('slots', after);
    if (!slot) throw validationError([issue('value', 'slotId must reference an existing slot')]);
    if (slot.status !== 'free') {
      throw new HttpError(409, 'CONFLICT', 'The slot is not free: it has been booked already');
    }
    await ctx.replaceRecord('slots', after, { ...slot, status: 'busy' });
  }
}
