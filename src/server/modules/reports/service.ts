import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { amsterdamDate } from '../../../domain/dates.js';
import type { OrganisationService } from '../organisation/service.js';
import { buildAnnualReport, type AnnualReport } from './annual.js';
import { ReportRepository } from './repository.js';

export class ReportService {
  private readonly repo: ReportRepository;

  constructor(
    db: Kysely<Database>,
    private readonly organisation: OrganisationService,
  ) {
    this.repo = new ReportRepository(db);
  }

  /** AWB-60/61, PRIV-08: the year's registered complaints, aggregated and anonymised. */
  async annual(year: number): Promise<AnnualReport> {
    const org = await this.organisation.get();
    const rows = await this.repo.annual(year, amsterdamDate(new Date()));
    return buildAnnualReport(year, org.name, rows);
  }
}
