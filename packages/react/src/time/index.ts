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
  shiftDay,
  startOfDayIn,
  todayIn,
  toZonedIso,
  weekOf,
} from './zone.js';
