import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, exampleComplaint, type TestContext } from '../helpers.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { finaliseMessage } from '../../src/server/modules/outbox/finalise.js';

// PRIV-09, AVG art. 32: status-link secrets were stored readable (outbox bodies,
// idempotency replies) and a re-sent link did not revoke the old one. Now: the link in a mail is
// minted when it is sent, only hashes are stored, replays carry no link, a re-send revokes the rest,
// and a dump of every table holds no working link.
describe('status links are never stored readable (PRIV-09)', () => {
  let t: TestContext;
  let smtp: TestSmtp;

  beforeAll(async () => {
    smtp = await startTestSmtp(0);
    t = await createTestContext({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const tokenIn = (text: string): string => {
    const m = /\/status\/([A-Za-z0-9_-]{20,100})/.exec(text);
    expect(m, text).not.toBeNull();
    return m![1]!;
  };
  const page = (token: string) => t.app.inject({ method: 'GET', url: `/status/${token}` });

  /** Every row of every table the application can reach, as text. */
  async function dumpEverything(): Promise<string> {
    const { rows: tables } = await sql<{ schema: string; name: string }>`
      SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`.execute(
      t.database.db,
    );
    expect(tables.map((r) => r.name)).toEqual(
      expect.arrayContaining(['outbox', 'idempotency_key', 'status_link', 'case_event', 'audit_log']),
    );
    const parts: string[] = [];
    for (const table of tables) {
      const { rows } = await sql<
        Record<string, unknown>
      >`SELECT * FROM ${sql.id(table.schema, table.name)}`.execute(t.database.db);
      for (const row of rows)
        parts.push(
          JSON.stringify(row, (_k, v: unknown) =>
            v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
          ),
        );
    }
    return parts.join('\n');
  }

  it('mints the mailed link at send time, answers replays without a link, revokes on re-send; the dump holds no live token', async () => {
    const key = `secret-${Date.now()}`;
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { 'idempotency-key': key },
      payload: exampleComplaint,
    });
    expect(first.statusCode).toBe(201);
    const filed = first.json<{ id: string; reference: string; statusUrl: string }>();
    const shown = tokenIn(filed.statusUrl);

    // A replay of the Idempotency-Key: the same case, no link (the stored reply has none).
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { 'idempotency-key': key },
      payload: exampleComplaint,
    });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ id: filed.id, reference: filed.reference });
    expect(replay.json()).not.toHaveProperty('statusUrl');

    // The stored acknowledgement carries a placeholder; the mail that leaves carries its own link.
    const stored = await t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('case_id', '=', filed.id)
      .executeTakeFirstOrThrow();
    expect(stored.body_text).toContain('{{statusUrl}}');
    await t.services.delivery.drain();
    const [ack] = await smtp.waitFor(1);
    const mailed = tokenIn(ack!.text ?? '');
    expect(mailed).not.toBe(shown);
    expect((await page(shown)).statusCode).toBe(200);
    expect((await page(mailed)).statusCode).toBe(200);
    // The status page shows the acknowledgement without a placeholder or a link.
    const view = await page(mailed);
    expect(view.body).not.toContain('{{statusUrl}}');
    expect(view.body).toContain('[deze pagina]');

    // ISO-02: a new link on request; sending it revokes every earlier link of the case.
    const resend = await t.app.inject({
      method: 'POST',
      url: '/klacht/link',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `reference=${filed.reference}&email=${encodeURIComponent(exampleComplaint.complainant.email)}`,
    });
    expect(resend.statusCode).toBe(200);
    await t.services.delivery.drain();
    const mails = await smtp.waitFor(2);
    const fresh = tokenIn(mails[1]!.text ?? '');
    expect((await page(fresh)).statusCode).toBe(200);
    expect((await page(mailed)).statusCode).toBe(404);
    expect((await page(shown)).statusCode).toBe(404);

    // The whole database, every table: no live token, and no link in it that opens a page.
    const dump = await dumpEverything();
    for (const token of [shown, mailed, fresh]) expect(dump).not.toContain(token);
    const linksInDump = [...dump.matchAll(/\/status\/([A-Za-z0-9_-]{20,100})/g)].map((m) => m[1]!);
    for (const token of linksInDump) expect((await page(token)).statusCode).toBe(404);
    const stillStored = await t.database.db.selectFrom('idempotency_key').select('response').execute();
    for (const r of stillStored) expect(r.response).not.toHaveProperty('statusUrl');
  });

  it('a mail retried after a failed attempt carries a new link; the first attempt’s link never works', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      payload: {
        ...exampleComplaint,
        complainant: { ...exampleComplaint.complainant, email: 'retry@example.nl' },
      },
    });
    expect(res.statusCode).toBe(201);
    const { id } = res.json<{ id: string }>();
    const row = await t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    const ctx = {
      db: t.database.db,
      from: 'x@redress.test',
      domain: 'redress.test',
      publicUrl: 'http://redress.test',
      installationId: 'test',
    };
    const attempt1 = tokenIn((await finaliseMessage(row, ctx)).text);
    const attempt2 = tokenIn((await finaliseMessage(row, ctx)).text);
    expect(attempt1).not.toBe(attempt2);
    expect((await page(attempt1)).statusCode).toBe(404);
    expect((await page(attempt2)).statusCode).toBe(200);
  });
});
