import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, exampleComplaint, type TestContext } from '../../../../test/helpers.js';
import { seededRandom } from '../../../insight/random.js';
import { MIN_EXAMPLES } from './service.js';

let t: TestContext;
let manager: Awaited<ReturnType<TestContext['staff']>>;
let handler: Awaited<ReturnType<TestContext['staff']>>;
const cat: Record<string, string> = {};

// Complaint texts made here, per category: the organisation's own history the model learns from.
const TOPICS: Record<string, string[]> = {
  Afval: ['afval', 'container', 'vuilniszak', 'ophalen', 'kliko', 'grofvuil', 'vuilniswagen', 'papierbak'],
  Parkeren: [
    'parkeervergunning',
    'parkeerboete',
    'parkeerplaats',
    'auto',
    'handhaver',
    'bekeuring',
    'parkeerautomaat',
    'garage',
  ],
  Bejegening: [
    'medewerker',
    'onbeleefd',
    'balie',
    'toon',
    'respectloos',
    'behandeld',
    'uitgescholden',
    'schreeuwde',
  ],
};
const FILLER = [
  'gemeente',
  'week',
  'brief',
  'gebeld',
  'reactie',
  'probleem',
  'straat',
  'vorige',
  'antwoord',
  'situatie',
];
const random = seededRandom(7);
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
const textAbout = (topic: string) =>
  `${pick(FILLER)} ${pick(TOPICS[topic]!)} ${pick(FILLER)} ${pick(TOPICS[topic]!)} ${pick(TOPICS[topic]!)} ${pick(FILLER)} ${pick(TOPICS[topic]!)}.`;

async function newCase(
  description: string,
  opts: { category?: string; closed?: boolean; daysAgo?: number } = {},
): Promise<string> {
  const receivedAt = new Date(Date.now() - (opts.daysAgo ?? 0) * 86_400_000).toISOString();
  const r = await t.services.intake.register(
    {
      ...exampleComplaint,
      description,
      channel: 'phone',
      receivedAt,
      categoryId: opts.category ? cat[opts.category] : undefined,
    } as never,
    { actorId: null },
  );
  if (opts.closed)
    await t.database.db
      .updateTable('complaint_case')
      .set({ status: 'closed', outcome: 'not_upheld', closed_at: new Date() })
      .where('id', '=', r.response.id)
      .execute();
  return r.response.id;
}

beforeAll(async () => {
  t = await createTestContext();
  await t.services.organisation.save({ name: 'Gemeente Leerstad', regime: 'awb', settings: {} });
  for (const name of Object.keys(TOPICS))
    cat[name] = (
      await t.database.db.insertInto('category').values({ name }).returning('id').executeTakeFirstOrThrow()
    ).id;
  manager = await t.staff('manager');
  handler = await t.staff('handler');
});
afterAll(async () => t?.close());

describe('category suggestions', () => {
  let open: string;

  it('need staff credentials', async () => {
    open = await newCase('De container met afval is niet geleegd en de vuilniswagen kwam niet.');
    expect((await t.app.inject({ url: `/api/v1/cases/${open}/suggestions` })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/insight/retrain', headers: handler.auth }))
        .statusCode,
    ).toBe(403);
  });

  it('say there is no model yet, and suggest nothing', async () => {
    const res = await t.app.inject({ url: `/api/v1/cases/${open}/suggestions`, headers: handler.auth });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ model: { status: 'none' }, categories: [] });
  });

  it('with too little history say so instead of guessing', async () => {
    for (const topic of Object.keys(TOPICS))
      for (let i = 0; i < 4; i++)
        await newCase(textAbout(topic), { category: topic, closed: true, daysAgo: 20 + i });
    const retrain = await t.app.inject({
      method: 'POST',
      url: '/api/v1/insight/retrain',
      headers: manager.auth,
    });
    expect(retrain.statusCode, retrain.body).toBe(200);
    expect(retrain.json()).toMatchObject({ status: 'insufficient_history', examples: 0 });
    const res = await t.app.inject({
      url: `/api/v1/cases/${open}/suggestions?lang=en`,
      headers: handler.auth,
    });
    expect(res.json().model.status).toBe('insufficient_history');
    expect(res.json().model.message).toMatch(/Too little closed, categorised history/);
    expect(res.json().categories).toEqual([]);
  });

  it('learn from closed, categorised cases and suggest the right category first, with similar cases', async () => {
    // 3 categories × 12 closed cases, spread over the previous weeks; open cases do not count.
    for (const topic of Object.keys(TOPICS))
      for (let i = 0; i < 8; i++)
        await newCase(textAbout(topic), { category: topic, closed: true, daysAgo: 15 + i * 5 });
    await newCase(textAbout('Parkeren'), { category: 'Afval' }); // open: not history
    const retrain = await t.app.inject({
      method: 'POST',
      url: '/api/v1/insight/retrain',
      headers: manager.auth,
    });
    expect(retrain.json()).toMatchObject({ status: 'trained', examples: 36, categories: 3 });
    expect(36).toBeGreaterThanOrEqual(MIN_EXAMPLES);

    const res = await t.app.inject({ url: `/api/v1/cases/${open}/suggestions`, headers: handler.auth });
    const body = res.json();
    expect(body.model).toMatchObject({ status: 'trained', examples: 36, categories: 3 });
    expect(body.categories[0]).toMatchObject({ categoryId: cat.Afval, name: 'Afval' });
    expect(body.categories[0].confidence).toBeGreaterThan(0.4);
    expect(body.categories.length).toBeLessThanOrEqual(3);
    expect(body.similar.length).toBeGreaterThan(0);
    expect(body.similar.map((s: { id: string }) => s.id)).not.toContain(open);
    expect(body.similar[0]).toMatchObject({ categoryId: cat.Afval, category: 'Afval' });
    expect(body.similar[0].reference).toMatch(/^KL-\d{4}-\d{6}$/);

    const parking = await newCase(
      'Ik kreeg een parkeerboete terwijl mijn parkeervergunning gewoon achter de voorruit van de auto lag.',
    );
    const p = (
      await t.app.inject({ url: `/api/v1/cases/${parking}/suggestions`, headers: handler.auth })
    ).json();
    expect(p.categories[0].name).toBe('Parkeren');
  });

  it('suggest nothing when the text has no word the model knows', async () => {
    const vague = await newCase('Wanneer hoor ik iets over mijn melding?');
    const res = (
      await t.app.inject({ url: `/api/v1/cases/${vague}/suggestions`, headers: handler.auth })
    ).json();
    expect(res.categories).toEqual([]);
  });

  it('answer 404 for an unknown case', async () => {
    const res = await t.app.inject({
      url: '/api/v1/cases/00000000-0000-4000-8000-000000000000/suggestions',
      headers: handler.auth,
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('spike alerts', () => {
  it('are for managers and admins', async () => {
    expect((await t.app.inject({ url: '/api/v1/insight/spikes', headers: handler.auth })).statusCode).toBe(
      403,
    );
  });

  it('flag a category with many more complaints this week than its baseline, and only that one', async () => {
    for (let i = 0; i < 9; i++) await newCase(textAbout('Bejegening'), { category: 'Bejegening' });
    const res = await t.app.inject({
      url: '/api/v1/insight/spikes?unit=week&baselinePeriods=8',
      headers: manager.auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.spikes.map((s: { category: string }) => s.category)).toEqual(['Bejegening']);
    expect(body.spikes[0].count).toBeGreaterThanOrEqual(9);
    expect(body.spikes[0].counts).toHaveLength(9);
    expect(body.spikes[0].pValue).toBeLessThan(0.01);
  });
});
