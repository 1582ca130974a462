import type { Kysely, RawBuilder } from 'kysely';
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
  /** `readable`: the read policy's predicate on alias `c` for a staff reader; the CLI reads all. */
  async annual(year: number, readable?: RawBuilder<boolean>): Promise<AnnualReport> {
    const org = await this.organisation.get();
    const rows = await this.repo.annual(year, amsterdamDate(new Date()), readable);
    return buildAnnualReport(year, org.name, rows);
  }
}
