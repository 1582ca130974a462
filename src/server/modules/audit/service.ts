import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Who is reading: the signed-in staff member (if any) and the caller's address. */
export interface Reader {
  staff?: { id: string } | undefined;
  ip?: string | undefined;
}

/**
 * PRIV-09 / WKKGZ-12: the access log of who read, exported or changed which case, and every failed
 * login. Append-only: a database trigger refuses UPDATE, DELETE and TRUNCATE (migration 1200).
 */
export class AuditService {
  constructor(private readonly db: Kysely<Database>) {}

  async record(
    userId: string | null,
    action: string,
    caseId: string | null,
    detail?: Record<string, unknown>,
    extra: { caseIds?: readonly string[] | undefined; ip?: string | undefined } = {},
  ): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        user_id: userId,
        action,
        case_id: caseId,
        detail: detail ? JSON.stringify(detail) : null,
        case_ids: extra.caseIds?.length ? [...extra.caseIds] : null,
        client_ip: extra.ip ?? null,
      })
      .execute();
  }

  /**
   * A read of personal data: one case (detail, letter, PDF, attachment, status page) or the cases a
   * list, search or export showed. An empty list is not personal data and is not recorded.
   */
  async read(
    reader: Reader,
    action: string,
    cases: string | readonly string[],
    detail?: Record<string, unknown>,
  ): Promise<void> {
    const one = typeof cases === 'string';
    if (!one && cases.length === 0) return;
    await this.record(reader.staff?.id ?? null, action, one ? cases : null, detail, {
      caseIds: one ? undefined : cases,
      ip: reader.ip,
    });
  }
}
