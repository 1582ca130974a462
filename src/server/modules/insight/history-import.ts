import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { computeDeadline, type Deadline } from '../../../domain/deadlines.js';
import type { OrganisationService } from '../organisation/service.js';
import { CaseEvents } from '../cases/events.js';
import { InsightRepository } from './repository.js';

// Importing a historical complaint register (`redress import cases`): the labelled history the
// category classifier learns from. Idempotent on the reference: a second import adds nothing.
// Imported cases carry no personal data of the complainant (the register rarely has it, and the
// classifier does not need it).

export const IMPORT_CHANNELS = ['web', 'email', 'phone', 'letter', 'counter'] as const;
export const IMPORT_OUTCOMES = [
  'upheld',
  'partly_upheld',
  'not_upheld',
  'informally_resolved',
  'declined',
  'forwarded',
  'withdrawn',
] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export interface ImportCase {
  line: number;
  reference: string;
  receiptDate: string;
  description: string;
  category: string | null;
  outcome: ImportOutcome | null;
  closedOn: string | null;
  channel: (typeof IMPORT_CHANNELS)[number];
  language: 'nl' | 'en';
}

export interface ImportResult {
  imported: { line: number; reference: string }[];
  existing: { line: number; reference: string }[];
  categoriesCreated: string[];
}

/** The status an imported case ends in: its final state when known, otherwise still received. */
function statusFor(c: ImportCase): string {
  if (
    c.outcome === 'informally_resolved' ||
    c.outcome === 'declined' ||
    c.outcome === 'forwarded' ||
    c.outcome === 'withdrawn'
  )
    return c.outcome;
  if (c.closedOn) return 'closed';
  return c.outcome ? 'decided' : 'received';
}

export class HistoryImport {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly organisation: OrganisationService,
  ) {}

  async existingReferences(references: string[]): Promise<Set<string>> {
    return new InsightRepository(this.db).existingReferences(references);
  }

  async categories(): Promise<Map<string, string>> {
    const rows = await new InsightRepository(this.db).categories();
    return new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
  }

  /** Writes the cases in one transaction, each with its 'case.imported' history event. */
  async write(cases: ImportCase[], opts: { createCategories: boolean }): Promise<ImportResult> {
    const org = await this.organisation.get();
    const extraHolidays = org.settings.extraHolidays ?? [];
    return this.db.transaction().execute(async (trx) => {
      const repo = new InsightRepository(trx);
      const result: ImportResult = { imported: [], existing: [], categoriesCreated: [] };
      const cats = new Map((await repo.categoriesWithDepartment()).map((r) => [r.name.toLowerCase(), r]));
      for (const c of cases) {
        let category = c.category ? cats.get(c.category.toLowerCase()) : undefined;
        if (c.category && !category) {
          if (!opts.createCategories) throw new Error(`line ${c.line}: unknown category ${c.category}`);
          category = await repo.insertCategory(c.category);
          cats.set(c.category.toLowerCase(), category);
          result.categoriesCreated.push(c.category);
        }
        const acknowledgement = computeDeadline({
          regime: org.regime,
          term: 'acknowledgement',
          start: c.receiptDate,
          extraHolidays,
        });
        const decision = computeDeadline({
          regime: org.regime,
          term: 'decision',
          start: c.receiptDate,
          extraHolidays,
        });
        const receivedAt = new Date(`${c.receiptDate}T12:00:00Z`);
        const closedAt = c.closedOn ? new Date(`${c.closedOn}T12:00:00Z`) : null;
        const judged = c.outcome === 'upheld' || c.outcome === 'partly_upheld' || c.outcome === 'not_upheld';
        const row = await repo.insertImportedCase({
          reference: c.reference,
          status: statusFor(c),
          regime: org.regime,
          channel: c.channel,
          received_at: receivedAt,
          submitted_at: receivedAt,
          receipt_date: c.receiptDate,
          complainant_name: null,
          description: c.description,
          language: c.language,
          category_id: category?.id ?? null,
          department_id: category?.department_id ?? null,
          acknowledgement_due: acknowledgement.due,
          decision_due: decision.due,
          deadlines: JSON.stringify({ acknowledgement, decision } satisfies Record<string, Deadline>),
          // No status link for an imported case: a random hash nobody holds.
          status_token_hash: crypto.randomBytes(32).toString('hex'),
          outcome: c.outcome,
          decided_at: judged ? closedAt : null,
          closed_at: closedAt,
        });
        if (!row) {
          result.existing.push({ line: c.line, reference: c.reference });
          continue;
        }
        await CaseEvents.append(trx, row.id, null, {
          type: 'case.imported',
          data: { reference: c.reference, line: c.line, source: 'csv' },
        });
        result.imported.push({ line: c.line, reference: c.reference });
        // ISO-01: a register in Redress's own reference format must not collide with later intakes.
        const m = /^KL-(\d{4})-(\d{1,9})$/i.exec(c.reference);
        if (m) await repo.advanceReferenceSequence(m[1]!, Number(m[2]));
      }
      return result;
    });
  }
}
