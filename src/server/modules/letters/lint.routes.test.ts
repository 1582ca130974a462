import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../domain/letters/fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

let t: TestContext;
let auth: { authorization: string };
beforeAll(async () => {
  t = await createTestContext();
  auth = (await t.staff('handler')).auth;
});
afterAll(async () => t?.close());

const lint = (payload: unknown, headers: Record<string, string> = auth) =>
  t.app.inject({ method: 'POST', url: '/api/v1/letters/lint', payload: payload as object, headers });

describe('POST /api/v1/letters/lint (api.md)', () => {
  it('returns the findings with rule, severity, message, paragraph and suggestion (LET-01)', async () => {
    const res = await lint({ regime: 'awb', kind: 'decision', text: fixture('bad-LET-01.decision-awb.txt') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      findings: [
        {
          rule: 'LET-01',
          severity: 'error',
          message: expect.stringContaining('ongegrond'),
          paragraph: 4,
          suggestion: expect.any(String),
        },
      ],
    });
  });

  it('a good letter has no findings; the regime matters (WKKGZ-08)', async () => {
    expect(
      (await lint({ regime: 'awb', kind: 'decision', text: fixture('decision-awb-nl.good.txt') })).json(),
    ).toEqual({ findings: [] });
    const wkkgz = (
      await lint({ regime: 'wkkgz', kind: 'decision', text: fixture('decision-awb-nl.good.txt') })
    ).json();
    expect(wkkgz.findings.map((f: { rule: string }) => f.rule)).toContain('WKKGZ-08');
  });

  it('words the findings in English when asked', async () => {
    const res = await lint(
      { regime: 'awb', kind: 'decision', text: fixture('bad-LET-07.decision-awb.txt') },
      { ...auth, 'accept-language': 'en' },
    );
    expect(res.json().findings[0].message).toMatch(/phone number/);
  });

  it('needs a staff token', async () => {
    const res = await lint({ regime: 'awb', kind: 'decision', text: 'Geachte heer,' }, {});
    expect(res.statusCode).toBe(401);
  });

  it.each([
    [{ regime: 'awb', kind: 'brief', text: 'x' }, 'kind'],
    [{ regime: 'nl', kind: 'decision', text: 'x' }, 'regime'],
    [{ regime: 'awb', kind: 'decision', text: '' }, 'text'],
    [{ regime: 'awb', kind: 'decision' }, 'text'],
  ])('bad input is a 422 with field errors: %j', async (payload, field) => {
    const res = await lint(payload);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.paths['/api/v1/letters/lint'].post).toBeDefined();
  });
});
