import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { Database, OutboxTable } from '../../db/schema.js';
import { CaseEvents } from '../cases/events.js';

export type OutboxRow = Selectable<OutboxTable>;

/** Queries of the outbox: claiming due messages, keeping and ending claims, the staff view. */
export class OutboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Claims up to `limit` due messages in priority order for one lease. SKIP LOCKED lets several
   * workers (and processes) claim side by side without waiting for or taking each other's rows; a
   * message whose lease ran out ('sending' with next_attempt_at past) is due again. The attempt is
   * counted at the claim, so a message that kills its worker still reaches the attempt limit.
   */
  async claim(limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
    // Each message gets its own claim token: a lease lost on one message says nothing of the others.
    const { rows } = await sql<OutboxRow>`
      UPDATE outbox o
         SET status = 'sending', claim_token = gen_random_uuid(), claimed_at = now(),
             next_attempt_at = now() + make_interval(secs => ${leaseSeconds}), attempts = o.attempts + 1
        FROM (SELECT id FROM outbox
               WHERE status IN ('pending', 'sending') AND next_attempt_at <= now()
               ORDER BY priority, next_attempt_at, id
               LIMIT ${limit}
               FOR UPDATE SKIP LOCKED) due
       WHERE o.id = due.id
      RETURNING o.*`.execute(this.db);
    return rows.sort((a, b) => a.priority - b.priority || Number(a.id) - Number(b.id));
  }

  /** Claims one waiting message whatever its next-attempt time (sending it now by hand). */
  async claimOne(id: string, leaseSeconds: number): Promise<OutboxRow[]> {
    const { rows } = await sql<OutboxRow>`
      UPDATE outbox o
         SET status = 'sending', claim_token = gen_random_uuid(), claimed_at = now(),
             next_attempt_at = now() + make_interval(secs => ${leaseSeconds}), attempts = o.attempts + 1
        FROM (SELECT id FROM outbox
               WHERE id = ${id} AND (status = 'pending' OR (status = 'sending' AND next_attempt_at <= now()))
               FOR UPDATE SKIP LOCKED) due
       WHERE o.id = due.id
      RETURNING o.*`.execute(this.db);
    return rows;
  }

  /** Extends the lease of the claims still held; returns the tokens that are still ours. */
  async renew(tokens: string[], leaseSeconds: number): Promise<Set<string>> {
    if (tokens.length === 0) return new Set();
    const rows = await this.db
      .updateTable('outbox')
      .set({ next_attempt_at: sql`now() + make_interval(secs => ${leaseSeconds})` })
      .where('status', '=', 'sending')
      .where('claim_token', 'in', tokens)
      .returning('claim_token')
      .execute();
    return new Set(rows.map((r) => r.claim_token!));
  }

  /** Records a delivery, only if this claim is still the message's claim. */
  async markSent(id: string, token: string, messageId: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('outbox')
        .set({
          status: 'sent',
          sent_at: new Date(),
          message_id: messageId,
          last_error: null,
          claim_token: null,
        })
        .where('id', '=', id)
        .where('claim_token', '=', token)
        .where('status', '=', 'sending')
        .returning(['letter_id', 'kind', 'case_id'])
        .executeTakeFirst();
      if (!row) return false;
      // AWB-12: the automatic acknowledgement e-mail, once delivered, is the written acknowledgement.
      if (row.kind === 'acknowledgement' && row.case_id) {
        const done = await trx
          .updateTable('case_task')
          .set({ status: 'done', completed_at: new Date() })
          .where('case_id', '=', row.case_id)
          .where('kind', '=', 'letter.acknowledgement')
          .where('status', '=', 'open')
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) > 0)
          await CaseEvents.append(trx, row.case_id, null, {
            type: 'case.acknowledgement_emailed',
            data: { outboxId: id, rule: 'AWB-12' },
          });
      }
      if (row.letter_id)
        await trx
          .updateTable('letter')
          .set({ message_id: messageId })
          .where('id', '=', row.letter_id)
          .execute();
      return true;
    });
  }

  /** A temporary failure: due again at `nextAttemptAt`. */
  async reschedule(id: string, token: string, nextAttemptAt: Date, error: string): Promise<boolean> {
    const res = await this.db
      .updateTable('outbox')
      .set({ status: 'pending', next_attempt_at: nextAttemptAt, last_error: error, claim_token: null })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .where('status', '=', 'sending')
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  }

  /**
   * Refused for good (SMTP 5xx) or out of attempts: 'failed', shown to staff in the outbox and in
   * the case history, and sent again only when someone retries it.
   */
  async markFailed(row: OutboxRow, token: string, error: string, permanent: boolean): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('outbox')
        .set({ status: 'failed', failed_at: new Date(), last_error: error, claim_token: null })
        .where('id', '=', row.id)
        .where('claim_token', '=', token)
        .where('status', '=', 'sending')
        .executeTakeFirst();
      if (res.numUpdatedRows === 0n) return false;
      if (row.case_id)
        await CaseEvents.append(trx, row.case_id, null, {
          type: 'message.failed',
          data: { outboxId: String(row.id), kind: row.kind, attempts: row.attempts, permanent },
        });
      return true;
    });
  }

  /** Gives claims back without counting the attempt (the worker stops before it could send). */
  async release(tokens: string[]): Promise<void> {
    if (tokens.length === 0) return;
    await this.db
      .updateTable('outbox')
      .set({
        status: 'pending',
        next_attempt_at: sql`now()`,
        claim_token: null,
        attempts: sql`greatest(attempts - 1, 0)`,
      })
      .where('status', '=', 'sending')
      .where('claim_token', 'in', tokens)
      .execute();
  }

  /** A failed message is due again at once, with a fresh count of attempts. */
  async retry(id: string, actorId: string): Promise<OutboxRow | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('outbox')
        .set({ status: 'pending', next_attempt_at: sql`now()`, attempts: 0, failed_at: null })
        .where('id', '=', id)
        .where('status', '=', 'failed')
        .returningAll()
        .executeTakeFirst();
      if (row?.case_id)
        await CaseEvents.append(trx, row.case_id, actorId, {
          type: 'message.retried',
          data: { outboxId: String(row.id), kind: row.kind },
        });
      return row;
    });
  }

  find(id: string): Promise<OutboxRow | undefined> {
    return this.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * The staff view. `readable` is the read policy's predicate for the reader (cases/read-policy.ts):
   * only mail about cases they may read; mail without a case only when `withoutCase` (the admin).
   */
  list(
    filter: { status?: string; caseId?: string; limit: number },
    scope: { readable: RawBuilder<boolean>; withoutCase: boolean },
  ): Promise<OutboxRow[]> {
    let q = this.db
      .selectFrom('outbox')
      .selectAll()
      .where(
        sql<boolean>`((outbox.case_id IS NULL AND ${sql.lit(scope.withoutCase)}) OR EXISTS (SELECT 1 FROM complaint_case WHERE complaint_case.id = outbox.case_id AND ${scope.readable}))`,
      );
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.caseId) q = q.where('case_id', '=', filter.caseId);
    return q.orderBy('id', 'desc').limit(filter.limit).execute();
  }

  async installationId(): Promise<string> {
    const row = await this.db.selectFrom('installation').select('id').executeTakeFirstOrThrow();
    return row.id;
  }

  /** The letter whose PDF goes with a message. */
  letterAttachment(letterId: string) {
    return this.db
      .selectFrom('letter')
      .select(['pdf', 'kind', 'subject'])
      .where('id', '=', letterId)
      .executeTakeFirst();
  }
}
