import { type Kysely, sql } from 'kysely';

// Forward-only. The category classifier learned from the organisation's own history: one row per
// training run (the newest is used); a run with too little history is recorded without a model.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE insight_model (
      id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind        text NOT NULL DEFAULT 'category' CHECK (kind IN ('category')),
      status      text NOT NULL CHECK (status IN ('trained', 'insufficient_history')),
      model       jsonb,
      examples    integer NOT NULL,
      classes     integer NOT NULL,
      metrics     jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at  timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'trained') = (model IS NOT NULL))
    );
    CREATE INDEX insight_model_kind_idx ON insight_model (kind, id DESC);
  `.execute(db);
}
