export { formatDateTime, formatDay, formatOffset, formatTime, type ZoneFormat } from './format.js';
export { type DayGroup, groupByDay } from './group.js';
export {
  type BookableSlotOptions,
  bookableSlots,
  crossesMidnight,
  slotStartLabels,
  type TimeRange,
} from './slots.js';
export {
  addMinutes,
  type DayKey,
  type Disambiguation,
  dayBoundsIn,
  dayKeyOf,
  daysQueryRange,
  hoursInDay,
  type Instant,
  inZone,
  isDayKey,
  isValidTimeZone,
  millisOf,
  minutesBetween,
  offsetMinutesAt,
  shiftDay,
  startOfDayIn,
  todayIn,
  toZonedIso,
  type WallTime,
  wallTimeToInstant,
  weekdayOf,
  weekOf,
  ZonedTime,
} from './zone.js';
