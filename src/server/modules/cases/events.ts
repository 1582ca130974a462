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
  | { type: 'case.viewed'; data: Record<string, never> }
  // The complainant's side (public pages, issue 5); actor is null (the complainant via the status link).
  | { type: 'complainant.attachments_added'; data: { attachmentCount: number; source: 'intake' } }
  | { type: 'complainant.information_added'; data: { submissionId: string; attachmentCount: number; hasMessage: boolean } }
  | { type: 'survey.answered'; data: { surveyId: string; outcomeSatisfied: 'yes' | 'partly' | 'no'; handlingSatisfied: 'yes' | 'partly' | 'no' } }
  | { type: 'status_link.resent'; data: { expiresAt: string } };

export const CaseEvents = {
  async append(db: Kysely<Database> | Transaction<Database>, caseId: string, actorId: string | null, event: CaseEvent): Promise<void> {
    await db
      .insertInto('case_event')
      .values({ case_id: caseId, actor_id: actorId, type: event.type, data: JSON.stringify(event.data) })
      .execute();
  },
};
