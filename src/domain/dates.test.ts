import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsEu,
  addWeeks,
  addYears,
  amsterdamDate,
  compareDates,
  daysBetween,
  fromDayNumber,
  isValidLocalDate,
  parseLocalDate,
  toDayNumber,
  weekday,
} from './dates.js';

describe('isValidLocalDate / parseLocalDate', () => {
  it.each(['2026-01-01', '2028-02-29', '2000-02-29', '2026-12-31'])('accepts %s', (d) => {
    expect(isValidLocalDate(d)).toBe(true);
    expect(() => parseLocalDate(d)).not.toThrow();
  });

  it.each([
    '2026-02-30',
    '2025-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-1-1',
    '26-01-01',
    '2026-01-01T00:00:00Z',
    '',
    ' 2026-01-01',
  ])('rejects %j', (d) => {
    expect(isValidLocalDate(d)).toBe(false);
    expect(() => parseLocalDate(d)).toThrow(RangeError);
  });

  it('rejects non-strings', () => {
    expect(isValidLocalDate(20260101)).toBe(false);
    expect(isValidLocalDate(undefined)).toBe(false);
  });

  it('parses into parts', () => {
    expect(parseLocalDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  });
});

describe('day arithmetic', () => {
  it('addDays crosses months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('addDays is not affected by DST changes (CONV-01)', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 1)).toBe('2026-10-25');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });

  it('DL-01: addWeeks keeps the weekday (2026-12-24 + 6 weeks = 2027-02-04)', () => {
    expect(addWeeks('2026-12-24', 6)).toBe('2027-02-04');
    expect(weekday(addWeeks('2026-12-24', 6))).toBe(weekday('2026-12-24'));
  });

  it('rejects fractional amounts', () => {
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addWeeks('2026-01-01', 0.5)).toThrow(RangeError);
  });

  it('day numbers round-trip across 1900–2100', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    for (let n = toDayNumber('1900-01-01'); n <= toDayNumber('2100-12-31'); n += 37) {
      expect(toDayNumber(fromDayNumber(n))).toBe(n);
    }
  });

  it('weekday is ISO (1 = Monday … 7 = Sunday)', () => {
    expect(weekday('2026-12-24')).toBe(4);
    expect(weekday('2026-01-03')).toBe(6);
    expect(weekday('2026-04-05')).toBe(7);
    expect(weekday('2026-04-06')).toBe(1);
    expect(weekday('1969-12-31')).toBe(3);
  });

  it('compareDates and daysBetween', () => {
    expect(compareDates('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compareDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(daysBetween('2026-04-03', '2026-04-07')).toBe(4);
    expect(daysBetween('2026-04-07', '2026-04-03')).toBe(-4);
  });
});

describe('addMonthsEu (Reg. 1182/71 art. 3(2)(c), DL-09)', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-01-31', 3, '2026-04-30'],
    ['2026-03-27', 1, '2026-04-27'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
  ] as const)('%s + %i month(s) = %s', (start, months, expected) => {
    expect(addMonthsEu(start, months)).toBe(expected);
  });

  it('PRIV-03/E26: chaining month additions gives a different (wrong) date than adding from the original', () => {
    const chained = addMonthsEu(addMonthsEu(addMonthsEu('2026-01-31', 1), 1), 1);
    expect(chained).toBe('2026-04-28');
    expect(addMonthsEu('2026-01-31', 3)).toBe('2026-04-30');
  });
});

describe('addYears (AWB-22, AWB-51)', () => {
  it.each([
    ['2025-03-10', 1, '2026-03-10'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2026-03-04', 1, '2027-03-04'],
  ] as const)('%s + %i year(s) = %s', (start, years, expected) => {
    expect(addYears(start, years)).toBe(expected);
  });
});

describe('amsterdamDate (CONV-01)', () => {
  it.each([
    // E19: 22:30Z on 30 June is 00:30 CEST on 1 July.
    ['2026-06-30T22:30:00Z', '2026-07-01'],
    ['2026-06-30T21:59:59Z', '2026-06-30'],
    ['2026-06-30T22:00:00Z', '2026-07-01'],
    // E20: the night DST ends (25 Oct 2026, 03:00 CEST → 02:00 CET).
    ['2026-10-24T22:30:00Z', '2026-10-25'],
    ['2026-10-25T22:30:00Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
    // DST start (29 Mar 2026, 02:00 CET → 03:00 CEST).
    ['2026-03-28T22:59:59Z', '2026-03-28'],
    ['2026-03-28T23:00:00Z', '2026-03-29'],
    ['2026-03-29T21:59:59Z', '2026-03-29'],
    ['2026-03-29T22:00:00Z', '2026-03-30'],
    // Winter: CET is UTC+1.
    ['2026-12-31T23:00:00Z', '2027-01-01'],
    ['2026-12-31T22:59:59.999Z', '2026-12-31'],
    // Explicit offsets.
    ['2027-02-04T23:00:00+01:00', '2027-02-04'],
    ['2026-07-01T00:30:00+02:00', '2026-07-01'],
    ['2026-06-30T18:30:00-04:00', '2026-07-01'],
  ])('%s → %s', (instant, expected) => {
    expect(amsterdamDate(instant)).toBe(expected);
  });

  it('accepts Date objects', () => {
    expect(amsterdamDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('returns a plain calendar date unchanged', () => {
    expect(amsterdamDate('2026-01-03')).toBe('2026-01-03');
  });

  it.each(['2026-06-30T22:30:00', '2026-02-30T10:00:00Z', 'yesterday', '2026-06-30 22:30Z', '2026-02-30'])(
    'rejects %j (no offset, or not a real date)',
    (bad) => {
      expect(() => amsterdamDate(bad)).toThrow(RangeError);
    },
  );

  it('rejects an invalid Date', () => {
    expect(() => amsterdamDate(new Date('nope'))).toThrow(RangeError);
  });
});
