import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDate } from '../../../domain/dates.js';
import { createTestContext, exampleComplaint, type TestContext } from '../../../../test/helpers.js';

let t: TestContext;
let manager: Awaited<ReturnType<TestContext['staff']>>;
let handler: Awaited<ReturnType<TestContext['staff']>>;
let departmentId: string;
let categoryId: string;
const today = amsterdamDate(new Date());
const daysFrom = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function newCase(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: manager.auth,
    payload: {
      ...exampleComplaint,
      channel: 'phone',
      receivedAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
      categoryId,
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

beforeAll(async () => {
  t = await createTestContext();
  const db = t.database.db;
  await t.services.organisation.save({ name: 'Gemeente Telstad', regime: 'awb', settings: {} });
  departmentId = (
    await db
      .insertInto('department')
      .values({ name: 'Burgerzaken' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  categoryId = (
    await db
      .insertInto('category')
      .values({ name: 'Bejegening', department_id: departmentId })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  manager = await t.staff('manager', departmentId);
  handler = await t.staff('handler', departmentId);

  // Two open cases (one overdue), three decided: on time upheld, on time partly upheld, late not upheld.
  const open = await newCase();
  const overdue = await newCase();
  await db
    .updateTable('complaint_case')
    .set({ decision_due: daysFrom(today, -2), department_id: departmentId })
    .where('id', '=', overdue)
    .execute();
  await db
    .updateTable('complaint_case')
    .set({ status: 'in_progress', department_id: departmentId })
    .where('id', '=', open)
    .execute();
  const decided = [
    { outcome: 'upheld', due: daysFrom(today, 10), leadDays: 10 },
    { outcome: 'partly_upheld', due: daysFrom(today, 0), leadDays: 20 },
    { outcome: 'not_upheld', due: daysFrom(today, -5), leadDays: 30 },
  ];
  for (const d of decided) {
    const id = await newCase();
    const decidedAt = new Date();
    await db
      .updateTable('complaint_case')
      .set({
        status: 'decided',
        outcome: d.outcome,
        decision_due: d.due,
        decided_at: decidedAt,
        received_at: new Date(decidedAt.getTime() - d.leadDays * 86_400_000),
      })
      .where('id', '=', id)
      .execute();
    const item = await db
      .insertInto('complaint_item')
      .values({
        case_id: id,
        position: 1,
        summary: 'Onderdeel',
        severity: 'medium',
        judgement: d.outcome,
        judged_at: decidedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (d.outcome === 'upheld') {
      await db
        .insertInto('remedy')
        .values({
          case_id: id,
          item_id: item.id,
          kind: 'measure',
          description: 'Training baliepersoneel',
          realisation_date: daysFrom(today, -1),
        })
        .execute();
      await db
        .insertInto('remedy')
        .values({
          case_id: id,
          item_id: item.id,
          kind: 'measure',
          description: 'Nog niet verlopen',
          realisation_date: daysFrom(today, 30),
        })
        .execute();
    }
    await db
      .insertInto('satisfaction_survey')
      .values({
        case_id: id,
        outcome_satisfied: d.outcome === 'not_upheld' ? 'no' : 'yes',
        handling_satisfied: 'partly',
        comment: null,
      })
      .execute();
  }
});

afterAll(async () => t?.close());

describe('GET /api/v1/dashboard', () => {
  it('is for managers and admins only', async () => {
    expect((await t.app.inject({ url: '/api/v1/dashboard' })).statusCode).toBe(401);
    const res = await t.app.inject({ url: '/api/v1/dashboard', headers: handler.auth });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('aggregates open work, on-time rate, lead time, outcomes, satisfaction, volume, overdue and measures', async () => {
    const res = await t.app.inject({ url: '/api/v1/dashboard', headers: manager.auth });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.openByStatus).toEqual(
      expect.arrayContaining([
        { status: 'in_progress', label: 'In behandeling', count: 1 },
        { status: 'received', label: 'Ontvangen', count: 1 },
      ]),
    );
    expect(d.openByDepartment).toEqual([{ departmentId, name: 'Burgerzaken', count: 2 }]);
    expect(d.onTime).toEqual({ decided: 3, onTime: 2, rate: 2 / 3 });
    expect(d.averageLeadTimeDays).toBeCloseTo(20, 0);
    expect(d.outcomes).toEqual([
      { outcome: 'upheld', count: 1 },
      { outcome: 'partly_upheld', count: 1 },
      { outcome: 'not_upheld', count: 1 },
    ]);
    expect(d.itemJudgements.map((x: { count: number }) => x.count)).toEqual([1, 1, 1]);
    expect(d.satisfaction).toEqual({
      responses: 3,
      outcome: { yes: 2, partly: 0, no: 1 },
      handling: { yes: 0, partly: 3, no: 0 },
    });
    expect(d.volume.reduce((n: number, v: { count: number }) => n + v.count, 0)).toBe(5);
    expect(d.volume.every((v: { name: string }) => v.name === 'Bejegening')).toBe(true);
    expect(d.overdue).toHaveLength(1);
    expect(d.overdue[0]).toMatchObject({ statusLabel: 'Ontvangen', daysOverdue: 2, departmentId });
    expect(d.measuresPastDate.map((m: { description: string }) => m.description)).toEqual([
      'Training baliepersoneel',
    ]);
  });

  it('speaks English on request and limits the period', async () => {
    const res = await t.app.inject({ url: '/api/v1/dashboard?months=1&lang=en', headers: manager.auth });
    expect(res.statusCode).toBe(200);
    expect(res.json().openByStatus.map((s: { label: string }) => s.label)).toContain('In progress');
    expect(res.json().since).toBe(`${today.slice(0, 7)}-01`);
    expect(
      (await t.app.inject({ url: '/api/v1/dashboard?months=0', headers: manager.auth })).statusCode,
    ).toBe(422);
  });
});

describe('back office support routes', () => {
  it('GET /api/v1/labels gives every status and action label from the lifecycle table', async () => {
    const res = await t.app.inject({
      url: '/api/v1/labels',
      headers: { ...handler.auth, 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().statuses).toContainEqual({ value: 'in_progress', label: 'In progress' });
    expect(res.json().actions).toContainEqual({ value: 'judge_item', label: 'Judge complaint item' });
    expect((await t.app.inject({ url: '/api/v1/labels' })).statusCode).toBe(401);
  });

  it('GET /api/v1/cases?dueBefore= lists open cases due by that date ("due this week")', async () => {
    const res = await t.app.inject({
      url: `/api/v1/cases?dueBefore=${daysFrom(today, 1)}&overdue=false`,
      headers: manager.auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    // The decided cases are due today or earlier but are no longer open; the overdue one is excluded.
    expect(res.json().items).toEqual([]);
    const all = await t.app.inject({
      url: `/api/v1/cases?dueBefore=${daysFrom(today, 1)}`,
      headers: manager.auth,
    });
    expect(all.json().items.map((c: { overdue: boolean }) => c.overdue)).toEqual([true]);
    expect(
      (await t.app.inject({ url: '/api/v1/cases?dueBefore=2026-13-01', headers: manager.auth })).statusCode,
    ).toBe(422);
  });

  it('serves the built back office under /app with a strict CSP, and deep links get the app', async () => {
    const res = await t.app.inject({ url: '/app/cases/00000000-0000-4000-8000-000000000000' });
    // `npm install` builds the back office (postinstall), so every checkout that runs tests has it.
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body).toContain('<div id="root">');
    const asset = /src="(\/app\/assets\/[^"]+\.js)"/.exec(res.body)?.[1];
    expect(asset).toBeDefined();
    const js = await t.app.inject({ url: asset! });
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await t.app.inject({ url: '/app/assets/../../package.json' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/app' })).statusCode).toBe(302);
  });
});
