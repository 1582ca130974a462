import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, LetterTable } from '../../db/schema.js';

export type LetterRow = Selectable<LetterTable>;
export type LetterWithDelivery = Omit<LetterRow, 'pdf'> & {
  has_pdf: boolean;
  outbox_status: string | null;
  outbox_attempts: number | null;
  outbox_last_error: string | null;
  outbox_sent_at: Date | null;
};

type Db = Kysely<Database> | Transaction<Database>;

/** Queries only (GUIDE habit 4). The PDF bytes are read only when asked for. */
export class LetterRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private withDelivery(db: Db) {
    return db
      .selectFrom('letter')
      .leftJoin('outbox', 'outbox.id', 'letter.outbox_id')
      .select([
        'letter.id',
        'letter.case_id',
        'letter.kind',
        'letter.lang',
        'letter.regime',
        'letter.recipient_role',
        'letter.respondent_id',
        'letter.recipient_name',
        'letter.recipient_email',
        'letter.recipient_address',
        'letter.subject',
        'letter.paragraphs',
        'letter.letter_date',
        'letter.status',
        'letter.findings',
        'letter.version',
        'letter.pdf_sha256',
        'letter.task_id',
        'letter.outbox_id',
        'letter.message_id',
        'letter.created_by',
        'letter.sent_by',
        'letter.created_at',
        'letter.updated_at',
        'letter.rendered_at',
        'letter.sent_at',
        sql<boolean>`letter.pdf IS NOT NULL`.as('has_pdf'),
        'outbox.status as outbox_status',
        'outbox.attempts as outbox_attempts',
        'outbox.last_error as outbox_last_error',
        'outbox.sent_at as outbox_sent_at',
      ]);
  }

  find(id: string, db: Db = this.db): Promise<LetterWithDelivery | undefined> {
    return this.withDelivery(db).where('letter.id', '=', id).executeTakeFirst();
  }

  forCase(caseId: string): Promise<LetterWithDelivery[]> {
    return this.withDelivery(this.db)
      .where('letter.case_id', '=', caseId)
      .orderBy('letter.created_at')
      .orderBy('letter.id')
      .execute();
  }

  /** Locks the row for a state change (send), so two requests cannot both send. */
  lock(id: string, trx: Transaction<Database>) {
    return trx
      .selectFrom('letter')
      .select([
        'id',
        'case_id',
        'status',
        'version',
        'kind',
        'lang',
        'regime',
        'recipient_role',
        'respondent_id',
        'recipient_email',
        'subject',
        'paragraphs',
        'task_id',
        'outbox_id',
      ])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  pdf(id: string): Promise<{ pdf: Buffer | null; subject: string; case_id: string } | undefined> {
    return this.db
      .selectFrom('letter')
      .select(['pdf', 'subject', 'case_id'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  insert(values: Insertable<LetterTable>, db: Db) {
    return db.insertInto('letter').values(values).returning('id').executeTakeFirstOrThrow();
  }

  /** The decision letter sent to the complainant (public status page, AWB-50). */
  latestSentDecision(caseId: string) {
    return this.db
      .selectFrom('letter')
      .select(['id', 'subject', 'sent_at', 'letter_date'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'decision')
      .where('recipient_role', '=', 'complainant')
      .where('status', '=', 'sent')
      .orderBy('sent_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  openLetterTasks(caseId: string) {
    return this.db
      .selectFrom('case_task')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('kind', 'like', 'letter.%')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }
}
