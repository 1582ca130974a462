import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import type { OrganisationService } from '../organisation/service.js';
import type { StaffUser } from '../users/service.js';
import {
  DEFAULT_CONFIDENTIAL_READERS,
  caseReadPredicate,
  readDecision,
  readRefused,
  type CaseReadInfo,
  type ReadScope,
} from './read-policy.js';

/**
 * The read policy wired to the database: the reader's scope (with the organisation's choice of
 * confidential readers), one case's read facts in one query, and the check that throws.
 */
export class CaseAccessService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly organisation: OrganisationService,
  ) {}

  async scope(user: StaffUser): Promise<ReadScope> {
    const org = await this.organisation.get();
    return { user, confidentialReaders: org.settings.confidentialReaders ?? DEFAULT_CONFIDENTIAL_READERS };
  }

  /** The SQL condition for this user's readable cases (see read-policy.ts). */
  async predicate(user: StaffUser, alias?: string) {
    return caseReadPredicate(await this.scope(user), alias);
  }

  async readInfo(caseId: string): Promise<CaseReadInfo | undefined> {
    const row = await this.db
      .selectFrom('complaint_case as c')
      .select([
        'c.department_id',
        'c.assignee_id',
        'c.confidential',
        sql<
          string[] | null
        >`(SELECT array_agg(r.user_id) FROM respondent r WHERE r.case_id = c.id AND r.user_id IS NOT NULL)`.as(
          'respondents',
        ),
      ])
      .where('c.id', '=', caseId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      departmentId: row.department_id,
      assigneeId: row.assignee_id,
      confidential: row.confidential,
      respondentUserIds: row.respondents ?? [],
    };
  }

  /** 404 when the case does not exist, 403 when this user may not read it. */
  async assertMayRead(user: StaffUser, caseId: string, info?: CaseReadInfo): Promise<CaseReadInfo> {
    const facts = info ?? (await this.readInfo(caseId));
    if (!facts) throw notFound('case');
    const decision = readDecision(await this.scope(user), facts);
    if (!decision.ok) throw readRefused(decision);
    return facts;
  }
}
