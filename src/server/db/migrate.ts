import { type Kysely, type Migration, Migrator, type MigrationResultSet } from 'kysely';
import * as m0001 from './migrations/20261122T0001_foundation.js';
import * as m0100 from './migrations/20261122T0100_workflow.js';
import * as m0200 from './migrations/20261122T0200_public.js';
import * as m0300 from './migrations/20261122T0300_letters.js';
import * as m0301 from './migrations/20261122T0301_letter_decision_notice.js';
import * as m0400 from './migrations/20261122T0400_sessions.js';
import * as m0700 from './migrations/20261122T0700_dashboard_indexes.js';
import * as m0701 from './migrations/20261122T0701_open_by_department_index.js';
import * as m0600 from './migrations/20261122T0600_insight.js';
import * as m1200 from './migrations/20261201T1200_read_policy.js';
import * as m1300 from './migrations/20261201T1300_letter_fields.js';
import * as m1500 from './migrations/20261201T1500_outbox_delivery.js';
import * as m1101 from './migrations/20261202T1101_procedure_gates.js';
import * as m1201 from './migrations/20261202T1201_status_link_at_send.js';
import * as m1202 from './migrations/20261202T1202_login_hardening.js';

// All migrations, in order. Forward-only: never edit one that has shipped; add a new file.
const migrations: Record<string, Migration> = {
  '20261122T0001_foundation': m0001,
  '20261122T0100_workflow': m0100,
  '20261122T0200_public': m0200,
  '20261122T0300_letters': m0300,
  '20261122T0301_letter_decision_notice': m0301,
  '20261122T0400_sessions': m0400,
  '20261122T0700_dashboard_indexes': m0700,
  '20261122T0701_open_by_department_index': m0701,
  '20261122T0600_insight': m0600,
  '20261201T1200_read_policy': m1200,
  '20261201T1300_letter_fields': m1300,
  '20261201T1500_outbox_delivery': m1500,
  '20261202T1101_procedure_gates': m1101,
  '20261202T1201_status_link_at_send': m1201,
  '20261202T1202_login_hardening': m1202,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the schema's types hold
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'redress_migration',
    migrationLockTableName: 'redress_migration_lock',
    // Migrations from parallel branches may land out of name order; each still runs exactly once.
    allowUnorderedMigrations: true,
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const err = result.error instanceof Error ? result.error : new Error(JSON.stringify(result.error));
    err.message = `Migration ${failed?.migrationName ?? '?'} failed: ${err.message}`;
    throw err;
  }
  return result;
}
