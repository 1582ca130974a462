import { sql, type Insertable, type Kysely, type RawBuilder } from 'kysely';
import type { CaseTable, Database } from '../../db/schema.js';
import { OPEN_STATUSES } from '../../../domain/lifecycle.js';

// Queries only (GUIDE habit 4): the history the classifier learns from, candidates for similarity,
// daily counts per category for spike detection, and the stored models.

export interface HistoryRow {
  id: string;
  text: string;
  language: string;
  category_id: string;
}

export interface CandidateRow {
  id: string;
  reference: string;
  status: string;
  category_id: string | null;
  language: string;
  text: string;
  updated_at: Date;
}

/** What the classifier reads of a case: the complaint in the complainant's words and the core in the handler's. */
const caseText = sql<string>`concat_ws(' ', description, core_complaint)`;

export class InsightRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Categorised cases whose handling has ended (closed, decided, resolved, declined, …): labelled history. */
  trainingHistory(limit: number): Promise<HistoryRow[]> {
    return this.db
      .selectFrom('complaint_case')
      .select(['id', caseText.as('text'), 'language', sql<string>`category_id`.as('category_id')])
      .where('category_id', 'is not', null)
      .where('status', 'not in', [...OPEN_STATUSES])
      .orderBy('received_at', 'desc')
      .limit(limit)
      .execute();
  }

  caseForSuggestion(id: string) {
    return this.db
      .selectFrom('complaint_case')
      .select(['id', 'reference', caseText.as('text'), 'language', 'category_id'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** The most recent other cases, the pool for "similar complaints". */
  candidates(excludeId: string, limit: number, readable: RawBuilder<boolean>): Promise<CandidateRow[]> {
    return (
      this.db
        .selectFrom('complaint_case')
        .select(['id', 'reference', 'status', 'category_id', 'language', caseText.as('text'), 'updated_at'])
        .where('id', '!=', excludeId)
        // PRIV-09: similar cases only from those this user may read.
        .where(readable)
        .orderBy('received_at', 'desc')
        .limit(limit)
        .execute()
    );
  }

  activeCategories() {
    return this.db.selectFrom('category').select(['id', 'name']).where('active', '=', true).execute();
  }

  categories() {
    return this.db.selectFrom('category').select(['id', 'name', 'active']).execute();
  }

  /** Cases per category per receipt date from `since` on. */
  async dailyCounts(
    since: string,
    readable: RawBuilder<boolean>,
  ): Promise<{ category_id: string | null; date: string; count: number }[]> {
    const { rows } = await sql<{ category_id: string | null; date: string; count: string }>`
      SELECT category_id, to_char(receipt_date, 'YYYY-MM-DD') AS date, count(*) AS count
      FROM complaint_case WHERE receipt_date >= ${since}::date AND ${readable}
      GROUP BY category_id, receipt_date`.execute(this.db);
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  latestModelId(): Promise<{ id: string } | undefined> {
    return this.db
      .selectFrom('insight_model')
      .select('id')
      .where('kind', '=', 'category')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  model(id: string) {
    return this.db.selectFrom('insight_model').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async saveModel(row: {
    status: 'trained' | 'insufficient_history';
    model: unknown;
    examples: number;
    classes: number;
    metrics: Record<string, unknown>;
  }) {
    return this.db
      .insertInto('insight_model')
      .values({
        status: row.status,
        model: row.model === null ? null : JSON.stringify(row.model),
        examples: row.examples,
        classes: row.classes,
        metrics: JSON.stringify(row.metrics),
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
  }

  /** Keep the last few runs; a model is large and the newest is the one used. */
  async pruneModels(keep: number): Promise<void> {
    await sql`DELETE FROM insight_model WHERE id NOT IN (SELECT id FROM insight_model ORDER BY id DESC LIMIT ${keep})`.execute(
      this.db,
    );
  }

  // The register import (`redress import cases`, history-import.ts): run on a transaction's repository.

  async existingReferences(references: string[]): Promise<Set<string>> {
    if (references.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('complaint_case')
      .select('reference')
      .where('reference', 'in', references)
      .execute();
    return new Set(rows.map((r) => r.reference));
  }

  categoriesWithDepartment() {
    return this.db.selectFrom('category').select(['id', 'name', 'department_id']).execute();
  }

  insertCategory(name: string) {
    return this.db
      .insertInto('category')
      .values({ name })
      .returning(['id', 'name', 'department_id'])
      .executeTakeFirstOrThrow();
  }

  /** The imported case, or undefined when its reference exists already (idempotent import). */
  insertImportedCase(values: Insertable<CaseTable>) {
    return this.db
      .insertInto('complaint_case')
      .values(values)
      .onConflict((oc) => oc.column('reference').doNothing())
      .returning('id')
      .executeTakeFirst();
  }

  /** ISO-01: moves the year's reference sequence past an imported number so later intakes never collide. */
  async advanceReferenceSequence(year: string, number: number): Promise<void> {
    const seq = `case_reference_${year}`;
    await sql`CREATE SEQUENCE IF NOT EXISTS ${sql.id(seq)} START 1`.execute(this.db);
    await sql`SELECT setval(${seq}::regclass, greatest(${number}, (SELECT last_value FROM ${sql.id(seq)})))`.execute(
      this.db,
    );
  }
}
