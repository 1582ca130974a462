import type { LocalDate } from './dates.js';

const formatters = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** A legal date written out for a letter: 4 januari 2027 / 4 January 2027. */
export function longDate(date: LocalDate, lang: 'nl' | 'en'): string {
  return formatters[lang].format(new Date(`${date}T00:00:00Z`));
}
