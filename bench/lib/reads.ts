import { getRequests, runLoad, type LoadResult } from './load.js';
import type { Queryable } from './generate.js';
import { summarise, type Summary } from './stats.js';
import { SEARCH_WORDS } from './textgen.js';

export interface ReadResult extends LoadResult {
  name: string;
  note?: string;
}

export interface ReadOptions {
  url: string;
  token: string;
  caseIds: string[];
  requests: number;
  seconds: number;
  log: (msg: string) => void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the benchmark reads any JSON route
async function getJson(url: string, token: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

/** Follows nextCursor from the first page to page `page`; returns the cursor of that page and the walk's cost. */
export async function walkToPage(
  url: string,
  token: string,
  page: number,
): Promise<{ cursor: string | null; pages: number; ms: number }> {
  const t0 = performance.now();
  let cursor: string | null = null;
  let pages = 1;
  for (; pages < page; pages++) {
    const r = await getJson(
      `${url}/api/v1/cases?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      token,
    );
    if (r.status !== 200)
      throw new Error(`inbox page ${pages}: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    if (!r.body.nextCursor) break;
    cursor = r.body.nextCursor as string;
  }
  return { cursor, pages, ms: performance.now() - t0 };
}

/** Inbox, search and case view through HTTP: one client, many requests, exact p50/p95. */
export async function measureReads(o: ReadOptions): Promise<{
  results: ReadResult[];
  walk: { pages: number; ms: number };
  hits: Record<string, number | null>;
}> {
  const auth = { authorization: `Bearer ${o.token}` };
  const results: ReadResult[] = [];
  const run = async (name: string, paths: string[], note?: string) => {
    const check = await getJson(`${o.url}${paths[0]}`, o.token);
    if (check.status !== 200)
      throw new Error(`${name}: HTTP ${check.status} ${JSON.stringify(check.body).slice(0, 300)}`);
    // A few requests first so that code paths and caches are warm, as they are in service.
    await runLoad({ url: o.url, connections: 1, seconds: 5, amount: 10, requests: getRequests(paths, auth) });
    const r = await runLoad({
      url: o.url,
      connections: 1,
      seconds: o.seconds,
      amount: o.requests,
      requests: getRequests(paths, auth),
    });
    results.push({ name, ...r, ...(note ? { note } : {}) });
    o.log(
      `  ${name.padEnd(24)} p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  (${r.requests} requests${r.non2xx ? `, ${r.non2xx} non-2xx` : ''})`,
    );
  };

  await run('inbox page 1', ['/api/v1/cases?limit=25']);
  const walk = await walkToPage(o.url, o.token, 200);
  if (walk.cursor && walk.pages === 200) {
    await run(
      'inbox page 200',
      [`/api/v1/cases?limit=25&cursor=${encodeURIComponent(walk.cursor)}`],
      `reached by following nextCursor 199 times (${(walk.ms / 1000).toFixed(1)} s)`,
    );
  } else {
    o.log(`  inbox page 200: only ${walk.pages} pages of 25 cases`);
  }
  const hits: Record<string, number | null> = {};
  for (const [kind, word] of Object.entries(SEARCH_WORDS)) {
    await run(`search ${kind} "${word}"`, [`/api/v1/cases?limit=25&q=${encodeURIComponent(word)}`]);
  }
  const ids = o.caseIds.length ? o.caseIds : [];
  if (ids.length)
    await run(
      'case view',
      ids.map((id) => `/api/v1/cases/${id}`),
      `${ids.length} different cases in turn`,
    );
  return { results, walk: { pages: walk.pages, ms: walk.ms }, hits };
}

// ---------------------------------------------------------------------------------------------
// Dashboard aggregates. No dashboard route exists yet: these are the aggregates a complaints
// dashboard needs, run directly as SQL on the database the server uses.

const OPEN = `('received', 'acknowledged', 'in_progress')`;
export const DASHBOARD_QUERIES: Record<string, string> = {
  'cases by status': `SELECT status, count(*) AS n FROM complaint_case GROUP BY status`,
  'open and overdue by department': `SELECT department_id, count(*) AS open, count(*) FILTER (WHERE decision_due < current_date) AS overdue
    FROM complaint_case WHERE status IN ${OPEN} GROUP BY department_id`,
  'on-time rate and lead time (12 months)': `SELECT department_id, count(*) AS closed,
      avg(((closed_at AT TIME ZONE 'Europe/Amsterdam')::date <= decision_due)::int) AS on_time_rate,
      avg(extract(epoch FROM closed_at - received_at) / 86400) AS avg_lead_days
    FROM complaint_case WHERE closed_at >= now() - interval '12 months' GROUP BY department_id`,
  'intake per week (12 weeks)': `SELECT date_trunc('week', received_at) AS week, count(*) AS n
    FROM complaint_case WHERE received_at >= now() - interval '12 weeks' GROUP BY 1 ORDER BY 1`,
};

export interface DashboardResult {
  via: 'sql' | 'http';
  /** One dashboard = all queries in a row. */
  total: Summary;
  queries: Record<string, Summary>;
  plans: Record<string, string>;
}

export async function measureDashboardSql(q: Queryable, reps: number): Promise<DashboardResult> {
  const per: Record<string, number[]> = Object.fromEntries(
    Object.keys(DASHBOARD_QUERIES).map((k) => [k, []]),
  );
  const totals: number[] = [];
  for (const sqlText of Object.values(DASHBOARD_QUERIES)) await q.query(sqlText); // warm
  for (let i = 0; i < reps; i++) {
    let total = 0;
    for (const [name, sqlText] of Object.entries(DASHBOARD_QUERIES)) {
      const t0 = performance.now();
      await q.query(sqlText);
      const ms = performance.now() - t0;
      per[name]!.push(ms);
      total += ms;
    }
    totals.push(total);
  }
  const plans: Record<string, string> = {};
  for (const [name, sqlText] of Object.entries(DASHBOARD_QUERIES)) plans[name] = await explain(q, sqlText);
  return {
    via: 'sql',
    total: summarise(totals),
    queries: Object.fromEntries(Object.entries(per).map(([k, v]) => [k, summarise(v)])),
    plans,
  };
}

export async function explain(q: Queryable, sqlText: string, values: unknown[] = []): Promise<string> {
  const { rows } = await q.query(`EXPLAIN (ANALYZE, BUFFERS) ${sqlText}`, values);
  return rows.map((r: Record<string, string>) => Object.values(r)[0]).join('\n');
}

/** The list queries the server runs (mirrored from the case repository), explained on this data. */
export async function explainReads(q: Queryable): Promise<Record<string, string>> {
  const cols = `id, reference, status, regime, channel, received_at, receipt_date, complainant_name, left(description, 160) AS description,
    category_id, department_id, assignee_id, decision_due`;
  const order = `ORDER BY received_at DESC, id DESC LIMIT 25`;
  const out: Record<string, string> = {};
  out['inbox page 1'] = await explain(q, `SELECT ${cols} FROM complaint_case ${order}`);
  const { rows } = await q.query(
    `SELECT received_at, id FROM complaint_case ORDER BY received_at DESC, id DESC OFFSET ${199 * 25 - 1} LIMIT 1`,
  );
  if (rows[0]) {
    out['inbox page 200'] = await explain(
      q,
      `SELECT ${cols} FROM complaint_case WHERE (received_at < $1 OR (received_at = $1 AND id < $2)) ${order}`,
      [rows[0].received_at, rows[0].id],
    );
  }
  for (const [kind, word] of Object.entries(SEARCH_WORDS)) {
    out[`search ${kind}`] = await explain(
      q,
      `SELECT ${cols} FROM complaint_case WHERE search @@ websearch_to_tsquery('dutch', $1) ${order}`,
      [word],
    );
  }
  return out;
}

/** How many cases each search word matches. */
export async function searchHits(q: Queryable): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [kind, word] of Object.entries(SEARCH_WORDS)) {
    const { rows } = await q.query(
      `SELECT count(*) AS n FROM complaint_case WHERE search @@ websearch_to_tsquery('dutch', $1)`,
      [word],
    );
    out[kind] = Number(rows[0].n);
  }
  return out;
}

/** A sample of case ids spread over the whole table. */
export async function sampleCaseIds(q: Queryable, n: number): Promise<string[]> {
  const { rows } = await q.query(`SELECT id FROM complaint_case ORDER BY md5(id::text) LIMIT $1`, [n]);
  return rows.map((r: { id: string }) => r.id);
}

/** A dashboard route, if the server has one by now (looked up in its OpenAPI document). */
export async function findDashboardRoute(url: string): Promise<string | undefined> {
  try {
    const res = await fetch(`${url}/openapi.json`);
    const doc = (await res.json()) as { paths?: Record<string, Record<string, unknown>> };
    return Object.keys(doc.paths ?? {}).find(
      (p) =>
        /dashboard|statistic|insight\/summary|reports?\/summary/i.test(p) &&
        !p.includes('{') &&
        doc.paths![p]!.get,
    );
  } catch {
    return undefined;
  }
}

export { type LoadResult };
