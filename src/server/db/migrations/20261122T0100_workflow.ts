import { type Kysely, sql } from 'kysely';

// Forward-only. The handling workflow: organisation model, intake completion, items,
// respondents, representatives, hearings, remedies, escalations, tasks and deadline alerts.
// SQL that PostgreSQL 15 accepts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE department ADD COLUMN active boolean NOT NULL DEFAULT true;
    ALTER TABLE category ADD COLUMN active boolean NOT NULL DEFAULT true;
    CREATE INDEX app_user_department_idx ON app_user (department_id, role);

    ALTER TABLE complaint_case
      -- NO-02: the core of the complaint in the handler's words (the desired outcome already exists).
      ADD COLUMN core_complaint text,
      -- AWB-01/03: behaviour towards the complainant or towards someone else.
      ADD COLUMN behaviour_towards text NOT NULL DEFAULT 'complainant' CHECK (behaviour_towards IN ('complainant', 'other')),
      -- AWB-03/04: the formal checks of 9:4 and whether the full procedure applies (null: not assessed yet).
      ADD COLUMN formal_checks jsonb,
      ADD COLUMN formal_procedure_applies boolean,
      -- AWB-05: a translation decision for a complaint in another language.
      ADD COLUMN translation_needed boolean,
      -- NO-16: vulnerability and preferred channel; restricted access (see the case policy).
      ADD COLUMN vulnerability text,
      ADD COLUMN preferred_channel text,
      -- ISO-04: initial assessment and the priority derived from it.
      ADD COLUMN assessment jsonb,
      ADD COLUMN priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
      ADD COLUMN acknowledged_at timestamptz,
      ADD COLUMN first_contact_at timestamptz,
      ADD COLUMN first_contact_channel text,
      -- AWB-41/42/43, WKKGZ-06/07.
      ADD COLUMN extension jsonb,
      ADD COLUMN agreed_delay jsonb,
      -- Outcome of the case: informally_resolved, declined, forwarded, withdrawn, upheld, partly_upheld, not_upheld.
      ADD COLUMN outcome text,
      ADD COLUMN decline jsonb,
      ADD COLUMN forwarding jsonb,
      ADD COLUMN informal_resolution jsonb,
      ADD COLUMN withdrawal jsonb,
      -- AWB-50: findings and conclusions of the decision.
      ADD COLUMN findings text,
      ADD COLUMN conclusions text,
      ADD COLUMN decided_at timestamptz,
      -- AWB-53/54: the advisory committee's advice and any deviation from it.
      ADD COLUMN advice jsonb,
      ADD COLUMN deviation_reason text,
      -- NO-06: what the organisation learns.
      ADD COLUMN root_cause text,
      ADD COLUMN lessons text,
      ADD COLUMN improvement_action text,
      -- ISO-08: the complainant's reaction at closing.
      ADD COLUMN complainant_reaction text CHECK (complainant_reaction IN ('accepted', 'rejected', 'no_reaction')),
      ADD COLUMN last_progress_update_at timestamptz,
      ADD COLUMN reopen_count integer NOT NULL DEFAULT 0;

    -- Klachtonderdelen: each judged separately (NO-10, AWB-50).
    CREATE TABLE complaint_item (
      id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id     uuid NOT NULL REFERENCES complaint_case(id),
      position    integer NOT NULL,
      summary     text NOT NULL,
      severity    text NOT NULL CHECK (severity IN ('light', 'medium', 'heavy')),
      judgement   text CHECK (judgement IN ('upheld', 'partly_upheld', 'not_upheld')),
      findings    text,
      reasons     text,
      judged_at   timestamptz,
      judged_by   uuid REFERENCES app_user(id),
      created_at  timestamptz NOT NULL DEFAULT now(),
      UNIQUE (case_id, position)
    );

    -- Beklaagden (AWB-15/16, AWB-26).
    CREATE TABLE respondent (
      id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id                     uuid NOT NULL REFERENCES complaint_case(id),
      kind                        text NOT NULL CHECK (kind IN ('staff', 'unit', 'body', 'chair', 'member')),
      user_id                     uuid REFERENCES app_user(id),
      department_id               uuid REFERENCES department(id),
      name                        text NOT NULL,
      email                       text,
      copy_sent_at                timestamptz,
      copy_not_applicable_reason  text,
      created_at                  timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX respondent_case_idx ON respondent (case_id);
    CREATE INDEX respondent_user_idx ON respondent (user_id) WHERE user_id IS NOT NULL;

    -- Gemachtigden (AWB-06) and who files under the Wkkgz (WKKGZ-02).
    CREATE TABLE representative (
      id                         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id                    uuid NOT NULL REFERENCES complaint_case(id),
      name                       text NOT NULL,
      email                      text,
      phone                      text,
      address                    text,
      relation                   text NOT NULL,
      authorisation_required     boolean NOT NULL,
      authorisation_document     text,
      authorisation_received_at  timestamptz,
      created_at                 timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX representative_case_idx ON representative (case_id);

    -- Hoorplicht (AWB-30..33): one row per party.
    CREATE TABLE hearing (
      id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id            uuid NOT NULL REFERENCES complaint_case(id),
      party              text NOT NULL CHECK (party IN ('complainant', 'respondent')),
      respondent_id      uuid REFERENCES respondent(id),
      invited_at         timestamptz,
      response_deadline  date,
      held_at            timestamptz,
      conducted_by       text CHECK (conducted_by IN ('handler', 'committee')),
      report             text,
      report_recorded_at timestamptz,
      waiver_ground      text CHECK (waiver_ground IN ('manifestly_unfounded', 'declined_by_complainant', 'no_response_in_time')),
      waiver_statement   text,
      waiver_decided_by  text,
      created_at         timestamptz NOT NULL DEFAULT now(),
      CHECK ((party = 'respondent') = (respondent_id IS NOT NULL)),
      CHECK (party = 'complainant' OR waiver_ground IS NULL)
    );
    CREATE UNIQUE INDEX hearing_party_idx ON hearing (case_id, party, coalesce(respondent_id, '00000000-0000-0000-0000-000000000000'::uuid));

    -- Remedies (NO-04, NO-14, WKKGZ-05): a measure with a realisation date is a tracked follow-up.
    CREATE TABLE remedy (
      id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id           uuid NOT NULL REFERENCES complaint_case(id),
      item_id           uuid REFERENCES complaint_item(id),
      kind              text NOT NULL CHECK (kind IN ('apology', 'compensation', 'correction', 'measure')),
      description       text NOT NULL,
      amount            numeric(12, 2),
      realisation_date  date,
      completed_at      timestamptz,
      created_at        timestamptz NOT NULL DEFAULT now(),
      CHECK (kind <> 'compensation' OR amount IS NOT NULL),
      CHECK (kind <> 'measure' OR realisation_date IS NOT NULL)
    );
    CREATE INDEX remedy_case_idx ON remedy (case_id);
    CREATE INDEX remedy_open_measure_idx ON remedy (realisation_date) WHERE kind = 'measure' AND completed_at IS NULL;

    -- ISO-10, WKKGZ-10: second stage, ombudsman or disputes body, and its outcome.
    CREATE TABLE escalation (
      id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id       uuid NOT NULL REFERENCES complaint_case(id),
      body_kind     text NOT NULL CHECK (body_kind IN ('second_stage', 'ombudsman', 'disputes_body', 'other')),
      body_name     text NOT NULL,
      submitted_on  date NOT NULL,
      reference     text,
      outcome       text,
      outcome_on    date,
      outcome_notes text,
      created_at    timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX escalation_case_idx ON escalation (case_id);

    -- Work the case still needs: letters to compose and send (the letters module completes these),
    -- copies for respondents, repair requests, follow-ups, satisfaction checks.
    CREATE TABLE case_task (
      id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      case_id       uuid NOT NULL REFERENCES complaint_case(id),
      kind          text NOT NULL,
      recipient     text,
      respondent_id uuid REFERENCES respondent(id),
      remedy_id     uuid REFERENCES remedy(id),
      status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled', 'not_applicable')),
      due_date      date,
      rule          text,
      data          jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at    timestamptz NOT NULL DEFAULT now(),
      completed_at  timestamptz
    );
    CREATE INDEX case_task_case_idx ON case_task (case_id, created_at);
    CREATE INDEX case_task_open_idx ON case_task (kind, due_date) WHERE status = 'open';

    -- Deadline monitoring (AWB-44, NO-12, NO-14): one row per alert ever raised, so a job that runs
    -- twice sends nothing twice.
    CREATE TABLE case_alert (
      case_id     uuid NOT NULL REFERENCES complaint_case(id),
      kind        text NOT NULL,
      key         text NOT NULL,
      created_at  timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (case_id, kind, key)
    );
  `.execute(db);
}
