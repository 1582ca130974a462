import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createWorld,
  detail,
  newCase,
  ok,
  readyForHandling,
  type World,
} from '../modules/cases/workflow-tests/support.js';
import { DeadlineMonitor } from './deadlines.js';

let w: World;
let monitor: DeadlineMonitor;
beforeAll(async () => {
  // The cases below are received on 2026-12-24; "now" for the API is early January 2027.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2027-01-05T09:00:00Z'));
  w = await createWorld('awb');
  monitor = new DeadlineMonitor(w.t.database.db, w.t.services.organisation);
});
afterAll(async () => {
  vi.useRealTimers();
  await w?.t.close();
});

const staffAlerts = async (caseId: string) =>
  w.t.database.db
    .selectFrom('outbox')
    .select(['subject', 'recipient'])
    .where('case_id', '=', caseId)
    .where('kind', '=', 'staff-alert')
    .orderBy('id')
    .execute();

describe('deadline monitoring job (AWB-44, NO-12, NO-14, AWB-12, NO-02)', () => {
  it('reminds at T-5 and T-1 working days, flags overdue once, and sends nothing twice', async () => {
    // E1: received 2026-12-24, due 2027-02-04 (Thu).
    const id = await newCase(w, '2026-12-24T10:00:00+01:00');
    await readyForHandling(w, id, { contact: false });

    // NO-12 T-5: on Thu 2027-01-28 there are 5 working days left (29, 1, 2, 3, 4 Feb).
    const t5 = await monitor.run(new Date('2027-01-28T07:00:00Z'));
    const again = await monitor.run(new Date('2027-01-28T08:00:00Z'));
    expect(t5.alerts.filter((a) => a.caseId === id).map((a) => a.kind)).toEqual(
      expect.arrayContaining(['decision-reminder-T5']),
    );
    expect(again.alerts.filter((a) => a.caseId === id)).toEqual([]); // idempotent: nothing twice
    expect(again.outboxIds).toEqual([]);
    // NO-12 T-1 on Wed 2027-02-03; the alert goes to the assigned handler.
    const t1 = await monitor.run(new Date('2027-02-03T07:00:00Z'));
    expect(t1.alerts.filter((a) => a.caseId === id).map((a) => a.kind)).toContain('decision-reminder-T1');
    expect((await monitor.run(new Date('2027-02-03T09:00:00Z'))).alerts).toEqual([]);
    const reminders = (await staffAlerts(id)).filter((m) => m.subject.startsWith('Herinnering'));
    expect(reminders).toHaveLength(2);
    const handlerEmail = (
      await w.t.database.db
        .selectFrom('app_user')
        .select('email')
        .where('id', '=', w.handler.id)
        .executeTakeFirstOrThrow()
    ).email;
    expect(reminders.every((m) => m.recipient === handlerEmail)).toBe(true);

    // AWB-44: on 2027-02-05 the deadline has passed: overdue flag, one event, one alert.
    const late = await monitor.run(new Date('2027-02-05T07:00:00Z'));
    const late2 = await monitor.run(new Date('2027-02-05T07:30:00Z'));
    expect(late.markedOverdue).toBeGreaterThanOrEqual(1);
    expect(late2.markedOverdue).toBe(0);
    expect(late2.outboxIds).toEqual([]);
    const c = await detail(w, w.manager, id);
    expect(c.overdue).toBe(true);
    expect(c.history.filter((e: { type: string }) => e.type === 'case.overdue')).toHaveLength(1);
    // AWB-12 and NO-02 were also due (never acknowledged, no first contact), each alerted once.
    const kinds = c.history
      .filter((e: { type: string }) => e.type === 'case.alert_sent')
      .map((e: { data: { kind: string } }) => e.data.kind);
    expect(kinds.sort()).toEqual([
      'acknowledgement-overdue',
      'decision-overdue',
      'decision-reminder-T1',
      'decision-reminder-T5',
      'first-contact-overdue',
    ]);
  });

  it('a jump straight to T-1 sends only the T-1 reminder, and the overtaken T-5 never fires later', async () => {
    const id = await newCase(w, '2026-12-24T10:00:00+01:00');
    await readyForHandling(w, id);
    const r = await monitor.run(new Date('2027-02-03T07:00:00Z'));
    expect(
      r.alerts.filter((a) => a.caseId === id && a.kind.startsWith('decision-reminder')).map((a) => a.kind),
    ).toEqual(['decision-reminder-T1']);
    expect(
      (await monitor.run(new Date('2027-01-29T07:00:00Z'))).alerts.filter(
        (a) => a.caseId === id && a.kind === 'decision-reminder-T5',
      ),
    ).toEqual([]);
  });

  it('NO-14: an open measure is reminded before and alerted after its realisation date, once each', async () => {
    const id = await newCase(w, new Date(Date.now() - 86_400_000).toISOString());
    await readyForHandling(w, id);
    await ok(w, w.handler, id, 'start_handling');
    const realisation = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const c = await ok(w, w.handler, id, 'add_remedy', {
      kind: 'measure',
      description: 'Nieuwe werkinstructie',
      realisationDate: realisation,
    });
    const remedyId = c.decision.remedies[0].id;
    const before = await monitor.run(new Date());
    expect(before.alerts.filter((a) => a.caseId === id).map((a) => a.kind)).toContain('measure-reminder');
    const after = new Date(Date.now() + 5 * 86_400_000);
    const r1 = await monitor.run(after);
    const r2 = await monitor.run(after);
    expect(r1.alerts.filter((a) => a.caseId === id && a.key === remedyId).map((a) => a.kind)).toEqual([
      'measure-overdue',
    ]);
    expect(r2.alerts.filter((a) => a.caseId === id)).toEqual([]);
  });

  it('two monitors running at the same moment raise each alert once', async () => {
    const id = await newCase(w, '2026-12-24T10:00:00+01:00');
    await readyForHandling(w, id);
    const at = new Date('2027-01-28T07:00:00Z');
    const [a, b] = await Promise.all([
      monitor.run(at),
      new DeadlineMonitor(w.t.database.db, w.t.services.organisation).run(at),
    ]);
    const mine = [...a.alerts, ...b.alerts].filter(
      (x) => x.caseId === id && x.kind === 'decision-reminder-T5',
    );
    expect(mine).toHaveLength(1);
  });
});
