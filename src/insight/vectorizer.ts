import { terms, type TextLanguage } from './text.js';

// TF-IDF features over stems (sublinear term frequency, smoothed idf, unit length). The same
// vectors serve the classifier and the similarity of complaints.

/** A sparse vector: ascending feature indices and their values. */
export interface SparseVector {
  idx: number[];
  val: number[];
}

export interface VectorizerOptions {
  ngrams: 1 | 2;
  /** A term must occur in at least this many training texts. */
  minDf: number;
  /** Keep at most this many terms (the most frequent by document frequency). */
  maxFeatures: number;
}

export interface VectorizerJson {
  ngrams: 1 | 2;
  terms: string[];
  idf: number[];
}

export class Vectorizer {
  private readonly index: Map<string, number>;

  constructor(readonly json: VectorizerJson) {
    this.index = new Map(json.terms.map((t, i) => [t, i]));
  }

  get size(): number {
    return this.json.terms.length;
  }

  static fit(docs: readonly string[][], opts: VectorizerOptions): Vectorizer {
    const df = new Map<string, number>();
    for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
    const kept = [...df.entries()]
      .filter(([, n]) => n >= opts.minDf)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, opts.maxFeatures)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));
    const n = docs.length;
    return new Vectorizer({
      ngrams: opts.ngrams,
      terms: kept.map(([t]) => t),
      idf: kept.map(([, d]) => round(Math.log((1 + n) / (1 + d)) + 1, 5)),
    });
  }

  termsOf(text: string, lang: TextLanguage): string[] {
    return terms(text, lang, this.json.ngrams);
  }

  /** TF-IDF of a term list, length 1 (or empty when no known term occurs). */
  vector(termList: readonly string[]): SparseVector {
    const tf = new Map<number, number>();
    for (const t of termList) {
      const i = this.index.get(t);
      if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1);
    }
    const idx = [...tf.keys()].sort((a, b) => a - b);
    const val = idx.map((i) => (1 + Math.log(tf.get(i)!)) * this.json.idf[i]!);
    const norm = Math.sqrt(val.reduce((s, v) => s + v * v, 0));
    return { idx, val: norm > 0 ? val.map((v) => v / norm) : val };
  }

  transform(text: string, lang: TextLanguage): SparseVector {
    return this.vector(this.termsOf(text, lang));
  }
}

/** Cosine similarity of two unit-length sparse vectors (their dot product). */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.idx.length && j < b.idx.length) {
    const x = a.idx[i]!;
    const y = b.idx[j]!;
    if (x === y) s += a.val[i++]! * b.val[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return s;
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
