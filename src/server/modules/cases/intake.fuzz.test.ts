import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, exampleComplaint, type TestContext } from '../../../../test/helpers.js';

// "Bad input gets a clear error, never a 500": seeded random mutations of the api.md example.
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const junk: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  '',
  ' ',
  'x'.repeat(30_000),
  '2026-13-45',
  '\u0000',
  '<script>alert(1)</script>',
  "'; DROP TABLE complaint_case; --",
  [],
  [1, 2],
  {},
  { $ne: 1 },
  '😀'.repeat(100),
  'NaN',
  '2026-02-29T25:00:00Z',
];

function mutate(random: () => number): unknown {
  const body = structuredClone(exampleComplaint) as Record<string, unknown>;
  const paths = [
    'complainant',
    'complainant.name',
    'complainant.email',
    'complainant.phone',
    'complainant.address',
    'description',
    'desiredOutcome',
    'incidentDate',
    'language',
    'categoryId',
    '__proto__',
    'constructor',
  ];
  const n = 1 + Math.floor(random() * 3);
  for (let i = 0; i < n; i++) {
    const path = paths[Math.floor(random() * paths.length)]!.split('.');
    const value = junk[Math.floor(random() * junk.length)];
    let target = body;
    for (const key of path.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    if (random() < 0.15) delete target[path.at(-1)!];
    else target[path.at(-1)!] = value;
  }
  return body;
}

describe('public intake never answers 500', () => {
  it('300 seeded random bodies: 201, 400 or 422 only, and every 4xx names its fields', async () => {
    const random = rng(20261122);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const payload = JSON.stringify(mutate(random));
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        payload,
        headers: { 'content-type': 'application/json' },
      });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      expect([201, 400, 422], payload.slice(0, 300)).toContain(res.statusCode);
      if (res.statusCode !== 201) expect(res.json().error.fields.length).toBeGreaterThan(0);
    }
    expect(statuses.get(422)).toBeGreaterThan(100);
  });

  it.each([
    ['text/plain', 'hallo'],
    ['application/xml', '<klacht/>'],
    ['application/json', 'null'],
    ['application/json', '"tekst"'],
    ['application/json', '[]'],
  ])('content type %s with %s is refused with 4xx', async (type, payload) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      payload,
      headers: { 'content-type': type },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().error.code).toBeDefined();
  });

  it('an over-long Idempotency-Key is a field error', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      payload: exampleComplaint,
      headers: { 'idempotency-key': 'k'.repeat(500) },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].path).toBe('idempotency-key');
  });
});
