import { describe, expect, it } from 'vitest';
import {
  CALENDARS,
  addWorkingDays,
  countWorkingDays,
  easterSunday,
  holidayName,
  holidaysInYear,
  isHoliday,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  withDesignatedDays,
} from './calendar.js';

describe('easterSunday (anonymous Gregorian algorithm)', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('NL-ATW (Atw art. 3, DL-03)', () => {
  it('DL-03: the 2026 list is exactly the one in rules.md', () => {
    expect(holidaysInYear('NL-ATW', 2026)).toEqual([
      { date: '2026-01-01', name: 'Nieuwjaarsdag' },
      { date: '2026-04-03', name: 'Goede Vrijdag' },
      { date: '2026-04-06', name: '2e Paasdag' },
      { date: '2026-04-27', name: 'Koningsdag' },
      { date: '2026-05-05', name: 'Bevrijdingsdag (5 mei)' },
      { date: '2026-05-14', name: 'Hemelvaartsdag' },
      { date: '2026-05-25', name: '2e Pinksterdag' },
      { date: '2026-12-25', name: '1e Kerstdag' },
      { date: '2026-12-26', name: '2e Kerstdag' },
    ]);
  });

  it.each([
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-04-27',
    '2026-05-05',
    '2026-05-14',
    '2026-05-25',
    '2026-12-25',
    '2026-12-26',
  ])('DL-03: isHoliday(NL-ATW, %s) is true', (date) => {
    expect(isHoliday('NL-ATW', date)).toBe(true);
    expect(isWorkingDay('NL-ATW', date)).toBe(false);
  });

  it('DL-03: 2026-04-02 (Witte Donderdag) is no holiday', () => {
    expect(isHoliday('NL-ATW', '2026-04-02')).toBe(false);
    expect(isWorkingDay('NL-ATW', '2026-04-02')).toBe(true);
  });

  it('DL-03: Easter Sunday and Whit Sunday are not listed (they are Sundays anyway)', () => {
    expect(holidayName('NL-ATW', '2026-04-05')).toBeUndefined();
    expect(holidayName('NL-ATW', '2026-05-24')).toBeUndefined();
    expect(isWorkingDay('NL-ATW', '2026-04-05')).toBe(false);
  });

  it('§8: the 2027 list', () => {
    expect(holidaysInYear('NL-ATW', 2027).map((h) => h.date)).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-04-27',
      '2027-05-05',
      '2027-05-06',
      '2027-05-17',
      '2027-12-25',
      '2027-12-26',
    ]);
  });

  it('DL-03: Koningsdag 2025 is Saturday 26 April because 27 April is a Sunday', () => {
    expect(holidayName('NL-ATW', '2025-04-26')).toBe('Koningsdag');
    expect(holidayName('NL-ATW', '2025-04-27')).toBeUndefined();
    expect(holidayName('NL-ATW', '2014-04-26')).toBe('Koningsdag');
    expect(holidayName('NL-ATW', '2031-04-26')).toBe('Koningsdag'); // 27 April 2031 is a Sunday too
    expect(holidayName('NL-ATW', '2026-04-26')).toBeUndefined();
    expect(holidayName('NL-ATW', '2026-04-28')).toBeUndefined();
  });

  it('DL-03: 5 mei is a holiday every year, not only in lustrum years', () => {
    for (const year of [2026, 2027, 2028, 2029, 2031]) {
      expect(holidayName('NL-ATW', `${year}-05-05`)).toBe('Bevrijdingsdag (5 mei)');
    }
  });

  it('DL-11: a Saturday that is a holiday is named by its holiday', () => {
    expect(holidayName('NL-ATW', '2026-12-26')).toBe('2e Kerstdag');
  });

  it('DL-03 (art. 3 lid 3): designated days are data, added per calendar or per call', () => {
    const cal = withDesignatedDays('NL-ATW', { '2026-06-15': 'bij KB aangewezen dag' });
    expect(holidayName(cal, '2026-06-15')).toBe('bij KB aangewezen dag');
    expect(holidayName('NL-ATW', '2026-06-15')).toBeUndefined();
    expect(isWorkingDay('NL-ATW', '2026-06-15', ['2026-06-15'])).toBe(false);
    expect(isHoliday('NL-ATW', '2026-06-15', ['2026-06-15'])).toBe(true);
  });
});

describe('NL-EU (Reg. 1182/71; rules.md §9.6)', () => {
  it('is a separate calendar with (for now) the same 2026 dates as NL-ATW', () => {
    expect(CALENDARS['NL-EU']).not.toBe(CALENDARS['NL-ATW']);
    expect(CALENDARS['NL-EU'].id).toBe('NL-EU');
    expect(holidaysInYear('NL-EU', 2026)).toEqual(holidaysInYear('NL-ATW', 2026));
  });
});

describe('UK-ENG (England and Wales bank holidays, DL-10)', () => {
  it('2026 list including the substitute Boxing Day', () => {
    expect(holidaysInYear('UK-ENG', 2026)).toEqual([
      { date: '2026-01-01', name: 'New Year’s Day' },
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-06', name: 'Easter Monday' },
      { date: '2026-05-04', name: 'Early May bank holiday' },
      { date: '2026-05-25', name: 'Spring bank holiday' },
      { date: '2026-08-31', name: 'Summer bank holiday' },
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
    ]);
  });

  it.each(['2026-05-04', '2026-05-25', '2026-08-31', '2026-12-28'])(
    'UK-ENG: %s is a bank holiday',
    (date) => {
      expect(isHoliday('UK-ENG', date)).toBe(true);
      expect(isWorkingDay('UK-ENG', date)).toBe(false);
    },
  );

  it('2027: Christmas on Saturday → substitutes Mon 27 and Tue 28 December', () => {
    expect(holidayName('UK-ENG', '2027-12-27')).toBe('Christmas Day (substitute day)');
    expect(holidayName('UK-ENG', '2027-12-28')).toBe('Boxing Day (substitute day)');
  });

  it('2022: Christmas on Sunday → Boxing Day Mon 26, Christmas substitute Tue 27', () => {
    expect(holidayName('UK-ENG', '2022-12-26')).toBe('Boxing Day');
    expect(holidayName('UK-ENG', '2022-12-27')).toBe('Christmas Day (substitute day)');
  });

  it('New Year substitutes: 2022 (Sat) → Mon 3 Jan; 2023 (Sun) → Mon 2 Jan', () => {
    expect(holidayName('UK-ENG', '2022-01-03')).toBe('New Year’s Day (substitute day)');
    expect(holidayName('UK-ENG', '2023-01-02')).toBe('New Year’s Day (substitute day)');
  });

  it('one-off changes are data: 2020 Early May moved to Fri 8 May', () => {
    expect(isHoliday('UK-ENG', '2020-05-04')).toBe(false);
    expect(isHoliday('UK-ENG', '2020-05-08')).toBe(true);
  });

  it('DL-10: the NL Atw list is not reused for the UK, nor the UK list for NL', () => {
    expect(isWorkingDay('UK-ENG', '2026-04-27')).toBe(true); // Koningsdag
    expect(isWorkingDay('NL-ATW', '2026-04-27')).toBe(false);
    expect(isWorkingDay('UK-ENG', '2026-05-05')).toBe(true); // 5 mei
    expect(isWorkingDay('NL-ATW', '2026-05-04')).toBe(true); // Early May bank holiday
    expect(isWorkingDay('UK-ENG', '2026-05-04')).toBe(false);
  });
});

describe('working days (DL-10)', () => {
  it('E27: start day not counted; Fri 2026-01-09 + 5 = Fri 2026-01-16; Mon 2026-01-12 + 10 = Mon 2026-01-26', () => {
    expect(addWorkingDays('UK-ENG', '2026-01-09', 5)).toBe('2026-01-16');
    expect(addWorkingDays('UK-ENG', '2026-01-12', 10)).toBe('2026-01-26');
  });

  it('skips holidays of the chosen calendar only', () => {
    // Thu 2026-04-02 + 2: NL skips GV, weekend and 2e Paasdag; UK skips the same Easter days.
    expect(addWorkingDays('NL-ATW', '2026-04-02', 2)).toBe('2026-04-08');
    // Fri 2026-04-24 + 1: NL skips the weekend and Koningsdag, UK does not.
    expect(addWorkingDays('NL-ATW', '2026-04-24', 1)).toBe('2026-04-28');
    expect(addWorkingDays('UK-ENG', '2026-04-24', 1)).toBe('2026-04-27');
  });

  it('n = 0 returns the start; negative or fractional n is rejected', () => {
    expect(addWorkingDays('NL-ATW', '2026-01-03', 0)).toBe('2026-01-03');
    expect(() => addWorkingDays('NL-ATW', '2026-01-03', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('NL-ATW', '2026-01-03', 1.5)).toThrow(RangeError);
  });

  it('countWorkingDays counts (from, to]', () => {
    expect(countWorkingDays('NL-ATW', '2026-12-24', '2026-12-28')).toBe(1);
    expect(countWorkingDays('NL-ATW', '2026-12-24', '2026-12-29')).toBe(2);
  });

  it('nextWorkingDayOnOrAfter', () => {
    expect(nextWorkingDayOnOrAfter('NL-ATW', '2026-04-03')).toBe('2026-04-07');
    expect(nextWorkingDayOnOrAfter('NL-ATW', '2026-04-07')).toBe('2026-04-07');
  });

  it('rejects an invalid date', () => {
    expect(() => holidayName('NL-ATW', '2026-02-30')).toThrow(RangeError);
    expect(() => addWorkingDays('NL-ATW', '2026-02-30', 1)).toThrow(RangeError);
  });
});
