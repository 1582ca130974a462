import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { RegimeId } from '../../../domain/deadlines.js';
import { resolveWorkflowSettings, type WorkflowSettings } from '../../../domain/workflow/settings.js';

/** AWB-51 / WKKGZ-08 / ISO-10: where the complainant can go next (ombudsman or disputes body). */
export interface ExternalBody {
  name: string;
  address?: string | undefined;
  url?: string | undefined;
  /** The term and conditions, e.g. "binnen een jaar na de afhandeling" (AWB-71, WKKGZ-11). */
  terms?: string | undefined;
}

/** ISO-10 (ISO 10001): a published service promise, reported against. */
export interface ServiceNorm {
  name: string;
  description: string;
  workingDays?: number | undefined;
  weeks?: number | undefined;
}

export interface OrganisationSettings {
  contactPhone?: string | undefined;
  privacyUrl?: string | undefined;
  /** WKKGZ-01: the written complaints regulation. */
  complaintRegulationUrl?: string | undefined;
  externalBody?: ExternalBody | undefined;
  /** NO-02, NO-07: first contact within N working days. */
  contactWorkingDays?: number | undefined;
  extraHolidays?: string[] | undefined;
  /** [C]-graded rules as configurable defaults (src/domain/workflow/settings.ts). */
  workflow?: Partial<WorkflowSettings> | undefined;
  serviceNorms?: ServiceNorm[] | undefined;
  /** Letters and PDFs (letters module); the logo as a data: URL. */
  letterhead?: { address?: string | undefined; phone?: string | undefined; website?: string | undefined; logo?: string | undefined } | undefined;
  /** [C] letter rules: severity per rule ID or 'off'; LET-08 targets. */
  letters?: { lint?: { severity?: Record<string, 'error' | 'warning' | 'off'> | undefined; maxAverageSentenceWords?: number | undefined; maxSentenceWords?: number | undefined } | undefined } | undefined;
  /** Public pages (public/branding.ts). */
  branding?: { logoUrl?: string | undefined; primaryColor?: string | undefined; linkColor?: string | undefined } | undefined;
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
        oc.column('id').doUpdateSet({ name: org.name, regime: org.regime, settings: JSON.stringify(org.settings) }),
      )
      .execute();
    this.cached = org;
  }

  /** Forget the cache (another process may have changed the settings). */
  invalidate(): void {
    this.cached = undefined;
  }
}
