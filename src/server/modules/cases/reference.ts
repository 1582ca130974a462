import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * ISO-01: unique, immutable references KL-<year>-<6 digits>. One sequence per year: sequences are
 * safe under concurrency without locking a counter row for the whole intake transaction, and
 * gap-tolerant (a rolled-back intake leaves a gap, never a duplicate).
 */
export async function nextReference(db: Kysely<Database>, year: number): Promise<string> {
  const seq = sql.id(`case_reference_${year}`);
  for (let attempt = 0; ; attempt++) {
    try {
      const { rows } = await sql<{ n: string }>`SELECT nextval(${sql.lit(`case_reference_${year}`)}::regclass) AS n`.execute(db);
      return formatReference(year, Number(rows[0]!.n));
    } catch (err) {
      if ((err as { code?: string }).code !== '42P01' || attempt > 0) throw err; // undefined_table
      try {
        await sql`CREATE SEQUENCE IF NOT EXISTS ${seq} START 1`.execute(db);
      } catch (createErr) {
        // A concurrent intake created it first: fine.
        const code = (createErr as { code?: string }).code;
        if (code !== '23505' && code !== '42P07') throw createErr;
      }
    }
  }
}

export function formatReference(year: number, n: number): string {
  return `KL-${year}-${String(n).padStart(6, '0')}`;
}
