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

let w: World;
beforeAll(async () => {
  w = await createWorld('awb');
});
afterAll(async () => w?.t.close());

describe('scenario: standard Awb case with hearing and extension', () => {
  it('walks receipt → acknowledgement → hearing → extension → judgement → decision → close', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-28T09:00:00Z'));
    try {
      // E1: received Thu 2026-12-24 → decision due 2027-02-04.
      const id = await newCase(w, '2026-12-24T10:00:00+01:00');
      // PRIV-09: a handler does not see a case before it is routed to them or their department.
      const early = await w.t.app.inject({
        method: 'GET',
        url: `/api/v1/cases/${id}`,
        headers: w.handler.auth,
      });
      expect(early.statusCode).toBe(403);
      const mc = await detail(w, w.manager, id);
      let c = mc;
      expect(c.deadlines.decision.due).toBe('2027-02-04');
      expect(c.deadlines.declineNotice).toBe('2027-01-21'); // E2 / AWB-23
      // NO-02: handling cannot start before the core complaint, the desired outcome and a handler.
      expect(
        mc.allowedActions
          .find((a: { action: string }) => a.action === 'start_handling')
          .blockers.map((b: { code: string }) => b.code),
      ).toEqual(expect.arrayContaining(['CORE_COMPLAINT_MISSING', 'HANDLER_NOT_ASSIGNED']));
      await readyForHandling(w, id);
      await ok(w, w.handler, id, 'acknowledge');
      await ok(w, w.handler, id, 'record_first_contact', {
        at: '2026-12-28T10:00:00+01:00',
        channel: 'phone',
      });
      await ok(w, w.handler, id, 'add_respondent', {
        kind: 'staff',
        name: 'Baliemedewerker P.',
        email: 'p@testdorp.example',
      });
      c = await ok(w, w.handler, id, 'start_handling');
      expect(c.status).toBe('in_progress');
      const respondentId = c.respondents[0].id;
      const itemId = c.items[0].id;
      // Time is real: what is recorded as done has happened by then.
      vi.setSystemTime(new Date('2027-01-07T09:00:00Z'));

      // AWB-30: no decision without hearings; the blockers say why.
      const block = c.allowedActions.find((a: { action: string }) => a.action === 'decide');
      expect(block.ready).toBe(false);
      expect(block.blockers.map((b: { rule: string }) => b.rule)).toEqual(
        expect.arrayContaining(['AWB-30', 'AWB-26', 'NO-10']),
      );
      // AWB-26: a respondent's hearing needs the copy of the complaint first.
      await refused(
        w,
        w.handler,
        id,
        'record_hearing',
        { party: 'respondent', respondentId, heldAt: '2027-01-06T10:00:00+01:00', report: 'Verslag.' },
        422,
        'RESPONDENT_COPY_MISSING',
      );
      await ok(w, w.handler, id, 'send_respondent_copy', {
        respondentId,
        sentAt: '2027-01-04T09:00:00+01:00',
      });
      await ok(w, w.handler, id, 'invite_hearing', { party: 'complainant', responseDeadline: '2027-01-08' });
      await ok(w, w.handler, id, 'invite_hearing', { party: 'respondent', respondentId });
      // AWB-31: a respondent cannot be waived, and a complainant only on a ground with evidence.
      await refused(
        w,
        w.handler,
        id,
        'waive_hearing',
        { ground: 'no_response_in_time', responseDeadline: '2027-01-08' },
        422,
        'WAIVER_NOT_ALLOWED',
      );
      await ok(w, w.handler, id, 'record_hearing', {
        party: 'complainant',
        heldAt: '2027-01-05T10:00:00+01:00',
      });
      // AWB-32: a hearing without a report blocks the decision.
      c = await ok(w, w.handler, id, 'record_hearing', {
        party: 'respondent',
        respondentId,
        heldAt: '2027-01-06T10:00:00+01:00',
        report: 'Beklaagde erkent de toon.',
      });
      expect(
        c.allowedActions
          .find((a: { action: string }) => a.action === 'decide')
          .blockers.map((b: { code: string }) => b.code),
      ).toContain('HEARING_REPORT_MISSING');
      await ok(w, w.handler, id, 'record_hearing', {
        party: 'complainant',
        heldAt: '2027-01-05T10:00:00+01:00',
        report: 'Klager licht toe wat er gebeurde.',
      });

      // AWB-41: once, at most 4 weeks, notices to complainant and respondent; E12: → 2027-03-04.
      await refused(
        w,
        w.handler,
        id,
        'extend',
        { weeks: 5, reason: 'Meer onderzoek nodig.' },
        422,
        'EXTENSION_TOO_LONG',
      );
      c = await ok(w, w.handler, id, 'extend', {
        weeks: 4,
        reason: 'Zorgvuldig onderzoek vraagt meer tijd.',
      });
      expect(c.decisionDue).toBe('2027-03-04');
      expect(c.deadlines.originalDecision.due).toBe('2027-02-04');
      const notices = c.tasks.filter((t: { kind: string }) => t.kind === 'letter.extension_notice');
      expect(notices.map((n: { recipient: string }) => n.recipient).sort()).toEqual([
        'complainant',
        'respondent',
      ]);
      expect(notices.every((n: { dueDate: string }) => n.dueDate === '2027-02-04')).toBe(true);
      await refused(
        w,
        w.handler,
        id,
        'extend',
        { weeks: 1, reason: 'Nog meer tijd.' },
        422,
        'EXTENSION_ALREADY_USED',
      );

      // NO-10: judgement with reasons; NO-04/NO-05: apology and lesson for an upheld item.
      await refused(
        w,
        w.handler,
        id,
        'judge_item',
        { itemId, judgement: 'upheld', findings: 'Feiten.', reasons: 'Gegrond.' },
        422,
        'REASONS_REQUIRED',
      );
      await ok(w, w.handler, id, 'judge_item', {
        itemId,
        judgement: 'upheld',
        findings: 'De medewerker was kortaf.',
        reasons: 'De bejegening was niet fatsoenlijk en niet behoorlijk.',
      });
      await refused(
        w,
        w.handler,
        id,
        'decide',
        { findings: 'Bevindingen.', conclusions: 'Conclusies.' },
        422,
        'APOLOGY_REQUIRED',
      );
      await ok(w, w.handler, id, 'add_remedy', {
        kind: 'apology',
        itemId,
        description: 'Excuses voor de bejegening.',
      });
      await ok(w, w.handler, id, 'add_remedy', {
        kind: 'measure',
        itemId,
        description: 'Training klantcontact voor het baliepersoneel.',
        realisationDate: '2027-04-01',
      });
      await refused(
        w,
        w.handler,
        id,
        'decide',
        { findings: 'Bevindingen.', conclusions: 'Conclusies.' },
        422,
        'LESSON_REQUIRED',
      );
      await ok(w, w.handler, id, 'record_learning', {
        rootCause: 'Drukte aan de balie',
        lessons: 'Uitleg geven bij afwijzing van een foto.',
        improvementAction: 'Instructiekaart',
      });
      c = await ok(w, w.handler, id, 'decide', {
        findings: 'De medewerker was kortaf.',
        conclusions: 'De klacht is gegrond; wij bieden excuses aan.',
      });
      expect(c.status).toBe('decided');
      expect(c.decision.outcome).toBe('upheld');
      const letter = c.tasks.find((t: { kind: string }) => t.kind === 'letter.decision');
      expect(letter.data.ombudsmanTermEnd).toBe('2028-01-07'); // AWB-51: one year from the letter (2027-01-07), no Atw
      expect(c.tasks.filter((t: { kind: string }) => t.kind === 'letter.decision_notice')).toHaveLength(1); // ISO-07
      expect(c.tasks.find((t: { kind: string }) => t.kind === 'measure_follow_up').dueDate).toBe(
        '2027-04-01',
      ); // NO-14

      // Forbidden after deciding: declining, extending, hearing.
      await refused(
        w,
        w.handler,
        id,
        'decline',
        { ground: 'a', motivation: 'Al eerder behandeld als klacht.' },
        409,
        'CASE_STATE_CONFLICT',
      );
      await refused(w, w.handler, id, 'extend', { weeks: 1, reason: 'x y z' }, 409, 'CASE_STATE_CONFLICT');
      // ISO-08: closing needs the complainant's reaction.
      expect((await act(w, w.handler, id, 'close', {})).statusCode).toBe(422);
      // The legal letters were not sent through Redress here: closing is refused …
      const open = await refused(
        w,
        w.handler,
        id,
        'close',
        { complainantReaction: 'accepted' },
        422,
        'LEGAL_TASK_OPEN',
      );
      expect(open.error.details.blockers.map((b: { rule: string }) => b.rule).sort()).toEqual([
        'AWB-12',
        'AWB-41',
        'AWB-41',
        'AWB-50',
        'ISO-07',
      ]);
      // … unless overridden with a reason, which the history keeps.
      c = await ok(w, w.handler, id, 'close', {
        complainantReaction: 'accepted',
        overrideReason: 'Alle brieven zijn per post verstuurd; kopieën zitten in het papieren dossier.',
      });
      expect(c.history.find((e: { type: string }) => e.type === 'case.gate_overridden').data).toMatchObject({
        action: 'close',
        reason: 'Alle brieven zijn per post verstuurd; kopieën zitten in het papieren dossier.',
      });
      expect(c.status).toBe('closed');
      expect(c.tasks.some((t: { kind: string }) => t.kind === 'satisfaction_check')).toBe(true);
      expect(allowed(c)).toEqual(expect.arrayContaining(['reopen', 'escalate', 'complete_measure']));
      expect(types(c)).toEqual(
        expect.arrayContaining([
          'case.received',
          'case.acknowledged',
          'case.hearing_recorded',
          'case.extended',
          'case.item_judged',
          'case.decided',
          'case.closed',
        ]),
      );
      expect(
        c.history
          .filter((e: { type: string }) => e.type === 'case.status_changed')
          .map((e: { data: { to: string } }) => e.data.to),
      ).toEqual(['acknowledged', 'in_progress', 'decided', 'closed']);
    } finally {
      vi.useRealTimers();
    }
  });
});
