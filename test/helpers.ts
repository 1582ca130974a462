import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import { loadConfig, type Config } from '../src/server/config.js';
import { openDatabase, type DatabaseHandle } from '../src/server/db/client.js';
import { buildServices, type Services } from '../src/server/services.js';
import type { Role } from '../src/server/modules/users/service.js';
import { finaliseMessage } from '../src/server/modules/outbox/finalise.js';

/** A fresh, migrated database for one test file: PGlite from the template dump, or PostgreSQL. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  const tpl = inject('pgTemplateDb');
  if (url && tpl) {
    const name = `${tpl.replace('redress_tpl_', 'redress_t_')}_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // CREATE DATABASE … TEMPLATE fails if the template is in use; serialise on an advisory lock.
    await admin.query('SELECT pg_advisory_lock(7240521)');
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${tpl}`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(7240521)');
      await admin.end();
    }
    const u = new URL(url);
    u.pathname = `/${name}`;
    return openDatabase({ databaseUrl: u.toString(), poolSize: 8 });
  }
  const file = inject('pgliteTemplate');
  const blob = new Blob([fs.readFileSync(file)]);
  return openDatabase({ dataDir: 'memory://', loadDataDir: blob });
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://redress.test',
    RATE_LIMIT_PUBLIC: '100000',
    JOBS: 'off',
    ...overrides,
  });
}

export interface TestContext {
  app: FastifyInstance;
  services: Services;
  database: DatabaseHandle;
  /** A staff user with this role and a bearer token for it. */
  staff(
    role: Role,
    departmentId?: string | null,
  ): Promise<{ id: string; token: string; auth: { authorization: string } }>;
  close(): Promise<void>;
}

export async function createTestContext(overrides: Record<string, string> = {}): Promise<TestContext> {
  const database = await openTestDatabase();
  const config = testConfig(overrides);
  const services = buildServices(config, database);
  const app = await buildApp(services, { logger: false });
  await app.ready();
  let n = 0;
  return {
    app,
    services,
    database,
    async staff(role, departmentId = null) {
      const email = `${role}-${++n}-${crypto.randomBytes(3).toString('hex')}@redress.test`;
      const user = await services.users.add({ email, role, departmentId });
      const token = await services.users.createToken(email);
      return { id: user.id, token, auth: { authorization: `Bearer ${token}` } };
    },
    async close() {
      await app.close();
      services.delivery.close();
      await database.close();
    },
  };
}

export const exampleComplaint = {
  complainant: {
    name: 'Anna de Vries',
    email: 'anna@example.nl',
    phone: '0612345678',
    address: 'Dorpsstraat 1, 1234 AB Ergens',
  },
  description: 'Wat er gebeurde, in de woorden van de klager.',
  desiredOutcome: 'Wat de klager wil bereiken.',
  incidentDate: '2026-11-02',
  language: 'nl',
};

/**
 * The text of an outbox message as it leaves (the real send-time seam, finalise.ts), without an SMTP
 * server: status links in it are minted now and only their hashes stored.
 */
export async function finalisedText(services: Services, outboxId: string): Promise<string> {
  const row = await services.database.db
    .selectFrom('outbox')
    .selectAll()
    .where('id', '=', outboxId)
    .executeTakeFirstOrThrow();
  const mail = await finaliseMessage(row, {
    db: services.database.db,
    from: 'test@redress.test',
    domain: 'redress.test',
    publicUrl: services.config.publicUrl,
    installationId: 'test',
  });
  return mail.text;
}
