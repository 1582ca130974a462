import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/client.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { buildServices } from '../../src/server/services.js';
import type { Database } from '../../src/server/db/schema.js';
import { exampleComplaint, testConfig } from '../helpers.js';
import { freshPgDatabase } from '../support/pg.js';
import { baseEnv, cliArgs, root } from '../support/serve.js';
import { report } from './report.js';

// `redress backup` and `redress restore` on both databases (ADR 0015): a database with complaints is
// backed up by the real command, restored into a fresh database, and compared: row counts of every
// table, a sample of cases field by field, and a new installation id (Message-IDs stay unique).
const dirs: string[] = [];
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  for (const d of drops) await d();
});
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'redress-backup-'));
  dirs.push(d);
  return d;
};

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [...cliArgs, ...args], {
    cwd: root,
    env: baseEnv(env),
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function fill(handle: DatabaseHandle, n: number): Promise<void> {
  await migrateToLatest(handle.db);
  const s = buildServices(testConfig(), handle);
  for (let i = 0; i < n; i++) {
    await s.intake.register(
      { ...exampleComplaint, description: `Klacht ${i}: ${'ö€ '.repeat(i % 5)}` } as never,
      { actorId: null },
    );
  }
}

async function snapshot(db: Kysely<Database>) {
  const { rows: tables } = await sql<{ name: string }>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename
  `.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(db);
    counts[name] = Number(rows[0]!.n);
  }
  const sample = await db
    .selectFrom('complaint_case')
    .select(['id', 'reference', 'description', 'status', 'received_at'])
    .orderBy('reference')
    .limit(10)
    .execute();
  const installation = (await sql<{ id: string }>`SELECT id FROM installation`.execute(db)).rows[0]!.id;
  return { counts, sample, installation };
}

async function roundTrip(
  name: string,
  source: Record<string, string>,
  target: Record<string, string>,
  open: (env: Record<string, string>) => Promise<DatabaseHandle>,
) {
  const before = await (async () => {
    const h = await open(source);
    try {
      await fill(h, 25);
      return await snapshot(h.db);
    } finally {
      await h.close();
    }
  })();
  const file = path.join(tmp(), 'redress.backup');
  const b = cli(['backup', '--out', file], source);
  expect(b.err).toBe('');
  expect(b.code).toBe(0);
  const r = cli(['restore', '--in', file], target);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  // Restoring over data is refused.
  expect(cli(['restore', '--in', file], target).code).toBe(2);
  const h = await open(target);
  const after = await snapshot(h.db).finally(() => h.close());
  expect(after.counts).toEqual(before.counts);
  expect(after.sample).toEqual(before.sample);
  expect(after.installation).not.toBe(before.installation);
  report(`backup/restore (${name})`, {
    cases: before.counts.complaint_case,
    tables: Object.keys(before.counts).length,
    rows: Object.values(before.counts).reduce((a, n) => a + n, 0),
    rowsRestored: Object.values(after.counts).reduce((a, n) => a + n, 0),
    sampleCompared: after.sample.length,
    bytes: fs.statSync(file).size,
  });
}

describe('backup and restore', { timeout: 600_000 }, () => {
  it('PGlite: data directory backed up and restored into an empty DATA_DIR', async () => {
    const src = tmp();
    const dst = path.join(tmp(), 'restored');
    await roundTrip('PGlite', { DATA_DIR: src }, { DATA_DIR: dst }, (env) =>
      openDatabase({ dataDir: env.DATA_DIR }),
    );
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    'PostgreSQL: pg_dump, then pg_restore into a fresh database',
    async () => {
      const a = await freshPgDatabase({ empty: true });
      const b = await freshPgDatabase({ empty: true });
      drops.push(
        () => a.drop(),
        () => b.drop(),
      );
      await roundTrip('PostgreSQL', { DATABASE_URL: a.url }, { DATABASE_URL: b.url }, (env) =>
        openDatabase({ databaseUrl: env.DATABASE_URL }),
      );
    },
  );
});
