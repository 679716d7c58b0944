import { type DayKey, dayKeyOf, type Instant, millisOf } from './zone.js';

export interface DayGroup<T> {
  /** The day in the zone the items were grouped in. */
  day: DayKey;
  /** The items starting that day, earliest first. */
  items: T[];
}

/** Groups items by the day they start on in `timeZone`, days and items in time order. */
export function groupByDay<T>(
  items: readonly T[],
  startOf: (item: T) => Instant,
  timeZone: string,
  order: 'asc' | 'desc' = 'asc',
): DayGroup<T>[] {
  const sign = order === 'asc' ? 1 : -1;
  const sorted = [...items].sort((a, b) => sign * (millisOf(startOf(a)) - millisOf(startOf(b))));
  const groups: DayGroup<T>[] = [];
  for (const item of sorted) {
    const day = dayKeyOf(startOf(item), timeZone);
    const last = groups[groups.length - 1];
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}
