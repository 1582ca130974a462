import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

/**
 * A fresh PostgreSQL database for one test (TEST_DATABASE_URL): a copy of the migrated template,
 * or empty (`{ empty: true }`, for start-up from nothing). `drop()` removes it (WITH FORCE).
 */
export async function freshPgDatabase(opts: { empty?: boolean } = {}): Promise<{
  url: string;
  name: string;
  drop(): Promise<void>;
}> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const tpl = inject('pgTemplateDb');
  if (!tpl) throw new Error('the global setup made no PostgreSQL template');
  // Named after the template, so the global teardown drops what a failed test left behind.
  const name = `${tpl.replace('redress_tpl_', 'redress_t_')}_f${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    if (opts.empty) {
      await admin.query(`CREATE DATABASE ${name}`);
    } else {
      // CREATE DATABASE … TEMPLATE fails if the template is in use; the helpers serialise on this lock.
      await admin.query('SELECT pg_advisory_lock(7240521)');
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${tpl}`);
      } finally {
        await admin.query('SELECT pg_advisory_unlock(7240521)');
      }
    }
  } finally {
    await admin.end();
  }
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    async drop() {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}
