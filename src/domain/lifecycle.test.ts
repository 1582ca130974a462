import { describe, expect, it } from 'vitest';
import {
  ACTION_LABELS,
  CASE_ACTIONS,
  CASE_STATUSES,
  FINAL_STATUSES,
  OPEN_STATUSES,
  STATUS_LABELS,
  TRANSITIONS,
  actionsFrom,
  changesStatus,
  nextStatus,
  type CaseAction,
  type CaseStatus,
} from './lifecycle.js';
import type { RegimeId } from './deadlines.js';

function walk(start: CaseStatus, actions: CaseAction[], regime: RegimeId = 'awb'): CaseStatus {
  return actions.reduce<CaseStatus>((status, action) => {
    const next = nextStatus(status, action, regime);
    if (!next) throw new Error(`${action} not allowed from ${status}`);
    return next;
  }, start);
}

describe('case lifecycle table', () => {
  it('every transition uses known statuses and each (status, action) pair is unambiguous', () => {
    const seen = new Set<string>();
    for (const t of TRANSITIONS) {
      if (t.to !== 'same') expect(CASE_STATUSES).toContain(t.to);
      for (const from of t.from) {
        expect(CASE_STATUSES).toContain(from);
        const key = `${from}:${t.action}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });

  it('every action is in the table with labels, and every status can be reached from received', () => {
    const reached = new Set<CaseStatus>(['received']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of TRANSITIONS) {
        if (t.to !== 'same' && t.from.some((f) => reached.has(f)) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...CASE_STATUSES].sort());
    expect(new Set(TRANSITIONS.map((t) => t.action))).toEqual(new Set(CASE_ACTIONS));
    for (const a of CASE_ACTIONS) expect(ACTION_LABELS[a].nl.length).toBeGreaterThan(0);
    for (const s of CASE_STATUSES) expect(STATUS_LABELS[s].en.length).toBeGreaterThan(0);
  });

  it.each<[string, CaseAction[], CaseStatus, RegimeId?]>([
    [
      'standard path (AWB-12, AWB-50, ISO-08)',
      [
        'acknowledge',
        'start_handling',
        'invite_hearing',
        'record_hearing',
        'extend',
        'judge_item',
        'decide',
        'close',
      ],
      'closed',
    ],
    ['informal resolution (AWB-10)', ['acknowledge', 'resolve_informally'], 'informally_resolved'],
    ['declined under 9:8 (AWB-20)', ['acknowledge', 'decline'], 'declined'],
    ['forwarded (AWB-07)', ['forward'], 'forwarded'],
    ['withdrawn', ['acknowledge', 'start_handling', 'withdraw'], 'withdrawn'],
    [
      'advisory committee (AWB-53)',
      ['acknowledge', 'start_handling', 'request_advice', 'record_hearing', 'record_advice', 'decide'],
      'decided',
      'awb-advisory',
    ],
    [
      'reopened after informal resolution (AWB-11)',
      ['acknowledge', 'resolve_informally', 'reopen', 'decide'],
      'decided',
    ],
    [
      'escalated after closing (ISO-10)',
      ['acknowledge', 'start_handling', 'decide', 'close', 'escalate', 'record_escalation_outcome'],
      'escalated',
    ],
  ])('scenario: %s', (_name, actions, end, regime) => {
    expect(walk('received', actions, regime)).toBe(end);
  });

  it('refuses forbidden actions', () => {
    expect(nextStatus('received', 'decide')).toBeUndefined(); // no decision without handling
    expect(nextStatus('closed', 'decline')).toBeUndefined();
    expect(nextStatus('withdrawn', 'reopen')).toBeUndefined();
    expect(nextStatus('acknowledged', 'acknowledge')).toBeUndefined();
    // AWB-25: once declined, no copy goes to the respondent.
    expect(nextStatus('declined', 'send_respondent_copy')).toBeUndefined();
    expect(() => walk('received', ['close'])).toThrow(/close not allowed from received/);
  });

  it('regime-bound steps: 9:8 only under the Awb (AWB-20), the committee only under Afd. 9.1.3 (AWB-53)', () => {
    expect(actionsFrom('in_progress', 'awb')).toContain('decline');
    expect(actionsFrom('in_progress', 'wkkgz')).not.toContain('decline');
    expect(actionsFrom('in_progress', 'awb')).not.toContain('request_advice');
    expect(actionsFrom('in_progress', 'awb-advisory')).toContain('request_advice');
  });

  it('final statuses offer no handling steps except reopen/escalate and follow-up bookkeeping', () => {
    for (const s of FINAL_STATUSES) {
      for (const a of actionsFrom(s))
        expect([
          'reopen',
          'escalate',
          'record_escalation_outcome',
          'complete_measure',
          // Tasks stay doable after handling ended (ISO-04 review, confirmations).
          'review_safety',
          'complete_task',
        ]).toContain(a);
    }
    for (const s of OPEN_STATUSES) expect(FINAL_STATUSES).not.toContain(s);
    expect(changesStatus('decide')).toBe(true);
    expect(changesStatus('judge_item')).toBe(false);
  });
});
