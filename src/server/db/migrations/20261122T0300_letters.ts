import { type Kysely, sql } from 'kysely';

// Forward-only. Letters: every letter the procedure needs, composed, linted, rendered as
// PDF and sent through the outbox with the PDF attached. SQL that PostgreSQL 15 accepts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE letter (
      id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id          uuid NOT NULL REFERENCES complaint_case(id),
      kind             text NOT NULL CHECK (kind IN ('acknowledgement', 'extension', 'decline', 'informal-resolution', 'forwarding', 'hearing-invitation', 'decision', 'follow-up')),
      lang             text NOT NULL CHECK (lang IN ('nl', 'en')),
      regime           text NOT NULL,
      recipient_role   text NOT NULL CHECK (recipient_role IN ('complainant', 'respondent', 'other_organisation')),
      respondent_id    uuid REFERENCES respondent(id),
      recipient_name   text,
      recipient_email  text,
      recipient_address text,
      subject          text NOT NULL,
      -- The letter model: [{role, heading?, text, item?}] (src/domain/letters/model.ts).
      paragraphs       jsonb NOT NULL,
      letter_date      date NOT NULL,
      status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'rendered', 'sent')),
      -- The linter's findings for the current paragraphs; errors block sending.
      findings         jsonb NOT NULL DEFAULT '[]'::jsonb,
      version          integer NOT NULL DEFAULT 1,
      pdf              bytea,
      pdf_sha256       text,
      -- The case task (letter.*) this letter fulfils, if any.
      task_id          uuid REFERENCES case_task(id),
      outbox_id        bigint REFERENCES outbox(id),
      message_id       text,
      created_by       uuid REFERENCES app_user(id),
      sent_by          uuid REFERENCES app_user(id),
      created_at       timestamptz NOT NULL DEFAULT now(),
      updated_at       timestamptz NOT NULL DEFAULT now(),
      rendered_at      timestamptz,
      sent_at          timestamptz,
      CHECK (status = 'draft' OR pdf IS NOT NULL),
      CHECK (status <> 'sent' OR (sent_at IS NOT NULL AND outbox_id IS NOT NULL)),
      CHECK ((recipient_role = 'respondent') = (respondent_id IS NOT NULL))
    );
    CREATE INDEX letter_case_idx ON letter (case_id, created_at);

    -- The e-mail of a letter carries its PDF; one e-mail per letter, so a retried send sends nothing twice.
    ALTER TABLE outbox ADD COLUMN letter_id uuid REFERENCES letter(id);
    CREATE UNIQUE INDEX outbox_letter_idx ON outbox (letter_id) WHERE letter_id IS NOT NULL;
  `.execute(db);
}
