import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatDay,
  formatOffset,
  formatOffsetsOver,
  formatTime,
  formatTimeRange,
  formatZoneName,
} from './format.js';
import { groupByDay } from './group.js';
import { bookableSlots, crossesMidnight, slotStartLabels } from './slots.js';
import { minutesBetween } from './zone.js';

// The browser is in Los Angeles; the practices are elsewhere.
const originalTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  process.env.TZ = originalTz;
});

/** Intl separates time and AM/PM with a narrow no-break space. */
const plain = (text: string) => text.replace(/\s/g, ' ');

const slot = (id: string, start: string, end: string, status = 'free') => ({
  id,
  status,
  start,
  end,
});

const NY = { timeZone: 'America/New_York', locale: 'en-US' };
const KOLKATA = { timeZone: 'Asia/Kolkata', locale: 'en-US' };
const EARLY = new Date('2026-01-01T00:00:00Z');

describe('bookableSlots', () => {
  it('offers a midnight-crossing slot on the day it starts only', () => {
    const late = slot('late', '2026-06-16T23:30:00+05:30', '2026-06-17T00:30:00+05:30');
    const early = slot('early', '2026-06-17T00:30:00+05:30', '2026-06-17T01:00:00+05:30');
    expect(crossesMidnight(late, 'Asia/Kolkata')).toBe(true);
    expect(crossesMidnight(early, 'Asia/Kolkata')).toBe(false);
    // In Los Angeles the same slot is 11:00-12:00 on June 16: no midnight there.
    expect(crossesMidnight(late, 'America/Los_Angeles')).toBe(false);
    const options = { timeZone: 'Asia/Kolkata', now: EARLY };
    expect(bookableSlots([early, late], { ...options, day: '2026-06-16' })).toEqual([late]);
    expect(bookableSlots([early, late], { ...options, day: '2026-06-17' })).toEqual([early]);
  });

  it('does not call a slot ending exactly at midnight midnight-crossing', () => {
    const last = slot('last', '2026-06-16T23:30:00+05:30', '2026-06-17T00:00:00+05:30');
    expect(crossesMidnight(last, 'Asia/Kolkata')).toBe(false);
  });

  it('drops past, started, busy and too-short slots and sorts the rest', () => {
    const now = new Date('2026-06-16T04:30:00Z'); // 10:00 in Kolkata
    const slots = [
      slot('later', '2026-06-16T11:00:00+05:30', '2026-06-16T11:30:00+05:30'),
      slot('started', '2026-06-16T10:00:00+05:30', '2026-06-16T10:30:00+05:30'),
      slot('past', '2026-06-16T09:00:00+05:30', '2026-06-16T09:30:00+05:30'),
      slot('busy', '2026-06-16T12:00:00+05:30', '2026-06-16T12:30:00+05:30', 'busy'),
      slot('soon', '2026-06-16T10:15:00+05:30', '2026-06-16T10:30:00+05:30'),
    ];
    const ids = (minMinutes?: number) =>
      bookableSlots(slots, { day: '2026-06-16', timeZone: 'Asia/Kolkata', now, minMinutes }).map(
        (s) => s.id,
      );
    expect(ids()).toEqual(['soon', 'later']);
    expect(ids(30)).toEqual(['later']);
  });

  it('offers every slot of the 25-hour fall-back day, named apart by zone', () => {
    const slots = [
      slot('edt-1', '2026-11-01T01:00:00-04:00', '2026-11-01T01:30:00-04:00'),
      slot('edt-2', '2026-11-01T01:30:00-04:00', '2026-11-01T01:00:00-05:00'),
      slot('est-1', '2026-11-01T01:00:00-05:00', '2026-11-01T01:30:00-05:00'),
      slot('est-2', '2026-11-01T01:30:00-05:00', '2026-11-01T02:00:00-05:00'),
      slot('late', '2026-11-01T23:30:00-05:00', '2026-11-02T00:00:00-05:00'),
    ];
    const offered = bookableSlots(slots, { day: '2026-11-01', timeZone: NY.timeZone, now: EARLY });
    expect(offered.map((s) => s.id)).toEqual(['edt-1', 'edt-2', 'est-1', 'est-2', 'late']);
    expect(offered.map((s) => minutesBetween(s.start, s.end))).toEqual([30, 30, 30, 30, 30]);
    const labels = [...slotStartLabels(offered, NY).values()].map(plain);
    expect(labels).toEqual([
      '1:00 AM EDT',
      '1:30 AM EDT',
      '1:00 AM EST',
      '1:30 AM EST',
      '11:30 PM',
    ]);
  });

  it('keeps spring-forward slots 30 real minutes apart across the missing hour', () => {
    const before = slot('before', '2026-03-08T01:30:00-05:00', '2026-03-08T03:00:00-04:00');
    const after = slot('after', '2026-03-08T03:00:00-04:00', '2026-03-08T03:30:00-04:00');
    expect(minutesBetween(before.start, before.end)).toBe(30);
    const labels = slotStartLabels([before, after], NY);
    expect(plain(labels.get('before') ?? '')).toBe('1:30 AM');
    expect(plain(labels.get('after') ?? '')).toBe('3:00 AM');
  });

  it('treats Europe/London days in London time on both DST days', () => {
    const spring = [
      slot('gmt', '2026-03-29T00:30:00Z', '2026-03-29T02:00:00+01:00'),
      slot('bst', '2026-03-29T02:00:00+01:00', '2026-03-29T02:30:00+01:00'),
      slot('prev', '2026-03-28T23:30:00Z', '2026-03-29T00:00:00Z'),
    ];
    const london = { timeZone: 'Europe/London', locale: 'en-GB' };
    const offered = bookableSlots(spring, {
      day: '2026-03-29',
      timeZone: london.timeZone,
      now: EARLY,
    });
    expect(offered.map((s) => s.id)).toEqual(['gmt', 'bst']);
    expect([...slotStartLabels(offered, london).values()].map(plain)).toEqual(['00:30', '02:00']);
    // The fall-back day: 00:30 UTC on Oct 24/25 straddles the London day boundary.
    const autumn = [slot('bst-late', '2026-10-24T23:30:00Z', '2026-10-25T00:00:00Z')];
    expect(
      bookableSlots(autumn, { day: '2026-10-25', timeZone: london.timeZone, now: EARLY }),
    ).toHaveLength(1);
  });
});

describe('twin wall times of a fall-back day', () => {
  const edt130 = '2026-11-01T01:30:00-04:00';
  const est100 = '2026-11-01T01:00:00-05:00';
  const est130 = '2026-11-01T01:30:00-05:00';

  it('names the zone of a repeated time even when its twin is not on screen (booked, past)', () => {
    const offered = [slot('est-2', est130, '2026-11-01T02:00:00-05:00')];
    expect([...slotStartLabels(offered, NY).values()].map(plain)).toEqual(['1:30 AM EST']);
    expect(plain(formatTime(edt130, NY))).toBe('1:30 AM EDT');
    expect(plain(formatTime('2026-11-01T03:00:00-05:00', NY))).toBe('3:00 AM');
    expect(plain(formatTime('2026-11-01T03:00:00-05:00', NY, true))).toBe('3:00 AM EST');
    expect(plain(formatTime(est130, NY, false))).toBe('1:30 AM');
  });

  it('names the zone on both ends of a range when either end needs it', () => {
    expect(plain(formatTimeRange(edt130, est100, NY))).toBe('1:30 AM EDT – 1:00 AM EST');
    expect(plain(formatTimeRange(est130, '2026-11-01T02:30:00-05:00', NY))).toBe(
      '1:30 AM EST – 2:30 AM EST',
    );
    expect(
      plain(formatTimeRange('2026-11-01T09:00:00-05:00', '2026-11-01T09:30:00-05:00', NY)),
    ).toBe('9:00 AM – 9:30 AM');
    expect(
      plain(formatTimeRange('2026-06-16T23:30:00+05:30', '2026-06-17T00:30:00+05:30', KOLKATA)),
    ).toBe('11:30 PM – 12:30 AM (+1)');
    expect(
      plain(formatTimeRange('2026-06-16T23:30:00+05:30', '2026-06-17T00:00:00+05:30', KOLKATA)),
    ).toBe('11:30 PM – 12:00 AM');
  });

  it('uses offsets where the short names of the twins are equal', () => {
    // en-US has no abbreviation for Europe/Berlin: GMT+2 and GMT+1 are the names.
    const berlin = { timeZone: 'Europe/Berlin', locale: 'en-US' };
    expect(plain(formatTime('2026-10-25T02:30:00+02:00', berlin))).toBe('2:30 AM GMT+2');
    expect(plain(formatTime('2026-10-25T02:30:00+01:00', berlin))).toBe('2:30 AM GMT+1');
  });
});

describe('zone names and offsets people read', () => {
  it('names zones like "Eastern Time (New York)", never a raw IANA id where Intl has a name', () => {
    const june = '2026-06-15T12:00:00Z';
    expect(formatZoneName('America/New_York', 'en-US', june)).toBe('Eastern Time (New York)');
    expect(formatZoneName('Asia/Kolkata', 'en-US', june)).toBe('India Standard Time (Kolkata)');
    expect(formatZoneName('America/Los_Angeles', 'en-US', june)).toBe('Pacific Time (Los Angeles)');
    expect(formatZoneName('Europe/Berlin', 'de-DE', june)).toBe('Mitteleuropäische Zeit (Berlin)');
    expect(formatZoneName('Pacific/Chatham', 'en-US', june)).toBe('Chatham Time');
    expect(formatZoneName('UTC', 'en-US', june)).toBe('UTC');
  });

  it('gives every offset of a period that spans a clock change, in order', () => {
    expect(formatOffsetsOver('2026-10-26', '2026-11-01', NY)).toBe('GMT-4 → GMT-5');
    expect(formatOffsetsOver('2026-11-02', '2026-11-08', NY)).toBe('GMT-5');
    expect(formatOffsetsOver('2026-03-08', '2026-03-08', NY)).toBe('GMT-5 → GMT-4');
    expect(formatOffsetsOver('2026-06-15', '2026-06-21', KOLKATA)).toBe('GMT+5:30');
  });
});

describe('formatting and grouping in the practice zone', () => {
  it('shows Asia/Kolkata times with the half-hour offset to a Los Angeles browser', () => {
    const instant = '2026-06-15T20:00:00Z';
    expect(plain(formatTime(instant, KOLKATA))).toBe('1:30 AM');
    expect(plain(formatTime(instant, { ...KOLKATA, timeZone: 'America/Los_Angeles' }))).toBe(
      '1:00 PM',
    );
    expect(formatOffset(instant, KOLKATA)).toBe('GMT+5:30');
    expect(formatDay('2026-06-16', 'en-US')).toBe('Tuesday, June 16, 2026');
    expect(formatDay('2026-06-16', 'de-DE')).toBe('Dienstag, 16. Juni 2026');
  });

  it('groups by the practice day, not the browser day', () => {
    const items = [
      { id: 'b', start: '2026-06-15T19:00:00Z' }, // 00:30 June 16 in Kolkata
      { id: 'a', start: '2026-06-15T18:00:00Z' }, // 23:30 June 15 in Kolkata
      { id: 'c', start: '2026-06-16T03:00:00Z' }, // 08:30 June 16 in Kolkata
    ];
    const groups = groupByDay(items, (i) => i.start, 'Asia/Kolkata');
    expect(groups.map((g) => [g.day, g.items.map((i) => i.id)])).toEqual([
      ['2026-06-15', ['a']],
      ['2026-06-16', ['b', 'c']],
    ]);
    // In Los Angeles all three are on June 15 (11:00, 12:00 and 20:00).
    expect(groupByDay(items, (i) => i.start, 'America/Los_Angeles')).toHaveLength(1);
    const newestFirst = groupByDay(items, (i) => i.start, 'Asia/Kolkata', 'desc');
    expect(newestFirst.map((g) => g.items.map((i) => i.id))).toEqual([['c', 'b'], ['a']]);
  });
});
