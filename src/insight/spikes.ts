// Trend detection: which categories get clearly more complaints this period than usual.
// A Poisson rule: the baseline is the mean count of the previous periods; the current count is a
// spike when it is at least `minCount`, at least `minRatio` times the baseline, and that many or
// more would happen by chance with probability below `alpha`.

export interface Series<K = string> {
  key: K;
  /** Counts per period, oldest first; the last one is the period under test. */
  counts: readonly number[];
}

export interface SpikeOptions {
  /** Previous periods that make the baseline. */
  baselinePeriods?: number;
  minCount?: number;
  minRatio?: number;
  alpha?: number;
}

export interface Spike<K = string> {
  key: K;
  count: number;
  baseline: number;
  ratio: number | null;
  pValue: number;
}

/** P(X ≥ k) for X ~ Poisson(λ), summed from the lower side in log space (stable for large k). */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let term = Math.exp(-lambda); // P(X = 0)
  let below = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    below += term;
  }
  return Math.max(0, Math.min(1, 1 - below));
}

export function detectSpikes<K>(series: readonly Series<K>[], opts: SpikeOptions = {}): Spike<K>[] {
  const baselinePeriods = opts.baselinePeriods ?? 8;
  const minCount = opts.minCount ?? 5;
  const minRatio = opts.minRatio ?? 2;
  const alpha = opts.alpha ?? 0.01;
  const spikes: Spike<K>[] = [];
  for (const s of series) {
    const count = s.counts.at(-1) ?? 0;
    if (count < minCount) continue;
    const previous = s.counts.slice(Math.max(0, s.counts.length - 1 - baselinePeriods), -1);
    if (previous.length === 0) continue; // no history, no baseline
    const baseline = previous.reduce((a, b) => a + b, 0) / previous.length;
    // A category that was quiet has baseline 0: treat it as half a complaint per period.
    const lambda = Math.max(baseline, 0.5);
    if (count < minRatio * lambda) continue;
    const pValue = poissonUpperTail(count, lambda);
    if (pValue >= alpha) continue;
    spikes.push({
      key: s.key,
      count,
      baseline: Math.round(baseline * 100) / 100,
      ratio: baseline > 0 ? Math.round((count / baseline) * 100) / 100 : null,
      pValue,
    });
  }
  return spikes.sort((a, b) => a.pValue - b.pValue);
}

export type PeriodUnit = 'day' | 'week';

/** The start dates (YYYY-MM-DD) of the `n` periods ending with the one containing `today`; weeks start on Monday. */
export function periodStarts(today: string, n: number, unit: PeriodUnit): string[] {
  const d = new Date(`${today}T00:00:00Z`);
  if (unit === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  const step = unit === 'week' ? 7 : 1;
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--)
    out.push(new Date(d.getTime() - i * step * 86_400_000).toISOString().slice(0, 10));
  return out;
}

/** Buckets dated counts into the given periods (dates before the first period are dropped). */
export function bucket(
  starts: readonly string[],
  dated: readonly { date: string; count: number }[],
): number[] {
  const counts = starts.map(() => 0);
  for (const { date, count } of dated) {
    let i = -1;
    for (let j = 0; j < starts.length; j++) if (date >= starts[j]!) i = j;
    if (i >= 0) counts[i]! += count;
  }
  return counts;
}
