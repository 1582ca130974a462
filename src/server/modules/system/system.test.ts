import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

describe('system routes', () => {
  it('GET /health names the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
    });
  });

  it('GET /openapi.json documents the stable surface of api.md', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const [path, method] of [
      ['/health', 'get'],
      ['/api/v1/complaints', 'post'],
      ['/api/v1/deadlines', 'get'],
      ['/api/v1/cases', 'post'],
      ['/api/v1/cases', 'get'],
      ['/api/v1/cases/{id}', 'get'],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    const intake = doc.paths['/api/v1/complaints'].post;
    expect(intake.requestBody.content['application/json'].schema.properties.complainant).toBeDefined();
    expect((await t.app.inject({ method: 'GET', url: '/docs/' })).statusCode).toBe(200);
  });

  it('unknown routes are 404 JSON', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('GET /api/v1/deadlines is the deadline engine as a calculator (api.md example, E3)', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/deadlines?regime=awb&term=decision&start=2026-02-20',
    });
    expect(res.json()).toEqual({
      regime: 'awb',
      term: 'decision',
      start: '2026-02-20',
      extensionWeeks: 0,
      raw: '2026-04-03',
      due: '2026-04-07',
      rulesApplied: [
        'Atw art. 1: Goede Vrijdag',
        'Atw art. 1: zaterdag',
        'Atw art. 1: zondag',
        'Atw art. 1: 2e Paasdag',
      ],
    });
  });

  it.each([
    ['E12 extension', 'regime=awb&start=2026-12-24&extensionWeeks=4', '2027-03-04'],
    [
      'E15 advisory + extension, no Atw beyond 12 weeks',
      'regime=awb-advisory&start=2026-02-05&extensionWeeks=4',
      '2026-05-14',
    ],
    ['E2 decline notice', 'regime=awb&term=decline-notice&start=2026-12-24', '2027-01-21'],
    ['E19 an instant is first an Amsterdam date', 'start=2026-06-30T22:30:00Z', '2026-08-12'],
  ])('%s', async (_n, query, due) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/deadlines?${query}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().due).toBe(due);
  });

  it('refuses bad calculator input with field errors (AWB-41: at most 4 weeks)', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/deadlines?start=2026-02-30&extensionWeeks=5&regime=uk',
    });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['extensionWeeks', 'regime', 'start']);
    const wkkgzDecline = await t.app.inject({
      method: 'GET',
      url: '/api/v1/deadlines?regime=wkkgz&term=decline-notice&start=2026-02-02',
    });
    expect(wkkgzDecline.statusCode).toBe(422);
  });
});
