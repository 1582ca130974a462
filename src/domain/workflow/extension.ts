import type { LocalDate } from '../dates.js';
import { compareDates } from '../dates.js';
import {
  computeDeadline,
  isExtensionNoticeOnTime,
  resolveRegime,
  type Deadline,
  type RegimeId,
} from '../deadlines.js';
import { blocker, type Blocker } from './blockers.js';
import type { WorkflowSettings } from './settings.js';

// Verdaging / verlenging: AWB-41/42, WKKGZ-06; further delay with consent: AWB-43, WKKGZ-07.

export interface ExtensionCheck {
  blockers: Blocker[];
  /** AWB-42 [C] 'allow_overdue': recorded after expiry, so the case is flagged overdue. */
  late: boolean;
}

export function extensionCheck(
  c: { regime: RegimeId; extensionWeeks: number; originalDecisionDue: LocalDate },
  weeks: number,
  now: Date,
  settings: Pick<WorkflowSettings, 'extensionAfterExpiry'>,
): ExtensionCheck {
  const out: Blocker[] = [];
  const max = resolveRegime(c.regime).maxExtensionWeeks;
  if (c.extensionWeeks > 0) {
    out.push(
      blocker(
        'EXTENSION_ALREADY_USED',
        'AWB-41',
        'De afhandeling is al eens verdaagd; verder uitstel kan alleen met schriftelijke instemming van de klager (AWB-43).',
        'The term was already extended once; further delay needs the written consent of the complainant (AWB-43).',
      ),
    );
  }
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > max) {
    out.push(
      blocker(
        'EXTENSION_TOO_LONG',
        c.regime === 'wkkgz' ? 'WKKGZ-06' : 'AWB-41',
        `Verdagen kan met ten hoogste ${max} weken.`,
        `The term can be extended by at most ${max} weeks.`,
      ),
    );
  }
  const onTime = isExtensionNoticeOnTime(c.originalDecisionDue, now);
  let late = false;
  if (!onTime) {
    // WKKGZ-06 is statute ([A]): always rejected. AWB-42 is an interpretation ([C]): configurable.
    if (c.regime === 'wkkgz' || settings.extensionAfterExpiry === 'reject') {
      out.push(
        blocker(
          'EXTENSION_TOO_LATE',
          c.regime === 'wkkgz' ? 'WKKGZ-06' : 'AWB-42',
          `De verdaging moet vóór het verstrijken van de termijn (${c.originalDecisionDue}) worden meegedeeld.`,
          `The extension must be notified before the term expires (${c.originalDecisionDue}).`,
        ),
      );
    } else late = true;
  }
  return { blockers: out, late };
}

/** DL-06: the extension is added to the unadjusted end date; the Atw is applied once (deadline engine). */
export function extendedDeadline(
  regime: RegimeId,
  termStart: LocalDate,
  weeks: number,
  extraHolidays: LocalDate[] = [],
): Deadline {
  return computeDeadline({
    regime,
    term: 'decision',
    start: termStart,
    extensionWeeks: weeks,
    extraHolidays,
  });
}

export interface AgreedDelayInput {
  agreedDate: LocalDate;
  consentDocument: string;
}

/**
 * AWB-43 / WKKGZ-07: further delay only with written consent and a new agreed date, later than the
 * deadline in force; the agreed date is a contractual date: no Atw shift (DL-08).
 */
export function agreedDelayBlockers(
  input: AgreedDelayInput,
  decisionDue: LocalDate,
  regime: RegimeId,
): Blocker[] {
  const out: Blocker[] = [];
  if (!input.consentDocument.trim()) {
    out.push(
      blocker(
        'CONSENT_REQUIRED',
        regime === 'wkkgz' ? 'WKKGZ-07' : 'AWB-43',
        'Voeg de schriftelijke instemming van de klager toe.',
        "Attach the complainant's written consent.",
      ),
    );
  }
  if (compareDates(input.agreedDate, decisionDue) <= 0) {
    out.push(
      blocker(
        'DELAY_DATE_INVALID',
        'AWB-43',
        `De afgesproken datum moet na ${decisionDue} liggen.`,
        `The agreed date must be after ${decisionDue}.`,
      ),
    );
  }
  return out;
}

/** WKKGZ-07 [C]: beyond N weeks in total, a Wkkgz case needs consent; used to tell the handler. */
export function wkkgzNeedsConsent(termStart: LocalDate, newDue: LocalDate, beyondWeeks: number): boolean {
  const limit = new Date(`${termStart}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + beyondWeeks * 7);
  return newDue > limit.toISOString().slice(0, 10);
}
