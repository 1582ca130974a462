import { describe, expect, it } from 'vitest';
import { isWorkingDay } from './calendar.js';
import { addDays, addWeeks, compareDates, daysBetween, type LocalDate } from './dates.js';
import {
  ATW_ART4_WEEKS,
  DeadlineError,
  REGIMES,
  type RegimeId,
  type TermKind,
  applyAtw,
  avgRequestDeadline,
  computeDeadline,
  computeStatutoryDayTerm,
  deadlineStartFor,
  isExtensionNoticeOnTime,
  isOnTime,
  ombudsmanTermEnd,
  oneYearGroundAvailable,
  resolveRegime,
  ukHousingStage1,
} from './deadlines.js';

function expectDeadlineError(fn: () => unknown, code: string, field: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(DeadlineError);
  expect((caught as DeadlineError).code).toBe(code);
  expect((caught as DeadlineError).field).toBe(field);
}

// ---------------------------------------------------------------------------------------------
// rules.md §8 worked examples. Literal dates from the table; results computed by the engine.

interface WeekExample {
  id: string;
  label: string;
  regime: RegimeId;
  term: TermKind;
  start: LocalDate;
  extensionWeeks: number;
  /** Unadjusted end of the original term, where §8 gives it separately. */
  rawBeforeExtension?: LocalDate;
  raw: LocalDate;
  due: LocalDate;
  informativeAtw?: LocalDate;
}

const weekExamples: WeekExample[] = [
  {
    id: 'E1',
    label: 'Awb 9:11 6 wk',
    regime: 'awb',
    term: 'decision',
    start: '2026-12-24',
    extensionWeeks: 0,
    raw: '2027-02-04',
    due: '2027-02-04',
  },
  {
    id: 'E2',
    label: 'Awb 9:8 lid 3 4 wk',
    regime: 'awb',
    term: 'decline-notice',
    start: '2026-12-24',
    extensionWeeks: 0,
    raw: '2027-01-21',
    due: '2027-01-21',
  },
  {
    id: 'E3',
    label: 'Awb 9:11 6 wk (Goede Vrijdag)',
    regime: 'awb',
    term: 'decision',
    start: '2026-02-20',
    extensionWeeks: 0,
    raw: '2026-04-03',
    due: '2026-04-07',
  },
  {
    id: 'E4',
    label: 'Awb 9:11 6 wk (Koningsdag)',
    regime: 'awb',
    term: 'decision',
    start: '2026-03-16',
    extensionWeeks: 0,
    raw: '2026-04-27',
    due: '2026-04-28',
  },
  {
    id: 'E5',
    label: 'Awb 9:11 6 wk (5 mei)',
    regime: 'awb',
    term: 'decision',
    start: '2026-03-24',
    extensionWeeks: 0,
    raw: '2026-05-05',
    due: '2026-05-06',
  },
  {
    id: 'E6',
    label: 'Awb 9:11 6 wk (Hemelvaart)',
    regime: 'awb',
    term: 'decision',
    start: '2026-04-02',
    extensionWeeks: 0,
    raw: '2026-05-14',
    due: '2026-05-15',
  },
  {
    id: 'E7',
    label: 'Awb 9:11 6 wk (Saturday receipt)',
    regime: 'awb',
    term: 'decision',
    start: '2026-01-03',
    extensionWeeks: 0,
    raw: '2026-02-14',
    due: '2026-02-16',
  },
  {
    id: 'E8',
    label: 'Awb 9:11 6 wk (Kerst)',
    regime: 'awb',
    term: 'decision',
    start: '2026-11-13',
    extensionWeeks: 0,
    raw: '2026-12-25',
    due: '2026-12-28',
  },
  {
    id: 'E9',
    label: 'Awb 9:11 6 wk (Nieuwjaar)',
    regime: 'awb',
    term: 'decision',
    start: '2026-11-20',
    extensionWeeks: 0,
    raw: '2027-01-01',
    due: '2027-01-04',
  },
  {
    id: 'E10',
    label: 'Awb advisory 10 wk',
    regime: 'awb-advisory',
    term: 'decision',
    start: '2026-02-23',
    extensionWeeks: 0,
    raw: '2026-05-04',
    due: '2026-05-04',
  },
  {
    id: 'E11',
    label: 'Awb advisory 10 wk (5 mei)',
    regime: 'awb-advisory',
    term: 'decision',
    start: '2026-02-24',
    extensionWeeks: 0,
    raw: '2026-05-05',
    due: '2026-05-06',
  },
  {
    id: 'E12',
    label: 'Awb 6 wk + verdaging 4 wk',
    regime: 'awb',
    term: 'decision',
    start: '2026-12-24',
    extensionWeeks: 4,
    rawBeforeExtension: '2027-02-04',
    raw: '2027-03-04',
    due: '2027-03-04',
  },
  {
    id: 'E13',
    label: 'Awb 6 wk + verdaging 4 wk (Goede Vrijdag 2027)',
    regime: 'awb',
    term: 'decision',
    start: '2027-01-15',
    extensionWeeks: 4,
    rawBeforeExtension: '2027-02-26',
    raw: '2027-03-26',
    due: '2027-03-30',
  },
  {
    id: 'E14',
    label: 'Awb 6 wk + verdaging from unadjusted date (DL-06)',
    regime: 'awb',
    term: 'decision',
    start: '2026-02-20',
    extensionWeeks: 4,
    rawBeforeExtension: '2026-04-03',
    raw: '2026-05-01',
    due: '2026-05-01',
  },
  {
    id: 'E15',
    label: 'Awb advisory 10 + 4 wk > 12 wk (DL-07)',
    regime: 'awb-advisory',
    term: 'decision',
    start: '2026-02-05',
    extensionWeeks: 4,
    rawBeforeExtension: '2026-04-16',
    raw: '2026-05-14',
    due: '2026-05-14',
    informativeAtw: '2026-05-15',
  },
  {
    id: 'E16',
    label: 'Wkkgz 17 6 wk (2e Pinksterdag)',
    regime: 'wkkgz',
    term: 'decision',
    start: '2026-04-13',
    extensionWeeks: 0,
    raw: '2026-05-25',
    due: '2026-05-26',
  },
  {
    id: 'E17',
    label: 'Wkkgz 17 6 + 4 wk',
    regime: 'wkkgz',
    term: 'decision',
    start: '2026-04-16',
    extensionWeeks: 4,
    rawBeforeExtension: '2026-05-28',
    raw: '2026-06-25',
    due: '2026-06-25',
  },
  {
    id: 'E18',
    label: 'Awb 9:11 6 wk (leap day)',
    regime: 'awb',
    term: 'decision',
    start: '2028-01-18',
    extensionWeeks: 0,
    raw: '2028-02-29',
    due: '2028-02-29',
  },
  {
    id: 'E21',
    label: 'Awb 9:8 lid 3 4 wk (5 mei)',
    regime: 'awb',
    term: 'decline-notice',
    start: '2026-04-07',
    extensionWeeks: 0,
    raw: '2026-05-05',
    due: '2026-05-06',
  },
];

describe('rules.md §8 worked examples (week terms; DL-01, DL-02, DL-06, DL-07)', () => {
  it.each(weekExamples.map((ex) => [`${ex.id} ${ex.label} from ${ex.start} → ${ex.due}`, ex] as const))(
    '%s',
    (_name, ex) => {
      const d = computeDeadline({
        regime: ex.regime,
        term: ex.term,
        start: ex.start,
        extensionWeeks: ex.extensionWeeks,
      });
      expect(d.start).toBe(ex.start);
      expect(d.term).toBe(ex.term);
      expect(d.extensionWeeks).toBe(ex.extensionWeeks);
      expect(d.raw).toBe(ex.raw);
      expect(d.due).toBe(ex.due);
      expect(d.informativeAtw).toBe(ex.informativeAtw);
      if (ex.rawBeforeExtension !== undefined) {
        const original = computeDeadline({ regime: ex.regime, term: ex.term, start: ex.start });
        expect(original.raw).toBe(ex.rawBeforeExtension);
      }
    },
  );
});

describe('rules.md §8 worked examples (instants; CONV-01)', () => {
  it.each(
    [
      {
        id: 'E19',
        label: 'Awb 9:11 time zone',
        receivedAt: '2026-06-30T22:30:00Z',
        start: '2026-07-01',
        raw: '2026-08-12',
        due: '2026-08-12',
      },
      {
        id: 'E20',
        label: 'Awb 9:11 DST-end night',
        receivedAt: '2026-10-24T22:30:00Z',
        start: '2026-10-25',
        raw: '2026-12-06',
        due: '2026-12-07',
      },
    ].map((ex) => [`${ex.id} ${ex.label}: ${ex.receivedAt} → start ${ex.start} → ${ex.due}`, ex] as const),
  )('%s', (_name, ex) => {
    const start = deadlineStartFor('awb', { receivedAt: ex.receivedAt, submittedAt: ex.receivedAt });
    expect(start).toBe(ex.start);
    const d = computeDeadline({ regime: 'awb', term: 'decision', start });
    expect(d.raw).toBe(ex.raw);
    expect(d.due).toBe(ex.due);
  });
});

describe('rules.md §8 worked examples (years, day terms, EU months, UK working days)', () => {
  const examples: Array<{ id: string; label: string; actual: () => unknown; expected: unknown }> = [
    {
      id: 'E22',
      label: 'Awb 9:8(b): behaviour 2025-03-10, filed 2026-03-10 → ground not available',
      actual: () => oneYearGroundAvailable('2025-03-10', '2026-03-10'),
      expected: false,
    },
    {
      id: 'E23',
      label: 'Ombudsman term (9:24): final letter 2026-03-04 → 2027-03-04, no Atw',
      actual: () => ombudsmanTermEnd('2026-03-04'),
      expected: '2027-03-04',
    },
    {
      id: 'E24',
      label: 'Atw art. 2: 3-day term from 2026-12-24 → raw 2026-12-27 → 2026-12-29',
      actual: () => {
        const t = computeStatutoryDayTerm('2026-12-24', 3);
        return { raw: t.raw, due: t.due, rulesApplied: t.rulesApplied };
      },
      expected: {
        raw: '2026-12-27',
        due: '2026-12-29',
        rulesApplied: ['Atw art. 1: zondag', 'Atw art. 2: twee werkdagen'],
      },
    },
    {
      id: 'E25',
      label: 'AVG art. 12(3) 1 month: 2026-01-31 → raw 2026-02-28 → 2026-03-02',
      actual: () => {
        const t = avgRequestDeadline('2026-01-31');
        return { raw: t.raw, due: t.due };
      },
      expected: { raw: '2026-02-28', due: '2026-03-02' },
    },
    {
      id: 'E26',
      label: 'AVG max. extended (3 months from the original date): 2026-01-31 → 2026-04-30',
      actual: () => {
        const t = avgRequestDeadline('2026-01-31', 2);
        return { raw: t.raw, due: t.due };
      },
      expected: { raw: '2026-04-30', due: '2026-04-30' },
    },
    {
      id: 'E27',
      label:
        'UK Housing stage 1: received 2026-01-09, ack 2026-01-12 → ack by 2026-01-16, response by 2026-01-26',
      actual: () => {
        const s = ukHousingStage1('2026-01-09', '2026-01-12');
        return { acknowledgementDue: s.acknowledgementDue, responseDue: s.responseDue };
      },
      expected: { acknowledgementDue: '2026-01-16', responseDue: '2026-01-26' },
    },
  ];
  it.each(examples.map((ex) => [`${ex.id} ${ex.label}`, ex] as const))(
    '%s',
    (_name, { actual, expected }) => {
      expect(actual()).toEqual(expected);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// DL rules

describe('DL-11 / api.md: rulesApplied', () => {
  it('api.md example: awb decision from 2026-02-20 lists each day moved past', () => {
    const d = computeDeadline({ regime: 'awb', term: 'decision', start: '2026-02-20' });
    expect(d.rulesApplied).toEqual([
      'Atw art. 1: Goede Vrijdag',
      'Atw art. 1: zaterdag',
      'Atw art. 1: zondag',
      'Atw art. 1: 2e Paasdag',
    ]);
  });

  it('DL-11: raw 2026-12-25 → 1e Kerstdag, 2e Kerstdag (a Saturday, named by its holiday), zondag', () => {
    const d = computeDeadline({ regime: 'awb', term: 'decision', start: '2026-11-13' });
    expect(d.raw).toBe('2026-12-25');
    expect(d.rulesApplied).toEqual([
      'Atw art. 1: 1e Kerstdag',
      'Atw art. 1: 2e Kerstdag',
      'Atw art. 1: zondag',
    ]);
  });

  it('DL-11: no adjustment → no rules', () => {
    expect(computeDeadline({ regime: 'awb', term: 'decision', start: '2026-12-24' }).rulesApplied).toEqual(
      [],
    );
  });

  it('DL-06: the extension is recorded before the Atw entries', () => {
    const d = computeDeadline({ regime: 'awb', term: 'decision', start: '2027-01-15', extensionWeeks: 4 });
    expect(d.rulesApplied).toEqual([
      'Awb 9:11 lid 2: verdaging 4 weken vanaf onverschoven einddatum',
      'Atw art. 1: Goede Vrijdag',
      'Atw art. 1: zaterdag',
      'Atw art. 1: zondag',
      'Atw art. 1: 2e Paasdag',
    ]);
  });

  it('Wkkgz extension is recorded under Wkkgz 17 lid 2; one week is singular', () => {
    const d = computeDeadline({ regime: 'wkkgz', term: 'decision', start: '2026-04-16', extensionWeeks: 1 });
    expect(d.rulesApplied).toEqual(['Wkkgz 17 lid 2: verlenging 1 week vanaf onverschoven einddatum']);
  });
});

describe('DL-06: extension from the unadjusted end date, Atw applied once at the end', () => {
  it('received 2026-02-20: raw 2026-04-03 + 4 wk = 2026-05-01 (used), not 2026-04-07 + 4 wk = 2026-05-05 → 2026-05-06', () => {
    const d = computeDeadline({ regime: 'awb', term: 'decision', start: '2026-02-20', extensionWeeks: 4 });
    expect(d.due).toBe('2026-05-01');
    // The rejected alternative, computed for comparison: from the Atw-adjusted date.
    const alternative = applyAtw('2026-02-20', addWeeks('2026-04-07', 4));
    expect(alternative.due).toBe('2026-05-06');
    expect(compareDates(d.due, alternative.due)).toBeLessThan(0);
  });
});

describe('DL-04 / DL-07: Atw art. 4', () => {
  it('DL-07: 10 + 4 weeks → no shift, informative Atw date, explanatory rule', () => {
    const d = computeDeadline({
      regime: 'awb-advisory',
      term: 'decision',
      start: '2026-02-05',
      extensionWeeks: 4,
    });
    expect(d.due).toBe('2026-05-14');
    expect(d.informativeAtw).toBe('2026-05-15');
    expect(d.rulesApplied).toContain(ATW_ART4_WEEKS);
    expect(d.rulesApplied.some((r) => r.startsWith('Atw art. 1'))).toBe(false);
  });

  it('DL-04: exactly 12 weeks (10 + 2) is not more than 12 weeks → Atw applies', () => {
    // 2026-02-19 + 12 wk = 2026-05-14 (Hemelvaartsdag) → 2026-05-15.
    const d = computeDeadline({
      regime: 'awb-advisory',
      term: 'decision',
      start: '2026-02-19',
      extensionWeeks: 2,
    });
    expect(d.raw).toBe('2026-05-14');
    expect(d.due).toBe('2026-05-15');
    expect(d.informativeAtw).toBeUndefined();
  });

  it('DL-04: the one-year ombudsman term is never shifted (2026-03-07 → Sunday 2027-03-07)', () => {
    expect(ombudsmanTermEnd('2026-03-07')).toBe('2027-03-07');
  });

  it('DL-04: a day term over 90 days is not shifted', () => {
    const t = computeStatutoryDayTerm('2026-01-03', 91); // raw 2026-04-04, a Saturday
    expect(t.raw).toBe('2026-04-04');
    expect(t.due).toBe('2026-04-04');
    expect(t.informativeAtw).toBe('2026-04-07');
    expect(t.rulesApplied).toEqual(['Atw art. 4: termijn langer dan 90 dagen, geen verschuiving']);
  });
});

describe('DL-05: Atw art. 2', () => {
  it('does nothing when the term already contains two working days', () => {
    expect(computeStatutoryDayTerm('2026-12-21', 3)).toEqual({
      start: '2026-12-21',
      days: 3,
      raw: '2026-12-24',
      due: '2026-12-24',
      rulesApplied: [],
    });
  });

  it('does not apply to terms shorter than three days', () => {
    // 2-day term from Thu 2026-12-24 → Sat 12-26 → art. 1 only → Mon 12-28.
    expect(computeStatutoryDayTerm('2026-12-24', 2).due).toBe('2026-12-28');
  });
});

describe('DL-08: agreed and internal terms', () => {
  it('company (INTERNAL): no Atw by default', () => {
    const d = computeDeadline({ regime: 'company', term: 'decision', start: '2026-02-20' });
    expect(d.raw).toBe('2026-04-03');
    expect(d.due).toBe('2026-04-03');
    expect(d.rulesApplied).toEqual(['Atw niet van toepassing: interne termijn']);
  });

  it('company with applyAtw configured: the Atw shifts', () => {
    const d = computeDeadline({
      regime: resolveRegime('company', { applyAtw: true }),
      term: 'decision',
      start: '2026-02-20',
    });
    expect(d.due).toBe('2026-04-07');
  });

  it('company with its own term length (8 weeks)', () => {
    const d = computeDeadline({
      regime: resolveRegime('company', { decisionWeeks: 8 }),
      term: 'decision',
      start: '2026-02-20',
    });
    expect(d.raw).toBe('2026-04-17');
  });

  it('AGREED term: no Atw', () => {
    const r = resolveRegime('awb', { termType: 'AGREED' });
    expect(r.applyAtw).toBe(false);
    expect(computeDeadline({ regime: r, term: 'decision', start: '2026-02-20' }).due).toBe('2026-04-03');
  });

  it('the statutory regimes apply the Atw by default', () => {
    expect(resolveRegime('awb').applyAtw).toBe(true);
    expect(resolveRegime('awb-advisory').applyAtw).toBe(true);
    expect(resolveRegime('wkkgz').applyAtw).toBe(true);
    expect(resolveRegime('company').applyAtw).toBe(false);
  });
});

describe('Atw art. 3 lid 3: extra designated days', () => {
  it('an extra holiday on the raw date shifts the deadline', () => {
    // 2026-12-24 + 6 wk = Thu 2027-02-04; designated → Fri 2027-02-05.
    const d = computeDeadline({
      regime: 'awb',
      term: 'decision',
      start: '2026-12-24',
      extraHolidays: ['2027-02-04'],
    });
    expect(d.due).toBe('2027-02-05');
    expect(d.rulesApplied).toEqual(['Atw art. 1: aangewezen feestdag']);
  });
});

describe('regimes', () => {
  it('REGIMES table', () => {
    expect(REGIMES.awb).toEqual({
      decisionWeeks: 6,
      declineNoticeWeeks: 4,
      acknowledgementWorkingDays: 5,
      maxExtensionWeeks: 4,
      startsFrom: 'receivedAt',
      termType: 'STATUTORY',
    });
    expect(REGIMES['awb-advisory'].decisionWeeks).toBe(10);
    expect(REGIMES['awb-advisory'].declineNoticeWeeks).toBe(4);
    expect(REGIMES.wkkgz).toMatchObject({
      decisionWeeks: 6,
      declineNoticeWeeks: null,
      startsFrom: 'submittedAt',
      termType: 'STATUTORY',
    });
    expect(REGIMES.company).toMatchObject({
      decisionWeeks: 6,
      declineNoticeWeeks: null,
      maxExtensionWeeks: 4,
      termType: 'INTERNAL',
    });
  });

  it('decline-notice does not exist for wkkgz and company', () => {
    expectDeadlineError(
      () => computeDeadline({ regime: 'wkkgz', term: 'decline-notice', start: '2026-04-13' }),
      'TERM_NOT_APPLICABLE',
      'term',
    );
    expectDeadlineError(
      () => computeDeadline({ regime: 'company', term: 'decline-notice', start: '2026-04-13' }),
      'TERM_NOT_APPLICABLE',
      'term',
    );
  });

  it('invalid overrides and unknown regimes are rejected', () => {
    expectDeadlineError(
      () => resolveRegime('company', { decisionWeeks: 0 }),
      'INVALID_REGIME',
      'decisionWeeks',
    );
    expectDeadlineError(
      () => resolveRegime('company', { maxExtensionWeeks: 1.5 }),
      'INVALID_REGIME',
      'maxExtensionWeeks',
    );
    expectDeadlineError(() => resolveRegime('nope' as RegimeId), 'UNKNOWN_REGIME', 'regime');
    expectDeadlineError(
      () => computeDeadline({ regime: 'nope' as RegimeId, term: 'decision', start: '2026-01-01' }),
      'UNKNOWN_REGIME',
      'regime',
    );
  });

  it('invalid start and unknown term are rejected', () => {
    expectDeadlineError(
      () => computeDeadline({ regime: 'awb', term: 'decision', start: '2026-02-30' }),
      'INVALID_DATE',
      'start',
    );
    expectDeadlineError(
      () => computeDeadline({ regime: 'awb', term: 'verdict' as TermKind, start: '2026-02-20' }),
      'UNKNOWN_TERM',
      'term',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// AWB / WKKGZ rules

describe('AWB-12: acknowledgement within 5 working days (NL-ATW)', () => {
  it('Thu 2026-12-24 → Mon 2027-01-04 (skips Kerst, weekends, Nieuwjaarsdag)', () => {
    const d = computeDeadline({ regime: 'awb', term: 'acknowledgement', start: '2026-12-24' });
    expect(d.due).toBe('2027-01-04');
    expect(d.rulesApplied).toEqual(['5 werkdagen (kalender NL-ATW)']);
  });

  it('Fri 2026-01-09 → Fri 2026-01-16', () => {
    expect(computeDeadline({ regime: 'wkkgz', term: 'acknowledgement', start: '2026-01-09' }).due).toBe(
      '2026-01-16',
    );
  });

  it('cannot be extended', () => {
    expectDeadlineError(
      () =>
        computeDeadline({ regime: 'awb', term: 'acknowledgement', start: '2026-01-09', extensionWeeks: 1 }),
      'EXTENSION_NOT_ALLOWED',
      'extensionWeeks',
    );
  });
});

describe('AWB-22: one-year ground 9:8 lid 1 sub b (strictly more than one year, no Atw)', () => {
  it.each([
    ['2025-03-10', '2026-03-10', false],
    ['2025-03-09', '2026-03-10', true],
    ['2024-02-29', '2025-02-28', false],
    ['2024-02-29', '2025-03-01', true],
  ] as const)('AWB-22: behaviour %s, filed %s → available %s', (behaviour, filed, expected) => {
    expect(oneYearGroundAvailable(behaviour, filed)).toBe(expected);
  });
});

describe('AWB-23: non-handling notice within 4 weeks of receipt', () => {
  it.each([
    ['2026-12-24', '2027-01-21', '2027-01-21'],
    ['2026-03-30', '2026-04-27', '2026-04-28'],
  ] as const)('AWB-23: received %s → raw %s → %s', (start, raw, due) => {
    const d = computeDeadline({ regime: 'awb', term: 'decline-notice', start });
    expect(d.raw).toBe(raw);
    expect(d.due).toBe(due);
  });

  it('AWB-23: the 4-week notice term cannot be extended', () => {
    expectDeadlineError(
      () =>
        computeDeadline({ regime: 'awb', term: 'decline-notice', start: '2026-03-30', extensionWeeks: 2 }),
      'EXTENSION_NOT_ALLOWED',
      'extensionWeeks',
    );
  });
});

describe('AWB-40: 6 weeks, 10 weeks with advisory committee', () => {
  it('AWB-40: received 2026-12-24 → 2027-02-04', () => {
    expect(computeDeadline({ regime: 'awb', term: 'decision', start: '2026-12-24' }).due).toBe('2027-02-04');
  });

  it('AWB-40: advisory, received 2026-02-24 → raw 2026-05-05 → 2026-05-06', () => {
    const d = computeDeadline({ regime: 'awb-advisory', term: 'decision', start: '2026-02-24' });
    expect(d.raw).toBe('2026-05-05');
    expect(d.due).toBe('2026-05-06');
  });
});

describe('AWB-41 / WKKGZ-06: extension at most 4 whole weeks', () => {
  it('AWB-41: received 2026-12-24 + verdaging → 2027-03-04', () => {
    expect(
      computeDeadline({ regime: 'awb', term: 'decision', start: '2026-12-24', extensionWeeks: 4 }).due,
    ).toBe('2027-03-04');
  });

  it.each(['awb', 'awb-advisory', 'wkkgz', 'company'] as const)(
    'AWB-41: %s rejects extensionWeeks 5 (EXTENSION_TOO_LONG)',
    (regime) => {
      expectDeadlineError(
        () => computeDeadline({ regime, term: 'decision', start: '2026-12-24', extensionWeeks: 5 }),
        'EXTENSION_TOO_LONG',
        'extensionWeeks',
      );
    },
  );

  it.each([-1, 1.5, Number.NaN])('AWB-41: rejects extensionWeeks %s (INVALID_EXTENSION)', (weeks) => {
    expectDeadlineError(
      () => computeDeadline({ regime: 'awb', term: 'decision', start: '2026-12-24', extensionWeeks: weeks }),
      'INVALID_EXTENSION',
      'extensionWeeks',
    );
  });

  it('AWB-41: a configured lower maximum is enforced', () => {
    const r = resolveRegime('company', { maxExtensionWeeks: 2 });
    expectDeadlineError(
      () => computeDeadline({ regime: r, term: 'decision', start: '2026-12-24', extensionWeeks: 3 }),
      'EXTENSION_TOO_LONG',
      'extensionWeeks',
    );
  });

  it('AWB-42 / WKKGZ-06: the notice must be sent before the original term expires', () => {
    const original = computeDeadline({ regime: 'wkkgz', term: 'decision', start: '2026-04-16' });
    expect(original.due).toBe('2026-05-28');
    expect(isExtensionNoticeOnTime(original.due, '2026-05-27T09:00:00+02:00')).toBe(true);
    expect(isExtensionNoticeOnTime(original.due, '2026-05-28T23:30:00+02:00')).toBe(true);
    expect(isExtensionNoticeOnTime(original.due, '2026-05-29T08:00:00+02:00')).toBe(false);
  });
});

describe('WKKGZ-05/06', () => {
  it('WKKGZ-05: submitted 2026-04-13 → raw 2026-05-25 (2e Pinksterdag) → 2026-05-26', () => {
    const d = computeDeadline({ regime: 'wkkgz', term: 'decision', start: '2026-04-13' });
    expect(d.raw).toBe('2026-05-25');
    expect(d.due).toBe('2026-05-26');
    expect(d.rulesApplied).toEqual(['Atw art. 1: 2e Pinksterdag']);
  });

  it('WKKGZ-06: submitted 2026-04-16 → 2026-05-28 → extended to 2026-06-25', () => {
    expect(computeDeadline({ regime: 'wkkgz', term: 'decision', start: '2026-04-16' }).due).toBe(
      '2026-05-28',
    );
    expect(
      computeDeadline({ regime: 'wkkgz', term: 'decision', start: '2026-04-16', extensionWeeks: 4 }).due,
    ).toBe('2026-06-25');
  });
});

// ---------------------------------------------------------------------------------------------
// Conventions

describe('CONV-01..04', () => {
  it('CONV-01: receivedAt 2026-06-30T22:30:00Z → receipt 2026-07-01 → deadline 2026-08-12', () => {
    const start = deadlineStartFor('awb', {
      receivedAt: '2026-06-30T22:30:00Z',
      submittedAt: '2026-06-30T22:30:00Z',
    });
    expect(start).toBe('2026-07-01');
    expect(computeDeadline({ regime: 'awb', term: 'decision', start }).due).toBe('2026-08-12');
  });

  it('CONV-02: a web-form submission on Sat 2026-01-03 has receipt date 2026-01-03', () => {
    const start = deadlineStartFor('awb', {
      receivedAt: '2026-01-03T14:12:00+01:00',
      submittedAt: '2026-01-03T14:12:00+01:00',
    });
    expect(start).toBe('2026-01-03');
    expect(computeDeadline({ regime: 'awb', term: 'decision', start }).raw).toBe('2026-02-14');
  });

  it('CONV-03: Awb runs from receivedAt, Wkkgz from submittedAt; the other field does not matter', () => {
    const a = { submittedAt: '2026-03-20T10:00:00+01:00', receivedAt: '2026-03-24T10:00:00+01:00' };
    const b = { submittedAt: '2026-01-01T10:00:00+01:00', receivedAt: '2026-03-24T10:00:00+01:00' };
    const c = { submittedAt: '2026-03-20T10:00:00+01:00', receivedAt: '2026-06-01T10:00:00+02:00' };
    expect(deadlineStartFor('awb', a)).toBe('2026-03-24');
    expect(deadlineStartFor('awb', b)).toBe('2026-03-24');
    expect(deadlineStartFor('awb-advisory', a)).toBe('2026-03-24');
    expect(deadlineStartFor('wkkgz', a)).toBe('2026-03-20');
    expect(deadlineStartFor('wkkgz', c)).toBe('2026-03-20');
    expect(deadlineStartFor(resolveRegime('company', { startsFrom: 'submittedAt' }), a)).toBe('2026-03-20');
    expect(deadlineStartFor('awb', { ...a, receivedAt: new Date('2026-03-24T09:00:00Z') })).toBe(
      '2026-03-24',
    );
  });

  it('CONV-03: an invalid instant is a DeadlineError on that field', () => {
    expectDeadlineError(
      () =>
        deadlineStartFor('wkkgz', { receivedAt: '2026-03-24T10:00:00Z', submittedAt: '2026-03-20T10:00' }),
      'INVALID_DATE',
      'submittedAt',
    );
  });

  it('CONV-04: a decision sent 2027-02-04T23:00 local for a deadline of 2027-02-04 is on time', () => {
    expect(isOnTime('2027-02-04', '2027-02-04T23:00:00+01:00')).toBe(true);
    expect(isOnTime('2027-02-04', '2027-02-04T22:59:59Z')).toBe(true); // 23:59:59 CET
    expect(isOnTime('2027-02-04', '2027-02-04T23:00:00Z')).toBe(false); // 00:00 CET on the 5th
    expect(isOnTime('2027-02-04', '2027-02-03T08:00:00+01:00')).toBe(true);
    expect(isOnTime('2027-02-04', new Date('2027-02-05T07:00:00Z'))).toBe(false);
  });
});

describe('PRIV-03 / DL-09: AVG requests on calendar NL-EU', () => {
  it('DL-09: received 2026-03-27 → 2026-04-27 (Koningsdag) → 2026-04-28', () => {
    const t = avgRequestDeadline('2026-03-27');
    expect(t.raw).toBe('2026-04-27');
    expect(t.due).toBe('2026-04-28');
    expect(t.rulesApplied).toEqual(['Vo. 1182/71 art. 3 lid 4: Koningsdag']);
  });

  it('PRIV-03: the extension is counted from the original date, not chained', () => {
    expect(avgRequestDeadline('2026-01-31', 2).due).not.toBe('2026-04-28');
  });

  it('PRIV-03: only 0 or 2 extra months', () => {
    expectDeadlineError(
      () => avgRequestDeadline('2026-01-31', 1 as 0),
      'INVALID_EXTENSION',
      'extendedMonths',
    );
  });
});

describe('UKHO-02: UK Housing Ombudsman stage 1', () => {
  it('UKHO-02: not yet acknowledged → only the acknowledgement date', () => {
    const s = ukHousingStage1('2026-01-09');
    expect(s.acknowledgementDue).toBe('2026-01-16');
    expect(s.responseDue).toBeUndefined();
  });

  it('UKHO-02: UK bank holidays are skipped (received Thu 2026-12-24)', () => {
    // 25 Christmas, 26–27 weekend, 28 Boxing Day substitute → 29, 30, 31, 1 Jan (holiday), 4, 5.
    const s = ukHousingStage1('2026-12-24', '2026-12-29');
    expect(s.acknowledgementDue).toBe('2027-01-05');
    expect(s.responseDue).toBe('2027-01-13');
  });

  it('UKHO-02: a late acknowledgement does not postpone the response (conservative)', () => {
    const s = ukHousingStage1('2026-01-09', '2026-01-20');
    expect(s.acknowledgedLate).toBe(true);
    expect(s.responseDue).toBe('2026-01-30'); // 10 working days after 2026-01-16
  });

  it('UKHO-02: acknowledgement before receipt is rejected', () => {
    expectDeadlineError(() => ukHousingStage1('2026-01-09', '2026-01-08'), 'INVALID_DATE', 'acknowledgedOn');
  });
});

// ---------------------------------------------------------------------------------------------
// Property test (DL-01..DL-04): deterministic pseudo-random starts in 2025–2030.

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('property: 500 random start dates in 2025–2030', () => {
  it('DL-01..04: due ≥ raw, due is an Atw working day unless the term exceeds 12 weeks, due − raw ≤ 5 days', () => {
    const random = mulberry32(20261122);
    const first = '2025-01-01';
    const span = daysBetween(first, '2030-12-31');
    const regimes = ['awb', 'awb-advisory', 'wkkgz'] as const;
    let checked = 0;
    let exceeding = 0;
    for (let i = 0; i < 500; i++) {
      const start = addDays(first, Math.floor(random() * (span + 1)));
      const regime = regimes[Math.floor(random() * regimes.length)] ?? 'awb';
      const term: TermKind = regime !== 'wkkgz' && random() < 0.25 ? 'decline-notice' : 'decision';
      const extensionWeeks = term === 'decision' ? Math.floor(random() * 5) : 0;
      const d = computeDeadline({ regime, term, start, extensionWeeks });
      const weeks =
        (term === 'decision' ? REGIMES[regime].decisionWeeks : (REGIMES[regime].declineNoticeWeeks ?? 0)) +
        extensionWeeks;

      expect(d.raw).toBe(addDays(start, 7 * weeks));
      expect(compareDates(d.due, d.raw)).toBeGreaterThanOrEqual(0);
      expect(daysBetween(d.raw, d.due)).toBeLessThanOrEqual(5);
      if (weeks > 12) {
        exceeding++;
        expect(d.due).toBe(d.raw);
        expect(d.informativeAtw).toBeDefined();
      } else {
        expect(isWorkingDay('NL-ATW', d.due)).toBe(true);
        // The due date is the first working day on or after raw.
        for (let x = d.raw; x < d.due; x = addDays(x, 1)) expect(isWorkingDay('NL-ATW', x)).toBe(false);
      }
      checked++;
    }
    expect(checked).toBe(500);
    expect(exceeding).toBeGreaterThan(0);
  });
});
