/**
 * `npm run bench [-- options]`: Redress under load, with the database's own limit beside it.
 *
 *   --quick             small data (5,000 cases) and short runs: finishes in well under 3 minutes (CI)
 *   --pg | --db=postgres  PostgreSQL (database redress_bench, dropped and recreated) instead of PGlite
 *   --pg-url=URL        server to use with --pg (default postgres://postgres@127.0.0.1:5432)
 *   --cases=N           number of generated cases (default: 100,000 embedded, 1,000,000 PostgreSQL)
 *   --seconds=S         duration of each intake level (default 15, quick 3)
 *   --reads=N           requests per read scenario (default 400, quick 40)
 *   --corpus=FILE       mix sentences from a CSV of real Dutch text into the generated complaints
 *   --seed=N            generator seed (default 20261122)
 *   --keep              keep the embedded data directory (for EXPLAIN afterwards)
 *   --cpu-prof          write a V8 CPU profile of the server to bench/results/prof/
 *   --levels=1,4,16     intake concurrency levels
 *   --no-reads          intake only (for profiling)
 *
 * Prints a table and writes bench/results/<date>-<db>-<cases>.json. Budgets are printed with ✓/✗
 * and never change the exit code. Load only goes to 127.0.0.1; every loop is bounded in count and time.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/server/config.js';
import { openDatabase, type DatabaseHandle } from '../src/server/db/client.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { buildServices } from '../src/server/services.js';
import { generateCases, setupOrganisation } from './lib/generate.js';
import { postRequests, runLoad, type LoadResult } from './lib/load.js';
import { makePayloads, RowMaker } from './lib/payloads.js';
import {
  poolConnector,
  postgresConnector,
  removeCases,
  runPlain,
  type Connector,
  type PlainResult,
} from './lib/plain.js';
import {
  explainReads,
  findDashboardRoute,
  measureDashboardSql,
  measureReads,
  sampleCaseIds,
  searchHits,
  type DashboardResult,
  type ReadResult,
} from './lib/reads.js';
import { budgetsFor, renderReport, type BenchReport, type IntakeLevel } from './lib/report.js';
import { machineCpu, repoRoot, startServer, type ServerProcess } from './lib/server.js';

interface Args {
  quick: boolean;
  postgres: boolean;
  pgUrl: string;
  cases: number;
  seconds: number;
  warmup: number;
  reads: number;
  seed: number;
  corpus: string | undefined;
  keep: boolean;
  cpuProf: boolean;
  levels: number[];
  reads_: boolean;
}

function parseArgs(argv: string[]): Args {
  const flags = new Map<string, string>();
  for (const a of argv) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`Unknown argument: ${a}`);
    flags.set(m[1]!, m[2] ?? 'true');
  }
  const known = [
    'quick',
    'pg',
    'db',
    'pg-url',
    'cases',
    'seconds',
    'reads',
    'seed',
    'corpus',
    'keep',
    'cpu-prof',
    'levels',
    'no-reads',
  ];
  for (const k of flags.keys())
    if (!known.includes(k))
      throw new Error(`Unknown option --${k} (known: ${known.map((x) => `--${x}`).join(', ')})`);
  const quick = flags.has('quick');
  const postgres = flags.has('pg') || flags.get('db') === 'postgres' || flags.get('db') === 'pg';
  const num = (k: string, d: number) => {
    const v = flags.get(k);
    if (v === undefined) return d;
    const n = Number(v.replace(/[_,]/g, ''));
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${k} must be a positive number`);
    return n;
  };
  return {
    quick,
    postgres,
    pgUrl: flags.get('pg-url') ?? 'postgres://postgres@127.0.0.1:5432',
    cases: Math.round(num('cases', quick ? 5_000 : postgres ? 1_000_000 : 100_000)),
    seconds: num('seconds', quick ? 3 : 15),
    warmup: quick ? 1 : 3,
    reads: Math.round(num('reads', quick ? 40 : 400)),
    seed: Math.round(num('seed', 20261122)),
    corpus: flags.get('corpus'),
    keep: flags.has('keep'),
    cpuProf: flags.has('cpu-prof'),
    levels: (flags.get('levels') ?? '1,4,16').split(',').map(Number),
    reads_: !flags.has('no-reads'),
  };
}

const log = (msg: string) => console.log(msg);
const elapsed = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = repoRoot();
  const t0 = performance.now();
  const startedAt = new Date();
  const loadAverageAtStart = os.loadavg();
  const notes: string[] = [];
  const resultsDir = path.join(root, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });

  // 1. A fresh database with the schema of this checkout.
  let dataDir: string | undefined;
  let dbUrl: string | undefined;
  if (args.postgres) {
    const admin = new pg.Client({ connectionString: withDatabase(args.pgUrl, 'postgres') });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS redress_bench WITH (FORCE)');
    await admin.query('CREATE DATABASE redress_bench');
    await admin.end();
    dbUrl = withDatabase(args.pgUrl, 'redress_bench');
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-bench-'));
  }
  log(
    `Redress bench: ${args.postgres ? 'PostgreSQL' : 'embedded PGlite'}, ${args.cases.toLocaleString('en')} cases, ${args.quick ? 'quick' : 'full'} run`,
  );
  let handle: DatabaseHandle | undefined = await openDatabase(
    dbUrl ? { databaseUrl: dbUrl, poolSize: 4 } : { dataDir: dataDir! },
  );
  let pgConnectors: Connector[] = [];
  try {
    await migrateToLatest(handle.db);
    const databaseVersion = String((await handle.pool.query('SHOW server_version')).rows[0].server_version);
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      JOBS: 'off',
      DATA_DIR: dataDir ?? '/tmp/unused',
      PUBLIC_URL: 'http://127.0.0.1',
    });
    const services = buildServices(config, handle);
    const org = await setupOrganisation(services);

    // 2. Generated cases, then ANALYZE (inside generateCases).
    log(`generating ${args.cases.toLocaleString('en')} cases …`);
    const gen = await generateCases(handle.pool, org, {
      cases: args.cases,
      batchSize: args.postgres ? 10_000 : 5_000,
      loaders: args.postgres ? 2 : 1,
      seed: args.seed,
      years: 3,
      now: new Date(),
      log,
    });
    const hits = await searchHits(handle.pool);
    log(
      `  ${gen.cases.toLocaleString('en')} cases in ${gen.seconds.toFixed(1)} s (${Math.round(gen.casesPerSecond).toLocaleString('en')}/s); search hits ${JSON.stringify(hits)}`,
    );
    const caseIds = await sampleCaseIds(handle.pool, args.quick ? 200 : 1000);
    const plans = await explainReads(handle.pool);
    const payloads = makePayloads(org, 2000, args.seed + 1, args.corpus);
    const rows = new RowMaker(org);
    await handle.pool.query(`CREATE SEQUENCE IF NOT EXISTS case_reference_${rows.year} START 1`);

    const baseline: Map<number, { plain: PlainResult; intakeSql: PlainResult; intakeCte: PlainResult }> =
      new Map();
    const baselineIds: string[] = [];
    const strip = (r: PlainResult): PlainResult => {
      baselineIds.push(...r.ids);
      return { ...r, ids: [] };
    };
    const runBaseline = async (c: number, connector: Connector) => {
      strip(
        await runPlain({ mode: 'insert', connector, connections: c, seconds: args.warmup, payloads, rows }),
      );
      const plain = strip(
        await runPlain({ mode: 'insert', connector, connections: c, seconds: args.seconds, payloads, rows }),
      );
      const intakeSql = strip(
        await runPlain({
          mode: 'intake-sql',
          connector,
          connections: c,
          seconds: args.seconds,
          payloads,
          rows,
        }),
      );
      const intakeCte = strip(
        await runPlain({
          mode: 'intake-cte',
          connector,
          connections: c,
          seconds: args.seconds,
          payloads,
          rows,
        }),
      );
      for (const r of [plain, intakeSql, intakeCte])
        if (r.errors) notes.push(`${r.mode} at ${c}: ${r.errors} errors, first: ${r.firstError}`);
      baseline.set(c, { plain, intakeSql, intakeCte });
      log(
        `  plain INSERT ×${c}: ${Math.round(plain.rps)}/s p50 ${plain.p50.toFixed(2)} ms; intake SQL: ${Math.round(intakeSql.rps)}/s; in one statement: ${Math.round(intakeCte.rps)}/s`,
      );
    };

    let dashboard: DashboardResult;
    const dashboardReps = args.quick ? 5 : 15;
    if (!args.postgres) {
      // PGlite is one process: the baseline and the SQL aggregates run here, on the same database,
      // before the server process opens it.
      log('the database alone (in-process PGlite through its node-postgres adapter) …');
      for (const c of args.levels) await runBaseline(c, poolConnector(handle.pool));
      await removeCases(handle.pool, baselineIds.splice(0));
      dashboard = await measureDashboardSql(handle.pool, dashboardReps);
      await handle.close();
      handle = undefined;
    } else {
      dashboard = await measureDashboardSql(handle.pool, dashboardReps);
    }

    // 3. The server in its own process.
    const profDir = args.cpuProf ? path.join(resultsDir, 'prof') : undefined;
    const srv = await startServer({
      root,
      env: dbUrl ? { DATABASE_URL: dbUrl } : { DATA_DIR: dataDir! },
      cpuProfDir: profDir,
      log,
    });
    server_ = srv;
    log(`server ${srv.url} (pid ${srv.pid}) ready after ${elapsed(t0)}`);
    await new Promise((r) => setTimeout(r, 500));
    const rssIdleMb = srv.memory().rssMb;
    let rssPeak = 0;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, srv.memory().rssMb)), 200);

    // 4. Intake at 1, 4 and 16 connections; on PostgreSQL the baseline runs right before each level.
    const intake: IntakeLevel[] = [];
    for (const c of args.levels) {
      if (args.postgres) {
        const connector = await postgresConnector(dbUrl!, c);
        pgConnectors.push(connector);
        await runBaseline(c, connector);
        await connector.close();
        pgConnectors = pgConnectors.filter((x) => x !== connector);
      }
      // Warm-up: enough requests for V8 to optimise the request path, bounded in time.
      await runLoad({
        url: srv.url,
        connections: c,
        seconds: args.quick ? 4 : 10,
        amount: args.quick ? 150 : 500,
        requests: postRequests(
          '/api/v1/complaints',
          payloads.map((p) => p.json),
        ),
      });
      const cpu0 = srv.cpuSeconds();
      const m0 = machineCpu();
      const r = await runLoad({
        url: srv.url,
        connections: c,
        seconds: args.seconds,
        requests: postRequests(
          '/api/v1/complaints',
          payloads.map((p) => p.json),
        ),
      });
      const cpu = srv.cpuSeconds() - cpu0;
      const m1 = machineCpu();
      const b = baseline.get(c);
      intake.push({
        connections: c,
        intake: {
          ...r,
          serverCpuMsPerRequest: (cpu * 1000) / Math.max(1, r.requests),
          serverCpuPct: (100 * cpu) / r.seconds,
          machineBusyPct: (100 * (m1.busy - m0.busy)) / Math.max(0.001, m1.total - m0.total),
        },
        ...(b ? { plain: b.plain, intakeSql: b.intakeSql, intakeCte: b.intakeCte } : {}),
      });
      log(
        `  intake ×${c}: ${Math.round(r.rps)}/s p50 ${r.p50.toFixed(2)} ms p99 ${r.p99.toFixed(2)} ms, ${r.non2xx} non-2xx, ${r.errors} errors (${JSON.stringify(r.statusCodes)})`,
      );
    }
    const top = Math.max(...args.levels);
    const intakeWithIdempotencyKey: LoadResult = await runLoad({
      url: srv.url,
      connections: top,
      seconds: args.seconds,
      requests: postRequests(
        '/api/v1/complaints',
        payloads.map((p) => p.json),
        {},
        true,
      ),
    });
    log(
      `  intake with Idempotency-Key ×${top}: ${Math.round(intakeWithIdempotencyKey.rps)}/s p99 ${intakeWithIdempotencyKey.p99.toFixed(2)} ms`,
    );

    // 5. Reads through HTTP, on the generated cases plus what intake added.
    if (handle && baselineIds.length) await removeCases(handle.pool, baselineIds.splice(0));
    log('reads …');
    const readOut = args.reads_
      ? await measureReads({
          url: srv.url,
          token: org.reader.token,
          caseIds,
          requests: args.reads,
          seconds: args.quick ? 20 : 90,
          log,
        })
      : { results: [], walk: { pages: 0, ms: 0 } };
    const reads: ReadResult[] = readOut.results;
    const route = await findDashboardRoute(srv.url);
    let dashboardRoute: string | undefined;
    if (route) {
      // The server has a dashboard by now: measure it through HTTP (the SQL figures stay in the JSON).
      const r = await runLoad({
        url: srv.url,
        connections: 1,
        seconds: 60,
        amount: dashboardReps * 4,
        requests: [{ method: 'GET', path: route, headers: { authorization: `Bearer ${org.manager.token}` } }],
      });
      if (r.non2xx === 0 && r.n > 0) {
        notes.push(
          `dashboard measured through GET ${route}; the SQL aggregates measured directly were p50 ${dashboard.total.p50.toFixed(1)} ms, p95 ${dashboard.total.p95.toFixed(1)} ms`,
        );
        dashboard = {
          ...dashboard,
          via: 'http',
          total: { n: r.n, p50: r.p50, p95: r.p95, p99: r.p99, max: r.max, mean: r.mean },
        };
        dashboardRoute = route;
      }
    }
    clearInterval(sampler);
    const mem = srv.memory();
    const serverMem = {
      rssIdleMb,
      rssPeakUnderLoadMb: Math.max(rssPeak, mem.rssMb),
      vmHwmMb: mem.peakRssMb,
      rssAfterMb: mem.rssMb,
    };
    await srv.stop();
    server_ = undefined;

    if (args.postgres) {
      notes.push(
        'PostgreSQL runs on the same 2 cores as the server and the load generator; shared_buffers and the rest of postgresql.conf as installed.',
      );
    } else {
      notes.push('PGlite runs inside the server process: its RSS includes the database.');
    }
    notes.push(
      'One machine runs the load generator, the server and the database: autocannon takes CPU from the server, so the figures are a floor.',
    );

    const finishedAt = new Date();
    const partial: Omit<BenchReport, 'budgets'> = {
      version: 1,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      seconds: (performance.now() - t0) / 1000,
      mode: args.quick ? 'quick' : 'full',
      database: args.postgres ? 'postgres' : 'pglite',
      databaseVersion,
      cases: args.cases,
      machine: {
        cores: os.cpus().length,
        cpu: os.cpus()[0]?.model.trim() ?? '?',
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        loadAverageAtStart,
        loadAverageAtEnd: os.loadavg(),
        node: process.version,
      },
      commit: gitCommit(root),
      generation: { ...gen, searchHits: hits },
      intake,
      intakeWithIdempotencyKey,
      reads,
      inboxWalk: readOut.walk,
      dashboard: { ...dashboard, ...(dashboardRoute ? { route: dashboardRoute } : {}) },
      server: serverMem,
      plans: {
        ...plans,
        ...Object.fromEntries(Object.entries(dashboard.plans).map(([k, v]) => [`dashboard: ${k}`, v])),
      },
      notes,
    };
    const report: BenchReport = { ...partial, budgets: budgetsFor(partial) };
    console.log(renderReport(report));
    const file = path.join(
      resultsDir,
      `${startedAt.toISOString().replace(/[:.]/g, '-')}-${report.database}-${args.cases}.json`,
    );
    fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`results: ${path.relative(root, file)}  (total ${elapsed(t0)})`);
  } finally {
    await server_?.stop().catch(() => {});
    for (const c of pgConnectors) await c.close().catch(() => {});
    await handle?.close().catch(() => {});
    if (dataDir && !args.keep) fs.rmSync(dataDir, { recursive: true, force: true });
    else if (dataDir) log(`kept the data directory ${dataDir}`);
  }
}

let server_: ServerProcess | undefined;

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

function gitCommit(root: string): string {
  // A run from an exported tree (git archive) names its commit in REDRESS_BENCH_COMMIT.
  if (process.env.REDRESS_BENCH_COMMIT) return process.env.REDRESS_BENCH_COMMIT;
  try {
    const sha = execSync('git rev-parse --short HEAD', { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    const dirty = execSync('git status --porcelain --untracked-files=no -- src', {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
    return dirty ? `${sha} (src/ has uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
