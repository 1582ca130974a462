import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { seededRandom } from '../insight/random.js';
import { formatImport, importCases, parseDate, type ImportOptions } from './import.js';

let t: TestContext;
const today = '2026-11-22';
const opts: ImportOptions = {
  reference: 'Kenmerk',
  received: 'Ontvangen',
  description: 'Omschrijving',
  category: 'Categorie',
  outcome: 'Oordeel',
  closed: 'Afgesloten',
  channel: 'Kanaal',
  defaultChannel: 'letter',
};
const header = 'Kenmerk,Ontvangen,Omschrijving,Categorie,Oordeel,Afgesloten,Kanaal';

const WORDS: Record<string, string[]> = {
  Afval: ['afval', 'container', 'vuilniszak', 'ophalen', 'kliko', 'grofvuil'],
  Parkeren: ['parkeervergunning', 'parkeerboete', 'parkeerplaats', 'auto', 'bekeuring', 'parkeerautomaat'],
};
function register(n: number): string {
  const random = seededRandom(3);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const rows = [header];
  for (let i = 1; i <= n; i++) {
    const cat = i % 2 ? 'Afval' : 'Parkeren';
    const text = `"${pick(WORDS[cat]!)} ${pick(WORDS[cat]!)} bij ons in de straat,\nal weken ${pick(WORDS[cat]!)} ${pick(WORDS[cat]!)}"`;
    rows.push(
      `OUD-${i},${String((i % 28) + 1).padStart(2, '0')}-03-2025,${text},${cat},${pick(['gegrond', 'ongegrond', 'Deels gegrond'])},2025-05-01,${pick(['telefoon', 'E-mail', 'brief', ''])}`,
    );
  }
  return rows.join('\n');
}

beforeAll(async () => {
  t = await createTestContext();
  await t.services.organisation.save({ name: 'Gemeente Archief', regime: 'awb', settings: {} });
  await t.database.db.insertInto('category').values({ name: 'Afval' }).execute();
});
afterAll(async () => t?.close());

const count = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('complaint_case')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('redress import cases', () => {
  it('reads dates in ISO and Dutch order and rejects impossible ones', () => {
    expect(parseDate('2025-03-01')).toBe('2025-03-01');
    expect(parseDate('1-3-2025')).toBe('2025-03-01');
    expect(parseDate('01/03/2025')).toBe('2025-03-01');
    expect(parseDate('2025-03-01T10:00:00+01:00')).toBe('2025-03-01');
    expect(parseDate('31-02-2025')).toBeUndefined();
    expect(parseDate('maart')).toBeUndefined();
  });

  it('reports every bad row with its line in the file (multi-line texts counted) and writes nothing', async () => {
    const csv = [
      header,
      'A-1,2025-01-05,"Twee regels\ntekst",Afval,gegrond,2025-02-01,brief', // lines 2-3
      'A-2,31-02-2025,Tekst,Afval,gegrond,,brief', // line 4: bad date
      'A-3,2025-01-05,,Afval,misschien,2025-01-01,duif', // line 5: empty text, outcome, closed before received, channel
      'A-1,2025-01-06,Nog eens,Afval,,,', // line 6: duplicate reference
      'A-4,2030-01-01,Toekomst,Onbekend,,,', // line 7: future, unknown category
    ].join('\n');
    const before = await count();
    const r = await importCases(t.services, csv, opts, today);
    expect(r.imported).toBe(0);
    expect(r.errors.map((e) => `${e.line}:${e.column}`)).toEqual([
      '4:Ontvangen',
      '5:Omschrijving',
      '5:Oordeel',
      '5:Afgesloten',
      '5:Kanaal',
      '6:Kenmerk',
      '7:Ontvangen',
    ]);
    expect(await count()).toBe(before);
    expect(formatImport('register.csv', r)).toMatch(
      /^register\.csv:4: Ontvangen: "31-02-2025" is not a date/,
    );
    const unknown = await importCases(
      t.services,
      [header, 'A-9,2025-01-05,Tekst,Onbekend,,,'].join('\n'),
      opts,
      today,
    );
    expect(unknown.errors).toEqual([
      {
        line: 2,
        column: 'Categorie',
        message: expect.stringMatching(/unknown category "Onbekend".*--create-categories/),
      },
    ]);
  });

  it('names a missing column', async () => {
    const r = await importCases(t.services, register(2), { ...opts, outcome: 'Uitkomst' }, today);
    expect(r.errors[0]).toMatchObject({
      line: 1,
      message: expect.stringMatching(/--outcome: no column "Uitkomst"/),
    });
  });

  it('dry-run says what would happen and writes nothing', async () => {
    const before = await count();
    const r = await importCases(
      t.services,
      register(40),
      { ...opts, dryRun: true, createCategories: true },
      today,
    );
    expect(r).toMatchObject({
      rows: 40,
      imported: 40,
      alreadyPresent: 0,
      categoriesCreated: ['Parkeren'],
      errors: [],
      dryRun: true,
    });
    expect(await count()).toBe(before);
  });

  it('imports with a history event, is idempotent on the reference, and the classifier learns from it', async () => {
    const before = await count();
    const r = await importCases(t.services, register(40), { ...opts, createCategories: true }, today);
    expect(r).toMatchObject({ rows: 40, imported: 40, alreadyPresent: 0, categoriesCreated: ['Parkeren'] });
    expect(await count()).toBe(before + 40);
    const again = await importCases(t.services, register(40), { ...opts, createCategories: true }, today);
    expect(again).toMatchObject({ imported: 0, alreadyPresent: 40 });
    expect(await count()).toBe(before + 40);

    const c = await t.database.db
      .selectFrom('complaint_case')
      .selectAll()
      .where('reference', '=', 'OUD-3')
      .executeTakeFirstOrThrow();
    expect(c).toMatchObject({
      status: 'closed',
      receipt_date: '2025-03-04',
      complainant_name: null,
      language: 'nl',
    });
    expect(c.closed_at?.toISOString().slice(0, 10)).toBe('2025-05-01');
    expect(['upheld', 'not_upheld', 'partly_upheld']).toContain(c.outcome);
    expect(c.description).toContain('\n');
    const events = await t.database.db
      .selectFrom('case_event')
      .select(['type', 'data'])
      .where('case_id', '=', c.id)
      .execute();
    expect(events).toEqual([{ type: 'case.imported', data: { reference: 'OUD-3', line: 7, source: 'csv' } }]);

    const trained = await t.services.insight.retrain();
    expect(trained).toMatchObject({ status: 'trained', examples: 40, categories: 2 });
  });

  it('keeps later intakes clear of imported KL- references', async () => {
    const year = new Date().getUTCFullYear();
    const r = await importCases(
      t.services,
      [header, `KL-${year}-000500,2025-01-05,Oude klacht,Afval,gegrond,2025-02-01,brief`].join('\n'),
      opts,
      today,
    );
    expect(r.imported).toBe(1);
    const next = await t.services.intake.register(
      { complainant: { name: 'Test', email: 't@example.nl' }, description: 'Nieuw', language: 'nl' } as never,
      { actorId: null },
    );
    expect(next.response.reference > `KL-${year}-000500`).toBe(true);
  });
});
