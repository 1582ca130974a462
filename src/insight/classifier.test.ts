import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { TextClassifier, train, type TrainingExample } from './classifier.js';
import { score } from './metrics.js';
import { seededRandom } from './random.js';
import { dedupeAndSplit } from './split.js';
import { detectLanguage } from './text.js';

// A synthetic register made here: each category has its own words, all share filler words, and the
// classes are imbalanced (half the history is one category), so always guessing it scores badly.
const TOPICS: Record<string, string[]> = {
  afval: ['afval', 'container', 'vuilnis', 'ophalen', 'kliko', 'grofvuil', 'stank', 'vuilniswagen'],
  parkeren: ['parkeren', 'vergunning', 'boete', 'parkeerplaats', 'auto', 'handhaving', 'bekeuring', 'garage'],
  bejegening: ['medewerker', 'onbeleefd', 'balie', 'toon', 'respectloos', 'behandeld', 'grof', 'schreeuwde'],
  belasting: ['aanslag', 'ozb', 'belasting', 'bezwaar', 'betalen', 'termijn', 'woz', 'waarde'],
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
  'dag',
  'antwoord',
  'situatie',
  'langer',
];

function makeSet(n: number, seed: number): TrainingExample[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const shares: [string, number][] = [
    ['afval', 0.5],
    ['parkeren', 0.2],
    ['bejegening', 0.15],
    ['belasting', 0.15],
  ];
  return Array.from({ length: n }, () => {
    let r = random();
    const label = shares.find(([, s]) => (r -= s) < 0)?.[0] ?? 'afval';
    // Three topic words among eight filler words, and a one-in-five chance of a stray topic word.
    const ws = [
      ...Array.from({ length: 3 }, () => pick(TOPICS[label]!)),
      ...Array.from({ length: 8 }, () => pick(FILLER)),
    ];
    if (random() < 0.2) ws.push(pick(TOPICS[pick(Object.keys(TOPICS))]!));
    return { text: ws.sort(() => random() - 0.5).join(' '), label, lang: 'nl' as const };
  });
}

describe('text classifier', () => {
  const trainSet = makeSet(400, 1);
  const testSet = makeSet(200, 2);
  const model = train(trainSet);
  const predicted = testSet.map((e) => model.predict(e.text, e.lang));
  const s = score(
    testSet.map((e) => e.label),
    predicted,
  );

  it('beats the majority baseline by a clear margin', () => {
    const counts = new Map<string, number>();
    for (const e of trainSet) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
    const majority = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const baseline = score(
      testSet.map((e) => e.label),
      testSet.map(() => majority),
    );
    expect(baseline.macroF1).toBeLessThan(0.25);
    expect(s.macroF1).toBeGreaterThan(baseline.macroF1 + 0.5);
    expect(s.accuracy).toBeGreaterThan(baseline.accuracy + 0.3);
  });

  it('chose an algorithm by held-out macro-F1 and fitted a temperature', () => {
    expect(model.model.validation?.candidates).toHaveProperty('nb');
    expect(model.model.validation?.candidates).toHaveProperty('sgd');
    const c = model.model.validation!.candidates;
    expect(c[model.model.algorithm]).toBe(Math.max(c.nb ?? 0, c.sgd ?? 0));
    expect(model.model.temperature).toBeGreaterThan(0);
  });

  it('survives a JSON round trip with the same predictions', () => {
    const copy = TextClassifier.fromJSON(JSON.parse(JSON.stringify(model)));
    expect(testSet.map((e) => copy.predict(e.text, e.lang))).toEqual(predicted);
    expect(() => TextClassifier.fromJSON({ kind: 'something else' })).toThrow();
  });

  it('suggests the top three with descending confidence, and nothing below the threshold or for unknown words', () => {
    const top = model.suggest('de container met afval is niet geleegd, de vuilniswagen kwam niet', 'nl');
    expect(top).toHaveLength(3);
    expect(top[0]?.label).toBe('afval');
    expect(top[0]!.confidence).toBeGreaterThan(top[1]!.confidence);
    expect(top.reduce((a, b) => a + b.confidence, 0)).toBeLessThanOrEqual(1.0001);
    // Only words every category shares: no category stands out, so no suggestion.
    expect(model.suggest('de gemeente stuurde vorige week een brief', 'nl', { minConfidence: 0.6 })).toEqual(
      [],
    );
    expect(model.suggest('xyzzy plugh', 'nl')).toEqual([]);
  });

  it('is reasonably calibrated: confident suggestions are mostly right', () => {
    const confident = testSet.filter((e) => (model.suggest(e.text, e.lang)[0]?.confidence ?? 0) >= 0.8);
    const right = confident.filter((e) => model.predict(e.text, e.lang) === e.label).length;
    expect(confident.length).toBeGreaterThan(20);
    expect(right / confident.length).toBeGreaterThan(0.8);
  });

  it('refuses to learn from one label', () => {
    expect(() => train(trainSet.map((e) => ({ ...e, label: 'x' })))).toThrow(/two labels/);
  });
});

// Real Dutch text (the project's development data, never shipped): REDRESS_DATA_DIR names the folder,
// by default the nearest `shared/data` in a folder above the checkout. Without it this block is reported
// as skipped, by name, and under REQUIRE_DEV_DATA=1 its absence fails instead of skipping.
const ancestors = (dir: string): string[] =>
  path.dirname(dir) === dir ? [dir] : [dir, ...ancestors(path.dirname(dir))];
const dataDir = [
  process.env.REDRESS_DATA_DIR,
  ...ancestors(import.meta.dirname).map((d) => path.join(d, 'shared/data')),
]
  .filter((d): d is string => Boolean(d))
  .find((d) => fs.existsSync(path.join(d, 'nl_dekamer_parliamentary_questions_2017.csv')));

if (!dataDir && process.env.REQUIRE_DEV_DATA === '1') {
  throw new Error('REQUIRE_DEV_DATA=1 but no shared/data found: set REDRESS_DATA_DIR');
}

describe.skipIf(!dataDir)('dekamer (real Dutch text, shared/data; skipped when absent)', () => {
  it(
    'routes questions to the answering ministry with macro-F1 above the measured floor',
    { timeout: 120_000 },
    () => {
      const rows = parse<Record<string, string>>(
        fs.readFileSync(path.join(dataDir!, 'nl_dekamer_parliamentary_questions_2017.csv'), 'utf8'),
        { columns: true, bom: true },
      );
      const { train: tr, test: te } = dedupeAndSplit(rows, (r) => r.question ?? '');
      const ex = (r: Record<string, string>): TrainingExample => ({
        text: r.question!,
        label: r.answer_department!,
        lang: detectLanguage(r.question!),
      });
      const model = train(tr.filter((r) => r.answer_department).map(ex));
      const test = te.filter((r) => r.answer_department).map(ex);
      const s = score(
        test.map((e) => e.label),
        test.map((e) => model.predict(e.text, e.lang)),
      );
      // Measured 0.583 macro-F1 / 0.718 accuracy (docs/insight.md); the floor leaves a margin.
      expect(s.macroF1).toBeGreaterThan(0.5);
      expect(s.accuracy).toBeGreaterThan(0.65);
    },
  );
});
