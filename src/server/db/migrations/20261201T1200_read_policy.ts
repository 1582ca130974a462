import { type Kysely, sql } from 'kysely';

// The read policy and the access audit (PRIV-09 / WKKGZ-12).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Need-to-know cases (e.g. Wkkgz health data): only the assignee and the allowed roles read them.
    ALTER TABLE complaint_case ADD COLUMN confidential boolean NOT NULL DEFAULT false;

    -- The access log records list and search reads too: the cases shown, searchable by case.
    ALTER TABLE audit_log ADD COLUMN case_ids uuid[];
    ALTER TABLE audit_log ADD COLUMN client_ip text;
    CREATE INDEX audit_log_case_ids_idx ON audit_log USING gin (case_ids);
    CREATE INDEX audit_log_user_idx ON audit_log (user_id, id);
    CREATE INDEX audit_log_created_idx ON audit_log (created_at, id);

    -- Append-only: the application can add to the access log, never change or remove an entry.
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only (PRIV-09)' USING ERRCODE = 'insufficient_privilege';
    END
    $$;
    CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
  `.execute(db);
}
