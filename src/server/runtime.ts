import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import type { DataDirLockLost } from './db/datadir-lock.js';
import { migrateToLatest } from './db/migrate.js';
import { withStartupLock } from './db/startup-lock.js';
import { JobRunner } from './jobs/runner.js';
import { seedDemo } from './seed/demo.js';
import { buildServices, type Services } from './services.js';

export interface OpenHooks {
  /** Connection faults and a lost data-directory lock are reported here (default: stderr). */
  log?: (err: Error, what: string) => void;
  onLockLost?: (err: DataDirLockLost) => void;
}

export function openConfiguredDatabase(config: Config, hooks: OpenHooks = {}): Promise<DatabaseHandle> {
  return openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    timeouts: {
      connectMs: config.db.connectTimeoutMs,
      statementMs: config.db.statementTimeoutMs,
      // The client gives up a little after the server would have cancelled: a silent stall.
      queryMs: config.db.statementTimeoutMs + 5_000,
    },
    ...hooks,
  });
}

export interface Running {
  app: FastifyInstance;
  services: Services;
  /**
   * Stops serving, then jobs and mail, then closes the database; gives up after `deadlineMs`
   * (a stalled database must not hold shutdown). True when everything closed in time.
   */
  stop(deadlineMs?: number): Promise<boolean>;
}

/** What `redress serve` (and so `npm start`) does: migrate, seed an empty database, serve, run jobs. */
export async function serve(config: Config, hooks: OpenHooks = {}): Promise<Running> {
  const database = await openConfiguredDatabase(config, hooks);
  try {
    // Several instances may start together on one PostgreSQL database: they take turns here.
    const { services, seeded, app, jobs } = await withStartupLock(database, async () => {
      await migrateToLatest(database.db);
      const services = buildServices(config, database);
      // Demo logins never appear by surprise in a production PostgreSQL: 'auto' seeds only the embedded
      // database; PostgreSQL is seeded only when SEED_DEMO=on says so.
      const seed = config.seedDemo === 'on' || (config.seedDemo === 'auto' && database.kind === 'pglite');
      const seeded = seed ? await seedDemo(services) : undefined;
      const app = await buildApp(services);
      let jobs: JobRunner | undefined;
      if (config.jobs) {
        jobs = new JobRunner(database, services.delivery, app.log, services.organisation, services.insight);
        await jobs.start();
        services.jobs = jobs;
      }
      return { services, seeded, app, jobs };
    });
    await app.listen({ port: config.port, host: config.host });
    if (seeded?.logins) {
      // Shown once, when the demo organisation is created; only the argon2id hashes are stored.
      app.log.warn(
        `Demo organisation created. Sign in at ${config.publicUrl}/app as ${seeded.logins.emails.join(', ')} with the password ${seeded.logins.password} (shown only now).`,
      );
    }
    return {
      app,
      services,
      stop: async (deadlineMs = config.shutdownTimeoutMs) => {
        const started = Date.now();
        const left = () => Math.max(0, deadlineMs - (Date.now() - started));
        const steps = (async () => {
          await app.close();
          await jobs?.stop(Math.min(5_000, left()));
          services.delivery.close();
          await database.close();
          return true;
        })();
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), deadlineMs);
          timer.unref();
        });
        try {
          return await Promise.race([steps, late]);
        } finally {
          clearTimeout(timer);
        }
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
