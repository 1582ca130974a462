// Holiday calendars as data (rules + one-off additions/removals) and working-day arithmetic.
// DL-03 (Atw art. 3), DL-09 (NL-EU for Reg. 1182/71, rules.md §9.6), DL-10 (UK-ENG).

import {
  type LocalDate,
  addDays,
  formatLocalDate,
  isWeekend,
  parseLocalDate,
  weekday,
  daysInMonth,
  type Weekday,
} from './dates.js';

export type CalendarId = 'NL-ATW' | 'NL-EU' | 'UK-ENG';

export type HolidayRule =
  /** A fixed date; `ifSunday` moves it (Koningsdag: -1); `substitute` gives a weekday substitute (UK). */
  | {
      kind: 'fixed';
      month: number;
      day: number;
      name: string;
      ifSunday?: number;
      substitute?: { name: string };
      fromYear?: number;
      toYear?: number;
    }
  /** Days relative to Easter Sunday (anonymous Gregorian algorithm). */
  | { kind: 'easter'; offset: number; name: string; fromYear?: number; toYear?: number }
  /** The n-th given weekday of a month; n = -1 is the last one. */
  | {
      kind: 'nth-weekday';
      month: number;
      weekday: Weekday;
      n: number;
      name: string;
      fromYear?: number;
      toYear?: number;
    };

export interface HolidayCalendar {
  readonly id: string;
  readonly description: string;
  readonly rules: readonly HolidayRule[];
  /** Extra designated days (Atw art. 3 lid 3, UK proclamations), date → name. */
  readonly additions: Readonly<Record<LocalDate, string>>;
  /** Rule-generated days that were moved away in a particular year. */
  readonly removals: readonly LocalDate[];
}

export interface Holiday {
  date: LocalDate;
  name: string;
}

// DL-03: Atw art. 3 (lid 1 and 2; Goede Vrijdag gelijkgesteld; 5 mei every year).
const NL_RULES: readonly HolidayRule[] = [
  { kind: 'fixed', month: 1, day: 1, name: 'Nieuwjaarsdag' },
  { kind: 'easter', offset: -2, name: 'Goede Vrijdag' },
  { kind: 'easter', offset: 1, name: '2e Paasdag' },
  // 27 April, or 26 April when the 27th is a Sunday [C]; before 2014 Koninginnedag 30 April.
  { kind: 'fixed', month: 4, day: 27, ifSunday: -1, name: 'Koningsdag', fromYear: 2014 },
  { kind: 'fixed', month: 4, day: 30, ifSunday: -1, name: 'Koninginnedag', toYear: 2013 },
  { kind: 'fixed', month: 5, day: 5, name: 'Bevrijdingsdag (5 mei)' },
  { kind: 'easter', offset: 39, name: 'Hemelvaartsdag' },
  { kind: 'easter', offset: 50, name: '2e Pinksterdag' },
  { kind: 'fixed', month: 12, day: 25, name: '1e Kerstdag' },
  { kind: 'fixed', month: 12, day: 26, name: '2e Kerstdag' },
];

// DL-10: England and Wales bank holidays, with substitute weekdays.
const UK_ENG_RULES: readonly HolidayRule[] = [
  {
    kind: 'fixed',
    month: 1,
    day: 1,
    name: 'New Year’s Day',
    substitute: { name: 'New Year’s Day (substitute day)' },
  },
  { kind: 'easter', offset: -2, name: 'Good Friday' },
  { kind: 'easter', offset: 1, name: 'Easter Monday' },
  { kind: 'nth-weekday', month: 5, weekday: 1, n: 1, name: 'Early May bank holiday' },
  { kind: 'nth-weekday', month: 5, weekday: 1, n: -1, name: 'Spring bank holiday' },
  { kind: 'nth-weekday', month: 8, weekday: 1, n: -1, name: 'Summer bank holiday' },
  {
    kind: 'fixed',
    month: 12,
    day: 25,
    name: 'Christmas Day',
    substitute: { name: 'Christmas Day (substitute day)' },
  },
  {
    kind: 'fixed',
    month: 12,
    day: 26,
    name: 'Boxing Day',
    substitute: { name: 'Boxing Day (substitute day)' },
  },
];

export const CALENDARS: Readonly<Record<CalendarId, HolidayCalendar>> = {
  'NL-ATW': {
    id: 'NL-ATW',
    description: 'Algemene termijnenwet art. 3 (algemeen erkende feestdagen)',
    rules: NL_RULES,
    additions: {},
    removals: [],
  },
  // rules.md §9.6: a separate calendar for EU-law terms (AVG); same list until confirmed otherwise.
  'NL-EU': {
    id: 'NL-EU',
    description: 'Public holidays in the Netherlands for Reg. (EEC, Euratom) 1182/71',
    rules: NL_RULES,
    additions: {},
    removals: [],
  },
  'UK-ENG': {
    id: 'UK-ENG',
    description: 'Bank holidays in England and Wales',
    rules: UK_ENG_RULES,
    // Known one-off changes (gov.uk).
    additions: {
      '2020-05-08': 'Early May bank holiday (VE day)',
      '2022-06-02': 'Spring bank holiday',
      '2022-06-03': 'Platinum Jubilee bank holiday',
      '2022-09-19': 'Bank holiday for the State Funeral of Queen Elizabeth II',
      '2023-05-08': 'Bank holiday for the coronation of King Charles III',
    },
    removals: ['2020-05-04', '2022-05-30'],
  },
};

export type CalendarRef = CalendarId | HolidayCalendar;

/** A copy of a calendar with extra designated days (e.g. Atw art. 3 lid 3, Royal Decree). */
export function withDesignatedDays(
  calendar: CalendarRef,
  days: Readonly<Record<LocalDate, string>>,
  id?: string,
): HolidayCalendar {
  const base = resolveCalendar(calendar);
  for (const date of Object.keys(days)) parseLocalDate(date);
  return { ...base, id: id ?? base.id, additions: { ...base.additions, ...days } };
}

export function resolveCalendar(calendar: CalendarRef): HolidayCalendar {
  if (typeof calendar !== 'string') return calendar;
  const found = CALENDARS[calendar];
  if (!found) throw new RangeError(`Unknown calendar: ${String(calendar)}`);
  return found;
}

/** Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatLocalDate({ year, month, day });
}

function nthWeekday(year: number, month: number, wd: Weekday, n: number): LocalDate {
  if (n > 0) {
    const first = formatLocalDate({ year, month, day: 1 });
    const offset = (wd - weekday(first) + 7) % 7;
    return addDays(first, offset + 7 * (n - 1));
  }
  const last = formatLocalDate({ year, month, day: daysInMonth(year, month) });
  const offset = (weekday(last) - wd + 7) % 7;
  return addDays(last, -offset - 7 * (-n - 1));
}

const cache = new WeakMap<HolidayCalendar, Map<number, ReadonlyMap<LocalDate, string>>>();

function computeYear(cal: HolidayCalendar, year: number): ReadonlyMap<LocalDate, string> {
  const days = new Map<LocalDate, string>();
  const pendingSubstitutes: Array<{ date: LocalDate; name: string }> = [];
  const applies = (r: HolidayRule): boolean =>
    (r.fromYear === undefined || year >= r.fromYear) && (r.toYear === undefined || year <= r.toYear);

  for (const rule of cal.rules) {
    if (!applies(rule)) continue;
    if (rule.kind === 'easter') {
      days.set(addDays(easterSunday(year), rule.offset), rule.name);
    } else if (rule.kind === 'nth-weekday') {
      days.set(nthWeekday(year, rule.month, rule.weekday, rule.n), rule.name);
    } else {
      let date = formatLocalDate({ year, month: rule.month, day: rule.day });
      if (rule.ifSunday !== undefined && weekday(date) === 7) date = addDays(date, rule.ifSunday);
      if (rule.substitute && isWeekend(date)) {
        // UK practice: the bank holiday is the substitute weekday, assigned below in rule order.
        pendingSubstitutes.push({ date, name: rule.substitute.name });
      } else {
        days.set(date, rule.name);
      }
    }
  }
  for (const { date, name } of pendingSubstitutes) {
    let d = addDays(date, 1);
    while (isWeekend(d) || days.has(d)) d = addDays(d, 1);
    days.set(d, name);
  }
  for (const date of cal.removals) if (date.startsWith(`${year}-`)) days.delete(date);
  for (const [date, name] of Object.entries(cal.additions))
    if (date.startsWith(`${year}-`)) days.set(date, name);
  return days;
}

function yearTable(calendar: CalendarRef, year: number): ReadonlyMap<LocalDate, string> {
  const cal = resolveCalendar(calendar);
  let byYear = cache.get(cal);
  if (!byYear) {
    byYear = new Map();
    cache.set(cal, byYear);
  }
  let table = byYear.get(year);
  if (!table) {
    table = computeYear(cal, year);
    byYear.set(year, table);
  }
  return table;
}

/** All holidays of a calendar year, sorted by date. */
export function holidaysInYear(calendar: CalendarRef, year: number): Holiday[] {
  return [...yearTable(calendar, year)]
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The holiday's name (Dutch for NL calendars), or undefined when the date is no holiday. */
export function holidayName(calendar: CalendarRef, date: LocalDate): string | undefined {
  const { year } = parseLocalDate(date);
  // Substitute days stay in their year (1 Jan → 2/3 Jan, 25/26 Dec → 27/28 Dec).
  return yearTable(calendar, year).get(date);
}

export function isHoliday(calendar: CalendarRef, date: LocalDate, extra?: readonly LocalDate[]): boolean {
  return holidayName(calendar, date) !== undefined || (extra?.includes(date) ?? false);
}

/** Not a Saturday, Sunday, calendar holiday or one of `extra`. */
export function isWorkingDay(calendar: CalendarRef, date: LocalDate, extra?: readonly LocalDate[]): boolean {
  return !isWeekend(date) && !isHoliday(calendar, date, extra);
}

/** The date itself if it is a working day, otherwise the next working day. */
export function nextWorkingDayOnOrAfter(
  calendar: CalendarRef,
  date: LocalDate,
  extra?: readonly LocalDate[],
): LocalDate {
  let d = date;
  while (!isWorkingDay(calendar, d, extra)) d = addDays(d, 1);
  return d;
}

/** DL-10: n working days after `start`; the start day itself is not counted (E27). n = 0 → start. */
export function addWorkingDays(
  calendar: CalendarRef,
  start: LocalDate,
  n: number,
  extra?: readonly LocalDate[],
): LocalDate {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`Working days must be a non-negative integer, got ${n}`);
  parseLocalDate(start);
  let d = start;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(calendar, d, extra)) left -= 1;
  }
  return d;
}

/** Working days in the interval (from, to]. */
export function countWorkingDays(
  calendar: CalendarRef,
  from: LocalDate,
  to: LocalDate,
  extra?: readonly LocalDate[],
): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(calendar, d, extra)) count += 1;
  return count;
}
