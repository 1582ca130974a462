import { sample } from 'openapi-sampler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublic, type RouteAccess } from '../src/server/plugins/access.js';
import type { Role } from '../src/server/modules/users/service.js';
import { createTestContext, type TestContext } from './helpers.js';

// The route × role × scope test, GENERATED from the routes the app registers (app.routeAccess): a new
// route is checked the moment it exists. For every route it requires an access declaration, and then
// over HTTP, with an empty body and with a body sampled from the route's own OpenAPI schema:
//  - no credentials → 401; a role the route does not declare → 403 (before any validation: never 422);
//  - one-case routes: every user whose role may call the route but who may not read the case
//    (other department, respondent, confidential) → 403/404, and the case's data never in the answer;
//  - every staff GET route, for every role it allows: no answer contains a case that user may not read
//    (its id, reference, complainant name or e-mail), so an unscoped list, dashboard, report or outbox
//    query fails here;
//  - a malformed path parameter → 4xx, never 5xx; and nothing changed on the refused cases.
// Who may read which fixture case is written out by hand below (the specification), not computed.

type UserKey = 'handlerA' | 'handlerA2' | 'managerA' | 'intake' | 'admin' | 'officer';
type CaseKey = 'A' | 'B' | 'R' | 'C' | 'U';

/**
 * A: department A. B: department B. R: department A, with handlerA, intake and admin as respondents
 * (AWB-15). C: department A, confidential, assigned to handlerA2 (WKKGZ-12). U: not yet routed.
 */
const MAY_READ: Record<UserKey, Record<CaseKey, boolean>> = {
  handlerA: { A: true, B: false, R: false, C: false, U: false },
  handlerA2: { A: true, B: false, R: true, C: true, U: false },
  managerA: { A: true, B: false, R: true, C: false, U: true },
  intake: { A: true, B: true, R: false, C: false, U: true },
  admin: { A: true, B: true, R: false, C: false, U: true },
  officer: { A: true, B: true, R: true, C: true, U: true },
};
const ROLE_OF: Record<UserKey, Role> = {
  handlerA: 'handler',
  handlerA2: 'handler',
  managerA: 'manager',
  intake: 'intake',
  admin: 'admin',
  officer: 'complaints-officer',
};

interface Fixture {
  id: string;
  reference: string;
  name: string;
  email: string;
  /** The object of each one-case scope kind (plugins/access.ts CASE_OF) on this case. */
  of: Record<string, string>;
}

const HOW_TO_DECLARE = `Declare who may call it in the route options, e.g.
  config: { access: { roles: ['handler', 'manager'], scope: { case: 'id' } } }   // one case, path param :id
  config: { access: { roles: 'any', scope: { letter: 'id' } } }                  // one letter, path param :id
  config: { access: { roles: ['manager', 'admin'], scope: 'cases' } }            // many cases: filter with s.caseAccess.predicate(req.staff!)
  config: { access: { roles: 'any', scope: 'none' } }                            // no case data
  config: { access: { public: 'why anyone may call it' } }                       // no staff login
and remove any onRequest: requireStaff(...) (the declaration installs the guard). See docs/adr/0012-read-policy.md.`;

let t: TestContext;
const users = {} as Record<UserKey, { id: string; auth: { authorization: string } }>;
const cases = {} as Record<CaseKey, Fixture>;
let openapi: { paths: Record<string, Record<string, OpenApiOperation>>; components?: unknown };

interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  parameters?: { in: string; name: string; required?: boolean; schema?: unknown }[];
}

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  const depA = await db
    .insertInto('department')
    .values({ name: 'Burgerzaken' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const depB = await db
    .insertInto('department')
    .values({ name: 'Belastingen' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const key of Object.keys(ROLE_OF) as UserKey[]) {
    const role = ROLE_OF[key];
    const dept = role === 'handler' || role === 'manager' ? depA.id : null;
    users[key] = await t.staff(role, dept);
  }
  const receivedAt = new Date(Date.now() - 100 * 86_400_000).toISOString(); // overdue: on every dashboard
  const setup: Record<CaseKey, { department: string | null; assignee?: UserKey; confidential?: boolean }> = {
    A: { department: depA.id },
    B: { department: depB.id },
    R: { department: depA.id },
    C: { department: depA.id, assignee: 'handlerA2', confidential: true },
    U: { department: null },
  };
  for (const key of Object.keys(setup) as CaseKey[]) {
    const marker = `Zq${key}${Math.random().toString(36).slice(2, 8)}`;
    const name = `Marker ${marker}`;
    const email = `${marker.toLowerCase()}@example.nl`;
    const res = await t.services.intake.register(
      {
        complainant: { name, email },
        description: `Klacht ${marker} over de behandeling aan de balie.`,
        language: 'nl',
        channel: 'phone',
        receivedAt,
      },
      { actorId: null },
    );
    // A letter on every case, composed before the case gets its department and flags.
    const letter = await t.services.letters.compose(
      { id: users.officer.id, email: 'x', name: 'x', role: 'manager', departmentId: null },
      res.response.id,
      { kind: 'acknowledgement' },
    );
    const c = setup[key];
    await db
      .updateTable('complaint_case')
      .set({
        department_id: c.department,
        assignee_id: c.assignee ? users[c.assignee].id : null,
        confidential: c.confidential ?? false,
        // Decided, with lessons: in the annual report and the on-time figures too.
        lessons: `Les ${marker}`,
      })
      .where('id', '=', res.response.id)
      .execute();
    const mail = await db
      .selectFrom('outbox')
      .select('id')
      .where('case_id', '=', res.response.id)
      .executeTakeFirstOrThrow();
    cases[key] = {
      id: res.response.id,
      reference: res.response.reference,
      name,
      email,
      of: { case: res.response.id, letter: letter.id, outbox: String(mail.id) },
    };
  }
  for (const who of ['handlerA', 'intake', 'admin'] as const) {
    await db
      .insertInto('respondent')
      .values({ case_id: cases.R.id, kind: 'staff', user_id: users[who].id, name: `Respondent ${who}` })
      .execute();
  }
  openapi = (await t.app.inject({ method: 'GET', url: '/openapi.json', headers: users.admin.auth })).json();
});
afterAll(async () => t?.close());

function routes(): { method: string; url: string; access: RouteAccess | undefined }[] {
  return [...t.app.routeAccess]
    .map(([key, access]) => {
      const [method, url] = key.split(' ') as [string, string];
      return { method, url, access };
    })
    .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
}

const openapiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function operation(method: string, url: string): OpenApiOperation | undefined {
  return openapi.paths[openapiPath(url)]?.[method.toLowerCase()];
}

/** A body built from the route's own schema: the request a well-behaved client would send. */
function sampleBody(method: string, url: string): unknown {
  const schema = operation(method, url)?.requestBody?.content?.['application/json']?.schema;
  if (!schema) return {};
  try {
    return sample(schema, { skipReadOnly: true }, openapi) ?? {};
  } catch {
    return {};
  }
}

/** Required query parameters filled in from their schemas (e.g. the report's year). */
function sampleQuery(method: string, url: string): string {
  const params = (operation(method, url)?.parameters ?? []).filter((p) => p.in === 'query' && p.required);
  const q = new URLSearchParams();
  for (const p of params) {
    const v = sample(p.schema as Parameters<typeof sample>[0]);
    q.set(p.name, typeof v === 'number' || typeof v === 'string' ? String(v) : '');
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

function fill(url: string, caseKey: CaseKey, access: RouteAccess): string {
  const scope = !isPublic(access) && typeof access.scope === 'object' ? access.scope : {};
  return url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    for (const [kind, param] of Object.entries(scope)) {
      if (param !== name) continue;
      const id = cases[caseKey].of[kind];
      if (!id) throw new Error(`No fixture for scope kind '${kind}': add one to cases[...].of in this test`);
      return id;
    }
    return '00000000-0000-4000-8000-000000000000';
  });
}

async function call(method: string, url: string, headers: Record<string, string>, body: unknown) {
  return t.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(method === 'GET' || method === 'DELETE' ? {} : { payload: body as object }),
  });
}

function leaks(text: string, user: UserKey): string[] {
  return (Object.keys(cases) as CaseKey[])
    .filter((k) => !MAY_READ[user][k])
    .flatMap((k) =>
      [cases[k].id, cases[k].reference, cases[k].name, cases[k].email]
        .filter((m) => text.includes(m))
        .map((m) => `case ${k} (${m})`),
    );
}

// Each test walks every route: generous time on a shared, loaded 2-core machine.
describe('every registered route declares its access and enforces it', { timeout: 300_000 }, () => {
  it('the specification of who reads which case is what the read policy does', async () => {
    // Sanity of the fixtures: the list of cases each user gets is exactly MAY_READ.
    for (const user of Object.keys(users) as UserKey[]) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/cases?limit=100',
        headers: users[user].auth,
      });
      expect(res.statusCode).toBe(200);
      const ids = new Set(res.json<{ items: { id: string }[] }>().items.map((i) => i.id));
      for (const k of Object.keys(cases) as CaseKey[])
        expect(ids.has(cases[k].id), `${user} lists case ${k}`).toBe(MAY_READ[user][k]);
    }
  });

  it('no route without an access declaration', () => {
    const undeclared = routes().filter((r) => !r.access);
    expect(
      undeclared.map((r) => `${r.method} ${r.url}`),
      `These routes declare no access.\n${HOW_TO_DECLARE}\n`,
    ).toEqual([]);
    expect(routes().length).toBeGreaterThan(60);
  });

  it('staff routes: 401 without credentials, 403 for a role not declared — before validation', async () => {
    const problems: string[] = [];
    for (const { method, url, access } of routes()) {
      if (!access || isPublic(access)) continue;
      const target = fill(url, 'A', access);
      for (const body of [{}, sampleBody(method, url)]) {
        const anon = await call(method, target, {}, body);
        if (anon.statusCode !== 401)
          problems.push(`${method} ${url} without credentials: ${anon.statusCode}`);
        if (access.roles === 'any') continue;
        for (const user of Object.keys(users) as UserKey[]) {
          if (access.roles.includes(ROLE_OF[user])) continue;
          const res = await call(method, target, users[user].auth, body);
          if (res.statusCode !== 403)
            problems.push(
              `${method} ${url} as ${ROLE_OF[user]} (not declared): ${res.statusCode} ${res.body.slice(0, 120)}`,
            );
        }
      }
    }
    expect(
      problems,
      `A route answered a wrong role with something else than 401/403.\n${HOW_TO_DECLARE}\n`,
    ).toEqual([]);
  });

  it('one-case routes refuse every user who may not read the case, whatever the body', async () => {
    const problems: string[] = [];
    let checked = 0;
    const before = await versions();
    for (const { method, url, access } of routes()) {
      if (!access || isPublic(access) || typeof access.scope !== 'object') continue;
      for (const user of Object.keys(users) as UserKey[]) {
        if (access.roles !== 'any' && !access.roles.includes(ROLE_OF[user])) continue;
        for (const k of Object.keys(cases) as CaseKey[]) {
          if (MAY_READ[user][k]) continue;
          for (const body of [{}, sampleBody(method, url)]) {
            const res = await call(method, fill(url, k, access), users[user].auth, body);
            checked++;
            if (res.statusCode !== 403 && res.statusCode !== 404)
              problems.push(
                `${method} ${url} as ${user} on case ${k}: ${res.statusCode} ${res.body.slice(0, 120)}`,
              );
            const leaked = leaks(res.body, user);
            if (leaked.length) problems.push(`${method} ${url} as ${user} shows ${leaked.join(', ')}`);
          }
        }
      }
    }
    expect(problems, 'A one-case route let a user reach a case outside the read policy').toEqual([]);
    expect(checked).toBeGreaterThan(200);
    // Refused means refused: no case changed.
    expect(await versions()).toEqual(before);
  });

  it('no staff GET route shows a case its caller may not read (lists, search, dashboard, reports, outbox)', async () => {
    const problems: string[] = [];
    let ok = 0;
    for (const { method, url, access } of routes()) {
      if (method !== 'GET' || !access || isPublic(access)) continue;
      for (const user of Object.keys(users) as UserKey[]) {
        if (access.roles !== 'any' && !access.roles.includes(ROLE_OF[user])) continue;
        const target = fill(url, 'A', access) + sampleQuery(method, url);
        const res = await call(method, target, users[user].auth, undefined);
        if (res.statusCode === 401 || res.statusCode === 403 || res.statusCode >= 500)
          problems.push(
            `${method} ${url} as ${user} (allowed, case A): ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
        if (res.statusCode < 300) ok++;
        const leaked = leaks(res.body, user);
        if (leaked.length)
          problems.push(
            `${method} ${url} as ${user} shows ${leaked.join(', ')}: filter its queries with s.caseAccess.predicate(req.staff!)`,
          );
      }
    }
    expect(problems, 'A staff route answers with cases outside the read policy').toEqual([]);
    expect(ok).toBeGreaterThan(30);
  });

  it('a malformed path parameter is a 4xx, never a 5xx', async () => {
    const problems: string[] = [];
    for (const { method, url, access } of routes()) {
      if (!access || !url.includes(':')) continue;
      const target = url.replace(/:([A-Za-z0-9_]+)/g, "x'%20OR%201=1--");
      const res = await call(method, target, users.officer.auth, {});
      if (res.statusCode >= 500) problems.push(`${method} ${url}: ${res.statusCode}`);
    }
    expect(problems).toEqual([]);
  });
});

async function versions() {
  const rows = await t.database.db
    .selectFrom('complaint_case')
    .select(['id', 'version', 'status'])
    .orderBy('id')
    .execute();
  return rows;
}
