export type { ExtraClosure, HolidayKind, HolidayOccurrence, HolidayRule, LocalDate, OfficeCalendar, WeeklyShift } from './types.js';
export { easterSunday } from './easter.js';
export { addDays, daysBetween, formatLocalDate, isLocalDateText, isTimeText, minutesOf, parseLocalDate, weekdayOf } from './local-date.js';
export { assertTimezone, localDateOf, zonedInstant, zonedParts, type ZonedParts } from './zoned-time.js';
export { holidaysInYear, holidaysOn, parseHolidayRule, ruleDateIn, type ParsedRule } from './holidays.js';
export { attendanceWindows, isBusinessDay, type Window } from './day-schedule.js';
export { isAttendanceOpen, nextAttendanceOpening, type AttendanceOptions } from './attendance.js';
export { addBusinessDays } from './business-days.js';
export { describeOpening, OPENING_TEXTS_PT_BR } from './describe-opening.js';
