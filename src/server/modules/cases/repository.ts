import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Selectable } from 'kysely';
import type { CaseRow, Database } from '../../db/schema.js';
import { OPEN_STATUSES } from '../../../domain/lifecycle.js';
import type { ListQuery } from './schemas.js';

export interface Cursor {
  receivedAt: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.receivedAt}|${c.id}`).toString('base64url');
}

export function decodeCursor(s: string): Cursor | undefined {
  const [receivedAt, id] = Buffer.from(s, 'base64url').toString().split('|');
  if (!receivedAt || !id || Number.isNaN(Date.parse(receivedAt)) || !/^[0-9a-f-]{36}$/i.test(id))
    return undefined;
  return { receivedAt, id };
}

const REFERENCE_RE = /^KL-\d{4}-\d{1,9}$/i;

const LIST_COLUMNS = [
  'id',
  'reference',
  'status',
  'regime',
  'channel',
  'received_at',
  'receipt_date',
  'complainant_name',
  'description',
  'category_id',
  'department_id',
  'assignee_id',
  'decision_due',
] as const;

export type CaseListRow = Pick<CaseRow, (typeof LIST_COLUMNS)[number]>;

export class CaseRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Keyset pagination on (received_at, id) descending: page 200 costs what page 1 costs. */
  async list(
    q: Omit<ListQuery, 'cursor'> & {
      cursor?: Cursor | undefined;
      assigneeId?: string | null | undefined;
      today: string;
      /** The read policy's SQL condition for the user (cases/read-policy.ts): always given. */
      readable: RawBuilder<boolean>;
    },
  ): Promise<CaseListRow[]> {
    let query = this.db
      .selectFrom('complaint_case')
      .select([
        ...LIST_COLUMNS.filter((c) => c !== 'description'),
        sql<string>`left(description, 160)`.as('description'),
      ])
      .where(q.readable);
    if (q.status) query = query.where('status', '=', q.status);
    if (q.category) query = query.where('category_id', '=', q.category);
    if (q.department) query = query.where('department_id', '=', q.department);
    if (q.assigneeId === null) query = query.where('assignee_id', 'is', null);
    else if (q.assigneeId) query = query.where('assignee_id', '=', q.assigneeId);
    if (q.from) query = query.where('receipt_date', '>=', q.from);
    if (q.to) query = query.where('receipt_date', '<=', q.to);
    if (q.dueBefore)
      query = query.where('status', 'in', [...OPEN_STATUSES]).where('decision_due', '<=', q.dueBefore);
    if (q.overdue !== undefined) {
      const open = [...OPEN_STATUSES];
      query = q.overdue
        ? query.where('status', 'in', open).where('decision_due', '<', q.today)
        : query.where((eb) => eb.or([eb('status', 'not in', open), eb('decision_due', '>=', q.today)]));
    }
    if (q.q) {
      if (REFERENCE_RE.test(q.q)) query = query.where('reference', '=', q.q.toUpperCase());
      else query = query.where(sql<boolean>`search @@ websearch_to_tsquery('dutch', ${q.q})`);
    }
    if (q.cursor) {
      const c = q.cursor;
      // A row comparison is an index condition on (received_at, id): page 2,000 costs what page 1 does
      // (an OR of two conditions made PostgreSQL walk and discard every earlier row; bench/README.md).
      query = query.where(sql<boolean>`(received_at, id) < (${new Date(c.receivedAt)}, ${c.id}::uuid)`);
    }
    return query.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
  }

  findById(id: string) {
    return this.db.selectFrom('complaint_case').selectAll().where('id', '=', id).executeTakeFirst();
  }

  history(caseId: string, db: Kysely<Database> | Transaction<Database> = this.db) {
    return db
      .selectFrom('case_event')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id', 'asc')
      .execute();
  }

  /** The case with everything the workflow rules and the detail view need, read in one go. */
  async loadFull(
    id: string,
    db: Kysely<Database> | Transaction<Database> = this.db,
  ): Promise<FullCase | undefined> {
    const row = await db.selectFrom('complaint_case').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const [items, respondents, representatives, hearings, remedies, escalations, tasks] = await Promise.all([
      db.selectFrom('complaint_item').selectAll().where('case_id', '=', id).orderBy('position').execute(),
      db
        .selectFrom('respondent')
        .selectAll()
        .where('case_id', '=', id)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('representative')
        .selectAll()
        .where('case_id', '=', id)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('hearing')
        .selectAll()
        .where('case_id', '=', id)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('remedy')
        .selectAll()
        .where('case_id', '=', id)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('escalation')
        .selectAll()
        .where('case_id', '=', id)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      db
        .selectFrom('case_task')
        .selectAll()
        .where('case_id', '=', id)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    ]);
    return { row, items, respondents, representatives, hearings, remedies, escalations, tasks };
  }
}

export interface FullCase {
  row: CaseRow;
  items: Selectable<Database['complaint_item']>[];
  respondents: Selectable<Database['respondent']>[];
  representatives: Selectable<Database['representative']>[];
  hearings: Selectable<Database['hearing']>[];
  remedies: Selectable<Database['remedy']>[];
  escalations: Selectable<Database['escalation']>[];
  tasks: Selectable<Database['case_task']>[];
}
