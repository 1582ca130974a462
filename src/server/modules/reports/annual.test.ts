import { describe, expect, it } from 'vitest';
import { mergeSmallCells } from './annual.js';

describe('k-anonymity of report cells (PRIV-08)', () => {
  it('merges cells below 5 into "overig"', () => {
    expect(
      mergeSmallCells([
        { key: 'a', count: 12 },
        { key: 'b', count: 3 },
        { key: 'c', count: 2 },
        { key: 'd', count: 5 },
      ]),
    ).toEqual([
      { key: 'a', count: 12 },
      { key: 'd', count: 5 },
      { key: 'overig', count: 5 },
    ]);
  });

  it('withholds "overig" below 5 and the next-smallest cell, so neither follows from the total', () => {
    expect(
      mergeSmallCells([
        { key: 'a', count: 12 },
        { key: 'b', count: 7 },
        { key: 'c', count: 1 },
      ]),
    ).toEqual([
      { key: 'a', count: 12 },
      { key: 'b', count: null, suppressed: true },
      { key: 'overig', count: null, suppressed: true },
    ]);
  });

  it('leaves nothing to merge alone', () => {
    expect(mergeSmallCells([{ key: 'a', count: 5 }])).toEqual([{ key: 'a', count: 5 }]);
    expect(mergeSmallCells([])).toEqual([]);
  });
});
