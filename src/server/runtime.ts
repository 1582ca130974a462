import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import { migrateToLatest } from './db/migrate.js';
import { JobRunner } from './jobs/runner.js';
import { seedDemo } from './seed/demo.js';
import { buildServices, type Services } from './services.js';

export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}

export interface Running {
  app: FastifyInstance;
  services: Services;
  stop(): Promise<void>;
}

/** What `redress serve` (and so `npm start`) does: migrate, seed an empty database, serve, run jobs. */
export async function serve(config: Config): Promise<Running> {
  const database = await openConfiguredDatabase(config);
  try {
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
      stop: async () => {
        await app.close();
        await jobs?.stop();
        services.delivery.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
