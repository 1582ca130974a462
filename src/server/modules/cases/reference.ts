import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * ISO-01: unique, immutable references KL-<year>-<6 digits>. One sequence per year: sequences are
 * safe under concurrency without locking a counter row for the whole intake transaction, and
 * gap-tolerant (a rolled-back intake leaves a gap, never a duplicate). The intake statement takes
 * the number itself (`referenceExpression`); the sequence is created on first use in a year.
 */
export function sequenceName(year: number): string {
  return `case_reference_${year}`;
}

/** SQL for the next reference of a year, e.g. KL-2026-000123 (more digits after 999999). */
export function referenceExpression(year: number) {
  return sql<string>`${`KL-${year}-`}::text || lpad(nextval(${sequenceName(year)}::regclass)::text, 6, '0')`;
}

export async function ensureReferenceSequence(db: Kysely<Database>, year: number): Promise<void> {
  try {
    await sql`CREATE SEQUENCE IF NOT EXISTS ${sql.id(sequenceName(year))} START 1`.execute(db);
  } catch (err) {
    // A concurrent intake created it first: fine.
    const code = (err as { code?: string }).code;
    if (code !== '23505' && code !== '42P07') throw err;
  }
}

export function formatReference(year: number, n: number): string {
  return `KL-${year}-${String(n).padStart(6, '0')}`;
}
