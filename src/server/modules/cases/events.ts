import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * The typed catalogue of history events (after documenso's audit-log types). Every change to a
 * case appends one of these in the same transaction; the table rejects updates and deletes.
 */
export type CaseEvent =
  | {
      type: 'case.received';
      data: { reference: string; channel: string; receiptDate: string; regime: string; deadlines: { acknowledgement: string; decision: string } };
    }
  | { type: 'case.status_changed'; data: { from: string; to: string; action: string } }
  | { type: 'case.viewed'; data: Record<string, never> };

export const CaseEvents = {
  async append(db: Kysely<Database> | Transaction<Database>, caseId: string, actorId: string | null, event: CaseEvent): Promise<void> {
    await db
      .insertInto('case_event')
      .values({ case_id: caseId, actor_id: actorId, type: event.type, data: JSON.stringify(event.data) })
      .execute();
  },
};
