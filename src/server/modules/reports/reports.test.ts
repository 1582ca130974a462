import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/helpers.js';

let t: TestContext;
let manager: Awaited<ReturnType<TestContext['staff']>>;
let handler: Awaited<ReturnType<TestContext['staff']>>;
const year = new Date().getUTCFullYear() - 1;
const people = [
  {
    name: 'Anna de Vries',
    email: 'anna@example.nl',
    phone: '0612345678',
    address: 'Dorpsstraat 1, 1234 AB Ergens',
  },
  {
    name: 'Kees Bakker',
    email: 'kees.bakker@example.com',
    phone: '020-7654321',
    address: 'Kerkweg 12, 5678 CD Elders',
  },
];

async function yearCase(i: number, category: string, extra: Record<string, unknown> = {}): Promise<string> {
  const p = people[i % 2]!;
  const receivedAt = new Date(Date.UTC(year, 2, 1 + i, 10)).toISOString();
  const r = await t.services.intake.register(
    {
      complainant: p,
      description: `Klacht ${i} van ${p.name}`,
      language: 'nl',
      channel: i % 3 === 0 ? 'email' : 'web',
      receivedAt,
    } as never,
    { actorId: null },
  );
  const id = r.response.id;
  const cat = await t.database.db
    .selectFrom('category')
    .select('id')
    .where('name', '=', category)
    .executeTakeFirstOrThrow();
  await t.database.db
    .updateTable('complaint_case')
    .set({ category_id: cat.id, ...extra })
    .where('id', '=', id)
    .execute();
  return id;
}

beforeAll(async () => {
  t = await createTestContext();
  await t.services.organisation.save({ name: 'Gemeente Jaarstad', regime: 'awb', settings: {} });
  for (const name of ['Afval', 'Parkeren', 'Wegen', 'Bejegening'])
    await t.database.db.insertInto('category').values({ name }).execute();
  manager = await t.staff('manager');
  handler = await t.staff('handler');
  const decided = (i: number, leadDays: number, late: boolean) => {
    const received = new Date(Date.UTC(year, 2, 1 + i, 10));
    const decidedAt = new Date(received.getTime() + leadDays * 86_400_000);
    const due = new Date(received.getTime() + (late ? leadDays - 3 : leadDays + 3) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return {
      status: 'closed',
      outcome: 'upheld',
      decided_at: decidedAt,
      closed_at: decidedAt,
      decision_due: due,
    };
  };
  // Afval 8 (decided, lead 10..45 days, two late), Parkeren 3, Wegen 2 (merged: 5), Bejegening 1 next year.
  for (let i = 0; i < 8; i++) await yearCase(i, 'Afval', decided(i, 10 + i * 5, i >= 6));
  for (let i = 8; i < 11; i++)
    await yearCase(i, 'Parkeren', {
      status: 'declined',
      outcome: 'declined',
      decline: JSON.stringify({ ground: '9:8 lid 1 a' }),
    });
  const withLesson = await yearCase(11, 'Wegen', {
    status: 'informally_resolved',
    outcome: 'informally_resolved',
    informal_resolution: JSON.stringify({ confirmedOn: `${year}-03-20` }),
    lessons:
      'Kees Bakker (kees.bakker@example.com, 020-7654321, Kerkweg 12) kreeg van Jansen geen antwoord; IBAN NL91ABNA0417164300.',
    improvement_action: 'Terugbelverzoeken binnen 2 werkdagen afhandelen.',
  });
  await t.database.db
    .insertInto('respondent')
    .values({ case_id: withLesson, kind: 'staff', name: 'Piet Jansen' })
    .execute();
  await yearCase(12, 'Wegen');
  await t.database.db
    .updateTable('complaint_case')
    .set({ receipt_date: `${year + 1}-01-02` })
    .where('id', '=', await yearCase(13, 'Bejegening'))
    .execute();
});
afterAll(async () => t?.close());

describe('GET /api/v1/reports/annual (Awb 9:12a)', () => {
  it('is for managers and admins, for a valid year', async () => {
    expect((await t.app.inject({ url: `/api/v1/reports/annual?year=${year}` })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ url: `/api/v1/reports/annual?year=${year}`, headers: handler.auth })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ url: '/api/v1/reports/annual?year=twintig', headers: manager.auth })).statusCode,
    ).toBe(422);
  });

  it('counts the year per category, outcome and channel, with lead time and deadlines', async () => {
    const res = await t.app.inject({ url: `/api/v1/reports/annual?year=${year}`, headers: manager.auth });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ year, organisation: 'Gemeente Jaarstad', k: 5, received: 13 });
    // PRIV-08: Parkeren (3) and Wegen (2) are merged; Bejegening belongs to the next year.
    expect(r.categories).toEqual([
      { key: 'Afval', count: 8 },
      { key: 'overig', count: 5 },
    ]);
    expect(r.outcomes).toEqual([
      { key: 'upheld', count: 8 },
      { key: 'overig', count: 5 },
    ]);
    expect(
      r.channels.reduce((s: number, c: { count: number | null }) => s + (c.count ?? 0), 0),
    ).toBeLessThanOrEqual(13);
    expect(r.leadTimeDays.n).toBe(8);
    expect(r.leadTimeDays.median).toBeCloseTo(27.5, 1);
    expect(r.leadTimeDays.p90).toBeCloseTo(41.5, 1);
    // 6 decided on time; 2 late is below k and withheld.
    expect(r.deadlines).toMatchObject({ decidedOnTime: 6, decidedLate: null });
    expect(r.declined).toBeNull(); // 3 < k
    expect(r.satisfaction).toBeNull();
  });

  it('contains no names, addresses, e-mail addresses, phone numbers or account numbers', async () => {
    const json = (await t.app.inject({ url: `/api/v1/reports/annual?year=${year}`, headers: manager.auth }))
      .body;
    const csv = await t.app.inject({
      url: `/api/v1/reports/annual?year=${year}&format=csv`,
      headers: manager.auth,
    });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    for (const body of [json, csv.body]) {
      for (const p of people)
        for (const leak of [
          p.name,
          ...p.name.split(' ').filter((w) => w.length > 2),
          p.email,
          p.phone,
          p.address,
          p.address.split(',')[0]!,
        ])
          expect(body).not.toContain(leak);
      expect(body).not.toContain('Jansen');
      expect(body).not.toContain('NL91');
      expect(body).toContain('Terugbelverzoeken binnen 2 werkdagen afhandelen.');
    }
    expect(JSON.parse(json).lessons[0]).toMatch(
      /^\[naam\] \(\[e-mail\], \[telefoon\], \[adres\]\) kreeg van \[naam\] geen antwoord/,
    );
    expect(csv.body.split('\r\n')[0]).toBe('section,key,value,note');
    expect(csv.body).toContain('category,Afval,8,');
    expect(csv.body).toContain('category,overig,5,');
    expect(csv.body).not.toContain('Parkeren');
  });
});
