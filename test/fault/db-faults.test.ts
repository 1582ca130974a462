import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleComplaint } from '../helpers.js';
import { freshPgDatabase } from '../support/pg.js';
import { freePort } from '../support/smtp.js';
import { startServed, stopServed, waitHealthy, type Served } from '../support/serve.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { report } from './report.js';

// Database faults are weather, not death (ADR 0015): `redress serve` on PostgreSQL through a TCP
// proxy this test controls; connections are cut, the backends terminated and the network stalled
// while complaints keep arriving. The process must survive, answer 503 while the database is away
// (/health within its one-second ping), recover by itself, and lose no acknowledged complaint.
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: Served | undefined;

async function until(
  what: string,
  cond: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (server && (server.child.exitCode !== null || server.child.signalCode !== null))
      throw new Error(`the server died while waiting for ${what}: ${server.output().slice(-2000)}`);
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await sleep(50);
  }
}

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))(
  'database faults on PostgreSQL through a TCP proxy',
  { timeout: 300_000 },
  () => {
    let proxy: TcpProxy | undefined;
    let drop: (() => Promise<void>) | undefined;
    afterAll(async () => {
      if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
      await proxy?.close();
      await drop?.();
    });

    it('connection cuts, terminated backends and a stall under intake load: survives, 503, recovers, loses nothing', async () => {
      const db = await freshPgDatabase();
      drop = () => db.drop();
      const direct = new URL(db.url);
      proxy = await startTcpProxy(direct.hostname, Number(direct.port || 5432));
      const viaProxy = new URL(db.url);
      viaProxy.hostname = '127.0.0.1';
      viaProxy.port = String(proxy.port);
      server = await startServed(await freePort(), {
        DATABASE_URL: viaProxy.toString(),
        JOBS: 'on',
        SEED_DEMO: 'off',
        DB_CONNECT_TIMEOUT_MS: '1000',
        DB_STATEMENT_TIMEOUT_MS: '2000',
        SHUTDOWN_TIMEOUT_MS: '5000',
        // Six clients from one address file complaints back to back: lift the public per-address budget
        // (30 a minute by default) and the per-recipient mail cap, which this test is not about.
        RATE_LIMIT_PUBLIC: '1000000',
        MAIL_PER_RECIPIENT_HOUR: '1000000',
      });
      const s = server;

      // Intake load: six clients filing complaints back to back, counting the answers.
      const statuses = new Map<string, number>();
      const acknowledged: string[] = [];
      let loading = true;
      const client = async () => {
        while (loading) {
          let key: string;
          try {
            const res = await fetch(`${s.url}/api/v1/complaints`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(exampleComplaint),
              signal: AbortSignal.timeout(30_000),
            });
            key = String(res.status);
            if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
            else await res.arrayBuffer();
          } catch {
            key = 'no answer';
            await sleep(50);
          }
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
        }
      };
      const clients = Array.from({ length: 6 }, client);
      const alive = () => s.child.exitCode === null && s.child.signalCode === null;

      await until('first acknowledgements', () => acknowledged.length >= 20);
      // 1. Connection resets, three times over, while requests and jobs are in flight.
      for (let i = 0; i < 3; i++) {
        const before = acknowledged.length;
        proxy.cut();
        await until('intake again after a cut', () => acknowledged.length > before + 5);
        expect(alive()).toBe(true);
      }
      // 2. The database ends every session (pg_terminate_backend: 57P01 on each connection).
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        await admin.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [db.name],
        );
      } finally {
        await admin.end();
      }
      const afterTerminate = acknowledged.length;
      await until('intake again after terminated backends', () => acknowledged.length > afterTerminate + 5);
      expect(alive()).toBe(true);

      // 3. A silent stall: bytes go nowhere. /health answers 503 (its ping gives up after a second).
      proxy.stall();
      const t0 = Date.now();
      const stalled = await fetch(`${s.url}/health`, { signal: AbortSignal.timeout(20_000) });
      const healthMs = Date.now() - t0;
      expect(stalled.status).toBe(503);
      // Requests in flight during the stall get their answer (503) once the reply timeout passes.
      const during = await fetch(`${s.url}/api/v1/complaints`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(exampleComplaint),
        signal: AbortSignal.timeout(60_000),
      });
      expect(during.status).toBe(503);
      expect(((await during.json()) as { error: { code: string } }).error.code).toBe('DATABASE_UNAVAILABLE');
      // 4. The database is away altogether: connections refused.
      proxy.cut();
      proxy.refuse();
      expect((await fetch(`${s.url}/health`, { signal: AbortSignal.timeout(20_000) })).status).toBe(503);
      expect(alive()).toBe(true);

      // 5. It returns: the server recovers by itself.
      proxy.resume();
      await waitHealthy(s, 60_000);
      const back = acknowledged.length;
      await until('intake after recovery', () => acknowledged.length > back + 10);
      loading = false;
      await Promise.all(clients);
      expect(alive()).toBe(true);

      // No acknowledged complaint is lost; the only failures clients saw were 503.
      const check = new pg.Client({ connectionString: db.url });
      await check.connect();
      let found: number;
      try {
        const r = await check.query<{ n: string }>(
          'SELECT count(*) AS n FROM complaint_case WHERE id = ANY($1::uuid[])',
          [acknowledged],
        );
        found = Number(r.rows[0]!.n);
      } finally {
        await check.end();
      }
      expect(found).toBe(acknowledged.length);
      const answers = Object.fromEntries(statuses);
      expect(Object.keys(answers).filter((k) => k !== '201' && k !== '503')).toEqual([]);

      // Shutdown within its deadline.
      const code = await stopServed(s);
      expect(code).toBe(0);
      report('db faults (PostgreSQL, TCP proxy)', {
        acknowledged: acknowledged.length,
        found,
        answers,
        healthDuringStallMs: healthMs,
        proxyConnections: proxy.accepted,
      });
    });
  },
);
