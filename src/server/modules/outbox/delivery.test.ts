import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, exampleComplaint, type TestContext } from '../../../../test/helpers.js';
import { freePort, startTestSmtp, type SmtpBehaviour, type TestSmtp } from '../../../../test/support/smtp.js';
import { JobRunner } from '../../jobs/runner.js';
import { OutboxDelivery, type DeliveryOptions } from './delivery.js';
import { OutboxRepository } from './repository.js';
import { outboxPriority } from './priority.js';

// "Nothing lost, sent once": the outbox worker claims due messages, sends them over pooled SMTP
// connections, retries with backoff, marks 5xx and exhausted messages failed for staff, and records
// a result only while it holds the message's claim.
describe('outbox delivery (ISO-03, AWB-12)', () => {
  let t: TestContext;
  let smtp: TestSmtp | undefined;
  const workers: OutboxDelivery[] = [];

  beforeAll(async () => {
    t = await createTestContext();
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) {
      await w.stop(1_000);
      w.close();
    }
    await smtp?.close();
    smtp = undefined;
  });
  afterAll(async () => {
    await t?.close();
  });

  function worker(smtpUrl: string, opts: Partial<DeliveryOptions> = {}): OutboxDelivery {
    const w = new OutboxDelivery(t.database.db, {
      smtpUrl,
      from: 'Redress <klachten@redress.test>',
      publicUrl: 'http://redress.test',
      connections: 2,
      maxAttempts: 5,
      leaseSeconds: 30,
      retrySeconds: 30,
      idlePollMs: 50,
      ...opts,
    });
    workers.push(w);
    return w;
  }

  async function file(
    email = 'anna@example.nl',
  ): Promise<{ id: string; reference: string; outboxId: string }> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      payload: { ...exampleComplaint, complainant: { ...exampleComplaint.complainant, email } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ id: string; reference: string }>();
    const row = await outboxOf(body.id);
    return { ...body, outboxId: row.id };
  }

  const outboxOf = (caseId: string) =>
    t.database.db.selectFrom('outbox').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
  const outboxRow = (id: string) =>
    t.database.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  /** Nothing else waits in this file's database: earlier tests leave their messages settled. */
  async function settleAll(): Promise<void> {
    await t.database.db
      .updateTable('outbox')
      .set({ status: 'sent', claim_token: null })
      .where('status', 'in', ['pending', 'sending'])
      .execute();
  }

  async function startSmtp(behaviour?: SmtpBehaviour): Promise<TestSmtp> {
    smtp = await startTestSmtp(0, behaviour);
    return smtp;
  }

  it('the job runner starts the worker and a new complaint wakes it: sent once, unique Message-ID', async () => {
    await settleAll();
    const server = await startSmtp();
    const ctx = await createTestContext({ SMTP_URL: server.url, JOBS: 'on' });
    const jobs = new JobRunner(
      ctx.database,
      ctx.services.delivery,
      ctx.app.log,
      ctx.services.organisation,
      ctx.services.insight,
    );
    try {
      await jobs.start();
      ctx.services.jobs = jobs;
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        payload: {
          ...exampleComplaint,
          complainant: { ...exampleComplaint.complainant, name: 'Zoë Ëlsa Émile' },
        },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json<{ id: string; reference: string; statusUrl: string }>();
      const [mail] = await server.waitFor(1);
      expect(mail!.to && 'text' in mail!.to ? mail!.to.text : '').toContain('anna@example.nl');
      expect(mail!.subject).toContain(body.reference);
      expect(mail!.text).toContain('Geachte Zoë Ëlsa Émile');
      // The acknowledgement's own link, minted at send time (finalise.ts), not the confirmation page's.
      expect(mail!.text).toMatch(/http:\/\/redress\.test\/status\/[\w-]{32}/);
      expect(mail!.text).not.toContain(body.statusUrl);
      const row = await waitFor(async () => {
        const r = await ctx.database.db
          .selectFrom('outbox')
          .selectAll()
          .where('case_id', '=', body.id)
          .executeTakeFirstOrThrow();
        return r.status === 'sent' ? r : undefined;
      });
      const installation = await new OutboxRepository(ctx.database.db).installationId();
      expect(installation).toMatch(/^[0-9a-f]{16}$/);
      // Unique per installation: outbox id, the installation's random id, PUBLIC_URL's host.
      expect(row.message_id).toBe(`<${row.id}.${installation}@redress.test>`);
      expect(mail!.messageId).toBe(row.message_id);
      expect(row.attempts).toBe(1);
      expect(row.claim_token).toBeNull();
      await jobs.stop();
      expect(server.messages.filter((m) => m.messageId === row.message_id)).toHaveLength(1);
    } finally {
      await jobs.stop();
      await ctx.close();
    }
  });

  it('drains a backlog over pooled connections, staff alerts first, each message once', async () => {
    await settleAll();
    const server = await startSmtp();
    const acks = [];
    for (let i = 0; i < 24; i++) acks.push(await file(`bulk-${i}@example.nl`));
    // A staff alert written after the backlog jumps the queue.
    const alert = await t.database.db
      .insertInto('outbox')
      .values({
        case_id: acks[0]!.id,
        kind: 'staff-alert',
        priority: outboxPriority('staff-alert'),
        recipient: 'manager@redress.test',
        subject: 'Termijn verloopt',
        body_text: 'Let op.',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const w = worker(server.url, { connections: 1 });
    const result = await w.drain();
    expect(result).toEqual({ sent: 25, retried: 0, failed: 0, lost: 0 });
    expect(server.messages).toHaveLength(25);
    // One connection, two claimed at a time: the alert is in the first claim and goes first.
    expect(server.messages[0]!.subject).toBe('Termijn verloopt');
    const ids = new Set(server.messages.map((m) => m.messageId));
    expect(ids.size).toBe(25);
    expect((await outboxRow(alert.id)).status).toBe('sent');
  });

  it('two workers side by side never send one message twice', async () => {
    await settleAll();
    const server = await startSmtp();
    const filed = [];
    for (let i = 0; i < 30; i++) filed.push(await file(`pair-${i}@example.nl`));
    const a = worker(server.url);
    const b = worker(server.url);
    a.start();
    b.start();
    a.nudge();
    b.nudge();
    await server.waitFor(30);
    await Promise.all([a.stop(), b.stop()]);
    const rows = await t.database.db
      .selectFrom('outbox')
      .select(['status', 'message_id', 'attempts'])
      .where(
        'id',
        'in',
        filed.map((f) => f.outboxId),
      )
      .execute();
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    const seen = server.messages.map((m) => m.messageId);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(30);
    expect(a.stats.sent + b.stats.sent).toBe(30);
  });

  it('waits with backoff while the SMTP server is down, then sends exactly once', async () => {
    await settleAll();
    const port = await freePort();
    const { outboxId } = await file();
    const w = worker(`smtp://127.0.0.1:${port}`, { retrySeconds: 0.2 });
    expect(await w.drain()).toMatchObject({ sent: 0, retried: 1 });
    const waiting = await outboxRow(outboxId);
    expect(waiting.status).toBe('pending');
    expect(waiting.attempts).toBe(1);
    expect(waiting.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(waiting.next_attempt_at.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: nothing is claimed.
    expect(await w.drain()).toMatchObject({ sent: 0, retried: 0 });

    const server = await startTestSmtp(port);
    smtp = server;
    w.start();
    const sent = await waitFor(async () => {
      const r = await outboxRow(outboxId);
      return r.status === 'sent' ? r : undefined;
    });
    await w.stop();
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    expect(sent.last_error).toBeNull();
    expect(server.messages.filter((m) => m.messageId === sent.message_id)).toHaveLength(1);
    // Sending it by hand now does nothing: it is sent.
    expect(await w.deliver(outboxId)).toBe('skipped');
  });

  it('a 5xx refusal marks the message failed at once; staff see it and retry it', async () => {
    await settleAll();
    let refuse = true;
    const server = await startSmtp({
      refuse: (rcpt) => (refuse && rcpt === 'unknown@example.nl' ? 550 : undefined),
    });
    const bad = await file('unknown@example.nl');
    const good = await file('good@example.nl');
    const w = worker(server.url);
    expect(await w.drain()).toMatchObject({ sent: 1, failed: 1, retried: 0 });
    const failed = await outboxRow(bad.outboxId);
    expect(failed.status).toBe('failed');
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toMatch(/550|refused/);
    expect(failed.failed_at).not.toBeNull();
    expect((await outboxRow(good.outboxId)).status).toBe('sent');
    // Not retried by the worker.
    expect(await w.drain()).toMatchObject({ sent: 0, failed: 0, retried: 0 });

    // In the case history, for the handler; in the outbox view, for the manager.
    const manager = await t.staff('manager');
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${bad.id}`,
      headers: manager.auth,
    });
    const history = detail.json<{ history: { type: string }[] }>().history;
    expect(history.map((h) => h.type)).toContain('message.failed');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/outbox?status=failed',
      headers: manager.auth,
    });
    expect(list.statusCode).toBe(200);
    const item = list
      .json<{ items: { id: string; failedAt: string | null }[] }>()
      .items.find((i) => i.id === bad.outboxId);
    expect(item?.failedAt).toBeTruthy();

    // A handler may not retry; a sent message cannot be retried; an unknown one is 404.
    const handler = await t.staff('handler');
    const url = `/api/v1/outbox/${bad.outboxId}/retry`;
    expect((await t.app.inject({ method: 'POST', url, headers: handler.auth })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url })).statusCode).toBe(401);
    const sentRetry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/outbox/${good.outboxId}/retry`,
      headers: manager.auth,
    });
    expect(sentRetry.statusCode).toBe(409);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/outbox/999999999/retry',
      headers: manager.auth,
    });
    expect(unknown.statusCode).toBe(404);

    refuse = false;
    const retried = await t.app.inject({ method: 'POST', url, headers: manager.auth });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0, failedAt: null });
    expect(await w.drain()).toMatchObject({ sent: 1 });
    const resent = await outboxRow(bad.outboxId);
    expect(resent.status).toBe('sent');
    expect(server.messages.filter((m) => m.messageId === resent.message_id)).toHaveLength(1);
    expect(server.messages).toHaveLength(2);
  });

  it('a temporary failure N times over marks the message failed', async () => {
    await settleAll();
    const server = await startSmtp({ refuse: () => 451 });
    const { outboxId, id } = await file();
    const w = worker(server.url, { maxAttempts: 2, retrySeconds: 0.05 });
    expect(await w.drain()).toMatchObject({ retried: 1, failed: 0 });
    expect((await outboxRow(outboxId)).status).toBe('pending');
    await waitFor(async () => ((await outboxRow(outboxId)).next_attempt_at <= new Date() ? true : undefined));
    expect(await w.drain()).toMatchObject({ retried: 0, failed: 1 });
    const row = await outboxRow(outboxId);
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
    const events = await t.database.db
      .selectFrom('case_event')
      .select('data')
      .where('case_id', '=', id)
      .where('type', '=', 'message.failed')
      .execute();
    expect(events.map((e) => e.data)).toEqual([
      { outboxId, kind: 'acknowledgement', attempts: 2, permanent: false },
    ]);
    expect(server.messages).toHaveLength(0);
  });

  it('renews its claim while a slow server holds the message: the other worker does not send it again', async () => {
    await settleAll();
    // The server answers DATA only after three leases.
    const server = await startSmtp({ stallMs: () => 3_000 });
    const { outboxId } = await file();
    const a = worker(server.url, { leaseSeconds: 1 });
    const b = worker(server.url, { leaseSeconds: 1 });
    const sending = a.drain();
    await waitFor(async () => ((await outboxRow(outboxId)).status === 'sending' ? true : undefined));
    b.start();
    expect(await sending).toMatchObject({ sent: 1 });
    await b.stop();
    expect(b.stats).toMatchObject({ sent: 0, retried: 0, failed: 0 });
    const row = await outboxRow(outboxId);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect(server.messages).toHaveLength(1);
  });

  it('a worker that lost its claim records nothing', async () => {
    await settleAll();
    const { outboxId } = await file();
    const repo = new OutboxRepository(t.database.db);
    const [mine] = await repo.claim(1, 1);
    expect(mine!.id).toBe(outboxId);
    // The lease ran out and another worker claimed it.
    await t.database.db
      .updateTable('outbox')
      .set({ next_attempt_at: new Date(Date.now() - 1_000) })
      .where('id', '=', outboxId)
      .execute();
    const [theirs] = await repo.claim(1, 60);
    expect(theirs!.id).toBe(outboxId);
    expect(theirs!.claim_token).not.toBe(mine!.claim_token);
    expect(await repo.markSent(outboxId, mine!.claim_token!, '<x@y>')).toBe(false);
    expect(await repo.reschedule(outboxId, mine!.claim_token!, new Date(), 'late')).toBe(false);
    expect(await repo.markFailed(mine!, mine!.claim_token!, 'late', true)).toBe(false);
    expect(await repo.renew([mine!.claim_token!], 60)).toEqual(new Set());
    expect(await repo.markSent(outboxId, theirs!.claim_token!, '<x@y>')).toBe(true);
    expect((await outboxRow(outboxId)).attempts).toBe(2);
  });

  it('backoff doubles from the first retry delay up to an hour, with jitter', () => {
    const w = new OutboxDelivery(t.database.db, {
      smtpUrl: 'smtp://127.0.0.1:1',
      from: 'x@y',
      publicUrl: 'http://redress.test',
      connections: 1,
      maxAttempts: 3,
      leaseSeconds: 10,
      retrySeconds: 30,
    });
    const at = (n: number) => w.backoffMs(n);
    expect(at(1)).toBeGreaterThanOrEqual(24_000);
    expect(at(1)).toBeLessThanOrEqual(36_000);
    expect(at(3)).toBeGreaterThanOrEqual(96_000);
    expect(at(3)).toBeLessThanOrEqual(144_000);
    expect(at(30)).toBeLessThanOrEqual(3_600_000 * 1.2);
    expect(at(30)).toBeGreaterThanOrEqual(3_600_000 * 0.8);
  });

  it('priority: alerts before mail with a legal term before routine mail', () => {
    expect(outboxPriority('staff-alert')).toBe(0);
    expect(outboxPriority('manager-alert')).toBe(0);
    expect(outboxPriority('letter:decision')).toBe(1);
    expect(outboxPriority('repair-request')).toBe(1);
    expect(outboxPriority('acknowledgement')).toBe(2);
    expect(outboxPriority('status-link')).toBe(2);
  });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}
