import { sql, type Kysely } from 'kysely';
import { addWorkingDays, countWorkingDays } from '../../domain/calendar.js';
import { addDays, addMonthsEu, amsterdamDate } from '../../domain/dates.js';
import { OPEN_STATUSES } from '../../domain/lifecycle.js';
import type { Database } from '../db/schema.js';
import { CaseEvents } from '../modules/cases/events.js';
import type { OrganisationService } from '../modules/organisation/service.js';
import { outboxPriority } from '../modules/outbox/priority.js';

// Deadline monitoring (AWB-44, AWB-12, NO-02, NO-12, NO-14, WKKGZ-04, WKKGZ-10) as a typed job.
// Every alert is recorded in case_alert under (case, kind, key) first; only the run that inserts
// that row sends anything, so running the job twice (or twice at once) sends nothing twice.

export const DEADLINE_JOBS = {
  deadlineMonitor: { name: 'deadline-monitor', cron: '*/15 * * * *', retryLimit: 3 },
} as const;

export interface MonitorResult {
  markedOverdue: number;
  alerts: { caseId: string; kind: string; key: string; recipients: number }[];
  outboxIds: string[];
}

interface AlertTarget {
  caseId: string;
  reference: string;
  assigneeId: string | null;
  departmentId: string | null;
}

const OPEN = [...OPEN_STATUSES];

export class DeadlineMonitor {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly organisation: OrganisationService,
  ) {}

  /** The job handler: one pass over all deadlines as of `now`. */
  async run(now: Date = new Date()): Promise<MonitorResult> {
    const today = amsterdamDate(now);
    const org = await this.organisation.get();
    const settings = await this.organisation.workflow();
    const extra = org.settings.extraHolidays ?? [];
    const result: MonitorResult = { markedOverdue: 0, alerts: [], outboxIds: [] };

    // AWB-44: a decision deadline passed without a final letter: flag the case, once.
    const overdue = await this.db
      .selectFrom('complaint_case')
      .select(['id', 'reference', 'assignee_id', 'department_id', 'decision_due'])
      .where('status', 'in', OPEN)
      .where('decision_due', '<', today)
      .execute();
    for (const c of overdue) {
      const flagged = await this.db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('complaint_case')
          .set({ overdue: true })
          .where('id', '=', c.id)
          .where('overdue', '=', false)
          .returning('id')
          .executeTakeFirst();
        if (row)
          await CaseEvents.append(trx, c.id, null, {
            type: 'case.overdue',
            data: { decisionDue: c.decision_due, rule: 'AWB-44' },
          });
        return Boolean(row);
      });
      if (flagged) result.markedOverdue += 1;
      await this.alert(
        result,
        target(c),
        'decision-overdue',
        c.decision_due,
        `Termijn verstreken: klacht ${c.reference}`,
        `De afhandeltermijn van klacht ${c.reference} is op ${c.decision_due} verstreken zonder eindbericht (Awb 9:11, AWB-44). De klacht telt als termijnoverschrijding.`,
      );
    }

    // NO-12: remind at T-5 and T-1 working days (configurable); only the nearest one is sent.
    const reminders = [...settings.reminderWorkingDays].sort((a, b) => a - b);
    if (reminders.length) {
      const horizon = addDays(today, Math.max(...reminders) * 2 + 10);
      const soon = await this.db
        .selectFrom('complaint_case')
        .select(['id', 'reference', 'assignee_id', 'department_id', 'decision_due'])
        .where('status', 'in', OPEN)
        .where('decision_due', '>=', today)
        .where('decision_due', '<=', horizon)
        .execute();
      for (const c of soon) {
        const left = countWorkingDays('NL-ATW', today, c.decision_due, extra);
        const due = reminders.filter((n) => left <= n);
        const nearest = due[0];
        if (nearest === undefined) continue;
        // Reminders already overtaken (T-5 when T-1 is due) are recorded so they never fire late.
        for (const n of due.slice(1)) await this.record(c.id, `decision-reminder-T${n}`, c.decision_due);
        await this.alert(
          result,
          target(c),
          `decision-reminder-T${nearest}`,
          c.decision_due,
          `Herinnering: klacht ${c.reference} uiterlijk ${c.decision_due}`,
          `Klacht ${c.reference} moet uiterlijk ${c.decision_due} zijn afgehandeld; nog ${left} werkdag(en) (NO-12).`,
        );
      }
    }

    // AWB-12: the written acknowledgement is missing after its due date, whatever the status: its
    // task is still open (neither the e-mail nor a letter went out), or a case from before the task
    // existed is still at 'received'.
    const unacknowledged = await this.db
      .selectFrom('complaint_case')
      .select(['id', 'reference', 'assignee_id', 'department_id', 'acknowledgement_due'])
      .where('acknowledgement_due', '<', today)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('case_task')
              .select('case_task.id')
              .whereRef('case_task.case_id', '=', 'complaint_case.id')
              .where('case_task.kind', '=', 'letter.acknowledgement')
              .where('case_task.status', '=', 'open'),
          ),
          eb.and([
            eb('status', '=', 'received'),
            eb.not(
              eb.exists(
                eb
                  .selectFrom('case_task')
                  .select('case_task.id')
                  .whereRef('case_task.case_id', '=', 'complaint_case.id')
                  .where('case_task.kind', '=', 'letter.acknowledgement'),
              ),
            ),
          ]),
        ]),
      )
      .execute();
    for (const c of unacknowledged) {
      await this.alert(
        result,
        target(c),
        'acknowledgement-overdue',
        c.acknowledgement_due,
        `Ontvangstbevestiging ontbreekt: klacht ${c.reference}`,
        `Klacht ${c.reference} had uiterlijk ${c.acknowledgement_due} schriftelijk bevestigd moeten zijn (Awb 9:6, AWB-12).`,
      );
    }

    // NO-02: no personal contact within N working days.
    const noContact = await this.db
      .selectFrom('complaint_case')
      .select(['id', 'reference', 'assignee_id', 'department_id', 'receipt_date'])
      .where('status', 'in', OPEN)
      .where('first_contact_at', 'is', null)
      .where('receipt_date', '>=', addDays(today, -120))
      .execute();
    for (const c of noContact) {
      const due = addWorkingDays('NL-ATW', c.receipt_date, settings.contactWorkingDays, extra);
      if (due >= today) continue;
      await this.alert(
        result,
        target(c),
        'first-contact-overdue',
        due,
        `Nog geen contact: klacht ${c.reference}`,
        `Met de klager van ${c.reference} had uiterlijk ${due} persoonlijk contact moeten zijn (NO-02).`,
      );
    }

    // NO-14: promised measures: a reminder before the realisation date and an alert after it.
    const measures = await this.db
      .selectFrom('remedy')
      .innerJoin('complaint_case', 'complaint_case.id', 'remedy.case_id')
      .select([
        'remedy.id as remedyId',
        'remedy.realisation_date',
        'remedy.description',
        'complaint_case.id',
        'complaint_case.reference',
        'complaint_case.assignee_id',
        'complaint_case.department_id',
      ])
      .where('remedy.kind', '=', 'measure')
      .where('remedy.completed_at', 'is', null)
      .where('remedy.realisation_date', 'is not', null)
      .execute();
    for (const m of measures) {
      const date = m.realisation_date!;
      if (date < today) {
        await this.alert(
          result,
          target(m),
          'measure-overdue',
          m.remedyId,
          `Toegezegde maatregel niet gerealiseerd: ${m.reference}`,
          `De maatregel "${m.description}" (klacht ${m.reference}) had op ${date} gerealiseerd moeten zijn (NO-14).`,
        );
      } else if (
        settings.measureReminderWorkingDays > 0 &&
        countWorkingDays('NL-ATW', today, date, extra) <= settings.measureReminderWorkingDays
      ) {
        await this.alert(
          result,
          target(m),
          'measure-reminder',
          m.remedyId,
          `Herinnering maatregel: ${m.reference}`,
          `De maatregel "${m.description}" (klacht ${m.reference}) moet uiterlijk ${date} gerealiseerd zijn (NO-14).`,
        );
      }
    }

    // WKKGZ-04: keep the complainant informed at least every N weeks while the case is open.
    if (settings.progressUpdateWeeks > 0) {
      const open = await this.db
        .selectFrom('complaint_case')
        .select(['id', 'reference', 'assignee_id', 'department_id', 'received_at', 'last_progress_update_at'])
        .where('regime', '=', 'wkkgz')
        .where('status', 'in', OPEN)
        .execute();
      for (const c of open) {
        const since = amsterdamDate(c.last_progress_update_at ?? c.received_at);
        const dueOn = addDays(since, settings.progressUpdateWeeks * 7);
        if (dueOn > today) continue;
        await this.alert(
          result,
          target(c),
          'progress-update',
          dueOn,
          `Voortgangsbericht nodig: ${c.reference}`,
          `De klager van ${c.reference} heeft sinds ${since} geen voortgangsbericht gehad (Wkkgz art. 16, WKKGZ-04).`,
        );
      }
    }

    // WKKGZ-10: the disputes body rules within six months; alert when it has not.
    const disputes = await this.db
      .selectFrom('escalation')
      .innerJoin('complaint_case', 'complaint_case.id', 'escalation.case_id')
      .select([
        'escalation.id as escalationId',
        'escalation.submitted_on',
        'escalation.body_name',
        'complaint_case.id',
        'complaint_case.reference',
        'complaint_case.assignee_id',
        'complaint_case.department_id',
      ])
      .where('escalation.body_kind', '=', 'disputes_body')
      .where('escalation.outcome', 'is', null)
      .execute();
    for (const e of disputes) {
      const limit = addMonthsEu(e.submitted_on, settings.disputesBodyAlertMonths);
      if (limit >= today) continue;
      await this.alert(
        result,
        target(e),
        'disputes-body-overdue',
        e.escalationId,
        `Geen uitspraak geschilleninstantie: ${e.reference}`,
        `${e.body_name} heeft ${settings.disputesBodyAlertMonths} maanden na ${e.submitted_on} nog geen uitspraak gedaan in ${e.reference} (WKKGZ-10).`,
      );
    }
    return result;
  }

  private async record(caseId: string, kind: string, key: string): Promise<boolean> {
    const row = await this.db
      .insertInto('case_alert')
      .values({ case_id: caseId, kind, key })
      .onConflict((oc) => oc.doNothing())
      .returning('kind')
      .executeTakeFirst();
    return Boolean(row);
  }

  /** Records the alert and, only when it is new, writes the messages and a history event in the same transaction. */
  private async alert(
    result: MonitorResult,
    c: AlertTarget,
    kind: string,
    key: string,
    subject: string,
    text: string,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const fresh = await trx
        .insertInto('case_alert')
        .values({ case_id: c.caseId, kind, key })
        .onConflict((oc) => oc.doNothing())
        .returning('kind')
        .executeTakeFirst();
      if (!fresh) return;
      const recipients = await recipientsFor(trx, c);
      for (const r of recipients) {
        const row = await trx
          .insertInto('outbox')
          .values({
            case_id: c.caseId,
            kind: 'staff-alert',
            priority: outboxPriority('staff-alert'),
            recipient: r.email,
            status: 'pending',
            subject,
            body_text: `Beste ${r.name},\n\n${text}\n\nRedress`,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        result.outboxIds.push(row.id);
      }
      await CaseEvents.append(trx, c.caseId, null, {
        type: 'case.alert_sent',
        data: { kind, key, recipients: recipients.length },
      });
      result.alerts.push({ caseId: c.caseId, kind, key, recipients: recipients.length });
    });
  }
}

function target(c: {
  id: string;
  reference: string;
  assignee_id: string | null;
  department_id: string | null;
}): AlertTarget {
  return { caseId: c.id, reference: c.reference, assigneeId: c.assignee_id, departmentId: c.department_id };
}

/** The handler when there is one; otherwise the managers of the department (or all managers). */
async function recipientsFor(
  db: Kysely<Database>,
  c: AlertTarget,
): Promise<{ email: string; name: string }[]> {
  if (c.assigneeId) {
    const h = await db
      .selectFrom('app_user')
      .select(['email', 'name'])
      .where('id', '=', c.assigneeId)
      .where('active', '=', true)
      .executeTakeFirst();
    if (h) return [h];
  }
  let q = db
    .selectFrom('app_user')
    .select(['email', 'name'])
    .where('role', '=', 'manager')
    .where('active', '=', true);
  if (c.departmentId)
    q = q.where((eb) => eb.or([eb('department_id', '=', c.departmentId), eb('department_id', 'is', null)]));
  return q.orderBy(sql`lower(email)`).execute();
}
