import { toCsv } from '../../http/csv.js';
import { scrub } from '../../../insight/scrub.js';
import type { AnnualRows } from './repository.js';

// The annual publication of Awb 9:12a (AWB-60/61) built from the year's rows: aggregated counts
// only, small cells merged (PRIV-08: k-anonymity, k = 5) and free text through the PII scrubber.

export const K = 5;
export const OTHER = 'overig';

export interface Cell {
  key: string;
  count: number | null;
  /** True when the count is below k and withheld (it is still inside the total). */
  suppressed?: boolean;
}

export interface AnnualReport {
  year: number;
  organisation: string;
  generatedAt: string;
  k: number;
  received: number;
  categories: Cell[];
  outcomes: Cell[];
  channels: Cell[];
  leadTimeDays: { n: number; median: number | null; p90: number | null };
  deadlines: { decidedOnTime: number | null; decidedLate: number | null; openOverdue: number | null };
  declined: number | null;
  informallyResolved: number | null;
  escalations: Cell[];
  satisfaction: { responses: number; outcome: Cell[]; handling: Cell[] } | null;
  lessons: string[];
}

/**
 * Cells below k are merged into "overig"; when "overig" itself stays below k it is withheld, and so
 * is the smallest remaining cell when only one cell would be withheld (so it cannot be recovered by
 * subtracting the others from the total).
 */
export function mergeSmallCells(rows: { key: string; count: number }[], k = K): Cell[] {
  const big = rows
    .filter((r) => r.count >= k && r.key !== OTHER)
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const other = rows.filter((r) => r.count < k || r.key === OTHER).reduce((s, r) => s + r.count, 0);
  const cells: Cell[] = big.map((r) => ({ key: r.key, count: r.count }));
  if (other >= k) cells.push({ key: OTHER, count: other });
  else if (other > 0) {
    cells.push({ key: OTHER, count: null, suppressed: true });
    const smallest = cells.length > 1 ? cells[cells.length - 2] : undefined;
    if (smallest) Object.assign(smallest, { count: null, suppressed: true });
  }
  return cells;
}

/** A single figure below k (but not zero) is withheld. */
const small = (n: number, k = K): number | null => (n > 0 && n < k ? null : n);

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

export function buildAnnualReport(
  year: number,
  organisation: string,
  rows: AnnualRows,
  now = new Date(),
): AnnualReport {
  const people = new Map<string, string[]>();
  for (const p of rows.people) people.set(p.caseId, [...(people.get(p.caseId) ?? []), p.name]);
  const answers = (kind: 'outcome' | 'handling') =>
    mergeSmallCells(
      ['yes', 'partly', 'no']
        .map((a) => ({
          key: a,
          count: rows.satisfaction.find((s) => s.kind === kind && s.answer === a)?.count ?? 0,
        }))
        .filter((c) => c.count > 0),
    );
  const responses = rows.satisfaction.filter((s) => s.kind === 'outcome').reduce((a, s) => a + s.count, 0);
  return {
    year,
    organisation,
    generatedAt: now.toISOString(),
    k: K,
    received: rows.received,
    categories: mergeSmallCells(
      rows.byCategory.map((r) => ({ key: r.name ?? 'zonder categorie', count: r.count })),
    ),
    outcomes: mergeSmallCells(rows.byOutcome.map((r) => ({ key: r.outcome ?? 'open', count: r.count }))),
    channels: mergeSmallCells(rows.byChannel.map((r) => ({ key: r.channel, count: r.count }))),
    leadTimeDays:
      rows.leadTime.n >= K
        ? { n: rows.leadTime.n, median: round1(rows.leadTime.median), p90: round1(rows.leadTime.p90) }
        : { n: rows.leadTime.n, median: null, p90: null },
    deadlines: {
      decidedOnTime: small(rows.deadlines.decidedOnTime),
      decidedLate: small(rows.deadlines.decidedLate),
      openOverdue: small(rows.deadlines.openOverdue),
    },
    declined: small(rows.declined),
    informallyResolved: small(rows.informallyResolved),
    escalations: mergeSmallCells(rows.escalations.map((e) => ({ key: e.bodyKind, count: e.count }))),
    satisfaction:
      responses >= K ? { responses, outcome: answers('outcome'), handling: answers('handling') } : null,
    lessons: rows.lessons.map((l) =>
      scrub(l.text, { names: [l.complainant, ...(people.get(l.caseId) ?? [])], addresses: [l.address] })
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  };
}

/** One row per figure: section, key, value (empty when withheld), note. */
export function annualReportCsv(r: AnnualReport): string {
  const rows: (string | number | null)[][] = [['section', 'key', 'value', 'note']];
  const note = (c: { suppressed?: boolean }) => (c.suppressed ? `< ${r.k}, withheld` : '');
  rows.push(
    ['report', 'year', r.year, ''],
    ['report', 'organisation', r.organisation, ''],
    ['report', 'k', r.k, 'cells below k merged into "overig" or withheld'],
  );
  rows.push(['received', 'total', r.received, '']);
  for (const [section, cells] of [
    ['category', r.categories],
    ['outcome', r.outcomes],
    ['channel', r.channels],
    ['escalation', r.escalations],
  ] as const) {
    for (const c of cells) rows.push([section, c.key, c.count, note(c)]);
  }
  rows.push(
    ['lead_time_days', 'n', r.leadTimeDays.n, ''],
    ['lead_time_days', 'median', r.leadTimeDays.median, ''],
    ['lead_time_days', 'p90', r.leadTimeDays.p90, ''],
  );
  for (const [k, v] of Object.entries(r.deadlines))
    rows.push(['deadlines', k, v, v === null ? `< ${r.k}, withheld` : '']);
  rows.push(['declined_9_8', 'total', r.declined, r.declined === null ? `< ${r.k}, withheld` : '']);
  rows.push([
    'informally_resolved',
    'total',
    r.informallyResolved,
    r.informallyResolved === null ? `< ${r.k}, withheld` : '',
  ]);
  if (r.satisfaction) {
    rows.push(['satisfaction', 'responses', r.satisfaction.responses, '']);
    for (const c of r.satisfaction.outcome) rows.push(['satisfaction_outcome', c.key, c.count, note(c)]);
    for (const c of r.satisfaction.handling) rows.push(['satisfaction_handling', c.key, c.count, note(c)]);
  } else rows.push(['satisfaction', 'responses', null, `< ${r.k}, withheld`]);
  r.lessons.forEach((l, i) => rows.push(['lesson', i + 1, l, '']));
  // Finding 7: csv-stringify with formulas neutralised (a lesson starting with = stays text).
  return toCsv(rows);
}
