import { type Kysely, sql } from 'kysely';

// The procedure holds: documented attempts to reach the complainant (NO-02: two failed
// attempts count as contact made), a planned hearing's date, time and place or video link (AWB-30),
// and the acknowledgement by e-mail that completes the AWB-12 task when it was sent.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE complaint_case ADD COLUMN contact_attempts jsonb NOT NULL DEFAULT '[]'::jsonb`.execute(
    db,
  );
  await sql`ALTER TABLE hearing
      ADD COLUMN scheduled_at timestamptz,
      ADD COLUMN location text,
      ADD COLUMN video_link text`.execute(db);
}
