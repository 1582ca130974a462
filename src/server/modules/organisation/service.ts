import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { RegimeId } from '../../../domain/deadlines.js';

export interface OrganisationSettings {
  contactPhone?: string;
  privacyUrl?: string;
  /** AWB-51 / WKKGZ-08: where the complainant can go next. */
  externalBody?: { name: string; address?: string; url?: string };
  /** NO-02, NO-07: first contact within N working days. */
  contactWorkingDays?: number;
  extraHolidays?: string[];
}

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
    this.cached = row ? { name: row.name, regime: row.regime as RegimeId, settings: row.settings as OrganisationSettings } : FALLBACK;
    return this.cached;
  }

  async save(org: Organisation): Promise<void> {
    await this.db
      .insertInto('organisation')
      .values({ id: 1, name: org.name, regime: org.regime, settings: JSON.stringify(org.settings) })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ name: org.name, regime: org.regime, settings: JSON.stringify(org.settings) }),
      )
      .execute();
    this.cached = org;
  }
}
