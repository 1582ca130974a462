// Calendar-date helpers for the deadline engine. Pure: no I/O, Node built-ins only.
// A LocalDate is a calendar date without a time or zone ('YYYY-MM-DD', proleptic Gregorian).
// Arithmetic runs on day numbers (days since 1970-01-01), so there are no DST effects.

export type LocalDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface DateParts {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const LOCAL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function partsOrUndefined(value: string): DateParts | undefined {
  const m = LOCAL_DATE_RE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** True for a real calendar date in 'YYYY-MM-DD' form (rejects 2026-02-30, 2025-02-29, …). */
export function isValidLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && partsOrUndefined(value) !== undefined;
}

/** Parses 'YYYY-MM-DD'; throws RangeError for anything that is not a real calendar date. */
export function parseLocalDate(value: string): DateParts {
  const parts = partsOrUndefined(value);
  if (!parts) throw new RangeError(`Invalid calendar date: ${JSON.stringify(value)} (expected YYYY-MM-DD)`);
  return parts;
}

export function formatLocalDate(parts: DateParts): LocalDate {
  const { year, month, day } = parts;
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// days_from_civil / civil_from_days (H. Hinnant), exact integer arithmetic.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(n: number): DateParts {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Days since 1970-01-01 (may be negative). */
export function toDayNumber(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return daysFromCivil(year, month, day);
}

export function fromDayNumber(dayNumber: number): LocalDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Day number must be an integer: ${dayNumber}`);
  return formatLocalDate(civilFromDays(dayNumber));
}

function assertInteger(name: string, n: number): void {
  if (!Number.isInteger(n)) throw new RangeError(`${name} must be an integer, got ${n}`);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  assertInteger('days', days);
  return fromDayNumber(toDayNumber(date) + days);
}

/** DL-01: N weeks = 7·N days; same weekday. */
export function addWeeks(date: LocalDate, weeks: number): LocalDate {
  assertInteger('weeks', weeks);
  return addDays(date, 7 * weeks);
}

/**
 * Reg. 1182/71 art. 3(2)(c): the same date in the target month, or that month's last day
 * when the date does not exist there (2026-01-31 + 1 → 2026-02-28).
 */
export function addMonthsEu(date: LocalDate, months: number): LocalDate {
  assertInteger('months', months);
  const { year, month, day } = parseLocalDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return formatLocalDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** Same date N years later; 29 February becomes 28 February in a common year (AWB-22). */
export function addYears(date: LocalDate, years: number): LocalDate {
  assertInteger('years', years);
  return addMonthsEu(date, 12 * years);
}

export function weekday(date: LocalDate): Weekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return (((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1) as Weekday;
}

export function isWeekend(date: LocalDate): boolean {
  return weekday(date) >= 6;
}

/** -1, 0 or 1. Valid LocalDates compare correctly as strings; validated anyway. */
export function compareDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  const d = toDayNumber(a) - toDayNumber(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** Number of days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

// CONV-01: statutory dates are Europe/Amsterdam calendar dates.
const AMSTERDAM_FORMAT = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

// An instant string must carry its offset, otherwise its meaning depends on the host's zone.
const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Parses a Date or an ISO-8601 instant with an explicit offset ('Z' or ±hh:mm). */
export function toInstant(instant: Date | string): Date {
  if (instant instanceof Date) {
    if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
    return instant;
  }
  const m = INSTANT_RE.exec(instant);
  if (!m || !isValidLocalDate(m[1])) {
    throw new RangeError(
      `Invalid instant: ${JSON.stringify(instant)} (expected ISO 8601 with Z or an offset)`,
    );
  }
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Invalid instant: ${JSON.stringify(instant)}`);
  return d;
}

/**
 * CONV-01: the Europe/Amsterdam calendar date of an instant (2026-06-30T22:30Z → 2026-07-01).
 * A plain 'YYYY-MM-DD' string already is a calendar date and is returned unchanged.
 */
export function amsterdamDate(instant: Date | string): LocalDate {
  if (typeof instant === 'string' && isValidLocalDate(instant)) return instant;
  const parts = AMSTERDAM_FORMAT.formatToParts(toInstant(instant));
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    if (!part) throw new RangeError(`Intl.DateTimeFormat returned no ${type}`);
    return Number(part.value);
  };
  return formatLocalDate({ year: get('year'), month: get('month'), day: get('day') });
}
