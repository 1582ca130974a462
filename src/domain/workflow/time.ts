import { amsterdamDate, compareDates, type LocalDate } from '../dates.js';
import { fieldBlocker, type Blocker } from './blockers.js';

// Time is real: a step that says something happened cannot place it before the complaint
// arrived or in the future. Instants are compared in Europe/Amsterdam (the receipt date is local).

/** A client's clock may run a little ahead of the server's: up to this much "now" is still now. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface TimeFrame {
  receiptDate: LocalDate;
  now: Date;
}

/**
 * Blockers for a moment (ISO instant) or a date (YYYY-MM-DD) that a step reports as having happened:
 * DATE_BEFORE_RECEIPT or DATE_IN_FUTURE, each naming the field.
 */
export function happenedBlockers(
  field: string,
  value: string | null | undefined,
  frame: TimeFrame,
  rule: string,
): Blocker[] {
  if (!value) return [];
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const local = isDate ? value : amsterdamDate(value);
  const future = isDate
    ? compareDates(value, amsterdamDate(frame.now)) > 0
    : new Date(value).getTime() > frame.now.getTime() + CLOCK_SKEW_MS;
  if (future)
    return [
      fieldBlocker(
        field,
        'DATE_IN_FUTURE',
        rule,
        `Deze datum (${local}) ligt in de toekomst; leg alleen vast wat al gebeurd is.`,
        `This date (${local}) is in the future; record only what has already happened.`,
      ),
    ];
  if (compareDates(local, frame.receiptDate) < 0)
    return [
      fieldBlocker(
        field,
        'DATE_BEFORE_RECEIPT',
        rule,
        `Deze datum (${local}) ligt vóór de ontvangst van de klacht (${frame.receiptDate}).`,
        `This date (${local}) is before the complaint was received (${frame.receiptDate}).`,
      ),
    ];
  return [];
}
