import { describe, expect, it } from 'vitest';
import { checkHandlerConflict, checkHandlerEligible } from './conflict.js';
import { declineBlockers, declineNoticeDeadline, isSentence } from './decline.js';
import { extensionCheck, extendedDeadline, agreedDelayBlockers } from './extension.js';
import { assessFormal } from './formal.js';
import { hearingBlockers, waiverBlockers } from './hearings.js';
import { overallOutcome } from './judgement.js';
import { derivePriority, needsManagerAlert } from './priority.js';
import { DEFAULT_WORKFLOW_SETTINGS, resolveWorkflowSettings } from './settings.js';

const codes = (bs: { code: string }[]) => bs.map((b) => b.code);
const base = {
  regime: 'awb' as const,
  receiptDate: '2026-03-10',
  filingDate: '2026-03-10',
  incidentDate: null,
};

describe('AWB-20..23: declining under 9:8', () => {
  it.each([
    ['2025-03-10', '2026-03-10', false], // E22: the anniversary is not "more than one year"
    ['2025-03-09', '2026-03-10', true],
    ['2024-02-29', '2025-02-28', false],
    ['2024-02-29', '2025-03-01', true],
  ])('AWB-22: behaviour %s, filed %s → ground b available: %s', (behaviour, filed, available) => {
    const bs = declineBlockers(
      { ground: 'b', motivation: 'De gedraging ligt te lang terug.', behaviourDate: behaviour },
      { ...base, filingDate: filed, receiptDate: filed },
      filed,
    );
    expect(codes(bs).includes('DECLINE_GROUND_NOT_AVAILABLE')).toBe(!available);
  });
  it('AWB-21: ground lid2 needs a sentence; AWB-23: notice within four weeks, Atw applied', () => {
    expect(codes(declineBlockers({ ground: 'lid2', motivation: 'Nee.' }, base, '2026-03-10'))).toEqual([
      'MOTIVATION_REQUIRED',
    ]);
    expect(isSentence('Het belang van klager is kennelijk onvoldoende.')).toBe(true);
    expect(declineNoticeDeadline('awb', '2026-12-24').due).toBe('2027-01-21'); // E2
    expect(declineNoticeDeadline('awb', '2026-03-30').due).toBe('2026-04-28'); // Koningsdag
    expect(
      codes(
        declineBlockers(
          { ground: 'a', motivation: 'Al eerder als klacht behandeld.' },
          { ...base, receiptDate: '2026-03-30' },
          '2026-04-29',
        ),
      ),
    ).toEqual(['DECLINE_NOTICE_TOO_LATE']);
  });
});

describe('AWB-15/16, WKKGZ-03: who may handle', () => {
  const r = (kind: 'staff' | 'chair', userId: string) => ({
    id: 'r',
    kind,
    userId,
    name: 'X',
    copySentAt: null,
    copyNotApplicableReason: null,
  });
  it('blocks a personal respondent and warns for the organ itself', () => {
    const blocked = checkHandlerConflict('u1', [r('staff', 'u1')]);
    expect(blocked.ok).toBe(false);
    expect(!blocked.ok && blocked.blocker.code).toBe('HANDLER_IS_RESPONDENT');
    const warned = checkHandlerConflict('u1', [r('chair', 'u1')]);
    expect(warned.ok && warned.warning?.rule).toBe('AWB-16');
    expect(checkHandlerConflict('u2', [r('staff', 'u1')])).toEqual({ ok: true });
    expect(
      checkHandlerEligible(
        { id: 'k', name: 'K', role: 'complaints-officer', active: true, departmentId: null },
        null,
      )?.rule,
    ).toBe('WKKGZ-03');
  });
});

describe('AWB-30..33: hearings', () => {
  const c = {
    regime: 'awb' as const,
    formalProcedureApplies: true,
    respondents: [
      {
        id: 'r1',
        kind: 'staff' as const,
        userId: null,
        name: 'R',
        copySentAt: null,
        copyNotApplicableReason: null,
      },
    ],
  };
  const h = (party: 'complainant' | 'respondent', extra: object = {}) => ({
    id: party,
    party,
    respondentId: party === 'respondent' ? 'r1' : null,
    invitedAt: null,
    responseDeadline: null,
    heldAt: null,
    conductedBy: null,
    report: null,
    waiverGround: null,
    scheduledAt: null,
    ...extra,
  });
  it('AWB-30/31: an invitation alone is not a hearing; held, waived or a passed reply term is', () => {
    const today = '2026-03-10';
    const only = (x: object) =>
      codes(hearingBlockers({ ...c, respondents: [], hearings: [h('complainant', x)] }, false, today));
    // Invited a moment ago, no term: a "hearing" held 130 ms after the invitation is refused.
    expect(only({ invitedAt: '2026-03-10T09:00:00Z' })).toEqual(['HEARING_NOT_HELD']);
    // The reply term is still running (today is its last day).
    expect(only({ invitedAt: '2026-03-01T09:00:00Z', responseDeadline: today })).toEqual([
      'HEARING_NOT_HELD',
    ]);
    // The term passed without an answer: the complainant had the opportunity (AWB-31 c).
    expect(only({ invitedAt: '2026-03-01T09:00:00Z', responseDeadline: '2026-03-09' })).toEqual([]);
    // A hearing was planned: it must be held, a passed reply term no longer counts.
    expect(
      only({
        invitedAt: '2026-03-01T09:00:00Z',
        responseDeadline: '2026-03-05',
        scheduledAt: '2026-03-09T10:00:00Z',
      }),
    ).toEqual(['HEARING_NOT_HELD']);
    expect(only({ heldAt: '2026-03-09T10:00:00Z', report: 'Verslag.' })).toEqual([]);
    expect(only({ waiverGround: 'manifestly_unfounded' })).toEqual([]);
  });
  it('AWB-30: both sides offered; AWB-32: a held hearing needs a report', () => {
    expect(codes(hearingBlockers({ ...c, hearings: [] }, false, '2026-03-10'))).toEqual([
      'HEARING_MISSING',
      'HEARING_MISSING',
    ]);
    expect(
      codes(
        hearingBlockers(
          {
            ...c,
            hearings: [
              h('complainant', { waiverGround: 'manifestly_unfounded' }),
              h('respondent', { heldAt: '2026-01-01' }),
            ],
          },
          false,
          '2026-03-10',
        ),
      ),
    ).toEqual(['HEARING_REPORT_MISSING']);
    // AWB-03: outside the formal procedure the hearing is not statutory.
    expect(
      hearingBlockers({ ...c, formalProcedureApplies: false, hearings: [] }, false, '2026-03-10'),
    ).toEqual([]);
  });
  it('AWB-31: ground (c) needs a past response term; AWB-33: the committee decides under 9.1.3', () => {
    expect(
      codes(
        waiverBlockers(
          { ground: 'no_response_in_time', responseDeadline: '2026-03-10', decidedBy: 'handler' },
          'awb',
          '2026-03-10',
        ),
      ),
    ).toEqual(['WAIVER_NOT_ALLOWED']);
    expect(
      waiverBlockers(
        { ground: 'no_response_in_time', responseDeadline: '2026-03-09', decidedBy: 'handler' },
        'awb',
        '2026-03-10',
      ),
    ).toEqual([]);
    expect(
      codes(
        waiverBlockers(
          { ground: 'manifestly_unfounded', decidedBy: 'handler' },
          'awb-advisory',
          '2026-03-10',
        ),
      ),
    ).toEqual(['COMMITTEE_MUST_DECIDE']);
  });
});

describe('AWB-41..43, WKKGZ-06: extension', () => {
  const c = { regime: 'awb' as const, extensionWeeks: 0, originalDecisionDue: '2027-02-04' };
  it('once, at most four weeks, before expiry; DL-06 from the unadjusted date', () => {
    const now = new Date('2027-02-04T22:00:00Z'); // 23:00 local on the due date: on time (CONV-04)
    expect(extensionCheck(c, 4, now, DEFAULT_WORKFLOW_SETTINGS).blockers).toEqual([]);
    expect(codes(extensionCheck(c, 5, now, DEFAULT_WORKFLOW_SETTINGS).blockers)).toEqual([
      'EXTENSION_TOO_LONG',
    ]);
    expect(
      codes(extensionCheck({ ...c, extensionWeeks: 4 }, 1, now, DEFAULT_WORKFLOW_SETTINGS).blockers),
    ).toEqual(['EXTENSION_ALREADY_USED']);
    const late = new Date('2027-02-05T08:00:00Z');
    expect(codes(extensionCheck(c, 2, late, DEFAULT_WORKFLOW_SETTINGS).blockers)).toEqual([
      'EXTENSION_TOO_LATE',
    ]);
    expect(extensionCheck(c, 2, late, { extensionAfterExpiry: 'allow_overdue' })).toEqual({
      blockers: [],
      late: true,
    });
    // WKKGZ-06 is statute: never allowed late.
    expect(
      codes(
        extensionCheck({ ...c, regime: 'wkkgz' }, 2, late, { extensionAfterExpiry: 'allow_overdue' })
          .blockers,
      ),
    ).toEqual(['EXTENSION_TOO_LATE']);
    expect(extendedDeadline('awb', '2026-12-24', 4).due).toBe('2027-03-04'); // E12
    expect(extendedDeadline('awb', '2026-02-20', 4).due).toBe('2026-05-01'); // E14
    expect(extendedDeadline('wkkgz', '2026-04-16', 4).due).toBe('2026-06-25'); // E17
  });
  it('AWB-43: consent document and a later agreed date', () => {
    expect(
      codes(agreedDelayBlockers({ agreedDate: '2027-03-01', consentDocument: ' ' }, '2027-03-04', 'awb')),
    ).toEqual(['CONSENT_REQUIRED', 'DELAY_DATE_INVALID']);
  });
});

describe('AWB-03/04, ISO-04, NO-10, settings', () => {
  it('formal checks', () => {
    const full = {
      signature: 'digid' as const,
      hasName: true,
      hasAddress: true,
      hasDate: true,
      hasDescription: true,
    };
    expect(assessFormal('web', full, 'complainant')).toMatchObject({ applies: true, defects: [] });
    expect(assessFormal('email', { ...full, signature: 'none' }, 'complainant').repairable).toEqual([
      'signature',
    ]);
    expect(assessFormal('counter', { ...full, hasAddress: false }, 'complainant')).toMatchObject({
      applies: false,
      oral: true,
      repairable: [],
    });
  });
  it('priority: safety is urgent and alerts once', () => {
    expect(derivePriority({ safety: true, severity: 'low', complexity: 'low', impact: 'low' })).toBe(
      'urgent',
    );
    expect(derivePriority({ safety: false, severity: 'high', complexity: 'medium', impact: 'high' })).toBe(
      'high',
    );
    expect(derivePriority({ safety: false, severity: 'low', complexity: 'medium', impact: 'low' })).toBe(
      'low',
    );
    expect(needsManagerAlert('normal', 'urgent')).toBe(true);
    expect(needsManagerAlert('urgent', 'urgent')).toBe(false);
  });
  it('overall outcome from the judgements per item', () => {
    expect(overallOutcome([{ judgement: 'upheld' }, { judgement: 'not_upheld' }])).toBe('partly_upheld');
    expect(overallOutcome([{ judgement: 'not_upheld' }])).toBe('not_upheld');
    expect(overallOutcome([{ judgement: null }])).toBeNull();
  });
  it('[C] rules are defaults an organisation can override', () => {
    expect(resolveWorkflowSettings(undefined).extensionAfterExpiry).toBe('reject');
    expect(resolveWorkflowSettings({ reminderWorkingDays: [3] }, 3)).toMatchObject({
      reminderWorkingDays: [3],
      contactWorkingDays: 3,
      wkkgzConsentBeyondWeeks: 10,
    });
  });
});
