import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

describe('API tokens (admin)', () => {
  it('an admin creates a token for a user, it works, shows when it was used, and stops working when revoked', async () => {
    const admin = await t.staff('admin');
    const handler = await t.staff('handler');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin.auth,
      payload: { userId: handler.id, label: 'koppeling KCC' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^rdr_/);
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: auth })).statusCode).toBe(200);

    const list = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: admin.auth })).json().items as {
        id: string;
        label: string;
        lastUsedAt: string | null;
        revokedAt: string | null;
      }[];
    // last_used_at is written after the answer: poll instead of sleeping a fixed time.
    for (let i = 0; i < 100 && !(await list()).find((x) => x.id === id)?.lastUsedAt; i++)
      await new Promise((r) => setTimeout(r, 20));
    const mine = (await list()).find((x) => x.id === id)!;
    expect(mine.label).toBe('koppeling KCC');
    expect(mine.lastUsedAt).not.toBeNull();
    // The list never contains the token itself.
    expect(JSON.stringify(await list())).not.toContain(token);

    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: admin.auth })).statusCode,
    ).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: auth })).statusCode).toBe(401);
    expect((await list()).find((x) => x.id === id)!.revokedAt).not.toBeNull();
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('user_id', '=', admin.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['token.created', 'token.revoked']));
  });

  it('only an admin manages tokens; unknown users and tokens are clear errors', async () => {
    const manager = await t.staff('manager');
    const admin = await t.staff('admin');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/tokens', headers: manager.auth })).statusCode,
    ).toBe(403);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: admin.auth,
      payload: { userId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields[0].path).toBe('userId');
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: '/api/v1/tokens/00000000-0000-4000-8000-000000000000',
          headers: admin.auth,
        })
      ).statusCode,
    ).toBe(404);
  });
});
