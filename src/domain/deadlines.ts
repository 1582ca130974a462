// Deadline engine: regimes, Algemene termijnenwet (Atw), EU Reg. 1182/71 and UK working days.
// Pure: no I/O. Rule IDs refer to /shared/spec/rules.md (§7 DL-01..DL-11, §8 E1–E27).

import {
  type LocalDate,
  addDays,
  addMonthsEu,
  addWeeks,
  addYears,
  amsterdamDate,
  compareDates,
  daysBetween,
  isValidLocalDate,
  weekday,
} from './dates.js';
import { type CalendarRef, addWorkingDays, holidayName, isWorkingDay } from './calendar.js';

// ---------------------------------------------------------------------------------------------
// Errors

export type DeadlineErrorCode =
  | 'INVALID_DATE'
  | 'UNKNOWN_REGIME'
  | 'INVALID_REGIME'
  | 'UNKNOWN_TERM'
  | 'TERM_NOT_APPLICABLE'
  | 'INVALID_EXTENSION'
  | 'EXTENSION_TOO_LONG'
  | 'EXTENSION_NOT_ALLOWED'
  | 'INVALID_TERM_LENGTH';

export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
  readonly code: DeadlineErrorCode;
  /** The input field at fault, e.g. 'extensionWeeks'. */
  readonly field: string;

  constructor(code: DeadlineErrorCode, field: string, message: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}

function requireDate(value: unknown, field: string): LocalDate {
  if (!isValidLocalDate(value)) {
    throw new DeadlineError(
      'INVALID_DATE',
      field,
      `${field} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function requireInstantDate(value: Date | string, field: string): LocalDate {
  try {
    return amsterdamDate(value);
  } catch (e) {
    throw new DeadlineError('INVALID_DATE', field, `${field}: ${(e as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Regimes

export type RegimeId = 'awb' | 'awb-advisory' | 'wkkgz' | 'company';
export const REGIME_IDS: readonly RegimeId[] = ['awb', 'awb-advisory', 'wkkgz', 'company'];

export type TermType = 'STATUTORY' | 'AGREED' | 'INTERNAL';
export type TermKind = 'decision' | 'decline-notice' | 'acknowledgement';
export const TERM_KINDS: readonly TermKind[] = ['decision', 'decline-notice', 'acknowledgement'];

export interface RegimeTerms {
  decisionWeeks: number;
  declineNoticeWeeks: number | null;
  acknowledgementWorkingDays: number;
  maxExtensionWeeks: number;
  startsFrom: 'receivedAt' | 'submittedAt';
  termType: TermType;
}

export interface ResolvedRegime extends RegimeTerms {
  readonly id: RegimeId;
  /** DL-08: true by default only for STATUTORY terms. */
  readonly applyAtw: boolean;
}

export type RegimeOverrides = Partial<RegimeTerms> & { applyAtw?: boolean };

export const REGIMES: Readonly<Record<RegimeId, Readonly<RegimeTerms>>> = {
  // AWB-40/41, AWB-23 (9:8 lid 3), AWB-12 (ack default 5 working days); CONV-03: from receipt.
  awb: {
    decisionWeeks: 6,
    declineNoticeWeeks: 4,
    acknowledgementWorkingDays: 5,
    maxExtensionWeeks: 4,
    startsFrom: 'receivedAt',
    termType: 'STATUTORY',
  },
  // AWB-40: 10 weeks with the advisory committee (Afd. 9.1.3).
  'awb-advisory': {
    decisionWeeks: 10,
    declineNoticeWeeks: 4,
    acknowledgementWorkingDays: 5,
    maxExtensionWeeks: 4,
    startsFrom: 'receivedAt',
    termType: 'STATUTORY',
  },
  // WKKGZ-05/06; CONV-03: from filing (indiening).
  wkkgz: {
    decisionWeeks: 6,
    declineNoticeWeeks: null,
    acknowledgementWorkingDays: 5,
    maxExtensionWeeks: 4,
    startsFrom: 'submittedAt',
    termType: 'STATUTORY',
  },
  // DL-08: an internal service norm; no Atw unless configured.
  company: {
    decisionWeeks: 6,
    declineNoticeWeeks: null,
    acknowledgementWorkingDays: 5,
    maxExtensionWeeks: 4,
    startsFrom: 'receivedAt',
    termType: 'INTERNAL',
  },
};

export function isRegimeId(value: unknown): value is RegimeId {
  return typeof value === 'string' && (REGIME_IDS as readonly string[]).includes(value);
}

function validateRegime(r: ResolvedRegime): ResolvedRegime {
  const bad = (field: string, why: string): never => {
    throw new DeadlineError('INVALID_REGIME', field, `Regime ${r.id}: ${field} ${why}`);
  };
  if (!isRegimeId(r.id))
    throw new DeadlineError('UNKNOWN_REGIME', 'regime', `Unknown regime: ${JSON.stringify(r.id)}`);
  const posInt = (n: unknown): boolean => Number.isInteger(n) && (n as number) > 0;
  const natInt = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 0;
  if (!posInt(r.decisionWeeks)) bad('decisionWeeks', 'must be a positive integer');
  if (r.declineNoticeWeeks !== null && !posInt(r.declineNoticeWeeks))
    bad('declineNoticeWeeks', 'must be null or a positive integer');
  if (!natInt(r.acknowledgementWorkingDays))
    bad('acknowledgementWorkingDays', 'must be a non-negative integer');
  if (!natInt(r.maxExtensionWeeks)) bad('maxExtensionWeeks', 'must be a non-negative integer');
  if (r.startsFrom !== 'receivedAt' && r.startsFrom !== 'submittedAt')
    bad('startsFrom', "must be 'receivedAt' or 'submittedAt'");
  if (!['STATUTORY', 'AGREED', 'INTERNAL'].includes(r.termType))
    bad('termType', 'must be STATUTORY, AGREED or INTERNAL');
  if (typeof r.applyAtw !== 'boolean') bad('applyAtw', 'must be a boolean');
  return r;
}

/** A regime's terms with organisation overrides (e.g. a company's own decision term). */
export function resolveRegime(id: RegimeId, overrides: RegimeOverrides = {}): ResolvedRegime {
  if (!isRegimeId(id))
    throw new DeadlineError('UNKNOWN_REGIME', 'regime', `Unknown regime: ${JSON.stringify(id)}`);
  const defined = Object.fromEntries(
    Object.entries(overrides).filter(([, v]) => v !== undefined),
  ) as RegimeOverrides;
  const terms: RegimeTerms = { ...REGIMES[id], ...defined };
  // DL-08: the Atw applies by default only to statutory terms.
  const applyAtw = defined.applyAtw ?? terms.termType === 'STATUTORY';
  return validateRegime({ ...terms, id, applyAtw });
}

function toRegime(regime: RegimeId | ResolvedRegime): ResolvedRegime {
  return typeof regime === 'string' ? resolveRegime(regime) : validateRegime(regime);
}

// ---------------------------------------------------------------------------------------------
// Atw (Algemene termijnenwet)

export const ATW_ART2 = 'Atw art. 2: twee werkdagen';
export const ATW_ART4_WEEKS = 'Atw art. 4: termijn langer dan 12 weken, geen verschuiving';
export const ATW_ART4_DAYS = 'Atw art. 4: termijn langer dan 90 dagen, geen verschuiving';

/** Why a day is not a working day: holiday name first, then 'zaterdag'/'zondag' (DL-11). */
function nonWorkingReason(calendar: CalendarRef, date: LocalDate, extra: readonly LocalDate[]): string {
  const name = holidayName(calendar, date);
  if (name !== undefined) return name;
  if (extra.includes(date)) return 'aangewezen feestdag';
  return weekday(date) === 6 ? 'zaterdag' : 'zondag';
}

/** Moves a date past non-working days, recording one rule per day passed (DL-02, DL-11). */
function rollForward(
  calendar: CalendarRef,
  date: LocalDate,
  extra: readonly LocalDate[],
  prefix: string,
): { date: LocalDate; rulesApplied: string[] } {
  const rulesApplied: string[] = [];
  let d = date;
  while (!isWorkingDay(calendar, d, extra)) {
    rulesApplied.push(`${prefix}: ${nonWorkingReason(calendar, d, extra)}`);
    d = addDays(d, 1);
  }
  return { date: d, rulesApplied };
}

/**
 * Atw art. 1 (DL-02/DL-03) and art. 2 (DL-05) for a term running from `start` (not counted)
 * to `raw`. Art. 4 (length limits) is the caller's business.
 */
export function applyAtw(
  start: LocalDate,
  raw: LocalDate,
  extraHolidays: readonly LocalDate[] = [],
): { due: LocalDate; rulesApplied: string[] } {
  requireDate(start, 'start');
  requireDate(raw, 'raw');
  const art1 = rollForward('NL-ATW', raw, extraHolidays, 'Atw art. 1');
  let due = art1.date;
  const rulesApplied = art1.rulesApplied;
  // DL-05: a term of at least three days must contain at least two working days,
  // so it runs at least to the second working day after the start.
  if (daysBetween(start, raw) >= 3) {
    const secondWorkingDay = addWorkingDays('NL-ATW', start, 2, extraHolidays);
    if (compareDates(secondWorkingDay, due) > 0) {
      due = secondWorkingDay;
      rulesApplied.push(ATW_ART2);
    }
  }
  return { due, rulesApplied };
}

// ---------------------------------------------------------------------------------------------
// Deadlines

export interface Deadline {
  term: TermKind;
  start: LocalDate;
  extensionWeeks: number;
  /** Unadjusted end date (after any extension, DL-06). */
  raw: LocalDate;
  due: LocalDate;
  /** DL-07: the date the Atw would have given when art. 4 excludes the shift. */
  informativeAtw?: LocalDate;
  rulesApplied: string[];
}

export interface ComputeDeadlineArgs {
  regime: RegimeId | ResolvedRegime;
  term: TermKind;
  start: LocalDate;
  extensionWeeks?: number;
  /** Atw art. 3 lid 3: extra days designated by Royal Decree. */
  extraHolidays?: LocalDate[];
}

function extensionRule(regime: ResolvedRegime, weeks: number): string {
  const span = `${weeks} ${weeks === 1 ? 'week' : 'weken'} vanaf onverschoven einddatum`;
  switch (regime.id) {
    case 'awb':
    case 'awb-advisory':
      return `Awb 9:11 lid 2: verdaging ${span}`;
    case 'wkkgz':
      return `Wkkgz 17 lid 2: verlenging ${span}`;
    case 'company':
      return `Klachtenregeling: verlenging ${span}`;
  }
}

function atwNotAppliedRule(regime: ResolvedRegime): string {
  switch (regime.termType) {
    case 'AGREED':
      return 'Atw niet van toepassing: overeengekomen termijn';
    case 'INTERNAL':
      return 'Atw niet van toepassing: interne termijn';
    case 'STATUTORY':
      return 'Atw niet toegepast (instelling)';
  }
}

export function computeDeadline(args: ComputeDeadlineArgs): Deadline {
  const regime = toRegime(args.regime);
  const start = requireDate(args.start, 'start');
  const extra = args.extraHolidays ?? [];
  extra.forEach((d) => requireDate(d, 'extraHolidays'));
  const term = args.term;
  if (!TERM_KINDS.includes(term))
    throw new DeadlineError('UNKNOWN_TERM', 'term', `Unknown term: ${JSON.stringify(term)}`);

  // AWB-41 / WKKGZ-06: once, at most maxExtensionWeeks (4), whole weeks.
  const extensionWeeks = args.extensionWeeks ?? 0;
  if (!Number.isInteger(extensionWeeks) || extensionWeeks < 0) {
    throw new DeadlineError(
      'INVALID_EXTENSION',
      'extensionWeeks',
      `extensionWeeks must be a whole number of weeks ≥ 0, got ${extensionWeeks}`,
    );
  }
  if (extensionWeeks > regime.maxExtensionWeeks) {
    throw new DeadlineError(
      'EXTENSION_TOO_LONG',
      'extensionWeeks',
      `extensionWeeks ${extensionWeeks} exceeds the maximum of ${regime.maxExtensionWeeks} for regime ${regime.id}`,
    );
  }
  if (extensionWeeks > 0 && term !== 'decision') {
    throw new DeadlineError(
      'EXTENSION_NOT_ALLOWED',
      'extensionWeeks',
      `Only the decision term can be extended, not ${term}`,
    );
  }

  if (term === 'acknowledgement') {
    // AWB-12: N working days on the NL-ATW calendar, start day not counted (DL-10).
    const n = regime.acknowledgementWorkingDays;
    const due = addWorkingDays('NL-ATW', start, n, extra);
    return { term, start, extensionWeeks, raw: due, due, rulesApplied: [`${n} werkdagen (kalender NL-ATW)`] };
  }

  const weeks = term === 'decision' ? regime.decisionWeeks : regime.declineNoticeWeeks;
  if (weeks === null) {
    throw new DeadlineError('TERM_NOT_APPLICABLE', 'term', `Regime ${regime.id} has no ${term} term`);
  }

  // DL-01 + DL-06: start + 7·(N + extension) days, extension added to the unadjusted date.
  const raw = addWeeks(addWeeks(start, weeks), extensionWeeks);
  const rulesApplied: string[] = [];
  if (extensionWeeks > 0) rulesApplied.push(extensionRule(regime, extensionWeeks));

  // DL-08: no Atw for agreed or internal terms unless configured.
  if (!regime.applyAtw) {
    rulesApplied.push(atwNotAppliedRule(regime));
    return { term, start, extensionWeeks, raw, due: raw, rulesApplied };
  }

  const atw = applyAtw(start, raw, extra);
  // DL-04/DL-07: Atw art. 4 — no shift for a total term over 12 weeks; show the Atw date as informative.
  if (weeks + extensionWeeks > 12) {
    rulesApplied.push(ATW_ART4_WEEKS);
    return { term, start, extensionWeeks, raw, due: raw, informativeAtw: atw.due, rulesApplied };
  }
  rulesApplied.push(...atw.rulesApplied);
  return { term, start, extensionWeeks, raw, due: atw.due, rulesApplied };
}

export interface DayTerm {
  start: LocalDate;
  days: number;
  raw: LocalDate;
  due: LocalDate;
  informativeAtw?: LocalDate;
  rulesApplied: string[];
}

/** A generic statutory term of N days (DL-05, E24); over 90 days the Atw does not apply (art. 4). */
export function computeStatutoryDayTerm(
  start: LocalDate,
  days: number,
  extraHolidays: LocalDate[] = [],
): DayTerm {
  requireDate(start, 'start');
  extraHolidays.forEach((d) => requireDate(d, 'extraHolidays'));
  if (!Number.isInteger(days) || days < 1) {
    throw new DeadlineError('INVALID_TERM_LENGTH', 'days', `days must be a positive integer, got ${days}`);
  }
  const raw = addDays(start, days);
  const atw = applyAtw(start, raw, extraHolidays);
  if (days > 90)
    return { start, days, raw, due: raw, informativeAtw: atw.due, rulesApplied: [ATW_ART4_DAYS] };
  return { start, days, raw, due: atw.due, rulesApplied: atw.rulesApplied };
}

/**
 * AWB-22 / E22: Awb 9:8 lid 1 sub b is available only when the behaviour took place strictly
 * more than one calendar year before filing. Years: no Atw (art. 4).
 */
export function oneYearGroundAvailable(behaviourDate: LocalDate, filingDate: LocalDate): boolean {
  requireDate(behaviourDate, 'behaviourDate');
  requireDate(filingDate, 'filingDate');
  return compareDates(filingDate, addYears(behaviourDate, 1)) > 0;
}

/** AWB-51 / E23: the ombudsman term ends one year after the final letter; no Atw (art. 4). */
export function ombudsmanTermEnd(notificationDate: LocalDate): LocalDate {
  return addYears(requireDate(notificationDate, 'notificationDate'), 1);
}

export interface EuTerm {
  start: LocalDate;
  months: number;
  raw: LocalDate;
  due: LocalDate;
  rulesApplied: string[];
}

/**
 * PRIV-03 / DL-09 (E25, E26): AVG art. 12(3), one month, optionally extended by two months.
 * Months are added to the ORIGINAL receipt date (never chained), calendar NL-EU, then
 * Reg. 1182/71 art. 3(4) moves a Saturday, Sunday or holiday to the next working day.
 */
export function avgRequestDeadline(received: LocalDate, extendedMonths: 0 | 2 = 0): EuTerm {
  requireDate(received, 'received');
  if (extendedMonths !== 0 && extendedMonths !== 2) {
    throw new DeadlineError(
      'INVALID_EXTENSION',
      'extendedMonths',
      `extendedMonths must be 0 or 2, got ${String(extendedMonths)}`,
    );
  }
  const months = 1 + extendedMonths;
  const raw = addMonthsEu(received, months);
  const rulesApplied: string[] = [];
  if (extendedMonths > 0)
    rulesApplied.push(`AVG art. 12 lid 3: verlenging ${extendedMonths} maanden vanaf ontvangstdatum`);
  const shifted = rollForward('NL-EU', raw, [], 'Vo. 1182/71 art. 3 lid 4');
  rulesApplied.push(...shifted.rulesApplied);
  return { start: received, months, raw, due: shifted.date, rulesApplied };
}

export interface UkStage1 {
  received: LocalDate;
  acknowledgementDue: LocalDate;
  acknowledgedOn?: LocalDate;
  acknowledgedLate?: boolean;
  /** Only known once the complaint has been acknowledged. */
  responseDue?: LocalDate;
  rulesApplied: string[];
}

/**
 * UKHO-02 / E27: acknowledge within 5 working days of receipt, respond within 10 working days
 * of the acknowledgement, on the UK-ENG calendar (DL-10). A late acknowledgement does not
 * move the response date: it then runs from the acknowledgement due date (conservative).
 */
export function ukHousingStage1(received: LocalDate, acknowledgedOn?: LocalDate): UkStage1 {
  requireDate(received, 'received');
  const acknowledgementDue = addWorkingDays('UK-ENG', received, 5);
  const rulesApplied = ['Complaint Handling Code: ontvangstbevestiging binnen 5 werkdagen (UK-ENG)'];
  if (acknowledgedOn === undefined) return { received, acknowledgementDue, rulesApplied };
  requireDate(acknowledgedOn, 'acknowledgedOn');
  if (compareDates(acknowledgedOn, received) < 0) {
    throw new DeadlineError('INVALID_DATE', 'acknowledgedOn', 'acknowledgedOn lies before the receipt date');
  }
  const acknowledgedLate = compareDates(acknowledgedOn, acknowledgementDue) > 0;
  const base = acknowledgedLate ? acknowledgementDue : acknowledgedOn;
  rulesApplied.push('Complaint Handling Code: antwoord binnen 10 werkdagen na ontvangstbevestiging (UK-ENG)');
  if (acknowledgedLate)
    rulesApplied.push('Ontvangstbevestiging te laat: antwoordtermijn vanaf uiterste bevestigingsdatum');
  return {
    received,
    acknowledgementDue,
    acknowledgedOn,
    acknowledgedLate,
    responseDue: addWorkingDays('UK-ENG', base, 10),
    rulesApplied,
  };
}

/** CONV-03: Awb terms run from receipt (ontvangst), Wkkgz terms from filing (indiening); CONV-01: Amsterdam dates. */
export function deadlineStartFor(
  regime: RegimeId | ResolvedRegime,
  instants: { receivedAt: Date | string; submittedAt: Date | string },
): LocalDate {
  const r = toRegime(regime);
  return requireInstantDate(instants[r.startsFrom], r.startsFrom);
}

/** CONV-04: a deadline ends at 23:59:59 Amsterdam time; an action on the due date is on time. */
export function isOnTime(due: LocalDate, actionInstant: Date | string): boolean {
  requireDate(due, 'due');
  return compareDates(requireInstantDate(actionInstant, 'actionInstant'), due) <= 0;
}

/** AWB-42 / WKKGZ-06: an extension notice must be sent before the original term expires. */
export function isExtensionNoticeOnTime(originalDue: LocalDate, noticeInstant: Date | string): boolean {
  return isOnTime(originalDue, noticeInstant);
}
