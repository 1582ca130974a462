import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** PRIV-09 / WKKGZ-12: an access log of who read or exported which case. */
export class AuditService {
  constructor(private readonly db: Kysely<Database>) {}

  async record(
    userId: string | null,
    action: string,
    caseId: string | null,
    detail?: Record<string, unknown>,
  ): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({ user_id: userId, action, case_id: caseId, detail: detail ? JSON.stringify(detail) : null })
      .execute();
  }
}
