import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers.js';

// One source of truth for legal labels: statuses, actions, the 9:8 grounds (with the text
// of the law) and task names come from the domain through GET /api/v1/labels, in Dutch and English.

let t: TestContext;
let auth: Record<string, string>;
beforeAll(async () => {
  t = await createTestContext();
  auth = (await t.staff('handler')).auth;
});
afterAll(async () => t?.close());

type Entry = { value: string; label: string; law?: string; rule?: string };
type Labels = Record<'statuses' | 'actions' | 'declineGrounds' | 'tasks', Entry[]>;

async function labels(lang: 'nl' | 'en'): Promise<Labels> {
  const res = await t.app.inject({ url: `/api/v1/labels?lang=${lang}`, headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('GET /api/v1/labels: every legal label once, in both languages', () => {
  it('has each value in Dutch and in English, never blank and never the same untranslated key', async () => {
    const [nl, en] = [await labels('nl'), await labels('en')];
    for (const list of ['statuses', 'actions', 'declineGrounds', 'tasks'] as const) {
      expect(
        nl[list].map((x) => x.value),
        list,
      ).toEqual(en[list].map((x) => x.value));
      expect(nl[list].length, list).toBeGreaterThan(0);
      for (const [i, a] of nl[list].entries()) {
        const b = en[list][i]!;
        expect(a.label.trim(), `${list}.${a.value} nl`).not.toBe('');
        expect(b.label.trim(), `${list}.${a.value} en`).not.toBe('');
        expect(a.label, `${list}.${a.value}: a label that exists in one language only`).not.toBe(a.value);
      }
    }
  });

  it('AWB-20: the 9:8 grounds c, e and f say what the law says', async () => {
    const nl = Object.fromEntries((await labels('nl')).declineGrounds.map((g) => [g.value, g]));
    const en = Object.fromEntries((await labels('en')).declineGrounds.map((g) => [g.value, g]));
    // c: an objection (bezwaar) the complainant could have made; not "appeal".
    expect(nl.c!.law).toContain('bezwaar had kunnen worden gemaakt');
    expect(nl.c!.label).not.toMatch(/beroep/);
    // e: a court other than an administrative court; not "criminal proceedings".
    expect(nl.e!.law).toContain('rechterlijke instantie anders dan een bestuursrechter');
    expect(nl.e!.label).not.toMatch(/straf/);
    expect(en.e!.label).toContain('other than an administrative court');
    // f: a criminal investigation ordered by the public prosecutor, or a prosecution.
    expect(nl.f!.law).toMatch(/opsporingsonderzoek op bevel van het openbaar ministerie .*vervolging/);
    expect(en.f!.label).toMatch(/criminal investigation/);
  });

  it('the back office keeps no copy of the grounds (read from the API instead)', () => {
    const web = path.resolve(import.meta.dirname, '../../../web/backoffice');
    const files = fs
      .readdirSync(web, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && f !== 'api-types.ts');
    for (const f of files) {
      const text = fs.readFileSync(path.join(web, f), 'utf8');
      expect(text, f).not.toMatch(/9:8 lid 1|9:8\(1\)|strafrechtelijke procedure/);
    }
  });
});
