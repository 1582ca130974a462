import { type Kysely, sql } from 'kysely';

// Login lockout, passwords and API tokens (AVG art. 32): failed logins are counted atomically per account and
// per client address, each with its own backoff, and forgotten an hour after the last failure; API
// tokens expire, and a password change revokes them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE app_user ADD COLUMN last_failed_login_at timestamptz;

    CREATE TABLE login_throttle (
      client_ip       text PRIMARY KEY,
      failures        integer NOT NULL DEFAULT 0,
      last_failed_at  timestamptz NOT NULL DEFAULT now(),
      locked_until    timestamptz
    );

    ALTER TABLE api_token ADD COLUMN expires_at timestamptz;
    -- Tokens issued before expiry existed get the default lifetime from now on.
    UPDATE api_token SET expires_at = now() + interval '90 days' WHERE expires_at IS NULL;
    ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
  `.execute(db);
}
