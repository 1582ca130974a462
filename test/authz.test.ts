import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers.js';

// "Authorisation on every route": every /api route in the OpenAPI document, except the few public
// ones, refuses a request without credentials with 401 — before it parses or validates anything.
const PUBLIC = new Set(['POST /api/v1/complaints', 'GET /api/v1/deadlines', 'POST /api/v1/auth/login']);

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

describe('authorisation on every staff route', () => {
  it('401 without credentials on every non-public /api route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const checked: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/')) continue;
      for (const method of Object.keys(methods)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (PUBLIC.has(key)) continue;
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await t.app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          payload: method === 'get' ? undefined : { junk: true },
        });
        expect(res.statusCode, key).toBe(401);
        checked.push(key);
      }
    }
    expect(checked.length).toBeGreaterThan(20);
  });

  it('a session cookie from another system, or a malformed Authorization header, is 401', async () => {
    for (const headers of [
      { authorization: 'Basic YWRtaW46YWRtaW4=' },
      { authorization: 'Bearer' },
      { cookie: 'redress_session=forged' },
    ]) {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers })).statusCode).toBe(401);
    }
  });
});
