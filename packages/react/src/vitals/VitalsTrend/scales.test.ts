import { describe, expect, it } from 'vitest';
import { timeTicks, valueAxis } from './scales.js';

describe('valueAxis', () => {
  it('widens to round ticks around the data', () => {
    expect(valueAxis(76, 142)).toEqual({ min: 60, max: 160, ticks: [60, 80, 100, 120, 140, 160] });
    expect(valueAxis(36.7, 38.4)).toEqual({
      min: 36.5,
      max: 38.5,
      ticks: [36.5, 37, 37.5, 38, 38.5],
    });
    expect(valueAxis(72, 72).ticks).toEqual([68, 70, 72, 74, 76]);
  });
});

describe('timeTicks', () => {
  it('puts day ticks at midnight in the practice zone, labelled there', () => {
    const from = Date.parse('2026-06-10T13:30:00Z');
    const to = Date.parse('2026-06-15T13:30:00Z');
    const ticks = timeTicks(from, to, 'Asia/Kolkata', 'en-US');
    expect(ticks.map((t) => new Date(t.at).toISOString())).toEqual([
      '2026-06-10T18:30:00.000Z',
      '2026-06-11T18:30:00.000Z',
      '2026-06-12T18:30:00.000Z',
      '2026-06-13T18:30:00.000Z',
      '2026-06-14T18:30:00.000Z',
    ]);
    expect(ticks[0]?.label).toBe('Jun 11');
  });

  it('uses first days of months for a half year, across a DST change', () => {
    const ticks = timeTicks(
      Date.parse('2026-01-12T14:15:00Z'),
      Date.parse('2026-06-15T13:30:00Z'),
      'America/New_York',
      'en-US',
      6,
    );
    expect(ticks.map((t) => t.label)).toEqual([
      'Feb 2026',
      'Mar 2026',
      'Apr 2026',
      'May 2026',
      'Jun 2026',
    ]);
    expect(new Date(ticks[3]?.at ?? 0).toISOString()).toBe('2026-05-01T04:00:00.000Z');
  });

  it('uses hours within a day', () => {
    const ticks = timeTicks(
      Date.parse('2026-06-15T12:10:00Z'),
      Date.parse('2026-06-15T20:00:00Z'),
      'America/New_York',
      'en-US',
    );
    expect(ticks.map((t) => t.label.replace(/\s/g, ' '))).toEqual([
      '10:00 AM',
      '12:00 PM',
      '2:00 PM',
      '4:00 PM',
    ]);
  });
});
