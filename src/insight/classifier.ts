import { score } from './metrics.js';
import { seededRandom, shuffle } from './random.js';
import { terms, type TextLanguage } from './text.js';
import {
  round,
  Vectorizer,
  type SparseVector,
  type VectorizerJson,
  type VectorizerOptions,
} from './vectorizer.js';

// A text classifier that learns from an organisation's own labelled history. Two linear models over
// the same TF-IDF features — multinomial Naive Bayes and softmax regression trained with SGD — and
// `auto` picks the one with the better macro-F1 on a held-out part of the training data, then
// retrains it on everything. Scores are softmax probabilities with a temperature fitted on that
// held-out part, so "70 %" means roughly 70 % (good enough to decide whether to suggest at all).

export type Algorithm = 'nb' | 'sgd';

export interface TrainingExample {
  text: string;
  label: string;
  lang: TextLanguage;
}

export interface TrainOptions extends Partial<VectorizerOptions> {
  algorithm?: Algorithm | 'auto';
  seed?: number;
  /** SGD passes over the data. */
  epochs?: number;
  /** L2 strength of the SGD model. */
  l2?: number;
  /** Classes weigh (n / (k · n_class)) ^ power in SGD: 0 = as they come, 1 = balanced. */
  classWeightPower?: number;
  /** Share of the training data held out to choose the algorithm and fit the temperature. */
  validationShare?: number;
}

export interface ModelJson {
  kind: 'redress-text-classifier';
  version: 1;
  algorithm: Algorithm;
  classes: string[];
  vectorizer: VectorizerJson;
  /** Feature-major weights: weights[f * classes.length + k]. */
  weights: number[];
  bias: number[];
  temperature: number;
  trainedOn: number;
  trainedAt: string;
  /** Macro-F1 and accuracy on the held-out part, when there was one. */
  validation: {
    macroF1: number;
    accuracy: number;
    n: number;
    candidates: Partial<Record<Algorithm, number>>;
  } | null;
}

export interface Suggestion {
  label: string;
  confidence: number;
}

// Measured on dekamer and CFPB (docs/insight.md): unigrams and balanced class weights give the best macro-F1.
const DEFAULTS = {
  ngrams: 1 as 1 | 2,
  minDf: 2,
  maxFeatures: 40_000,
  epochs: 12,
  seed: 42,
  validationShare: 0.2,
  l2: 1e-5,
  classWeightPower: 1,
};

export class TextClassifier {
  readonly vectorizer: Vectorizer;
  private readonly w: Float64Array;

  constructor(readonly model: ModelJson) {
    this.vectorizer = new Vectorizer(model.vectorizer);
    this.w = Float64Array.from(model.weights);
  }

  get classes(): string[] {
    return this.model.classes;
  }

  static fromJSON(json: unknown): TextClassifier {
    const m = json as ModelJson;
    if (!m || m.kind !== 'redress-text-classifier' || m.version !== 1)
      throw new Error('not a Redress text-classifier model');
    return new TextClassifier(m);
  }

  toJSON(): ModelJson {
    return this.model;
  }

  /** Class probabilities for a vector, in the order of `classes`. */
  probabilities(x: SparseVector): number[] {
    return softmax(linearScores(this.w, this.model.bias, x), this.model.temperature);
  }

  predictVector(x: SparseVector): string {
    const p = this.probabilities(x);
    return this.model.classes[argmax(p)]!;
  }

  predict(text: string, lang: TextLanguage): string {
    return this.predictVector(this.vectorizer.transform(text, lang));
  }

  /**
   * The `top` most likely labels with their confidence; empty when even the best is below
   * `minConfidence` ("no suggestion" beats a confident-looking guess) or the text has no known term.
   */
  suggest(
    text: string,
    lang: TextLanguage,
    opts: { top?: number; minConfidence?: number } = {},
  ): Suggestion[] {
    const x = this.vectorizer.transform(text, lang);
    if (x.idx.length === 0) return [];
    const p = this.probabilities(x);
    const ranked = p
      .map((confidence, k) => ({ label: this.model.classes[k]!, confidence }))
      .sort((a, b) => b.confidence - a.confidence);
    if ((ranked[0]?.confidence ?? 0) < (opts.minConfidence ?? 0)) return [];
    return ranked
      .slice(0, opts.top ?? 3)
      .map((s) => ({ label: s.label, confidence: round(s.confidence, 4) }));
  }
}

/** Trains a classifier. Labels with a single example still count (they can never be held out). */
export function train(examples: readonly TrainingExample[], options: TrainOptions = {}): TextClassifier {
  const opts = { ...DEFAULTS, ...options };
  if (examples.length === 0) throw new Error('no training examples');
  const classes = [...new Set(examples.map((e) => e.label))].sort();
  if (classes.length < 2) throw new Error('at least two labels are needed to learn to tell them apart');

  const [fit, held] = stratifiedSplit(examples, opts.validationShare, opts.seed);
  let algorithm: Algorithm =
    opts.algorithm === 'auto' || opts.algorithm === undefined ? 'sgd' : opts.algorithm;
  let temperature = 1;
  let validation: ModelJson['validation'] = null;
  if (held.length >= 10 && fit.length >= 2) {
    const candidates: Algorithm[] =
      opts.algorithm === 'auto' || opts.algorithm === undefined ? ['nb', 'sgd'] : [algorithm];
    const results = candidates.map((a) => {
      const m = fitModel(fit, classes, a, opts);
      const xs = held.map((e) => m.vectorizer.transform(e.text, e.lang));
      const s = score(
        held.map((e) => e.label),
        xs.map((x) => m.predictVector(x)),
      );
      return { a, m, xs, s };
    });
    // On a tie keep softmax regression: its probabilities need less correction than Naive Bayes'.
    const best = results.reduce((b, r) =>
      r.s.macroF1 > b.s.macroF1 + 0.005 || (b.a === 'nb' && r.s.macroF1 >= b.s.macroF1 - 0.005) ? r : b,
    );
    algorithm = best.a;
    temperature = fitTemperature(
      best.m,
      best.xs,
      held.map((e) => classes.indexOf(e.label)),
    );
    validation = {
      macroF1: round(best.s.macroF1, 4),
      accuracy: round(best.s.accuracy, 4),
      n: held.length,
      candidates: Object.fromEntries(results.map((r) => [r.a, round(r.s.macroF1, 4)])),
    };
  }
  const final = fitModel(examples, classes, algorithm, opts);
  return new TextClassifier({ ...final.model, temperature, validation });
}

type Resolved = typeof DEFAULTS & TrainOptions;

function fitModel(
  examples: readonly TrainingExample[],
  classes: string[],
  algorithm: Algorithm,
  opts: Resolved,
): TextClassifier {
  const termLists = examples.map((e) => terms(e.text, e.lang, opts.ngrams));
  const vectorizer = Vectorizer.fit(termLists, {
    ngrams: opts.ngrams,
    minDf: Math.min(opts.minDf, examples.length),
    maxFeatures: opts.maxFeatures,
  });
  const xs = termLists.map((t) => vectorizer.vector(t));
  const ys = examples.map((e) => classes.indexOf(e.label));
  const { weights, bias } =
    algorithm === 'nb'
      ? naiveBayes(xs, ys, classes.length, vectorizer.size)
      : softmaxSgd(xs, ys, classes.length, vectorizer.size, opts);
  return new TextClassifier({
    kind: 'redress-text-classifier',
    version: 1,
    algorithm,
    classes,
    vectorizer: vectorizer.json,
    weights: Array.from(weights, (v) => round(v, 5)),
    bias: bias.map((v) => round(v, 5)),
    temperature: 1,
    trainedOn: examples.length,
    trainedAt: new Date().toISOString(),
    validation: null,
  });
}

/** Multinomial Naive Bayes on TF-IDF weights (Rennie et al. 2003): a linear model of log-probabilities. */
function naiveBayes(xs: SparseVector[], ys: number[], k: number, f: number, alpha = 0.05) {
  const counts = new Float64Array(f * k);
  const totals = new Float64Array(k);
  const docs = new Float64Array(k);
  xs.forEach((x, i) => {
    const y = ys[i]!;
    docs[y]!++;
    x.idx.forEach((j, n) => {
      counts[j * k + y]! += x.val[n]!;
      totals[y]! += x.val[n]!;
    });
  });
  const weights = new Float64Array(f * k);
  for (let j = 0; j < f; j++)
    for (let c = 0; c < k; c++)
      weights[j * k + c] = Math.log((counts[j * k + c]! + alpha) / (totals[c]! + alpha * f));
  // A flat prior: the history's class imbalance should not drown small categories (macro-F1).
  const bias = Array.from({ length: k }, () => 0);
  return { weights, bias };
}

/**
 * Softmax regression with L2, plain SGD with a decaying step, classes weighed by their inverse
 * frequency to the power `classWeightPower` (balanced by default: small categories count for macro-F1).
 */
function softmaxSgd(xs: SparseVector[], ys: number[], k: number, f: number, opts: Resolved) {
  const { epochs, seed, l2: lambda, classWeightPower } = opts;
  const eta0 = 0.8;
  const w = new Float64Array(f * k);
  const bias = new Float64Array(k);
  let scale = 1; // weights are scale * w: L2 decay without touching every weight (Bottou)
  const freq = new Float64Array(k);
  for (const y of ys) freq[y]!++;
  const classWeight = Array.from(freq, (n) => (n ? (xs.length / (k * n)) ** classWeightPower : 0));
  const order = xs.map((_, i) => i);
  const random = seededRandom(seed);
  const scores = new Float64Array(k);
  let t = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (const i of order) {
      const x = xs[i]!;
      const y = ys[i]!;
      const eta = eta0 / (1 + eta0 * lambda * t++);
      scores.set(bias);
      for (let n = 0; n < x.idx.length; n++) {
        const base = x.idx[n]! * k;
        const v = x.val[n]! * scale;
        for (let c = 0; c < k; c++) scores[c]! += w[base + c]! * v;
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, scores[c]!);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += scores[c] = Math.exp(scores[c]! - max);
      scale *= 1 - eta * lambda;
      const cw = classWeight[y]!;
      for (let c = 0; c < k; c++) {
        const g = cw * (scores[c]! / sum - (c === y ? 1 : 0));
        if (Math.abs(g) < 1e-7) continue;
        const step = (eta * g) / scale;
        for (let n = 0; n < x.idx.length; n++) w[x.idx[n]! * k + c]! -= step * x.val[n]!;
        bias[c]! -= eta * g * 0.1;
      }
      if (scale < 1e-6) {
        for (let j = 0; j < w.length; j++) w[j]! *= scale;
        scale = 1;
      }
    }
  }
  for (let j = 0; j < w.length; j++) w[j]! *= scale;
  return { weights: w, bias: Array.from(bias) };
}

function linearScores(w: Float64Array, bias: number[], x: SparseVector): number[] {
  const k = bias.length;
  const s = bias.slice();
  for (let n = 0; n < x.idx.length; n++) {
    const base = x.idx[n]! * k;
    const v = x.val[n]!;
    for (let c = 0; c < k; c++) s[c]! += w[base + c]! * v;
  }
  return s;
}

function softmax(scores: number[], temperature: number): number[] {
  const max = Math.max(...scores);
  const e = scores.map((s) => Math.exp((s - max) / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

function argmax(p: number[]): number {
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
  return best;
}

/**
 * The temperature that minimises the log-loss on held-out data against slightly smoothed targets
 * (5 % spread over all classes): on a cleanly separable history plain log-loss drives the
 * temperature to zero and every guess to "100 %". Grid over e^-4 … e^4.
 */
function fitTemperature(m: TextClassifier, xs: SparseVector[], ys: number[], smoothing = 0.05): number {
  const w = Float64Array.from(m.model.weights);
  const raw = xs.map((x) => linearScores(w, m.model.bias, x));
  const k = m.model.classes.length;
  let best = { t: 1, loss: Infinity };
  for (let e = -4; e <= 4.0001; e += 0.1) {
    const t = Math.exp(e);
    let loss = 0;
    raw.forEach((s, i) => {
      const p = softmax(s, t);
      loss -= (1 - smoothing) * Math.log(Math.max(p[ys[i]!] ?? 0, 1e-12));
      for (const q of p) loss -= (smoothing / k) * Math.log(Math.max(q, 1e-12));
    });
    if (loss < best.loss) best = { t, loss };
  }
  return round(best.t, 4);
}

/** A seeded split that keeps each label's share: about `share` of every label goes to the second part. */
export function stratifiedSplit<T extends { label: string }>(
  items: readonly T[],
  share: number,
  seed: number,
): [T[], T[]] {
  const random = seededRandom(seed);
  const byLabel = new Map<string, T[]>();
  for (const it of items) byLabel.set(it.label, [...(byLabel.get(it.label) ?? []), it]);
  const a: T[] = [];
  const b: T[] = [];
  for (const label of [...byLabel.keys()].sort()) {
    const group = shuffle(byLabel.get(label)!.slice(), random);
    const nb = group.length < 2 ? 0 : Math.round(group.length * share);
    b.push(...group.slice(0, nb));
    a.push(...group.slice(nb));
  }
  return [a, b];
}
