import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../helpers.js';

// Login lockout, password policy and API tokens. Client addresses
// are documentation addresses (192.0.2.0/24) given to inject(): no traffic leaves the process.
let t: TestContext;
const password = 'correct horse battery staple';
let addressNo = 0;
const nextAddress = () => `192.0.2.${++addressNo}`;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

async function user(role: 'handler' | 'admin' = 'handler') {
  const email = `u-${crypto.randomBytes(4).toString('hex')}@example.nl`;
  const u = await t.services.users.add({ email, role, password });
  return { ...u, email };
}

const login = (email: string, pw: string, remoteAddress = nextAddress()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    payload: { email, password: pw },
  });

const accountRow = (id: string) =>
  t.database.db
    .selectFrom('app_user')
    .select(['failed_logins', 'locked_until'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('login lockout', () => {
  it('a locked account, an unknown address and a wrong password get the same 401', async () => {
    const u = await user();
    const from = nextAddress();
    for (let i = 0; i < 5; i++) expect((await login(u.email, `wrong ${i}`, from)).statusCode).toBe(401);
    const locked = await login(u.email, password); // the right password, from another address
    const unknown = await login(`nobody-${Date.now()}@example.nl`, password);
    const wrong = await login(u.email, 'not it either');
    for (const r of [locked, unknown, wrong]) {
      expect(r.statusCode).toBe(401);
      expect(r.headers['retry-after']).toBeUndefined();
    }
    expect(locked.json()).toEqual(unknown.json());
    expect(wrong.json()).toEqual(unknown.json());
    expect(locked.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('12 parallel wrong attempts lock the account (one counting statement)', async () => {
    const u = await user();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => login(u.email, `parallel ${i}`)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(401));
    const row = await accountRow(u.id);
    expect(row.failed_logins).toBeGreaterThanOrEqual(5);
    expect(row.locked_until!.getTime()).toBeGreaterThan(Date.now());
    expect((await login(u.email, password)).statusCode).toBe(401);
  });

  it('the account lock backs off: 1 minute at the 5th failure, 2 at the 6th; success clears it', async () => {
    const u = await user();
    for (let i = 0; i < 5; i++) await login(u.email, `wrong ${i}`);
    const first = await accountRow(u.id);
    const firstMinutes = (first.locked_until!.getTime() - Date.now()) / 60_000;
    expect(firstMinutes).toBeGreaterThan(0.5);
    expect(firstMinutes).toBeLessThanOrEqual(1.01);
    // The lock runs out (moved into the past), the next failure locks for twice as long.
    await t.database.db
      .updateTable('app_user')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('id', '=', u.id)
      .execute();
    await login(u.email, 'wrong again');
    const second = await accountRow(u.id);
    const secondMinutes = (second.locked_until!.getTime() - Date.now()) / 60_000;
    expect(second.failed_logins).toBe(6);
    expect(secondMinutes).toBeGreaterThan(1.5);
    expect(secondMinutes).toBeLessThanOrEqual(2.01);
    await t.database.db
      .updateTable('app_user')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('id', '=', u.id)
      .execute();
    expect((await login(u.email, password)).statusCode).toBe(200);
    expect(await accountRow(u.id)).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('one address that keeps failing waits, whatever account it tries; other addresses do not', async () => {
    const u = await user();
    const noisy = nextAddress();
    for (let i = 0; i < 10; i++)
      expect((await login(`spray-${i}@example.nl`, 'Welkom01!', noisy)).statusCode).toBe(401);
    const waiting = await login(u.email, password, noisy);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().error.code).toBe('LOGIN_LOCKED');
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(0);
    // The answer is the same for an unknown address: it says nothing about accounts.
    const unknown = await login('nobody-at-all@example.nl', password, noisy);
    expect(unknown.statusCode).toBe(429);
    expect(unknown.json()).toEqual(waiting.json());
    expect((await login(u.email, password)).statusCode).toBe(200);
  });

  it('every failed login is in the access log with its reason and address (PRIV-09)', async () => {
    const u = await user();
    const from = nextAddress();
    await login(u.email, 'wrong', from);
    await login('ghost@example.nl', 'wrong', from);
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'action', 'detail', 'client_ip'])
      .where('client_ip', '=', from)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.action, r.user_id, (r.detail as { reason: string }).reason])).toEqual([
      ['auth.login_failed', u.id, 'wrong-password'],
      ['auth.login_failed', null, 'unknown'],
    ]);
  });
});

describe('passwords and API tokens', () => {
  async function session(email: string) {
    const res = await login(email, password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'redress_session')!.value;
    return { cookie, csrf: res.json<{ csrfToken: string }>().csrfToken };
  }

  it.each([['aaaaaaaaaaaa'], ['wachtwoord123'], ['amsterdam1234'], ['qwertyuiop12'], ['password1234']])(
    'refuses the weak password %s with 422 on newPassword',
    async (weak) => {
      const u = await user();
      const s = await session(u.email);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        cookies: { redress_session: s.cookie },
        headers: { 'x-csrf-token': s.csrf, 'accept-language': 'en' },
        payload: { currentPassword: password, newPassword: weak },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.fields[0].path).toBe('newPassword');
    },
  );

  it('refuses a password built from the user’s own e-mail address', async () => {
    const u = await user();
    const s = await session(u.email);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      cookies: { redress_session: s.cookie },
      headers: { 'x-csrf-token': s.csrf },
      payload: { currentPassword: password, newPassword: `${u.email}1` },
    });
    expect(res.statusCode).toBe(422);
  });

  it('a user cannot be created with a weak password (CLI `redress users add`, seed)', async () => {
    await expect(
      t.services.users.add({ email: 'zwak@example.nl', role: 'handler', password: 'aaaaaaaaaaaa' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'password' }] });
  });

  it('a password change revokes the user’s API tokens', async () => {
    const u = await user();
    const token = await t.services.users.createToken(u.email);
    const me = () =>
      t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me()).statusCode).toBe(200);
    const s = await session(u.email);
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      cookies: { redress_session: s.cookie },
      headers: { 'x-csrf-token': s.csrf },
      payload: { currentPassword: password, newPassword: 'tulpen fiets grachtenpand 1987 regen' },
    });
    expect(change.statusCode).toBe(204);
    expect((await me()).statusCode).toBe(401);
  });

  it('API tokens expire: the expiry is chosen at creation, listed, and an expired token is refused', async () => {
    const admin = await t.staff('admin');
    const u = await user();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin.auth,
      payload: { userId: u.id, label: 'koppeling', expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { id, token, expiresAt } = created.json<{ id: string; token: string; expiresAt: string }>();
    const days = (new Date(expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30.01);
    const tooLong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin.auth,
      payload: { userId: u.id, expiresInDays: 5000 },
    });
    expect(tooLong.statusCode).toBe(422);
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth })).statusCode).toBe(
      200,
    );
    await sql`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = ${id}::uuid`.execute(
      t.database.db,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth })).statusCode).toBe(
      401,
    );
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: admin.auth });
    expect(list.json().items.find((x: { id: string }) => x.id === id).expiresAt).toBeTruthy();
  });
});
