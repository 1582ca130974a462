import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import type { Database } from './schema.js';
import { AppError } from '../errors.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** A pg.Pool-compatible pool over the same connection(s), for pg-boss. */
  pool: pg.Pool;
  /** Maximum concurrent connections (1 for PGlite: one process, one session). */
  poolSize: number;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (test templates, backups). */
  dumpDataDir?: () => Promise<Blob>;
}

// int8 and numeric stay strings (as on both databases by default); dates stay 'YYYY-MM-DD' strings.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** Open PGlite from a dump produced by dumpDataDir (tests: far faster than a fresh initdb). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 16);
  return openPglite(opts);
}

function openPostgres(connectionString: string, max: number): DatabaseHandle {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', () => {
    /* idle client errors surface on the next query; /health reports them */
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    pool,
    poolSize: max,
    ping: () => ping(pool),
    close: async () => {
      await db.destroy();
    },
  };
}

async function ping(pool: pg.Pool): Promise<boolean> {
  try {
    await pool.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

async function openPglite(opts: OpenOptions): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');

  let release: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  if (opts.dataDir && !opts.dataDir.startsWith('memory://')) {
    dataDir = path.resolve(opts.dataDir);
    fs.mkdirSync(dataDir, { recursive: true });
    release = await lockDataDir(dataDir);
  }
  let pglite;
  try {
    pglite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      relaxedDurability: false,
    });
  } catch (err) {
    await release?.();
    throw err;
  }
  // PGlite is one session: a pool of exactly one connection serialises all work on it.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    pool,
    poolSize: 1,
    ping: () => ping(pool),
    dumpDataDir: () => pglite.dumpDataDir('none'),
    close: async () => {
      await db.destroy();
      await pglite.close();
      await release?.();
    },
  };
}

/**
 * PGlite does not lock its data directory itself: two processes could open it and corrupt it.
 * proper-lockfile keeps a lock directory fresh while we run and treats a stale one (crashed
 * process) as free after its stale period.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, '.redress.lock'),
      stale: 15_000,
      update: 5_000,
      retries: 0,
      onCompromised: (err) => {
        // Another process took the lock while we held it: stop rather than risk corruption.
        console.error(`Redress: lost the lock on ${dataDir}: ${err.message}`);
        process.exit(70);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new AppError(
        'DATA_DIR_LOCKED',
        `The data directory ${dataDir} is in use by another Redress process. Stop that process, or set DATA_DIR to another directory.`,
      );
    }
    throw err;
  }
}
