import { type Kysely, sql } from 'kysely';

// Fields written for the complainant and read by the letter composer: the salutation and the answer to
// the desired outcome (NO-02) on the case, a letter-facing title per item, who performs a remedy, what
// happens with the problem behind a declined complaint (NO-03, in the decline json), and each handler's
// direct phone number (LET-07, NO-05).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE complaint_case ADD COLUMN salutation text, ADD COLUMN request_answer text`.execute(
    db,
  );
  await sql`ALTER TABLE complaint_item ADD COLUMN letter_title text`.execute(db);
  await sql`ALTER TABLE remedy ADD COLUMN performer text NOT NULL DEFAULT 'organisation'
    CHECK (performer IN ('organisation', 'complainant'))`.execute(db);
  await sql`ALTER TABLE app_user ADD COLUMN phone text`.execute(db);
}
