import { type Kysely, sql } from 'kysely';

// Forward-only. SQL that PostgreSQL 15 accepts (PGlite runs 18).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE organisation (
      id          integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      name        text NOT NULL,
      regime      text NOT NULL,
      settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at  timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE department (
      id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name        text NOT NULL UNIQUE,
      created_at  timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE category (
      id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name          text NOT NULL UNIQUE,
      department_id uuid REFERENCES department(id),
      created_at    timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE app_user (
      id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email         text NOT NULL,
      name          text NOT NULL,
      role          text NOT NULL CHECK (role IN ('intake','handler','manager','admin','complaints-officer')),
      department_id uuid REFERENCES department(id),
      password_hash text,
      active        boolean NOT NULL DEFAULT true,
      created_at    timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX app_user_email_idx ON app_user (lower(email));

    CREATE TABLE api_token (
      id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id      uuid NOT NULL REFERENCES app_user(id),
      token_hash   text NOT NULL UNIQUE,
      label        text,
      created_at   timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at   timestamptz
    );

    CREATE TABLE complaint_case (
      id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reference           text NOT NULL UNIQUE,
      status              text NOT NULL,
      regime              text NOT NULL,
      channel             text NOT NULL CHECK (channel IN ('web','email','phone','letter','counter')),
      received_at         timestamptz NOT NULL,
      submitted_at        timestamptz NOT NULL,
      receipt_date        date NOT NULL,
      complainant_name    text,
      complainant_email   text,
      complainant_phone   text,
      complainant_address text,
      description         text NOT NULL,
      desired_outcome     text,
      incident_date       date,
      language            text NOT NULL DEFAULT 'nl',
      category_id         uuid REFERENCES category(id),
      department_id       uuid REFERENCES department(id),
      assignee_id         uuid REFERENCES app_user(id),
      acknowledgement_due date NOT NULL,
      decision_due        date NOT NULL,
      deadlines           jsonb NOT NULL,
      overdue             boolean NOT NULL DEFAULT false,
      status_token_hash   text NOT NULL UNIQUE,
      created_by          uuid REFERENCES app_user(id),
      version             integer NOT NULL DEFAULT 1,
      created_at          timestamptz NOT NULL DEFAULT now(),
      updated_at          timestamptz NOT NULL DEFAULT now(),
      closed_at           timestamptz,
      search              tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', reference), 'A') ||
        setweight(to_tsvector('dutch', coalesce(complainant_name, '')), 'B') ||
        setweight(to_tsvector('dutch', description), 'C') ||
        setweight(to_tsvector('dutch', coalesce(desired_outcome, '')), 'D')
      ) STORED
    );
    -- keyset pagination of the inbox: newest first, id breaks ties
    CREATE INDEX complaint_case_received_idx ON complaint_case (received_at DESC, id DESC);
    CREATE INDEX complaint_case_status_idx ON complaint_case (status, received_at DESC, id DESC);
    CREATE INDEX complaint_case_assignee_idx ON complaint_case (assignee_id, received_at DESC, id DESC);
    CREATE INDEX complaint_case_department_idx ON complaint_case (department_id, received_at DESC, id DESC);
    CREATE INDEX complaint_case_decision_due_idx ON complaint_case (decision_due) WHERE closed_at IS NULL;
    CREATE INDEX complaint_case_search_idx ON complaint_case USING gin (search);

    -- History is append-only: every change writes a typed event in the same transaction.
    CREATE TABLE case_event (
      id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id    uuid NOT NULL REFERENCES complaint_case(id),
      type       text NOT NULL,
      actor_id   uuid REFERENCES app_user(id),
      data       jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX case_event_case_idx ON case_event (case_id, id);

    CREATE FUNCTION case_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'case_event is append-only' USING ERRCODE = 'restrict_violation';
    END $$;
    CREATE TRIGGER case_event_no_update BEFORE UPDATE OR DELETE ON case_event
      FOR EACH ROW EXECUTE FUNCTION case_event_append_only();

    -- Transactional outbox: messages are written with the change and delivered by a job.
    CREATE TABLE outbox (
      id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      case_id     uuid REFERENCES complaint_case(id),
      kind        text NOT NULL,
      recipient   text,
      subject     text NOT NULL,
      body_text   text NOT NULL,
      status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','failed','no-recipient')),
      attempts    integer NOT NULL DEFAULT 0,
      last_error  text,
      message_id  text,
      claimed_at  timestamptz,
      created_at  timestamptz NOT NULL DEFAULT now(),
      sent_at     timestamptz
    );
    CREATE INDEX outbox_pending_idx ON outbox (id) WHERE status IN ('pending', 'sending');
    CREATE INDEX outbox_case_idx ON outbox (case_id);

    CREATE TABLE idempotency_key (
      key          text PRIMARY KEY,
      request_hash text NOT NULL,
      case_id      uuid REFERENCES complaint_case(id),
      response     jsonb,
      created_at   timestamptz NOT NULL DEFAULT now()
    );

    -- PRIV-09: who read or changed which case.
    CREATE TABLE audit_log (
      id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id    uuid REFERENCES app_user(id),
      action     text NOT NULL,
      case_id    uuid,
      detail     jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX audit_log_case_idx ON audit_log (case_id, id);
  `.execute(db);
}
