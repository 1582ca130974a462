import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { type DataDirLock, type DataDirLockLost, lockDataDir } from './datadir-lock.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** A pg.Pool-compatible pool over the same connection(s), for pg-boss. */
  pool: pg.Pool;
  /** Maximum concurrent connections (1 for PGlite: one process, one session). */
  poolSize: number;
  /** True when the database answers SELECT 1 within `timeoutMs` (default 1 s): /health. */
  ping(timeoutMs?: number): Promise<boolean>;
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
  /** PostgreSQL: how long to wait for a connection, a statement, and a reply (milliseconds). */
  timeouts?: Partial<DatabaseTimeouts>;
  /** PGlite: the data directory's lock was taken from this process; the caller decides (stop). */
  onLockLost?: (err: DataDirLockLost) => void;
  /** Where connection faults are reported (they are weather: logged, never thrown at the process). */
  log?: (err: Error, what: string) => void;
}

/**
 * Database faults are weather, not death (ADR 0015): every connection has an error listener, a
 * connection attempt gives up after `connectMs`, a statement is cancelled by the server after
 * `statementMs` and given up by the client after `queryMs` (a silent network stall), and TCP
 * keepalive notices a peer that vanished.
 */
export interface DatabaseTimeouts {
  connectMs: number;
  statementMs: number;
  queryMs: number;
  /** Sessions idle inside a transaction are ended by the server after this long. */
  idleInTransactionMs: number;
}

export const DEFAULT_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 60_000,
  queryMs: 65_000,
  idleInTransactionMs: 60_000,
};

/** A connection fault (reset, refused, terminated, timed out): 503 to clients, never a crash. */
export function isConnectionFault(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'].includes(code))
      return true;
    // 08xxx connection exception, 57P01..57P05 admin shutdown / cannot connect now, 57014 cancelled
    // (statement_timeout), 53300 too many connections.
    if (/^08/.test(code) || /^57P0/.test(code) || code === '57014' || code === '53300') return true;
  }
  return /Connection terminated|Query read timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|not queryable/i.test(
    err.message,
  );
}

export async function openDatabase(opts: OpenOptions): Promise<DatabaseHandle> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 16, opts);
  return openPglite(opts);
}

const defaultLog = (err: Error, what: string) => console.error(`redress: ${what}: ${err.message}`);

function openPostgres(connectionString: string, max: number, opts: OpenOptions): DatabaseHandle {
  const t = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  const log = opts.log ?? defaultLog;
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: t.connectMs,
    statement_timeout: t.statementMs,
    query_timeout: t.queryMs,
    idle_in_transaction_session_timeout: t.idleInTransactionMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  guardPool(pool, log);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    pool,
    poolSize: max,
    ping: (timeoutMs) => ping(pool, timeoutMs),
    close: async () => {
      await db.destroy();
    },
  };
}

/**
 * pg-pool listens for errors only on idle clients: a connection reset while a client is checked out
 * (in a query or a transaction) emits 'error' with nobody listening, which ends the process. Every
 * client gets its own listener for its whole life; the failed query or the next use reports it.
 * A client whose reply did not come within the query timeout (a stalled network) is destroyed,
 * so it leaves the pool instead of queueing the next query behind the lost one.
 */
function guardPool(pool: pg.Pool, log: (err: Error, what: string) => void): void {
  pool.on('error', (err) => log(err, 'idle database connection failed'));
  pool.on('connect', (client) => {
    client.on('error', (err) => log(err, 'database connection failed'));
    dropOnReadTimeout(client);
  });
}

type QueryFn = (...args: unknown[]) => unknown;

/** Destroys the connection when a reply did not come in time (pg's query_timeout). */
function dropOnReadTimeout(client: pg.PoolClient): void {
  const original = client.query.bind(client) as QueryFn;
  const drop = (err: unknown) => {
    if (err instanceof Error && err.message === 'Query read timeout') {
      (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
    }
  };
  (client as unknown as { query: QueryFn }).query = (...args: unknown[]) => {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (err: unknown, res: unknown) => {
        drop(err);
        (last as (e: unknown, r: unknown) => void)(err, res);
      };
      return original(...args);
    }
    const result = original(...args);
    if (result instanceof Promise) result.catch(drop);
    return result;
  };
}

async function ping(pool: pg.Pool, timeoutMs = 1_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = pool.query('SELECT 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function openPglite(opts: OpenOptions): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');

  let lock: DataDirLock | undefined;
  let dataDir: string | undefined;
  if (opts.dataDir && !opts.dataDir.startsWith('memory://')) {
    dataDir = path.resolve(opts.dataDir);
    fs.mkdirSync(dataDir, { recursive: true });
    lock = lockDataDir(dataDir, {
      onLost: opts.onLockLost ?? ((err) => (opts.log ?? defaultLog)(err, 'data directory lock')),
    });
  }
  let pglite;
  try {
    pglite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      relaxedDurability: false,
    });
  } catch (err) {
    await lock?.release();
    throw err;
  }
  // PGlite is one session: a pool of exactly one connection serialises all work on it.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
  guardPool(pool, opts.log ?? defaultLog);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    pool,
    poolSize: 1,
    ping: (timeoutMs) => ping(pool, timeoutMs),
    dumpDataDir: () => pglite.dumpDataDir('none'),
    close: async () => {
      await db.destroy();
      await pglite.close();
      await lock?.release();
    },
  };
}
