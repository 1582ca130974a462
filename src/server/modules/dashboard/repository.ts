import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import { OPEN_STATUSES } from '../../../domain/lifecycle.js';
import type { Judgement } from '../../../domain/workflow/snapshot.js';
import { JUDGEMENTS } from '../../../domain/workflow/judgement.js';

// SQL aggregates for the managers' dashboard. Queries only (GUIDE habit 4); counts come back as
// strings from both PGlite and PostgreSQL, so every figure is converted with Number().

type Answer = 'yes' | 'partly' | 'no';

export interface DashboardFigures {
  openByStatus: { status: string; count: number }[];
  openByDepartment: { departmentId: string | null; name: string | null; count: number }[];
  onTime: { decided: number; onTime: number };
  averageLeadTimeDays: number | null;
  outcomes: { outcome: Judgement; count: number }[];
  itemJudgements: { judgement: Judgement; count: number }[];
  satisfaction: { responses: number; outcome: Record<Answer, number>; handling: Record<Answer, number> };
  volume: { month: string; categoryId: string | null; name: string | null; count: number }[];
  overdue: {
    id: string;
    reference: string;
    status: string;
    decisionDue: string;
    departmentId: string | null;
    assigneeId: string | null;
  }[];
  measuresPastDate: {
    remedyId: string;
    caseId: string;
    reference: string;
    description: string;
    realisationDate: string;
  }[];
  /** Steps taken past a gate with an explicit override and its reason, newest first. */
  overrides: {
    caseId: string;
    reference: string;
    action: string;
    reason: string;
    rules: string[];
    at: string;
    actorId: string | null;
  }[];
}

// Aggregate first, join names after (fewer rows to join). Period filters compare the column itself with the start of the Amsterdam day, so the range indexes
// of migration 0700 apply (a cast of the column to a local date would scan the whole table).
const open = () => sql.join([...OPEN_STATUSES].map((s) => sql.lit(s)));

export class DashboardRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** `since`: first day of the period (YYYY-MM-DD) for rates, outcomes, satisfaction and volume. */
  async figures(
    today: string,
    since: string,
    readable: RawBuilder<boolean>,
    listLimit = 50,
  ): Promise<DashboardFigures> {
    const db = this.db;
    // PRIV-09: every figure counts only the cases this user may read (the read policy's predicate).
    const scoped = (table: string) =>
      sql`EXISTS (SELECT 1 FROM complaint_case WHERE complaint_case.id = ${sql.ref(`${table}.case_id`)} AND ${readable})`;
    const [byStatus, byDept, onTime, outcomes, items, survey, volume, overdue, measures] = await Promise.all([
      sql<{ status: string; count: string }>`
        SELECT status, count(*) AS count FROM complaint_case
        WHERE status IN (${open()}) AND ${readable} GROUP BY status ORDER BY status`.execute(db),
      sql<{ department_id: string | null; name: string | null; count: string }>`
        SELECT a.department_id, d.name, a.count
        FROM (SELECT department_id, count(*) AS count FROM complaint_case WHERE status IN (${open()}) AND ${readable} GROUP BY department_id) a
        LEFT JOIN department d ON d.id = a.department_id
        ORDER BY a.count DESC, d.name`.execute(db),
      // AWB-40/41: on time when the decision went out on or before the (possibly extended) due date.
      sql<{ decided: string; on_time: string; avg_days: string | null }>`
        SELECT count(*) AS decided,
               count(*) FILTER (WHERE (decided_at AT TIME ZONE 'Europe/Amsterdam')::date <= decision_due) AS on_time,
               avg(EXTRACT(EPOCH FROM (decided_at - received_at)) / 86400.0) AS avg_days
        FROM complaint_case
        WHERE decided_at IS NOT NULL AND decided_at >= ${since}::date::timestamp AT TIME ZONE 'Europe/Amsterdam' AND ${readable}`.execute(
        db,
      ),
      sql<{ outcome: Judgement; count: string }>`
        SELECT outcome, count(*) AS count FROM complaint_case
        WHERE outcome IN ('upheld', 'partly_upheld', 'not_upheld')
          AND decided_at IS NOT NULL AND decided_at >= ${since}::date::timestamp AT TIME ZONE 'Europe/Amsterdam'
          AND ${readable}
        GROUP BY outcome`.execute(db),
      sql<{ judgement: Judgement; count: string }>`
        SELECT judgement, count(*) AS count FROM complaint_item
        WHERE judgement IS NOT NULL AND judged_at IS NOT NULL AND judged_at >= ${since}::date::timestamp AT TIME ZONE 'Europe/Amsterdam'
          AND ${scoped('complaint_item')}
        GROUP BY judgement`.execute(db),
      sql<{ kind: 'outcome' | 'handling'; answer: Answer; count: string }>`
        SELECT 'outcome' AS kind, outcome_satisfied AS answer, count(*) AS count FROM satisfaction_survey
        WHERE created_at >= ${since}::date::timestamp AT TIME ZONE 'Europe/Amsterdam' AND ${scoped('satisfaction_survey')}
        GROUP BY outcome_satisfied
        UNION ALL
        SELECT 'handling' AS kind, handling_satisfied AS answer, count(*) AS count FROM satisfaction_survey
        WHERE created_at >= ${since}::date::timestamp AT TIME ZONE 'Europe/Amsterdam' AND ${scoped('satisfaction_survey')}
        GROUP BY handling_satisfied`.execute(db),
      sql<{ month: string; category_id: string | null; name: string | null; count: string }>`
        SELECT to_char(a.month, 'YYYY-MM') AS month, a.category_id, k.name, a.count
        FROM (SELECT date_trunc('month', receipt_date) AS month, category_id, count(*) AS count
              FROM complaint_case WHERE receipt_date >= ${since}::date AND ${readable} GROUP BY 1, 2) a
        LEFT JOIN category k ON k.id = a.category_id
        ORDER BY a.month, k.name NULLS LAST`.execute(db),
      // AWB-44: open and past the decision date; oldest deadline first.
      db
        .selectFrom('complaint_case')
        .select(['id', 'reference', 'status', 'decision_due', 'department_id', 'assignee_id'])
        .where('status', 'in', [...OPEN_STATUSES])
        .where('decision_due', '<', today)
        .where(readable)
        .orderBy('decision_due', 'asc')
        .orderBy('id')
        .limit(listLimit)
        .execute(),
      // NO-14: promised measures whose realisation date has passed without completion.
      db
        .selectFrom('remedy as r')
        .innerJoin('complaint_case', 'complaint_case.id', 'r.case_id')
        .select(['r.id', 'r.case_id', 'complaint_case.reference', 'r.description', 'r.realisation_date'])
        .where('r.kind', '=', 'measure')
        .where('r.completed_at', 'is', null)
        .where('r.realisation_date', '<', today)
        .where(readable)
        .orderBy('r.realisation_date', 'asc')
        .limit(listLimit)
        .execute(),
    ]);

    // Every override of a gate in the period (history is append-only, so this is complete).
    const overrides = await db
      .selectFrom('case_event as e')
      .innerJoin('complaint_case', 'complaint_case.id', 'e.case_id')
      .select(['e.case_id', 'complaint_case.reference', 'e.data', 'e.created_at', 'e.actor_id'])
      .where('e.type', '=', 'case.gate_overridden')
      .where('e.created_at', '>=', sql<Date>`(${since}::date)::timestamp AT TIME ZONE 'Europe/Amsterdam'`)
      .where(readable)
      .orderBy('e.created_at', 'desc')
      .limit(listLimit)
      .execute();

    const sat = {
      responses: 0,
      outcome: { yes: 0, partly: 0, no: 0 },
      handling: { yes: 0, partly: 0, no: 0 },
    };
    for (const r of survey.rows) {
      sat[r.kind][r.answer] = Number(r.count);
      if (r.kind === 'outcome') sat.responses += Number(r.count);
    }
    const t = onTime.rows[0];
    const count = (rows: { count: string }[], key: string, v: string) =>
      Number((rows as Record<string, string>[]).find((r) => r[key] === v)?.count ?? 0);
    return {
      openByStatus: byStatus.rows.map((r) => ({ status: r.status, count: Number(r.count) })),
      openByDepartment: byDept.rows.map((r) => ({
        departmentId: r.department_id,
        name: r.name,
        count: Number(r.count),
      })),
      onTime: { decided: Number(t?.decided ?? 0), onTime: Number(t?.on_time ?? 0) },
      averageLeadTimeDays: t?.avg_days == null ? null : Math.round(Number(t.avg_days) * 10) / 10,
      outcomes: JUDGEMENTS.map((j) => ({ outcome: j, count: count(outcomes.rows, 'outcome', j) })),
      itemJudgements: JUDGEMENTS.map((j) => ({ judgement: j, count: count(items.rows, 'judgement', j) })),
      satisfaction: sat,
      volume: volume.rows.map((r) => ({
        month: r.month,
        categoryId: r.category_id,
        name: r.name,
        count: Number(r.count),
      })),
      overdue: overdue.map((r) => ({
        id: r.id,
        reference: r.reference,
        status: r.status,
        decisionDue: r.decision_due,
        departmentId: r.department_id,
        assigneeId: r.assignee_id,
      })),
      measuresPastDate: measures.map((m) => ({
        remedyId: m.id,
        caseId: m.case_id,
        reference: m.reference,
        description: m.description,
        realisationDate: m.realisation_date!,
      })),
      overrides: overrides.map((o) => {
        const d = o.data as unknown as { action: string; reason: string; blockers: { rule: string }[] };
        return {
          caseId: o.case_id,
          reference: o.reference,
          action: d.action,
          reason: d.reason,
          rules: [...new Set(d.blockers.map((b) => b.rule))],
          at: new Date(o.created_at).toISOString(),
          actorId: o.actor_id,
        };
      }),
    };
  }
}
