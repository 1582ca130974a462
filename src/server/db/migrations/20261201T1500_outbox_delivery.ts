import { type Kysely, sql } from 'kysely';

// The outbox drains by itself: a worker claims due messages in batches (FOR UPDATE SKIP LOCKED) in
// priority order, each message has its own next-attempt time (backoff), and a claim carries a token
// so only the worker that still holds it records the result. While a message is being sent,
// next_attempt_at is the end of the claim's lease: a worker that dies leaves it due again then.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE outbox
      ADD COLUMN priority smallint NOT NULL DEFAULT 2,
      ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN claim_token uuid,
      ADD COLUMN failed_at timestamptz;
    -- Staff alerts first, then mail with a legal term (letters, repair requests), then the rest.
    UPDATE outbox SET priority = CASE
        WHEN kind IN ('staff-alert', 'manager-alert') THEN 0
        WHEN kind LIKE 'letter:%' OR kind = 'repair-request' THEN 1
        ELSE 2 END
      WHERE status IN ('pending', 'sending');
    UPDATE outbox SET next_attempt_at = claimed_at + interval '5 minutes'
      WHERE status = 'sending' AND claimed_at IS NOT NULL;
    DROP INDEX IF EXISTS outbox_pending_idx;
    CREATE INDEX outbox_due_idx ON outbox (priority, next_attempt_at, id) WHERE status IN ('pending', 'sending');
    CREATE INDEX outbox_failed_idx ON outbox (id) WHERE status = 'failed';

    -- One row: a random id of this installation, so Message-IDs are unique across installations
    -- (and, as redress restore draws a new one, across restores of a backup).
    CREATE TABLE installation (
      singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      id         text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    INSERT INTO installation (id) VALUES (substr(replace(gen_random_uuid()::text, '-', ''), 1, 16));
  `.execute(db);
}
