import { seededRandom, shuffle } from './random.js';

/** The seed of the published evaluation figures (docs/insight.md). */
export const EVALUATION_SEED = 20261122;

/**
 * A fixed, seeded train/test split after dropping repeated texts (compared without case and extra
 * whitespace), so the same text never sits on both sides and flatters the score.
 */
export function dedupeAndSplit<T>(
  rows: readonly T[],
  textOf: (row: T) => string,
  seed = EVALUATION_SEED,
  testShare = 0.2,
) {
  const seen = new Set<string>();
  const unique = rows.filter((r) => {
    const key = textOf(r).toLowerCase().replace(/\s+/g, ' ').trim();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const shuffled = shuffle(unique.slice(), seededRandom(seed));
  const nTest = Math.round(shuffled.length * testShare);
  return {
    test: shuffled.slice(0, nTest),
    train: shuffled.slice(nTest),
    duplicates: rows.length - unique.length,
  };
}
