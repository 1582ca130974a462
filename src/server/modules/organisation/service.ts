import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { settingsSchema } from './schemas.js';
import type { Database } from '../../db/schema.js';
import type { RegimeId } from '../../../domain/deadlines.js';
import { resolveWorkflowSettings, type WorkflowSettings } from '../../../domain/workflow/settings.js';

/** The settings as the admin API validates them (one source: `settingsSchema`). */
export type OrganisationSettings = z.output<typeof settingsSchema>;

export interface Organisation {
  name: string;
  regime: RegimeId;
  settings: OrganisationSettings;
}

const FALLBACK: Organisation = { name: 'Redress', regime: 'awb', settings: {} };

/** The organisation's settings, read once and cached; changes go through `save`. */
export class OrganisationService {
  private cached: Organisation | undefined;
  constructor(private readonly db: Kysely<Database>) {}

  async get(): Promise<Organisation> {
    if (this.cached) return this.cached;
    const row = await this.db.selectFrom('organisation').selectAll().where('id', '=', 1).executeTakeFirst();
    this.cached = row ? { name: row.name, regime: row.regime as RegimeId, settings: row.settings } : FALLBACK;
    return this.cached;
  }

  /** The workflow settings with their defaults filled in. */
  async workflow(): Promise<WorkflowSettings> {
    const org = await this.get();
    return resolveWorkflowSettings(org.settings.workflow, org.settings.contactWorkingDays);
  }

  async save(org: Organisation): Promise<void> {
    await this.db
      .insertInto('organisation')
      .values({ id: 1, name: org.name, regime: org.regime, settings: JSON.stringify(org.settings) })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet({ name: org.name, regime: org.regime, settings: JSON.stringify(org.settings) }),
      )
      .execute();
    this.cached = org;
  }

  /** Forget the cache (another process may have changed the settings). */
  invalidate(): void {
    this.cached = undefined;
  }
}
