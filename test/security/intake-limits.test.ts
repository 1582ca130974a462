import { afterAll, describe, expect, it } from 'vitest';
import { createTestContext, exampleComplaint, type TestContext } from '../helpers.js';
import { multipart, pdfOf, validForm } from '../support/forms.js';

// Mail injection, limits that added up per route, and storage exhaustion.
// Client addresses are documentation addresses (192.0.2.0/24) given to inject(): no traffic leaves.
const contexts: TestContext[] = [];
async function context(env: Record<string, string> = {}): Promise<TestContext> {
  const t = await createTestContext(env);
  contexts.push(t);
  return t;
}
afterAll(async () => {
  for (const t of contexts) await t.close();
});

const count = async (t: TestContext, table: 'complaint_case' | 'outbox') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('line breaks and control characters in one-line fields (finding 5)', () => {
  it.each([
    ['CRLF', 'Anna\r\n\r\nGeachte heer, maak € 500 over naar NL00BANK0123456789.'],
    ['LF', 'Anna\nVan: De gemeente'],
    ['a lone CR', 'Anna\rde Vries'],
    ['a tab', 'Anna\tde Vries'],
    ['a line separator', 'Anna\u2028de Vries'],
    ['an escape', 'Anna\u001b[31m'],
  ])('refuses %s in the complainant’s name (422 on complainant.name), nothing written', async (_, name) => {
    const t = contexts[0] ?? (await context());
    const before = [await count(t, 'complaint_case'), await count(t, 'outbox')];
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { 'accept-language': 'nl' },
      payload: { ...exampleComplaint, complainant: { ...exampleComplaint.complainant, name } },
    });
    expect(res.statusCode).toBe(422);
    const fields = res.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields;
    expect(fields).toEqual([{ path: 'complainant.name', message: expect.stringMatching(/regel/) }]);
    expect([await count(t, 'complaint_case'), await count(t, 'outbox')]).toEqual(before);
  });

  it('the public form answers the same with an error at the name field', async () => {
    const t = contexts[0] ?? (await context());
    const before = await count(t, 'complaint_case');
    const res = await t.app.inject({
      method: 'POST',
      url: '/klacht',
      ...multipart({ ...validForm, name: 'Anna\r\nGeachte heer,' }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#f-name"');
    expect(await count(t, 'complaint_case')).toBe(before);
  });

  it('a department name with a line break is a field error too (staff one-line fields)', async () => {
    const t = contexts[0] ?? (await context());
    const admin = await t.staff('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: admin.auth,
      payload: { name: 'Burgerzaken\r\nBcc: iedereen' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].path).toBe('name');
  });
});

describe('one limit per client address over all public routes (finding 5)', () => {
  it('requests to different public routes count together; another address is not affected', async () => {
    const t = await context({ RATE_LIMIT_PUBLIC: '4' });
    const from = '192.0.2.10';
    const post = (url: string, payload: unknown, remoteAddress = from) =>
      t.app.inject({ method: 'POST', url, payload: payload as never, remoteAddress });
    const link = 'reference=KL-2026-000001&email=iemand%40example.nl';
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const answers = [
      (await post('/api/v1/complaints', exampleComplaint)).statusCode,
      (await post('/api/v1/complaints', exampleComplaint)).statusCode,
      (
        await t.app.inject({
          method: 'POST',
          url: '/klacht/link',
          headers: form,
          payload: link,
          remoteAddress: from,
        })
      ).statusCode,
      (
        await t.app.inject({
          method: 'POST',
          url: '/complaint/link',
          headers: form,
          payload: link,
          remoteAddress: from,
        })
      ).statusCode,
    ];
    expect(answers).toEqual([201, 201, 200, 200]);
    // Every route on its own is still under its limit of 4; together they are not.
    const fifth = await post('/api/v1/complaints', exampleComplaint);
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('RATE_LIMITED');
    expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(0);
    const page = await t.app.inject({
      method: 'POST',
      url: '/klacht',
      ...multipart(validForm),
      remoteAddress: from,
    });
    expect(page.statusCode).toBe(429);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect((await post('/api/v1/complaints', exampleComplaint, '192.0.2.11')).statusCode).toBe(201);
  });
});

describe('mail to one complainant address is limited per hour (finding 5)', () => {
  it('after MAIL_PER_RECIPIENT_HOUR acknowledgements to one address, the next complaint to it is refused, from any address', async () => {
    const t = await context({ MAIL_PER_RECIPIENT_HOUR: '2' });
    const victim = {
      ...exampleComplaint,
      complainant: { ...exampleComplaint.complainant, email: 'Slachtoffer@example.nl' },
    };
    const send = (remoteAddress: string, body = victim) =>
      t.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: body, remoteAddress });
    expect((await send('192.0.2.20')).statusCode).toBe(201);
    expect((await send('192.0.2.21')).statusCode).toBe(201);
    const third = await send('192.0.2.22', {
      ...victim,
      complainant: { ...victim.complainant, email: 'slachtoffer@EXAMPLE.nl' },
    });
    expect(third.statusCode).toBe(429);
    expect(third.json().error.message).toMatch(/e-mailadres/);
    const mails = await t.database.db
      .selectFrom('outbox')
      .select('id')
      .where('recipient', 'ilike', 'slachtoffer@example.nl')
      .execute();
    expect(mails).toHaveLength(2);
    // Someone else is not affected.
    expect((await send('192.0.2.22', exampleComplaint)).statusCode).toBe(201);
  });
});

describe('attachment quotas per case, per day and in total (finding 6)', () => {
  const fileWith = (t: TestContext, bytes: number, remoteAddress?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/klacht',
      ...multipart(validForm, [
        { name: 'attachments', filename: 'bewijs.pdf', type: 'application/pdf', content: pdfOf(bytes) },
      ]),
      ...(remoteAddress ? { remoteAddress } : {}),
    });
  const tokenOf = (location: string) => /\/status\/([^/?]+)/.exec(location)![1]!;
  const addTo = (t: TestContext, token: string, bytes: number, lang = '') =>
    t.app.inject({
      method: 'POST',
      url: `/status/${token}/informatie${lang}`,
      ...multipart({ message: 'Nog een document.' }, [
        { name: 'attachments', filename: 'meer.pdf', type: 'application/pdf', content: pdfOf(bytes) },
      ]),
    });
  const stored = async (t: TestContext) =>
    Number(
      (
        await t.database.db
          .selectFrom('case_attachment')
          .select((eb) => eb.fn.sum<string>('byte_size').as('n'))
          .executeTakeFirstOrThrow()
      ).n ?? 0,
    );

  it('per case: a status link cannot add past the case quota (413, Dutch and English)', async () => {
    const t = await context({ ATTACHMENT_QUOTA_CASE_MB: '1' });
    const filed = await fileWith(t, 600_000);
    expect(filed.statusCode).toBe(303);
    const token = tokenOf(String(filed.headers.location));
    const before = await stored(t);
    const nl = await addTo(t, token, 600_000);
    expect(nl.statusCode).toBe(413);
    expect(nl.body).toContain('hoogstens 1 MB');
    const en = await addTo(t, token, 600_000, '?lang=en');
    expect(en.statusCode).toBe(413);
    expect(await stored(t)).toBe(before);
    expect((await addTo(t, token, 300_000)).statusCode).toBe(303);
  });

  it('per day over all cases, and in total', async () => {
    const day = await context({ ATTACHMENT_QUOTA_DAY_MB: '2' });
    expect((await fileWith(day, 900_000)).statusCode).toBe(303);
    expect((await fileWith(day, 900_000)).statusCode).toBe(303);
    const refused = await fileWith(day, 900_000);
    expect(refused.statusCode).toBe(413);
    expect(refused.body).toContain('Wij kunnen op dit moment geen documenten ontvangen');
    // Nothing half-done: the refused complaint was not registered either.
    expect(await count(day, 'complaint_case')).toBe(2);

    const total = await context({ ATTACHMENT_QUOTA_TOTAL_MB: '1' });
    expect((await fileWith(total, 700_000)).statusCode).toBe(303);
    expect((await fileWith(total, 700_000)).statusCode).toBe(413);
  });
});
