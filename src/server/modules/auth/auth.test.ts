import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers.js';

let t: TestContext;
const password = 'correct horse battery staple';
beforeAll(async () => {
  t = await createTestContext();
  await t.services.users.add({ email: 'henk@example.nl', role: 'handler', password });
  await t.services.users.add({ email: 'lock@example.nl', role: 'handler', password });
});
afterAll(async () => t?.close());

const login = (email: string, pw: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: pw } });

function cookieOf(res: Awaited<ReturnType<typeof login>>) {
  const c = res.cookies.find((x) => x.name === 'redress_session');
  if (!c) throw new Error('no session cookie');
  return c;
}

describe('staff login with a session cookie', () => {
  it('stores passwords as argon2id hashes', async () => {
    const row = await t.database.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('email', '=', 'henk@example.nl')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(password);
  });

  it('logs in: HttpOnly SameSite cookie, CSRF token, and the cookie works on staff routes', async () => {
    const res = await login('HENK@example.nl', password);
    expect(res.statusCode).toBe(200);
    const cookie = cookieOf(res);
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy(); // plain HTTP in tests; Secure behind TLS
    const { csrfToken, user } = res.json();
    expect(user.role).toBe('handler');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { redress_session: cookie.value },
    });
    expect(me.json()).toMatchObject({ user: { email: 'henk@example.nl' }, csrfToken });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/cases',
      cookies: { redress_session: cookie.value },
    });
    expect(list.statusCode).toBe(200);
  });

  it('unsafe requests with the cookie need the CSRF token', async () => {
    const res = await login('henk@example.nl', password);
    const cookie = cookieOf(res);
    const payload = {
      complainant: { name: 'Per Telefoon', phone: '0201234567' },
      description: 'Klacht aan de telefoon.',
      channel: 'phone',
      receivedAt: new Date().toISOString(),
    };
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      cookies: { redress_session: cookie.value },
      payload,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_FAILED');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      cookies: { redress_session: cookie.value },
      headers: { 'x-csrf-token': 'nope' },
      payload,
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      cookies: { redress_session: cookie.value },
      headers: { 'x-csrf-token': res.json().csrfToken },
      payload,
    });
    expect(ok.statusCode).toBe(201);
  });

  it('a wrong password and an unknown e-mail get the same answer', async () => {
    const a = await login('henk@example.nl', 'wrong password');
    const b = await login('nobody@example.nl', 'wrong password');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
  });

  it('locks the account after 5 failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login('lock@example.nl', `wrong ${i}`)).statusCode).toBe(401);
    const locked = await login('lock@example.nl', password);
    // Lockout: the same 401 as a wrong password or an unknown address (no enumeration).
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('logout ends the session; changing the password ends every session', async () => {
    const first = await login('henk@example.nl', password);
    const c1 = cookieOf(first).value;
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { redress_session: c1 },
      headers: { 'x-csrf-token': first.json().csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { redress_session: c1 } }))
        .statusCode,
    ).toBe(401);

    const a = await login('henk@example.nl', password);
    const b = await login('henk@example.nl', password);
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      cookies: { redress_session: cookieOf(a).value },
      headers: { 'x-csrf-token': a.json().csrfToken },
      payload: { currentPassword: password, newPassword: 'a new and longer secret' },
    });
    expect(change.statusCode).toBe(204);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/auth/me',
          cookies: { redress_session: cookieOf(b).value },
        })
      ).statusCode,
    ).toBe(401);
    expect((await login('henk@example.nl', password)).statusCode).toBe(401);
    expect((await login('henk@example.nl', 'a new and longer secret')).statusCode).toBe(200);
  });
});
