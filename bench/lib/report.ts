import type { DashboardResult, ReadResult } from './reads.js';
import type { LoadResult } from './load.js';
import type { PlainResult } from './plain.js';
import type { GenerateResult } from './generate.js';

export interface IntakeLevel {
  connections: number;
  intake: LoadResult & { serverCpuMsPerRequest: number; machineBusyPct: number; serverCpuPct: number };
  plain?: PlainResult;
  intakeSql?: PlainResult;
  intakeCte?: PlainResult;
}

export interface BenchReport {
  version: 1;
  startedAt: string;
  finishedAt: string;
  seconds: number;
  mode: 'quick' | 'full';
  database: 'pglite' | 'postgres';
  databaseVersion: string;
  cases: number;
  machine: {
    cores: number;
    cpu: string;
    memoryGb: number;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
    node: string;
  };
  commit: string;
  generation: GenerateResult & { searchHits: Record<string, number> };
  intake: IntakeLevel[];
  intakeWithIdempotencyKey?: LoadResult;
  reads: ReadResult[];
  inboxWalk?: { pages: number; ms: number };
  dashboard: DashboardResult & { route?: string };
  server: { rssIdleMb: number; rssPeakUnderLoadMb: number; vmHwmMb: number; rssAfterMb: number };
  budgets: Budget[];
  plans: Record<string, string>;
  notes: string[];
}

export interface Budget {
  what: string;
  limit: string;
  value: number;
  unit: string;
  ok: boolean;
  applies: boolean;
}

const fmt = (n: number | undefined, d = 1) =>
  n === undefined || !Number.isFinite(n)
    ? '–'
    : n.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });
const int = (n: number | undefined) =>
  n === undefined || !Number.isFinite(n) ? '–' : Math.round(n).toLocaleString('en');

export function budgetsFor(r: Omit<BenchReport, 'budgets'>): Budget[] {
  const pg = r.database === 'postgres';
  const full = r.mode === 'full';
  const at = (c: number) => r.intake.find((l) => l.connections === c);
  const read = (name: string) => r.reads.find((x) => x.name.startsWith(name));
  const b: Budget[] = [];
  const add = (
    what: string,
    limit: string,
    value: number | undefined,
    unit: string,
    ok: (v: number) => boolean,
    pgOnly: boolean,
  ) => {
    if (value === undefined || !Number.isFinite(value)) return;
    b.push({ what, limit, value, unit, ok: ok(value), applies: full && (pgOnly ? pg : true) });
  };
  const i16 = at(16);
  const i1 = at(1);
  if (pg) {
    add('intake at 16 connections', '≥ 1,000 req/s', i16?.intake.rps, 'req/s', (v) => v >= 1000, true);
    add('intake p99 at 16 connections', '≤ 50 ms', i16?.intake.p99, 'ms', (v) => v <= 50, true);
    if (i16?.plain)
      add(
        'intake / plain INSERT at 16',
        '≥ 50 %',
        (100 * i16.intake.rps) / i16.plain.rps,
        '%',
        (v) => v >= 50,
        true,
      );
    add('intake p50 at 1 connection', '≤ 5 ms', i1?.intake.p50, 'ms', (v) => v <= 5, true);
    for (const name of ['inbox page 1', 'inbox page 200', 'search common', 'search rare'])
      add(`${name} p95`, '≤ 50 ms', read(name)?.p95, 'ms', (v) => v <= 50, true);
    add('case view p95', '≤ 20 ms', read('case view')?.p95, 'ms', (v) => v <= 20, true);
    add('dashboard p95', '≤ 300 ms', r.dashboard.total.p95, 'ms', (v) => v <= 300, true);
    add('server RSS peak under load', '≤ 300 MB', r.server.rssPeakUnderLoadMb, 'MB', (v) => v <= 300, true);
  } else {
    add('intake at 16 connections', '≥ 300 req/s', i16?.intake.rps, 'req/s', (v) => v >= 300, false);
    for (const name of ['inbox page 1', 'inbox page 200', 'search common', 'search rare'])
      add(`${name} p95`, '≤ 100 ms', read(name)?.p95, 'ms', (v) => v <= 100, false);
  }
  return b;
}

export function renderReport(r: BenchReport): string {
  const out: string[] = [];
  const db =
    r.database === 'postgres'
      ? `PostgreSQL (${r.databaseVersion})`
      : `embedded PGlite (${r.databaseVersion})`;
  out.push('');
  out.push(`Redress bench · ${db} · ${r.cases.toLocaleString('en')} cases · ${r.mode} run · ${r.startedAt}`);
  out.push(
    `machine: ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGb} GB, load average ${r.machine.loadAverageAtStart.map((x) => x.toFixed(1)).join(' ')} at start, ${r.machine.loadAverageAtEnd.map((x) => x.toFixed(1)).join(' ')} at end; node ${r.machine.node}; commit ${r.commit}`,
  );
  const g = r.generation;
  out.push(
    `data: ${int(g.cases)} cases, ${int(g.events)} history events, ${int(g.outbox)} outbox messages, ${int(g.items)} items, ${int(g.audit)} access-log rows` +
      `${
        Object.keys(g.otherTables).length
          ? ` + ${Object.entries(g.otherTables)
              .map(([t, n]) => `${t} ${typeof n === 'number' ? int(n) : '(–)'}`)
              .join(', ')}`
          : ''
      }`,
  );
  out.push(
    `      generated in ${fmt(g.seconds)} s (${int(g.casesPerSecond)} cases/s: load ${fmt(g.loadSeconds)} s, indexes ${fmt(g.indexSeconds)} s, VACUUM ANALYZE ${fmt(g.analyzeSeconds)} s); search hits: ${Object.entries(
      g.searchHits,
    )
      .map(([k, v]) => `${k} ${int(v)}`)
      .join(', ')}`,
  );
  out.push('');
  out.push(
    'INTAKE  POST /api/v1/complaints (autocannon)  vs  the database alone (pg, same rows, one durable transaction each)',
  );
  out.push(
    '        intake SQL = the statements intake sends, straight through pg; as 1 statement = the same writes as one CTE (req/s)',
  );
  const W = [5, 12, 7, 8, 6, 7, 18, 12, 10, 14, 14, 12];
  out.push(
    row(
      [
        'conns',
        'intake req/s',
        'p50 ms',
        'p99 ms',
        'errors',
        'non-2xx',
        'plain INSERT req/s',
        'intake/plain',
        'intake SQL',
        'as 1 statement',
        'srv CPU ms/req',
        'machine busy',
      ],
      W,
    ),
  );
  for (const l of r.intake) {
    out.push(
      row(
        [
          String(l.connections),
          int(l.intake.rps),
          fmt(l.intake.p50, 2),
          fmt(l.intake.p99, 2),
          int(l.intake.errors + l.intake.timeouts),
          int(l.intake.non2xx),
          l.plain ? `${int(l.plain.rps)} (p50 ${fmt(l.plain.p50, 2)})` : '–',
          l.plain ? `${fmt((100 * l.intake.rps) / l.plain.rps, 0)} %` : '–',
          l.intakeSql ? int(l.intakeSql.rps) : '–',
          l.intakeCte ? int(l.intakeCte.rps) : '–',
          fmt(l.intake.serverCpuMsPerRequest, 2),
          `${fmt(l.intake.machineBusyPct, 0)} %`,
        ],
        W,
      ),
    );
  }
  if (r.intakeWithIdempotencyKey) {
    const k = r.intakeWithIdempotencyKey;
    out.push(
      `  with an Idempotency-Key on every request, 16 connections: ${int(k.rps)} req/s, p50 ${fmt(k.p50, 2)} ms, p99 ${fmt(k.p99, 2)} ms, non-2xx ${int(k.non2xx)}`,
    );
  }
  out.push('');
  out.push('READS  one client, staff bearer token');
  out.push(row(['', 'p50 ms', 'p95 ms', 'p99 ms', 'requests', 'non-2xx'], [28, 8, 8, 8, 9, 8]));
  for (const x of r.reads)
    out.push(
      row(
        [x.name, fmt(x.p50, 2), fmt(x.p95, 2), fmt(x.p99, 2), int(x.requests), int(x.non2xx)],
        [28, 8, 8, 8, 9, 8],
      ),
    );
  if (r.inboxWalk)
    out.push(
      `  following nextCursor from page 1 to page ${r.inboxWalk.pages}: ${fmt(r.inboxWalk.ms / 1000, 1)} s (${fmt(r.inboxWalk.ms / r.inboxWalk.pages, 1)} ms a page)`,
    );
  out.push('');
  out.push(
    `DASHBOARD  ${r.dashboard.via === 'sql' ? 'no dashboard route yet: the aggregates a dashboard needs, run as SQL on the same database' : `GET ${r.dashboard.route}`}`,
  );
  out.push(row(['', 'p50 ms', 'p95 ms'], [40, 8, 8]));
  out.push(
    row(
      ['all together (one dashboard)', fmt(r.dashboard.total.p50, 1), fmt(r.dashboard.total.p95, 1)],
      [40, 8, 8],
    ),
  );
  for (const [k, v] of Object.entries(r.dashboard.queries))
    out.push(row([`  ${k}`, fmt(v.p50, 1), fmt(v.p95, 1)], [40, 8, 8]));
  out.push('');
  out.push(
    `SERVER  RSS idle ${int(r.server.rssIdleMb)} MB, peak under load ${int(r.server.rssPeakUnderLoadMb)} MB (VmHWM ${int(r.server.vmHwmMb)} MB), after ${int(r.server.rssAfterMb)} MB`,
  );
  out.push('');
  out.push(
    `BUDGETS  (${r.database === 'postgres' ? 'PostgreSQL at 1,000,000 cases' : 'embedded at 100,000 cases'}; informational, never a failed exit${r.mode === 'quick' ? '; a quick run only shows them' : ''})`,
  );
  for (const b of r.budgets) {
    const mark = b.ok ? '✓' : '✗';
    out.push(
      `  ${mark} ${b.what.padEnd(34)} ${fmt(b.value, b.unit === 'req/s' ? 0 : 1).padStart(9)} ${b.unit.padEnd(6)} budget ${b.limit}${b.applies ? '' : '  (not at budget size)'}`,
    );
  }
  if (r.notes.length) {
    out.push('');
    for (const n of r.notes) out.push(`note: ${n}`);
  }
  out.push('');
  return out.join('\n');
}

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 10) : c.padStart(widths[i] ?? 10))).join('  ');
}
