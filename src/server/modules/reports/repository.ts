import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import { OPEN_STATUSES } from '../../../domain/lifecycle.js';

// Queries for the annual report (Awb 9:12a). Queries only; counts arrive as strings (int8).
export interface AnnualRows {
  received: number;
  byCategory: { name: string | null; count: number }[];
  byOutcome: { outcome: string | null; count: number }[];
  byChannel: { channel: string; count: number }[];
  leadTime: { n: number; median: number | null; p90: number | null };
  deadlines: { decidedOnTime: number; decidedLate: number; openOverdue: number };
  declined: number;
  informallyResolved: number;
  escalations: { bodyKind: string; count: number }[];
  satisfaction: { kind: 'outcome' | 'handling'; answer: string; count: number }[];
  lessons: {
    caseId: string;
    text: string;
    complainant: string | null;
    address: string | null;
    email: string | null;
  }[];
  people: { caseId: string; name: string }[];
}

const open = () => sql.join([...OPEN_STATUSES].map((s) => sql.lit(s)));

export class ReportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Complaints registered in the calendar year (receipt date), whatever their state now (AWB-60). */
  async annual(
    year: number,
    today: string,
    readable: RawBuilder<boolean> = sql<boolean>`TRUE`,
  ): Promise<AnnualRows> {
    const from = `${year}-01-01`;
    const to = `${year + 1}-01-01`;
    // PRIV-09: a department manager's report counts the cases they may read (predicate on alias c).
    const inYear = sql`c.receipt_date >= ${from}::date AND c.receipt_date < ${to}::date AND ${readable}`;
    const db = this.db;
    const n = (v: string | number | null | undefined) => Number(v ?? 0);
    const [total, cats, outcomes, channels, lead, deadlines, special, esc, survey, lessons, people] =
      await Promise.all([
        sql<{ count: string }>`SELECT count(*) AS count FROM complaint_case c WHERE ${inYear}`.execute(db),
        sql<{ name: string | null; count: string }>`
        SELECT k.name, count(*) AS count FROM complaint_case c LEFT JOIN category k ON k.id = c.category_id
        WHERE ${inYear} GROUP BY k.name`.execute(db),
        sql<{ outcome: string | null; count: string }>`
        SELECT c.outcome, count(*) AS count FROM complaint_case c WHERE ${inYear} GROUP BY c.outcome`.execute(
          db,
        ),
        sql<{ channel: string; count: string }>`
        SELECT c.channel, count(*) AS count FROM complaint_case c WHERE ${inYear} GROUP BY c.channel`.execute(
          db,
        ),
        // Lead time: receipt to decision, or to the end of handling for cases without a decision.
        sql<{ n: string; median: string | null; p90: string | null }>`
        SELECT count(*) AS n,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90
        FROM (SELECT EXTRACT(EPOCH FROM (coalesce(c.decided_at, c.closed_at) - c.received_at)) / 86400.0 AS days
              FROM complaint_case c WHERE ${inYear} AND coalesce(c.decided_at, c.closed_at) IS NOT NULL) t`.execute(
          db,
        ),
        // AWB-44: decided after the (possibly extended) due date, or still open past it.
        sql<{ on_time: string; late: string; open_overdue: string }>`
        SELECT count(*) FILTER (WHERE c.decided_at IS NOT NULL AND (c.decided_at AT TIME ZONE 'Europe/Amsterdam')::date <= c.decision_due) AS on_time,
               count(*) FILTER (WHERE c.decided_at IS NOT NULL AND (c.decided_at AT TIME ZONE 'Europe/Amsterdam')::date > c.decision_due) AS late,
               count(*) FILTER (WHERE c.decided_at IS NULL AND c.status IN (${open()}) AND (c.decision_due < ${today}::date OR c.overdue)) AS open_overdue
        FROM complaint_case c WHERE ${inYear}`.execute(db),
        sql<{ declined: string; informal: string }>`
        SELECT count(*) FILTER (WHERE c.decline IS NOT NULL OR c.outcome = 'declined' OR c.status = 'declined') AS declined,
               count(*) FILTER (WHERE c.informal_resolution IS NOT NULL OR c.outcome = 'informally_resolved' OR c.status = 'informally_resolved') AS informal
        FROM complaint_case c WHERE ${inYear}`.execute(db),
        sql<{ body_kind: string; count: string }>`
        SELECT e.body_kind, count(*) AS count FROM escalation e JOIN complaint_case c ON c.id = e.case_id
        WHERE ${inYear} GROUP BY e.body_kind`.execute(db),
        sql<{ kind: 'outcome' | 'handling'; answer: string; count: string }>`
        SELECT 'outcome' AS kind, s.outcome_satisfied AS answer, count(*) AS count
        FROM satisfaction_survey s JOIN complaint_case c ON c.id = s.case_id WHERE ${inYear} GROUP BY s.outcome_satisfied
        UNION ALL
        SELECT 'handling' AS kind, s.handling_satisfied AS answer, count(*) AS count
        FROM satisfaction_survey s JOIN complaint_case c ON c.id = s.case_id WHERE ${inYear} GROUP BY s.handling_satisfied`.execute(
          db,
        ),
        // NO-06: what was learned, with the people of the case for the scrubber.
        sql<{
          case_id: string;
          text: string;
          complainant: string | null;
          address: string | null;
          email: string | null;
        }>`
        SELECT c.id AS case_id, concat_ws(' — ', nullif(trim(c.lessons), ''), nullif(trim(c.improvement_action), '')) AS text,
               c.complainant_name AS complainant, c.complainant_address AS address, c.complainant_email AS email
        FROM complaint_case c
        WHERE ${inYear} AND (nullif(trim(c.lessons), '') IS NOT NULL OR nullif(trim(c.improvement_action), '') IS NOT NULL)
        ORDER BY c.receipt_date, c.id LIMIT 500`.execute(db),
        sql<{ case_id: string; name: string }>`
        SELECT r.case_id, r.name FROM respondent r JOIN complaint_case c ON c.id = r.case_id WHERE ${inYear}
        UNION ALL
        SELECT p.case_id, p.name FROM representative p JOIN complaint_case c ON c.id = p.case_id WHERE ${inYear}
        UNION ALL
        SELECT c.id, u.name FROM complaint_case c JOIN app_user u ON u.id = c.assignee_id WHERE ${inYear}`.execute(
          db,
        ),
      ]);
    const l = lead.rows[0];
    const d = deadlines.rows[0];
    const s = special.rows[0];
    return {
      received: n(total.rows[0]?.count),
      byCategory: cats.rows.map((r) => ({ name: r.name, count: n(r.count) })),
      byOutcome: outcomes.rows.map((r) => ({ outcome: r.outcome, count: n(r.count) })),
      byChannel: channels.rows.map((r) => ({ channel: r.channel, count: n(r.count) })),
      leadTime: {
        n: n(l?.n),
        median: l?.median == null ? null : Number(l.median),
        p90: l?.p90 == null ? null : Number(l.p90),
      },
      deadlines: { decidedOnTime: n(d?.on_time), decidedLate: n(d?.late), openOverdue: n(d?.open_overdue) },
      declined: n(s?.declined),
      informallyResolved: n(s?.informal),
      escalations: esc.rows.map((r) => ({ bodyKind: r.body_kind, count: n(r.count) })),
      satisfaction: survey.rows.map((r) => ({ kind: r.kind, answer: r.answer, count: n(r.count) })),
      lessons: lessons.rows.map((r) => ({
        caseId: r.case_id,
        text: r.text,
        complainant: r.complainant,
        address: r.address,
        email: r.email,
      })),
      people: people.rows.map((r) => ({ caseId: r.case_id, name: r.name })),
    };
  }
}
