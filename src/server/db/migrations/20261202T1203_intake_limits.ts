import { type Kysely, sql } from 'kysely';

// Mail injection, public limits and storage quotas: mail to one complainant address is counted per hour, and documents
// from the public are counted per case, per day and in total; these indexes keep the counts cheap.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX outbox_recipient_idx ON outbox (lower(recipient), created_at) WHERE recipient IS NOT NULL;
    CREATE INDEX case_attachment_created_idx ON case_attachment (created_at);
  `.execute(db);
}
