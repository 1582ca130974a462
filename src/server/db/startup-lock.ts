import type { DatabaseHandle } from './client.js';

// 'RDRS': the session-level advisory lock that serialises start-up work on one PostgreSQL database.
const STARTUP_LOCK = 0x52445253;

/**
 * Runs `fn` (migrations, seeding, pg-boss's schema and queue creation) while holding a PostgreSQL
 * advisory lock, so several instances starting together on one database take turns instead of
 * colliding (pg-boss deadlocks, duplicate keys in seeding; ADR 0015). PGlite has one process per
 * data directory (its lock), so there is nothing to serialise. The lock is polled with
 * pg_try_advisory_lock rather than waited for in one statement, so no statement outlives the
 * statement timeout however long another instance's migrations take.
 */
export async function withStartupLock<T>(database: DatabaseHandle, fn: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres') return fn();
  const client = await database.pool.connect();
  let broken: Error | undefined;
  try {
    for (;;) {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
        STARTUP_LOCK,
      ]);
      if (rows[0]?.ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    try {
      return await fn();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]).catch((err: Error) => {
        // The session is gone, and with it the lock; do not return the connection to the pool.
        broken = err;
      });
    }
  } catch (err) {
    broken ??= err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    client.release(broken);
  }
}
