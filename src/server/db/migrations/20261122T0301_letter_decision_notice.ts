import { type Kysely, sql } from 'kysely';

// Forward-only. ISO-07: a notice of the decision to each respondent is a letter kind of its own.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE letter DROP CONSTRAINT letter_kind_check;
    ALTER TABLE letter ADD CONSTRAINT letter_kind_check CHECK (kind IN (
      'acknowledgement', 'extension', 'decline', 'informal-resolution', 'forwarding',
      'hearing-invitation', 'decision', 'decision-notice', 'follow-up'));
  `.execute(db);
}
