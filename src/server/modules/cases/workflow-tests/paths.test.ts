import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  act,
  allowed,
  createWorld,
  detail,
  newCase,
  ok,
  readyForHandling,
  refused,
  types,
  type World,
} from './support.js';

// Scenario tests: informal, declined, forwarded, withdrawn, reopened, escalated (Awb).
let w: World;
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2027-01-05T09:00:00Z'));
  w = await createWorld('awb');
});
afterAll(async () => {
  vi.useRealTimers();
  await w?.t.close();
});

const statusPath = (c: { history: { type: string; data: { to?: string } }[] }) =>
  c.history.filter((e) => e.type === 'case.status_changed').map((e) => e.data.to);

describe('scenario: informal resolution, then reopened with the original dates (AWB-10/11)', () => {
  it('needs proof of satisfaction, confirms in writing, and reopening keeps receipt date and deadline', async () => {
    const id = await newCase(w, '2026-12-24T10:00:00+01:00');
    await readyForHandling(w, id);
    await ok(w, w.handler, id, 'acknowledge');
    // AWB-10: without satisfactionConfirmed=true the status change is rejected.
    expect(
      (
        await act(w, w.handler, id, 'resolve_informally', {
          confirmedOn: '2027-01-04',
          channel: 'phone',
          proof: 'Telefoonnotitie',
          summary: 'Uitleg gegeven.',
        })
      ).statusCode,
    ).toBe(422);
    expect(
      (
        await act(w, w.handler, id, 'resolve_informally', {
          satisfactionConfirmed: false,
          confirmedOn: '2027-01-04',
          channel: 'phone',
          proof: 'x',
          summary: 'y',
        })
      ).statusCode,
    ).toBe(422);
    let c = await ok(w, w.handler, id, 'resolve_informally', {
      satisfactionConfirmed: true,
      confirmedOn: '2027-01-04',
      channel: 'phone',
      proof: 'Telefoonnotitie 4 januari: klager is tevreden met de uitleg.',
      summary: 'Uitleg gegeven over de fotoeisen; nieuwe afspraak gemaakt.',
    });
    expect(c.status).toBe('informally_resolved');
    expect(c.decision.outcome).toBe('informally_resolved');
    expect(c.tasks.find((t: { kind: string }) => t.kind === 'letter.informal_confirmation').rule).toBe(
      'AWB-11',
    );
    // The tasks stay doable after handling ended (each with its blocker while none is open).
    expect(allowed(c).sort()).toEqual(['complete_task', 'escalate', 'reopen', 'review_safety']);
    await refused(
      w,
      w.handler,
      id,
      'decide',
      { findings: 'x', conclusions: 'y' },
      409,
      'CASE_STATE_CONFLICT',
    );
    // AWB-11: the complainant was not satisfied after all: reopen with the original dates.
    c = await ok(w, w.handler, id, 'reopen', { reason: 'Klager laat weten toch niet tevreden te zijn.' });
    expect(c.status).toBe('in_progress');
    expect(c.receiptDate).toBe('2026-12-24');
    expect(c.decisionDue).toBe('2027-02-04');
    expect(c.deadlines.decision.start).toBe('2026-12-24');
    expect(c.decision.outcome).toBeNull();
    expect(c.reopenCount).toBe(1);
    expect(c.history.find((e: { type: string }) => e.type === 'case.reopened').data).toMatchObject({
      keptReceiptDate: '2026-12-24',
      keptDecisionDue: '2027-02-04',
      previousStatus: 'informally_resolved',
    });
    expect(statusPath(c)).toEqual(['acknowledged', 'informally_resolved', 'in_progress']);
  });
});

describe('scenario: declined under Awb 9:8 (AWB-20..25)', () => {
  it('requires a ground, a motivation and the one-year test; suppresses the copy; notice due within 4 weeks', async () => {
    const id = await newCase(w, '2026-12-24T10:00:00+01:00', { incidentDate: '2025-12-24' });
    await readyForHandling(w, id);
    await ok(w, w.handler, id, 'add_respondent', { kind: 'staff', name: 'Medewerker Q.' });
    await refused(
      w,
      w.handler,
      id,
      'decline',
      { ground: 'lid2', motivation: 'Te licht.' },
      422,
      'MOTIVATION_REQUIRED',
    ); // AWB-21
    // AWB-22: behaviour 2025-12-24, filed 2026-12-24: exactly one year, not more: ground b unavailable.
    const e = await refused(
      w,
      w.handler,
      id,
      'decline',
      { ground: 'b', motivation: 'De gedraging is ouder dan een jaar.' },
      422,
      'DECLINE_GROUND_NOT_AVAILABLE',
    );
    expect(e.error.details.rule).toBe('AWB-22');
    const c = await ok(w, w.handler, id, 'decline', {
      ground: 'b',
      motivation: 'De gedraging is ouder dan een jaar.',
      behaviourDate: '2025-12-23',
    });
    expect(c.status).toBe('declined');
    expect(c.decision.decline.ground).toBe('b');
    const notice = c.tasks.find((t: { kind: string }) => t.kind === 'letter.decline_notice');
    expect(notice.dueDate).toBe('2027-01-21'); // E2 / AWB-23
    expect(notice.data.externalBody.name).toBe('Nationale ombudsman');
    // AWB-25: the 9:9 copy task is cancelled, and the copy step is no longer possible.
    expect(c.tasks.find((t: { kind: string }) => t.kind === 'respondent_copy').status).toBe('cancelled');
    await refused(
      w,
      w.handler,
      id,
      'send_respondent_copy',
      { respondentId: c.respondents[0].id },
      409,
      'CASE_STATE_CONFLICT',
    );
    expect(types(c)).toContain('case.declined');
    // ISO-10: a declined complaint can still be escalated to the ombudsman.
    expect(allowed(c)).toEqual(['escalate', 'review_safety', 'complete_task']);
  });

  it('AWB-23: after the four weeks, declining is refused; AWB-24: the case can still be handled', async () => {
    const id = await newCase(w, '2026-11-30T10:00:00+01:00'); // notice due 2026-12-28
    await readyForHandling(w, id);
    const c = await detail(w, w.handler, id);
    expect(c.allowedActions.find((a: { action: string }) => a.action === 'decline').blockers[0].code).toBe(
      'DECLINE_NOTICE_TOO_LATE',
    );
    await refused(
      w,
      w.handler,
      id,
      'decline',
      { ground: 'a', motivation: 'Eerder behandeld als klacht.' },
      422,
      'DECLINE_NOTICE_TOO_LATE',
    );
    expect((await ok(w, w.handler, id, 'start_handling')).status).toBe('in_progress');
  });
});

describe('scenario: forwarded (AWB-07) and withdrawn', () => {
  it('forwarding writes the forwarding letter and the notice on the same date and ends the case', async () => {
    const id = await newCase(w, '2026-12-24T10:00:00+01:00');
    const c = await ok(w, w.intake, id, 'forward', {
      organisation: 'Waterschap Rivierenland',
      reason: 'De klacht gaat over het waterschap, niet over de gemeente.',
    });
    expect(c.status).toBe('forwarded');
    const letters = c.tasks.filter((t: { kind: string }) => t.kind.startsWith('letter.forward'));
    expect(letters.map((t: { recipient: string }) => t.recipient).sort()).toEqual([
      'complainant',
      'other_organisation',
    ]);
    expect(new Set(letters.map((t: { dueDate: string }) => t.dueDate)).size).toBe(1);
    expect(c.closedAt).not.toBeNull();
    expect(allowed(c)).toEqual([]); // c as intake sees it
    await refused(w, w.manager, id, 'reopen', { reason: 'Toch bij ons.' }, 409, 'CASE_STATE_CONFLICT');
  });

  it('a withdrawal is recorded, open tasks are cancelled, and nothing more can happen', async () => {
    const id = await newCase(w, '2026-12-24T10:00:00+01:00');
    await readyForHandling(w, id);
    await ok(w, w.handler, id, 'add_respondent', { kind: 'unit', name: 'Team Burgerzaken' });
    await ok(w, w.handler, id, 'start_handling');
    const c = await ok(w, w.officer, id, 'withdraw', {
      withdrawnOn: '2027-01-05',
      channel: 'phone',
      reason: 'Opgelost met de medewerker.',
    });
    expect(c.status).toBe('withdrawn');
    expect(c.tasks.find((t: { kind: string }) => t.kind === 'respondent_copy').status).toBe('cancelled');
    expect(c.tasks.find((t: { kind: string }) => t.kind === 'letter.withdrawal_confirmation').status).toBe(
      'open',
    );
    expect(allowed(c)).toEqual([]); // c as the complaints officer sees it
    await refused(
      w,
      w.handler,
      id,
      'decide',
      { findings: 'x', conclusions: 'y' },
      409,
      'CASE_STATE_CONFLICT',
    );
    expect(statusPath(c)).toEqual(['in_progress', 'withdrawn']);
  });
});

describe('scenario: decided, closed with a rejected response, escalated to the ombudsman (ISO-08, ISO-10)', () => {
  it('records the escalation and its outcome once (ISO-10); a waiver by the complainant needs their statement (AWB-31 b)', async () => {
    const id = await newCase(w, '2026-12-24T10:00:00+01:00');
    await readyForHandling(w, id);
    let c = await ok(w, w.handler, id, 'start_handling');
    const itemId = c.items[0].id;
    // The complainant does not want to be heard (AWB-31 b) — with a recorded statement.
    await refused(
      w,
      w.handler,
      id,
      'waive_hearing',
      { ground: 'declined_by_complainant' },
      422,
      'WAIVER_NOT_ALLOWED',
    );
    await ok(w, w.handler, id, 'waive_hearing', {
      ground: 'declined_by_complainant',
      statement: 'E-mail van klager 4 januari: ik hoef niet gehoord te worden.',
    });
    await ok(w, w.handler, id, 'judge_item', {
      itemId,
      judgement: 'not_upheld',
      findings: 'De medewerker volgde de regels.',
      reasons: 'De foto voldeed niet aan de eisen en dat is uitgelegd.',
    });
    await ok(w, w.handler, id, 'record_learning', { rootCause: 'Onduidelijke fotoeisen op de website' });
    c = await ok(w, w.handler, id, 'decide', {
      findings: 'De foto voldeed niet.',
      conclusions: 'De klacht is ongegrond.',
    });
    expect(c.decision.outcome).toBe('not_upheld');
    // NO-06: closing needs the category and root cause (both present here); the decision letter
    // (AWB-50) is still open, so closing needs an override with its reason (close gate, ADR 0011).
    c = await ok(w, w.handler, id, 'close', {
      complainantReaction: 'rejected',
      overrideReason: 'De beslissing is per aangetekende post verstuurd buiten Redress om.',
    });
    expect(c.history.find((e: { type: string }) => e.type === 'case.closed').data.externalBody).toBe(
      'Nationale ombudsman',
    );
    await refused(
      w,
      w.handler,
      id,
      'escalate',
      { bodyKind: 'ombudsman', submittedOn: '2027-01-06' },
      422,
      'DATE_IN_FUTURE',
    );
    c = await ok(w, w.handler, id, 'escalate', {
      bodyKind: 'ombudsman',
      submittedOn: '2027-01-05',
      reference: 'NO-2027-123',
    });
    expect(c.status).toBe('escalated');
    expect(c.escalations[0]).toMatchObject({
      bodyKind: 'ombudsman',
      bodyName: 'Nationale ombudsman',
      outcome: null,
    });
    await refused(w, w.handler, id, 'reopen', { reason: 'x' }, 409, 'CASE_STATE_CONFLICT');
    c = await ok(w, w.handler, id, 'record_escalation_outcome', {
      escalationId: c.escalations[0].id,
      outcome: 'not_upheld',
      outcomeOn: '2027-01-05',
    });
    expect(c.escalations[0].outcome).toBe('not_upheld');
    await refused(
      w,
      w.handler,
      id,
      'record_escalation_outcome',
      { escalationId: c.escalations[0].id, outcome: 'upheld', outcomeOn: '2027-01-05' },
      409,
      'OUTCOME_RECORDED',
    );
    expect(statusPath(c)).toEqual(['in_progress', 'decided', 'closed', 'escalated']);
  });
});
