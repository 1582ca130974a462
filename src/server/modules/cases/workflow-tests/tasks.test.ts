import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../../../../../test/support/smtp.js';
import { CASE_ACTIONS } from '../../../../domain/lifecycle.js';
import { TASK_KINDS } from '../../../../domain/workflow/tasks.js';
import { LETTER_KINDS } from '../../../../domain/letters/model.js';
import { DeadlineMonitor } from '../../../jobs/deadlines.js';
import { OutboxDelivery } from '../../outbox/delivery.js';
import { createWorld, detail, newCase, ok, readyForHandling, type World } from './support.js';

// Tasks that can be done: every task names what completes it; the acknowledgement task
// exists from intake on and the delivered e-mail completes it (AWB-12); the monitor alerts on a
// missing acknowledgement whatever the status.

let w: World;
let smtp: TestSmtp;
let delivery: OutboxDelivery;
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2027-01-05T09:00:00Z'));
  w = await createWorld('awb');
  smtp = await startTestSmtp();
  delivery = new OutboxDelivery(w.t.database.db, {
    publicUrl: 'http://redress.test',
    connections: 1,
    maxAttempts: 5,
    leaseSeconds: 60,
    retrySeconds: 30,
    smtpUrl: smtp.url,
    from: 'Gemeente Testdorp <klachten@testdorp.example>',
  });
});
afterAll(async () => {
  vi.useRealTimers();
  delivery?.close();
  await smtp?.close();
  await w?.t.close();
});

type Task = { kind: string; status: string; data: Record<string, unknown>; rule: string };
const ackTask = (c: { tasks: Task[] }) => c.tasks.filter((t) => t.kind === 'letter.acknowledgement');

describe('every task names what completes it', () => {
  it('a letter kind the letters module composes, or a lifecycle step that exists', () => {
    for (const [kind, def] of Object.entries(TASK_KINDS)) {
      const by = def.completedBy as { letter?: string; action?: string };
      if (by.action) expect(CASE_ACTIONS, kind).toContain(by.action);
      else expect(LETTER_KINDS as readonly string[], kind).toContain(by.letter);
    }
  });
});

describe('AWB-12: the acknowledgement task from intake on', () => {
  it('a letter complaint without e-mail gets an acknowledgement-letter task at intake', async () => {
    const id = await newCase(w, '2027-01-04T10:00:00+01:00', {
      complainant: { name: 'Piet Post', address: 'Dorpsstraat 2, 1234 AB Testdorp' },
    });
    const c = await detail(w, w.manager, id);
    expect(c.status).toBe('received');
    expect(ackTask(c)).toEqual([
      expect.objectContaining({
        status: 'open',
        rule: 'AWB-12',
        data: expect.objectContaining({ byEmail: false }),
      }),
    ]);
    // Acknowledging does not add a second task; the letter is still to be sent.
    await readyForHandling(w, id);
    const after = await ok(w, w.handler, id, 'acknowledge');
    expect(ackTask(after)).toHaveLength(1);
    expect(ackTask(after)[0]!.status).toBe('open');
  });

  it('the acknowledgement e-mail, delivered through SMTP, completes the task', async () => {
    const id = await newCase(w, '2027-01-04T10:00:00+01:00');
    expect(ackTask(await detail(w, w.manager, id))[0]!.status).toBe('open');
    const row = await w.t.database.db
      .selectFrom('outbox')
      .select('id')
      .where('case_id', '=', id)
      .where('kind', '=', 'acknowledgement')
      .executeTakeFirstOrThrow();
    const before = smtp.messages.length;
    expect(await delivery.deliver(row.id)).toBe('sent');
    const mail = (await smtp.waitFor(before + 1))[before]!;
    expect(mail.subject).toMatch(/ontvangen/i);
    const c = await detail(w, w.manager, id);
    expect(ackTask(c)[0]!.status).toBe('done');
    expect(c.history.map((e: { type: string }) => e.type)).toContain('case.acknowledgement_emailed');
  });

  it('the monitor alerts on a missing acknowledgement whatever the status', async () => {
    const id = await newCase(w, '2026-12-24T10:00:00+01:00', {
      complainant: { name: 'Piet Post', address: 'Dorpsstraat 2, 1234 AB Testdorp' },
    });
    await readyForHandling(w, id);
    // Handling started without any acknowledgement: status in_progress, the task still open.
    expect((await ok(w, w.handler, id, 'start_handling')).status).toBe('in_progress');
    const monitor = new DeadlineMonitor(w.t.database.db, w.t.services.organisation);
    const r = await monitor.run(new Date('2027-01-05T07:00:00Z'));
    expect(r.alerts.filter((a) => a.caseId === id).map((a) => a.kind)).toContain('acknowledgement-overdue');
  });
});
