import { cosine, type SparseVector } from './vectorizer.js';

export interface Candidate<T> {
  item: T;
  vector: SparseVector;
}

/** The `top` candidates most like the query by cosine over TF-IDF, at least `minSimilarity` alike. */
export function mostSimilar<T>(
  query: SparseVector,
  candidates: Iterable<Candidate<T>>,
  opts: { top?: number; minSimilarity?: number } = {},
): { item: T; similarity: number }[] {
  const top = opts.top ?? 5;
  const min = opts.minSimilarity ?? 0.2;
  const found: { item: T; similarity: number }[] = [];
  if (query.idx.length === 0) return found;
  for (const c of candidates) {
    const similarity = cosine(query, c.vector);
    if (similarity >= min) found.push({ item: c.item, similarity: Math.round(similarity * 1000) / 1000 });
  }
  return found.sort((a, b) => b.similarity - a.similarity).slice(0, top);
}
