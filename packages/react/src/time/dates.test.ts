import { describe, expect, it } from 'vitest';
import { ageInYears, formatCalendarDate } from './dates.js';

describe('ageInYears', () => {
  it("counts the birthday in the practice's time zone, not the runtime's", () => {
    // 2026-06-15 02:00 UTC is still June 14 in Los Angeles.
    const now = new Date('2026-06-15T02:00:00Z');
    expect(ageInYears('1990-06-15', now, 'UTC')).toBe(36);
    expect(ageInYears('1990-06-15', now, 'America/Los_Angeles')).toBe(35);
  });

  it('is undefined for missing, malformed or future dates', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    expect(ageInYears(undefined, now, 'UTC')).toBeUndefined();
    expect(ageInYears('15/06/1990', now, 'UTC')).toBeUndefined();
    expect(ageInYears('2030-01-01', now, 'UTC')).toBeUndefined();
  });
});

describe('formatCalendarDate', () => {
  it('formats in the locale without shifting the day', () => {
    expect(formatCalendarDate('1990-01-01', 'en-US')).toBe('Jan 1, 1990');
    expect(formatCalendarDate('1990-01-01', 'de-DE')).toBe('01.01.1990');
  });
});
