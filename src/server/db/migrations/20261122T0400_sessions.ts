import { type Kysely, sql } from 'kysely';

// Browser sessions for staff (cookie + CSRF token) and login lockout.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE staff_session (
      id_hash      text PRIMARY KEY,
      user_id      uuid NOT NULL REFERENCES app_user(id),
      csrf_token   text NOT NULL,
      created_at   timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at   timestamptz NOT NULL
    );
    CREATE INDEX staff_session_user_idx ON staff_session (user_id);

    ALTER TABLE app_user ADD COLUMN failed_logins integer NOT NULL DEFAULT 0;
    ALTER TABLE app_user ADD COLUMN locked_until timestamptz;
  `.execute(db);
}
