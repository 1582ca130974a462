import { type Kysely, sql } from 'kysely';

// Status-link secrets (PRIV-09, AVG art. 32): a status link is a bearer secret and is never stored
// readable. The link in a mail is minted when the mail is sent (outbox/finalise.ts): the stored body
// carries the placeholder {{statusUrl}} and a status_link row reserved for that message (token_hash
// still NULL, the expiry decided when the mail was written) receives only the hash of the token at
// send time. A re-sent link revokes the earlier ones (revoked_at). Idempotency replies carry no link.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE status_link
      ALTER COLUMN token_hash DROP NOT NULL,
      ADD COLUMN outbox_id bigint REFERENCES outbox(id),
      ADD COLUMN revoked_at timestamptz;
    CREATE UNIQUE INDEX status_link_outbox_idx ON status_link (outbox_id) WHERE outbox_id IS NOT NULL;

    -- The link shown once on the confirmation page; revoked (NULL) when a new link is sent.
    ALTER TABLE complaint_case ALTER COLUMN status_token_hash DROP NOT NULL;

    -- Links already written readable: replies lose them, bodies get the placeholder back (a pending
    -- message then gets the page where a complainant asks for a new link; see finalise.ts).
    UPDATE idempotency_key SET response = response - 'statusUrl' WHERE response ? 'statusUrl';
    UPDATE outbox
       SET body_text = regexp_replace(body_text, 'https?://[^[:space:]]*/status/[A-Za-z0-9_-]{20,100}', '{{statusUrl}}', 'g')
     WHERE body_text ~ '/status/[A-Za-z0-9_-]{20,100}';
  `.execute(db);
}
