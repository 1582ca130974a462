import { type Kysely, sql } from 'kysely';

// Dashboard aggregates read a period of decisions and receipts, not the whole case table
// (bench/README.md finding 6): covering indexes for those ranges.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX complaint_case_decided_idx ON complaint_case (decided_at)
      INCLUDE (decision_due, received_at, outcome) WHERE decided_at IS NOT NULL;
    CREATE INDEX complaint_case_receipt_date_idx ON complaint_case (receipt_date) INCLUDE (category_id);
    CREATE INDEX complaint_item_judged_idx ON complaint_item (judged_at) INCLUDE (judgement) WHERE judged_at IS NOT NULL;
  `.execute(db);
}
