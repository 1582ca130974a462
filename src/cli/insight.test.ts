import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../insight/random.js';
import { evaluate, formatReport } from './insight.js';
import { UsageError } from './letters.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-eval-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const WORDS: Record<string, string[]> = {
  Afval: ['afval', 'container', 'vuilnis', 'ophalen', 'kliko'],
  Parkeren: ['parkeren', 'vergunning', 'boete', 'auto', 'bekeuring'],
  Wegen: ['stoep', 'gat', 'weg', 'losliggende', 'tegel'],
};

function writeCsv(name: string, n: number, seed: number): string {
  const random = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const rows = ['"omschrijving","categorie"'];
  for (let i = 0; i < n; i++) {
    const label = pick(Object.keys(WORDS));
    const text = `${pick(WORDS[label]!)} ${pick(WORDS[label]!)}, in de straat, "al weken" ${pick(['gemeente', 'brief', 'gebeld'])}`;
    rows.push(`"${text.replace(/"/g, '""')}",${label}`);
  }
  rows.push('"zonder categorie",');
  const file = path.join(dir, name);
  fs.writeFileSync(file, rows.join('\n'));
  return file;
}

describe('redress insight evaluate', () => {
  const trainFile = writeCsv('train.csv', 120, 1);
  const testFile = writeCsv('test.csv', 60, 2);

  it('trains on one CSV and scores on another', () => {
    const r = evaluate({ train: trainFile, test: testFile, text: 'omschrijving', label: 'categorie' });
    expect(r.train).toMatchObject({ rows: 120, skipped: 1, classes: 3 });
    expect(r.test).toMatchObject({ rows: 60, skipped: 1, unseenLabels: 0 });
    expect(r.accuracy).toBeGreaterThan(0.9);
    expect(r.macroF1).toBeGreaterThan(0.9);
    expect(r.perClass.map((c) => c.label)).toEqual(['Afval', 'Parkeren', 'Wegen']);
    expect(r.perClass.reduce((s, c) => s + c.support, 0)).toBe(60);
    expect(r.trainSeconds).toBeGreaterThan(0);
    expect(r.msPerPrediction).toBeGreaterThan(0);
    const text = formatReport(r);
    expect(text).toMatch(/accuracy \d+\.\d % {3}macro-F1 \d+\.\d %/);
    expect(JSON.parse(JSON.stringify(r)).macroF1).toBe(r.macroF1);
  });

  it('names a missing column and a missing file', () => {
    expect(() => evaluate({ train: trainFile, test: testFile, text: 'tekst', label: 'categorie' })).toThrow(
      /no column "tekst".*omschrijving/,
    );
    expect(() =>
      evaluate({
        train: path.join(dir, 'nope.csv'),
        test: testFile,
        text: 'omschrijving',
        label: 'categorie',
      }),
    ).toThrow(UsageError);
  });
});
