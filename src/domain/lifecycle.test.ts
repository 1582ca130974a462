import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, CASE_STATUSES, FINAL_STATUSES, TRANSITIONS, actionsFrom, nextStatus, type CaseAction, type CaseStatus } from './lifecycle.js';

function walk(start: CaseStatus, actions: CaseAction[]): CaseStatus {
  return actions.reduce<CaseStatus>((status, action) => {
    const next = nextStatus(status, action);
    if (!next) throw new Error(`${action} not allowed from ${status}`);
    return next;
  }, start);
}

describe('case lifecycle table', () => {
  it('every transition uses known statuses and each (status, action) pair is unambiguous', () => {
    const seen = new Set<string>();
    for (const t of TRANSITIONS) {
      expect(CASE_STATUSES).toContain(t.to);
      for (const from of t.from) {
        expect(CASE_STATUSES).toContain(from);
        const key = `${from}:${t.action}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });

  it('every action is reachable and every status can be reached from received', () => {
    const reached = new Set<CaseStatus>(['received']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of TRANSITIONS) {
        if (t.from.some((f) => reached.has(f)) && !reached.has(t.to)) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...CASE_STATUSES].sort());
    expect(new Set(TRANSITIONS.map((t) => t.action))).toEqual(new Set(CASE_ACTIONS));
  });

  it.each<[string, CaseAction[], CaseStatus]>([
    ['standard path (AWB-12, AWB-50, ISO-08)', ['acknowledge', 'start_handling', 'decide', 'close'], 'closed'],
    ['informal resolution (AWB-10)', ['acknowledge', 'resolve_informally'], 'informally_resolved'],
    ['declined under 9:8 (AWB-20)', ['acknowledge', 'decline'], 'declined'],
    ['forwarded (AWB-07)', ['forward'], 'forwarded'],
    ['withdrawn', ['acknowledge', 'start_handling', 'withdraw'], 'withdrawn'],
    ['reopened after informal resolution (AWB-11)', ['acknowledge', 'resolve_informally', 'reopen', 'decide'], 'decided'],
    ['escalated after closing (ISO-10)', ['acknowledge', 'start_handling', 'decide', 'close', 'escalate'], 'escalated'],
  ])('scenario: %s', (_name, actions, end) => {
    expect(walk('received', actions)).toBe(end);
  });

  it('refuses forbidden actions', () => {
    expect(nextStatus('received', 'decide')).toBeUndefined(); // no decision without handling
    expect(nextStatus('closed', 'decline')).toBeUndefined();
    expect(nextStatus('withdrawn', 'reopen')).toBeUndefined();
    expect(nextStatus('acknowledged', 'acknowledge')).toBeUndefined();
    expect(() => walk('received', ['close'])).toThrow(/close not allowed from received/);
  });

  it('final statuses offer no handling steps except reopen/escalate', () => {
    for (const s of FINAL_STATUSES) {
      for (const a of actionsFrom(s)) expect(['reopen', 'escalate']).toContain(a);
    }
  });
});
