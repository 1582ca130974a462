import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, exampleComplaint, type TestContext } from '../../../../test/helpers.js';

// Bad input is the client's error (ADR 0015): malformed multipart on the complaint form answers
// 400 with the form's error page, and staff intake refuses a receipt moment before 2000 or in the
// future with 422 field errors, in Dutch and English. Nothing is written.
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

const count = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('complaint_case')
        .select((e) => e.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('malformed multipart on POST /klacht and /complaint answers 4xx, never 500', () => {
  const b = '----redressbroken';
  const bodies: [string, string, string | Buffer][] = [
    ['no boundary in the content type', 'multipart/form-data', `--${b}\r\n\r\nx\r\n--${b}--\r\n`],
    [
      'a body that ends mid-part',
      `multipart/form-data; boundary=${b}`,
      `--${b}\r\nContent-Disposition: form-data; name="name"\r\n\r\nAnna`,
    ],
    [
      'a broken part header',
      `multipart/form-data; boundary=${b}`,
      `--${b}\r\nContent-Disposition form-data name=name\r\nX\r\n\r\nAnna\r\n--${b}--\r\n`,
    ],
    ['garbage', `multipart/form-data; boundary=${b}`, Buffer.from([0, 1, 2, 255, 254, 13, 10, 45, 45])],
    ['an empty body', `multipart/form-data; boundary=${b}`, ''],
  ];
  for (const [what, contentType, payload] of bodies) {
    for (const url of ['/klacht', '/complaint']) {
      it(`${what} (${url})`, async () => {
        const before = await count();
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': contentType },
          payload,
        });
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(res.headers['content-type']).toMatch(/text\/html/);
        // The form's error page, or the form again with its errors: never "something went wrong".
        expect(res.body).not.toMatch(/Er ging iets mis|Something went wrong/);
        expect(await count()).toBe(before);
      });
    }
  }
});

describe('staff intake: receivedAt has sane bounds (422 with field errors, bilingual)', () => {
  const register = async (lang: 'nl' | 'en', receivedAt: string, submittedAt?: string) => {
    const staff = await t.staff('intake');
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: { ...staff.auth, 'accept-language': lang },
      payload: {
        ...exampleComplaint,
        channel: 'letter',
        receivedAt,
        ...(submittedAt ? { submittedAt } : {}),
      },
    });
  };
  const fieldsOf = (res: { json(): unknown }) =>
    (res.json() as { error: { fields: { path: string; message: string }[] } }).error.fields;

  it('0001-01-01 is refused (it gave reference KL-1-000001), in Dutch and in English', async () => {
    const before = await count();
    const nl = await register('nl', '0001-01-01T00:00:00Z');
    expect(nl.statusCode).toBe(422);
    expect(fieldsOf(nl)).toEqual([{ path: 'receivedAt', message: expect.stringMatching(/vóór 2000/) }]);
    const en = await register('en', '1999-12-31T22:59:59Z');
    expect(en.statusCode).toBe(422);
    expect(fieldsOf(en)).toEqual([{ path: 'receivedAt', message: expect.stringMatching(/before 2000/) }]);
    expect(await count()).toBe(before);
  });

  it('a receipt in the future is refused; a submission before 2000 too', async () => {
    const future = await register('en', new Date(Date.now() + 86_400_000).toISOString());
    expect(future.statusCode).toBe(422);
    expect(fieldsOf(future)[0]).toMatchObject({
      path: 'receivedAt',
      message: expect.stringMatching(/future/),
    });
    const early = await register('nl', '2026-11-02T09:00:00Z', '1900-01-01T00:00:00Z');
    expect(early.statusCode).toBe(422);
    expect(fieldsOf(early)[0]).toMatchObject({
      path: 'submittedAt',
      message: expect.stringMatching(/vóór 2000/),
    });
  });

  it('the first moment of 2000 (UTC) and a receipt earlier today are accepted', async () => {
    const first = await register('nl', '2000-01-01T00:00:00Z');
    expect(first.statusCode).toBe(201);
    const today = await register('nl', new Date(Date.now() - 60_000).toISOString());
    expect(today.statusCode).toBe(201);
  });
});
