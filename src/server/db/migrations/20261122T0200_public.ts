import { type Kysely, sql } from 'kysely';

// Forward-only. The complainant's side (public pages): re-sent status links, what the complainant adds
// (text and documents) and the satisfaction survey. SQL that PostgreSQL 15 accepts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- ISO-02: status on request. A link re-sent to the e-mail on file; the link from the
    -- acknowledgement stays in complaint_case.status_token_hash. Only hashes are stored.
    CREATE TABLE status_link (
      id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id     uuid NOT NULL REFERENCES complaint_case(id),
      token_hash  text NOT NULL UNIQUE,
      expires_at  timestamptz NOT NULL,
      created_at  timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX status_link_case_idx ON status_link (case_id, created_at DESC);

    -- Information the complainant adds on the status page.
    CREATE TABLE complainant_submission (
      id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id     uuid NOT NULL REFERENCES complaint_case(id),
      message     text,
      created_at  timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX complainant_submission_case_idx ON complainant_submission (case_id, created_at);

    -- Documents from the complainant: stored as bytes, type checked by content, never served inline.
    CREATE TABLE case_attachment (
      id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id        uuid NOT NULL REFERENCES complaint_case(id),
      submission_id  uuid REFERENCES complainant_submission(id),
      source         text NOT NULL CHECK (source IN ('intake', 'status')),
      filename       text NOT NULL,
      content_type   text NOT NULL,
      byte_size      integer NOT NULL CHECK (byte_size > 0),
      sha256         text NOT NULL,
      content        bytea NOT NULL,
      created_at     timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_attachment_case_idx ON case_attachment (case_id, created_at);

    -- ISO-10 (ISO 10004) / seed 003: one satisfaction survey per case, after closing.
    CREATE TABLE satisfaction_survey (
      id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id            uuid NOT NULL UNIQUE REFERENCES complaint_case(id),
      outcome_satisfied  text NOT NULL CHECK (outcome_satisfied IN ('yes', 'partly', 'no')),
      handling_satisfied text NOT NULL CHECK (handling_satisfied IN ('yes', 'partly', 'no')),
      comment            text,
      created_at         timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}
