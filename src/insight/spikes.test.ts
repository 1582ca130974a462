import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.js';
import { bucket, detectSpikes, periodStarts, poissonUpperTail } from './spikes.js';

/** A Poisson series (Knuth's method) with a seeded generator. */
function poissonSeries(lambda: number, n: number, seed: number): number[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= random();
    } while (p > l);
    return k - 1;
  });
}

describe('spike detection', () => {
  it('computes the Poisson upper tail', () => {
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 10);
    expect(poissonUpperTail(3, 1)).toBeCloseTo(1 - Math.exp(-1) * (1 + 1 + 0.5), 10);
  });

  it('flags a category whose count jumps far above its baseline', () => {
    const spikes = detectSpikes([
      { key: 'afval', counts: [4, 5, 3, 6, 4, 5, 4, 5, 19] },
      { key: 'parkeren', counts: [10, 12, 9, 11, 10, 13, 12, 11, 14] },
    ]);
    expect(spikes.map((s) => s.key)).toEqual(['afval']);
    expect(spikes[0]).toMatchObject({ count: 19, baseline: 4.5 });
    expect(spikes[0]!.pValue).toBeLessThan(0.001);
  });

  it('needs a minimum count: 3 after a quiet spell is no alert', () => {
    expect(detectSpikes([{ key: 'x', counts: [0, 0, 0, 0, 0, 0, 0, 0, 3] }])).toEqual([]);
    expect(detectSpikes([{ key: 'x', counts: [0, 0, 0, 0, 0, 0, 0, 0, 6] }]).map((s) => s.ratio)).toEqual([
      null,
    ]);
  });

  it('raises few false alarms on stable Poisson noise', () => {
    let alarms = 0;
    const runs = 500;
    for (let i = 0; i < runs; i++)
      alarms += detectSpikes([{ key: i, counts: poissonSeries(6, 9, i + 1) }]).length;
    expect(alarms / runs).toBeLessThan(0.02);
  });

  it('finds most real doublings of a busy category', () => {
    let found = 0;
    const runs = 200;
    for (let i = 0; i < runs; i++) {
      const counts = [...poissonSeries(8, 8, 1000 + i), poissonSeries(24, 1, 5000 + i)[0]!];
      found += detectSpikes([{ key: i, counts }]).length;
    }
    expect(found / runs).toBeGreaterThan(0.9);
  });

  it('buckets dates into weeks starting on Monday', () => {
    const starts = periodStarts('2026-11-22', 3, 'week'); // a Sunday
    expect(starts).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(
      bucket(starts, [
        { date: '2026-11-01', count: 9 },
        { date: '2026-11-02', count: 1 },
        { date: '2026-11-15', count: 2 },
        { date: '2026-11-22', count: 4 },
      ]),
    ).toEqual([1, 2, 4]);
    expect(periodStarts('2026-11-22', 2, 'day')).toEqual(['2026-11-21', '2026-11-22']);
  });
});
