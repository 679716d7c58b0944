import { describe, expect, it } from 'vitest';
import { zonedDateTime } from './time-zone.js';

describe("zonedDateTime (the seed's wall-time helper)", () => {
  it('moves a time inside a spring-forward gap forward, never to the hour or day before', () => {
    expect(zonedDateTime('2026-03-08', '02:30', 'America/New_York')).toBe(
      '2026-03-08T03:30:00-04:00',
    );
    expect(zonedDateTime('2026-03-29', '01:30', 'Europe/London')).toBe('2026-03-29T02:30:00+01:00');
    // Santiago skips midnight on its change day: the day starts at 01:00, on that day.
    expect(zonedDateTime('2026-09-06', '00:00', 'America/Santiago')).toBe(
      '2026-09-06T01:00:00-03:00',
    );
  });

  it('takes the first of two repeated fall-back times', () => {
    expect(zonedDateTime('2026-11-01', '01:30', 'America/New_York')).toBe(
      '2026-11-01T01:30:00-04:00',
    );
    expect(zonedDateTime('2026-04-04', '23:30', 'America/Santiago')).toBe(
      '2026-04-04T23:30:00-03:00',
    );
  });
});
