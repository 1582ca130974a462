// Scores of a classifier on labelled data: accuracy and macro-F1 (classes weigh equally).

export interface ClassScore {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Scores {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: ClassScore[];
}

/** Macro-F1 averages over the labels that occur in the truth (a label only predicted still costs precision). */
export function score(truth: readonly string[], predicted: readonly (string | null)[]): Scores {
  if (truth.length !== predicted.length) throw new Error('truth and predictions differ in length');
  const labels = [...new Set(truth)].sort();
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  let correct = 0;
  truth.forEach((t, i) => {
    const p = predicted[i] ?? null;
    if (p === t) {
      correct++;
      tp.set(t, (tp.get(t) ?? 0) + 1);
    } else {
      fn.set(t, (fn.get(t) ?? 0) + 1);
      if (p !== null) fp.set(p, (fp.get(p) ?? 0) + 1);
    }
  });
  const perClass = labels.map((label) => {
    const a = tp.get(label) ?? 0;
    const precision = a + (fp.get(label) ?? 0) === 0 ? 0 : a / (a + (fp.get(label) ?? 0));
    const recall = a / (a + (fn.get(label) ?? 0));
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support: a + (fn.get(label) ?? 0) };
  });
  return {
    n: truth.length,
    accuracy: truth.length ? correct / truth.length : 0,
    macroF1: perClass.length ? perClass.reduce((s, c) => s + c.f1, 0) / perClass.length : 0,
    perClass,
  };
}
