import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, exampleComplaint, type TestContext } from '../../../../test/helpers.js';
import { freePort, startTestSmtp, type TestSmtp } from '../../../../test/support/smtp.js';
import { JobRunner } from '../../jobs/runner.js';

// "Nothing lost": a mail that cannot be sent waits and is sent once when the server is back.
describe('acknowledgement delivery through the outbox and pg-boss (ISO-03, AWB-12)', () => {
  let port: number;
  let t: TestContext;
  let smtp: TestSmtp | undefined;
  let jobs: JobRunner;

  beforeAll(async () => {
    port = await freePort();
    t = await createTestContext({ SMTP_URL: `smtp://127.0.0.1:${port}`, JOBS: 'on' });
    jobs = new JobRunner(t.database, t.services.delivery, t.app.log);
    await jobs.start();
    t.services.jobs = jobs;
  });
  afterEach(async () => {
    await smtp?.close();
    smtp = undefined;
  });
  afterAll(async () => {
    await jobs?.stop();
    await t?.close();
  });

  const outboxRow = (caseId: string) =>
    t.database.db.selectFrom('outbox').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();

  it('sends the acknowledgement with reference, receipt date and status link', async () => {
    smtp = await startTestSmtp(port);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      payload: {
        ...exampleComplaint,
        complainant: { ...exampleComplaint.complainant, name: 'Zoë Ëlsa Émile' },
      },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.to && 'text' in mail!.to ? mail!.to.text : '').toContain('anna@example.nl');
    expect(mail!.subject).toContain(body.reference);
    expect(mail!.text).toContain('Geachte Zoë Ëlsa Émile');
    expect(mail!.text).toContain(body.statusUrl);
    const row = await waitForStatus(body.id, 'sent');
    expect(row.message_id).toBe(mail!.messageId);
    expect(row.attempts).toBe(1);
  });

  it('waits while the SMTP server is down and sends exactly once when it is back', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: exampleComplaint });
    const { id } = res.json();
    // The server is down: the delivery fails and the message stays pending with the error recorded.
    const failed = await waitFor(async () => {
      const row = await outboxRow(id);
      return row.attempts >= 1 && row.status === 'pending' ? row : undefined;
    });
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);

    smtp = await startTestSmtp(port);
    // Retries run on backoff; the sweep picks it up too. Drive the sweep now rather than wait a minute.
    for (const pending of await t.services.delivery.pendingIds())
      await t.services.delivery.deliver(pending).catch(() => undefined);
    await smtp.waitFor(1);
    const row = await waitForStatus(id, 'sent');
    expect(row.status).toBe('sent');
    // Running delivery again (a retry or the sweep) sends nothing twice.
    expect(await t.services.delivery.deliver(row.id)).toBe('skipped');
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.filter((m) => m.messageId === row.message_id)).toHaveLength(1);
  });

  it('concurrent deliveries of one message send it once (claim)', async () => {
    smtp = await startTestSmtp(port);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: exampleComplaint });
    const { id } = res.json();
    const row = await outboxRow(id);
    const results = await Promise.all([
      t.services.delivery.deliver(row.id),
      t.services.delivery.deliver(row.id),
      t.services.delivery.deliver(row.id),
    ]);
    expect(results.filter((r) => r === 'sent').length).toBeLessThanOrEqual(1);
    await waitForStatus(id, 'sent');
    await new Promise((r) => setTimeout(r, 300));
    const sentRow = await outboxRow(id);
    expect(smtp.messages.filter((m) => m.messageId === sentRow.message_id)).toHaveLength(1);
  });

  async function waitForStatus(caseId: string, status: string) {
    return waitFor(async () => {
      const row = await outboxRow(caseId);
      return row.status === status ? row : undefined;
    });
  }
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
