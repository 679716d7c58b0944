import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dayBoundsIn,
  dayKeyOf,
  daysQueryRange,
  hoursInDay,
  isDayKey,
  isValidTimeZone,
  shiftDay,
  startOfDayIn,
  todayIn,
  toZonedIso,
  wallTimeToInstant,
  weekOf,
} from './zone.js';

const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
});

// The same facts must hold whatever zone the machine (browser) runs in.
describe.each(['America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Chatham'])(
  'with the process in %s',
  (processZone) => {
    beforeAll(() => {
      process.env.TZ = processZone;
    });

    it('really runs in that process zone', () => {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(processZone);
    });

    it('America/New_York spring-forward day is 23 hours', () => {
      const { start, end } = dayBoundsIn('2026-03-08', 'America/New_York');
      expect(toZonedIso(start, 'America/New_York')).toBe('2026-03-08T00:00:00-05:00');
      expect(toZonedIso(end, 'America/New_York')).toBe('2026-03-09T00:00:00-04:00');
      expect(hoursInDay('2026-03-08', 'America/New_York')).toBe(23);
      expect(hoursInDay('2026-03-09', 'America/New_York')).toBe(24);
    });

    it('America/New_York fall-back day is 25 hours', () => {
      const { start, end } = dayBoundsIn('2026-11-01', 'America/New_York');
      expect(toZonedIso(start, 'America/New_York')).toBe('2026-11-01T00:00:00-04:00');
      expect(toZonedIso(end, 'America/New_York')).toBe('2026-11-02T00:00:00-05:00');
      expect(hoursInDay('2026-11-01', 'America/New_York')).toBe(25);
    });

    it('Europe/London spring-forward (23 h) and fall-back (25 h) days', () => {
      expect(hoursInDay('2026-03-29', 'Europe/London')).toBe(23);
      expect(hoursInDay('2026-10-25', 'Europe/London')).toBe(25);
      expect(toZonedIso(startOfDayIn('2026-03-30', 'Europe/London'), 'Europe/London')).toBe(
        '2026-03-30T00:00:00+01:00',
      );
      // 00:30 UTC on the fall-back day is 01:30 BST: still the 25th in London.
      expect(dayKeyOf('2026-10-25T00:30:00Z', 'Europe/London')).toBe('2026-10-25');
      expect(dayKeyOf('2026-10-24T23:30:00Z', 'Europe/London')).toBe('2026-10-25');
    });

    it('takes day and "today" in Asia/Kolkata, not in the process zone', () => {
      // 20:00 UTC on June 15 is 13:00 June 15 in Los Angeles but 01:30 June 16 in Kolkata.
      const now = new Date('2026-06-15T20:00:00Z');
      expect(todayIn('Asia/Kolkata', now)).toBe('2026-06-16');
      expect(todayIn('America/Los_Angeles', now)).toBe('2026-06-15');
      expect(toZonedIso(startOfDayIn('2026-06-16', 'Asia/Kolkata'), 'Asia/Kolkata')).toBe(
        '2026-06-16T00:00:00+05:30',
      );
      expect(hoursInDay('2026-06-16', 'Asia/Kolkata')).toBe(24);
    });

    it('builds API date ranges as ISO 8601 with the zone offset', () => {
      expect(daysQueryRange('2026-03-08', '2026-03-08', 'America/New_York')).toEqual({
        dateFrom: '2026-03-08T00:00:00-05:00',
        dateTo: '2026-03-08T23:59:59-04:00',
      });
      expect(daysQueryRange('2026-06-16', '2026-06-22', 'Asia/Kolkata')).toEqual({
        dateFrom: '2026-06-16T00:00:00+05:30',
        dateTo: '2026-06-22T23:59:59+05:30',
      });
      expect(toZonedIso('2026-06-16T00:00:00+05:30', 'Europe/London')).toBe(
        '2026-06-15T19:30:00+01:00',
      );
    });

    it('shifts days and builds weeks across month, year and DST boundaries', () => {
      expect(shiftDay('2026-03-07', 1)).toBe('2026-03-08');
      expect(shiftDay('2026-03-08', 1)).toBe('2026-03-09');
      expect(shiftDay('2026-11-01', -1)).toBe('2026-10-31');
      expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
      expect(weekOf('2026-03-08', 1)).toEqual([
        '2026-03-02',
        '2026-03-03',
        '2026-03-04',
        '2026-03-05',
        '2026-03-06',
        '2026-03-07',
        '2026-03-08',
      ]);
      expect(weekOf('2026-03-08', 0)[0]).toBe('2026-03-08');
    });
  },
);

describe('wall times a zone skips or repeats', () => {
  const NY = 'America/New_York';
  const at = (hour: number, minute: number, day = 8, month = 3) => ({
    year: 2026,
    month,
    day,
    hour,
    minute,
  });
  const iso = (ms: number | undefined, zone = NY) =>
    ms === undefined ? undefined : toZonedIso(ms, zone);

  it('moves a time in the spring-forward gap forward by default (never to the hour before)', () => {
    expect(iso(wallTimeToInstant(at(2, 30), NY))).toBe('2026-03-08T03:30:00-04:00');
    expect(iso(wallTimeToInstant(at(2, 30), NY, 'later'))).toBe('2026-03-08T03:30:00-04:00');
    expect(iso(wallTimeToInstant(at(2, 30), NY, 'earlier'))).toBe('2026-03-08T01:30:00-05:00');
    expect(wallTimeToInstant(at(2, 30), NY, 'reject')).toBeUndefined();
    expect(iso(wallTimeToInstant(at(3, 0), NY, 'reject'))).toBe('2026-03-08T03:00:00-04:00');
  });

  it('takes the first of two repeated fall-back times by default, the second when asked', () => {
    const twice = at(1, 30, 1, 11);
    expect(iso(wallTimeToInstant(twice, NY))).toBe('2026-11-01T01:30:00-04:00');
    expect(iso(wallTimeToInstant(twice, NY, 'earlier'))).toBe('2026-11-01T01:30:00-04:00');
    expect(iso(wallTimeToInstant(twice, NY, 'later'))).toBe('2026-11-01T01:30:00-05:00');
    expect(wallTimeToInstant(twice, NY, 'reject')).toBeUndefined();
  });

  it('starts America/Santiago’s change day at 01:00, not on the previous day', () => {
    const zone = 'America/Santiago';
    expect(toZonedIso(startOfDayIn('2026-09-06', zone), zone)).toBe('2026-09-06T01:00:00-03:00');
    expect(dayKeyOf(startOfDayIn('2026-09-06', zone), zone)).toBe('2026-09-06');
    expect(hoursInDay('2026-09-06', zone)).toBe(23);
    // Its fall-back repeats 23:00-24:00 of April 4: April 5 starts once, and April 4 is 25 hours.
    expect(toZonedIso(startOfDayIn('2026-04-05', zone), zone)).toBe('2026-04-05T00:00:00-04:00');
    expect(hoursInDay('2026-04-04', zone)).toBe(25);
  });

  it('handles half-hour changes (Australia/Lord_Howe) and half-hour zones', () => {
    expect(hoursInDay('2026-10-04', 'Australia/Lord_Howe')).toBe(23.5);
    expect(
      iso(
        wallTimeToInstant(
          { year: 2026, month: 10, day: 4, hour: 2, minute: 15 },
          'Australia/Lord_Howe',
        ),
        'Australia/Lord_Howe',
      ),
    ).toBe('2026-10-04T02:45:00+11:00');
    expect(iso(wallTimeToInstant(at(23, 30, 16, 6), 'Asia/Kolkata'), 'Asia/Kolkata')).toBe(
      '2026-06-16T23:30:00+05:30',
    );
  });
});

describe('validation', () => {
  it('checks zones and day keys', () => {
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isDayKey('2026-02-28')).toBe(true);
    expect(isDayKey('2026-02-30x')).toBe(false);
    expect(() => startOfDayIn('03/08/2026', 'UTC')).toThrow(RangeError);
  });
});
