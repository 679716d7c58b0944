// The time tests again, under Playwright's fake Date (`context.clock.install()`), installed before
// the code under test loads, as a page loads after the clock is installed: zone math must not
// depend on Date subclasses, which that Date constructor drops.
import { afterAll, describe, expect, it } from 'vitest';
import { installPlaywrightLikeClock } from './test/playwrightClock.js';

const clock = installPlaywrightLikeClock(globalThis, Date.parse('2026-06-15T16:10:00Z'));
afterAll(() => clock.uninstall());

await import('./zone.test.js');
await import('./slots.test.js');
await import('./dates.test.js');
const { dayKeyOf, inZone, startOfDayIn, toZonedIso, wallTimeToInstant } = await import('./zone.js');

describe('under a Playwright-like fake clock', () => {
  it('really runs with a Date that drops subclasses', () => {
    class Sub extends Date {}
    expect(new Sub() instanceof Sub).toBe(false);
    expect((Date as unknown as { isFake?: boolean }).isFake).toBe(true);
  });

  it('still computes practice-zone days, wall times and offsets', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(toZonedIso(startOfDayIn('2026-06-16', 'Asia/Kolkata'), 'Asia/Kolkata')).toBe(
      '2026-06-16T00:00:00+05:30',
    );
    expect(dayKeyOf('2026-06-15T18:00:00Z', 'Asia/Kolkata')).toBe('2026-06-15');
    expect(dayKeyOf('2026-06-15T19:00:00Z', 'Asia/Kolkata')).toBe('2026-06-16');
    expect(inZone('2026-06-15T18:00:00Z', 'Asia/Kolkata').getHours()).toBe(23);
    expect(
      wallTimeToInstant?.(
        { year: 2026, month: 3, day: 8, hour: 2, minute: 30 },
        'America/New_York',
      ),
    ).toBe(Date.parse('2026-03-08T03:30:00-04:00'));
  });
});
