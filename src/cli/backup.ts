import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Command } from 'commander';
import type { Config } from '../server/config.js';
import { AppError } from '../server/errors.js';
import { openDatabase } from '../server/db/client.js';
import { migrateToLatest } from '../server/db/migrate.js';

/**
 * `redress backup --out FILE` and `redress restore --in FILE` (ADR 0015).
 * PGlite: the data directory as a tarball (PGlite's dumpDataDir; the data-directory lock
 * means the server must be stopped first), restored into an empty DATA_DIR.
 * PostgreSQL: pg_dump's custom format, restored with pg_restore into an empty database; the
 * server may keep running during a backup (pg_dump reads one consistent snapshot).
 * A restore draws a new installation id, so Message-IDs never repeat across restores.
 */
export function registerBackupCommands(program: Command, config: () => Config): void {
  program
    .command('backup')
    .description('write a backup of the database (PGlite: stop the server first) to --out')
    .requiredOption('--out <file>', 'where to write the backup')
    .action(async (opts: { out: string }) => {
      const c = config();
      const out = path.resolve(opts.out);
      if (c.databaseUrl) {
        await run('pg_dump', ['--format=custom', '--no-owner', `--file=${out}`, `--dbname=${c.databaseUrl}`]);
      } else {
        const database = await openDatabase({ dataDir: c.dataDir });
        try {
          const blob = await database.dumpDataDir!();
          const tmp = `${out}.partial`;
          fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
          fs.renameSync(tmp, out);
        } finally {
          await database.close();
        }
      }
      console.log(`Backup written to ${out} (${fs.statSync(out).size} bytes).`);
    });

  program
    .command('restore')
    .description('restore a backup from --in into an empty database (PGlite: an empty DATA_DIR)')
    .requiredOption('--in <file>', 'a file written by redress backup')
    .action(async (opts: { in: string }) => {
      const c = config();
      const file = path.resolve(opts.in);
      if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `No backup at ${file}.`);
      if (c.databaseUrl) {
        const database = await openDatabase({ databaseUrl: c.databaseUrl, poolSize: 1 });
        try {
          const { rows } = await sql<{ n: string }>`
            SELECT count(*) AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
          `.execute(database.db);
          if (Number(rows[0]?.n) > 0)
            throw new AppError('CONFLICT', 'The database is not empty: restore into a new, empty database.');
        } finally {
          await database.close();
        }
        await run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${c.databaseUrl}`, file]);
      } else {
        if (fs.existsSync(c.dataDir) && fs.readdirSync(c.dataDir).length > 0)
          throw new AppError(
            'CONFLICT',
            `DATA_DIR ${c.dataDir} is not empty: restore into a new, empty directory.`,
          );
        const blob = new Blob([fs.readFileSync(file)]);
        const database = await openDatabase({ dataDir: c.dataDir, loadDataDir: blob });
        await database.close();
      }
      // A new installation id (Message-IDs), and any migrations newer than the backup.
      const database = await openDatabase({ databaseUrl: c.databaseUrl, dataDir: c.dataDir });
      try {
        await migrateToLatest(database.db);
        await sql`UPDATE installation SET id = substr(replace(gen_random_uuid()::text, '-', ''), 1, 16)`.execute(
          database.db,
        );
      } finally {
        await database.close();
      }
      console.log(`Restored ${file}.`);
    });
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) =>
      reject(new AppError('INTERNAL', `${command} could not be started (is it installed?): ${e.message}`)),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new AppError('INTERNAL', `${command} failed (${code}): ${err.trim()}`)),
    );
  });
}
