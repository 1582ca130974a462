import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, exampleComplaint, type TestContext } from '../../../../test/helpers.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: payload as object, headers });

describe('POST /api/v1/complaints (public intake)', () => {
  it('registers the api.md example: 201 with reference, deadlines and status link (ISO-01)', async () => {
    const res = await post(exampleComplaint);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.reference).toMatch(/^KL-\d{4}-\d{6}$/);
    expect(body.status).toBe('received');
    expect(body.regime).toBe('awb');
    expect(body.statusUrl).toMatch(/^http:\/\/redress\.test\/status\/[\w-]{20,}$/);
    expect(body.deadlines.acknowledgement).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.deadlines.decision > body.deadlines.acknowledgement).toBe(true);

    // The case, its history event and the acknowledgement are written together.
    const db = t.database.db;
    const row = await db
      .selectFrom('complaint_case')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(row.reference).toBe(body.reference);
    expect(row.channel).toBe('web');
    const events = await db.selectFrom('case_event').select('type').where('case_id', '=', body.id).execute();
    expect(events.map((e) => e.type)).toEqual(['case.received']);
    const mail = await db
      .selectFrom('outbox')
      .selectAll()
      .where('case_id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(mail.kind).toBe('acknowledgement');
    expect(mail.recipient).toBe('anna@example.nl');
    expect(mail.status).toBe('pending'); // no SMTP configured: stays visible in the outbox
    // AWB-13: receipt date, latest answer date and the hearing are in the acknowledgement.
    expect(mail.body_text).toContain(body.reference);
    // Status links are never stored readable (PRIV-09): the stored body has a placeholder; the link is minted when it is sent.
    expect(mail.body_text).toContain('{{statusUrl}}');
    expect(mail.body_text).not.toContain(body.statusUrl);
    expect(mail.body_text).toMatch(/hoorgesprek/);
  });

  it('stores only a hash of the status token', async () => {
    const body = (await post(exampleComplaint)).json();
    const token = body.statusUrl.split('/').pop();
    const row = await t.database.db
      .selectFrom('complaint_case')
      .select('status_token_hash')
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(row.status_token_hash).not.toContain(token);
    expect(row.status_token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the same Idempotency-Key twice makes one case; a different body with it is refused', async () => {
    const key = `key-${Date.now()}`;
    const first = await post(exampleComplaint, { 'idempotency-key': key });
    const second = await post(exampleComplaint, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    // The replay is the first answer without the secret link (never stored readable; api.md).
    const { statusUrl, ...withoutLink } = first.json<{ statusUrl: string }>();
    expect(statusUrl).toMatch(/\/status\//);
    expect(second.json()).toEqual(withoutLink);
    const count = await t.database.db
      .selectFrom('complaint_case')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('id', '=', first.json().id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const other = await post(
      { ...exampleComplaint, description: 'Iets anders.' },
      { 'idempotency-key': key },
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  // Races: on PGlite (one connection) these requests are serialised by the driver, so only the
  // application's own guards are exercised; CI runs this file again on PostgreSQL (TEST_DATABASE_URL),
  // where they really run in parallel on separate connections.
  it('concurrent requests with one Idempotency-Key create one case', async () => {
    const key = `conc-${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, () => post(exampleComplaint, { 'idempotency-key': key })),
    );
    const ids = new Set(results.map((r) => r.json().id));
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 201)).toBe(true);
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
  });

  it('200 concurrent intakes produce 200 distinct references', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        post({ ...exampleComplaint, description: `Klacht nummer ${i} over de dienstverlening.` }),
      ),
    );
    expect(results.map((r) => r.statusCode).filter((c) => c !== 201)).toEqual([]);
    const refs = new Set(results.map((r) => r.json().reference));
    expect(refs.size).toBe(200);
  });

  it('an unknown category is a field error, and nothing is written', async () => {
    const before = await t.database.db
      .selectFrom('complaint_case')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await post({ ...exampleComplaint, categoryId: '00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([{ path: 'categoryId', message: expect.any(String) }]);
    const after = await t.database.db
      .selectFrom('complaint_case')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('a known category routes the case to its department', async () => {
    const dep = await t.database.db
      .insertInto('department')
      .values({ name: `Afdeling ${Date.now()}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cat = await t.database.db
      .insertInto('category')
      .values({ name: `Categorie ${Date.now()}`, department_id: dep.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const body = (await post({ ...exampleComplaint, categoryId: cat.id })).json();
    const row = await t.database.db
      .selectFrom('complaint_case')
      .select(['category_id', 'department_id'])
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ category_id: cat.id, department_id: dep.id });
  });

  it('numbers start per year: the first complaint received in another year gets number 1 of that year', async () => {
    const staff = await t.staff('intake');
    const register = (receivedAt: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: staff.auth,
        payload: { ...exampleComplaint, channel: 'letter', receivedAt },
      });
    // 2019-12-31T23:30Z is already 2020 in Amsterdam (CONV-01).
    const first = (await register('2019-12-31T23:30:00Z')).json();
    const second = (await register('2020-03-01T10:00:00Z')).json();
    expect(first.reference).toBe('KL-2020-000001');
    expect(second.reference).toBe('KL-2020-000002');
  });

  describe('bad input gets 4xx with field errors, never a 500 or a half-written case', () => {
    const cases: [string, unknown, string[]][] = [
      [
        'wrong types',
        { ...exampleComplaint, description: 5, complainant: { name: 7, email: 'anna@example.nl' } },
        ['description', 'complainant.name'],
      ],
      [
        'unknown fields',
        { ...exampleComplaint, admin: true, complainant: { ...exampleComplaint.complainant, bsn: '1' } },
        ['admin', 'complainant.bsn'],
      ],
      ['bad dates', { ...exampleComplaint, incidentDate: '2026-02-30' }, ['incidentDate']],
      ['a date in the future', { ...exampleComplaint, incidentDate: '2999-01-01' }, ['incidentDate']],
      ['not a date', { ...exampleComplaint, incidentDate: 'gisteren' }, ['incidentDate']],
      [
        'a bad e-mail address',
        { ...exampleComplaint, complainant: { name: 'A', email: 'anna-at-example' } },
        ['complainant.email'],
      ],
      [
        'no way to reach the complainant',
        { ...exampleComplaint, complainant: { name: 'A' } },
        ['complainant.email'],
      ],
      ['missing description', { complainant: exampleComplaint.complainant }, ['description']],
      ['a 1 MB description', { ...exampleComplaint, description: 'x'.repeat(1_000_000) }, ['description']],
      ['a language we do not speak', { ...exampleComplaint, language: 'fr' }, ['language']],
      ['an array body', [exampleComplaint], ['(body)']],
    ];
    it.each(cases)('%s', async (_name, payload, paths) => {
      const before = await t.database.db
        .selectFrom('complaint_case')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const res = await post(payload);
      expect(res.statusCode).toBe(422);
      const body = res.json();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(paths));
      for (const f of body.error.fields) expect(f.message.length).toBeGreaterThan(3);
      const after = await t.database.db
        .selectFrom('complaint_case')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    });

    it('malformed JSON is a 400 with a clear message', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        payload: '{"complainant": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('MALFORMED_REQUEST');
    });

    it('a body over 2 MB is refused with 413', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        payload: JSON.stringify({ ...exampleComplaint, description: 'x'.repeat(3_000_000) }),
        headers: { 'content-type': 'application/json' },
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('answers in Dutch by default and in English when asked', async () => {
      const bad = { ...exampleComplaint, incidentDate: '2026-02-30' };
      const nl = (await post(bad)).json();
      const en = (await post(bad, { 'accept-language': 'en-GB,en;q=0.9' })).json();
      expect(nl.error.fields[0].message).toBe('Deze datum bestaat niet.');
      expect(en.error.fields[0].message).toBe('This date does not exist.');
    });
  });
});
