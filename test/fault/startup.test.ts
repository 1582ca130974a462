import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPgDatabase } from '../support/pg.js';
import { freePort } from '../support/smtp.js';
import { startServed, stopServed, type Served } from '../support/serve.js';
import { report } from './report.js';

// Two instances started together on an empty PostgreSQL database (ADR 0015): migrations, seeding
// and pg-boss's queue creation run under an advisory lock, so both come up, and the demo
// organisation exists once.
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))(
  'two instances starting together on an empty PostgreSQL database',
  { timeout: 300_000 },
  () => {
    const served: Served[] = [];
    const drops: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const s of served) if (s.child.exitCode === null) s.child.kill('SIGKILL');
      for (const d of drops) await d();
    });

    it('both come up; one organisation, one set of demo users, every migration once', async () => {
      const rounds = 2;
      const results: { up: number; organisations: number; users: number; migrations: number }[] = [];
      for (let round = 0; round < rounds; round++) {
        const db = await freshPgDatabase({ empty: true });
        drops.push(() => db.drop());
        const env = { DATABASE_URL: db.url, JOBS: 'on', SEED_DEMO: 'on', SHUTDOWN_TIMEOUT_MS: '5000' };
        const [p1, p2] = [await freePort(), await freePort()];
        const both = await Promise.allSettled([startServed(p1, env), startServed(p2, env)]);
        for (const r of both) if (r.status === 'fulfilled') served.push(r.value);
        const up = both.filter((r) => r.status === 'fulfilled').length;
        const failures = both.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
        expect(failures).toEqual([]);

        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        try {
          const count = async (q: string) => Number((await c.query<{ n: string }>(q)).rows[0]!.n);
          results.push({
            up,
            organisations: await count('SELECT count(*) AS n FROM organisation'),
            users: await count(
              "SELECT count(*) AS n FROM app_user WHERE email LIKE '%@voorbeeldstad.example'",
            ),
            migrations: await count('SELECT count(*) - count(DISTINCT name) AS n FROM redress_migration'),
          });
        } finally {
          await c.end();
        }
        for (const s of served.splice(0)) expect(await stopServed(s)).toBe(0);
      }
      for (const r of results) {
        expect(r.up).toBe(2);
        expect(r.organisations).toBe(1);
        expect(r.migrations).toBe(0);
      }
      expect(new Set(results.map((r) => r.users)).size).toBe(1);
      report('two instances on an empty PostgreSQL database', { rounds, results });
    });
  },
);
