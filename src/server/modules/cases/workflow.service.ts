import { sql, type Kysely } from 'kysely';
import { amsterdamDate } from '../../../domain/dates.js';
import { changesStatus, nextStatus, type CaseAction } from '../../../domain/lifecycle.js';
import type { Blocker } from '../../../domain/workflow/blockers.js';
import { stateBlockers } from '../../../domain/workflow/preconditions.js';
import { TASK_KINDS } from '../../../domain/workflow/tasks.js';
import type { Database } from '../../db/schema.js';
import { AppError, ERROR_STATUS, notFound, type ErrorCode, type Lang } from '../../errors.js';
import type { AuditService } from '../audit/service.js';
import type { OrganisationService } from '../organisation/service.js';
import type { StaffUser } from '../users/service.js';
import { ACTION_DEFINITIONS } from './actions/index.js';
import type { ActionContext } from './actions/context.js';
import { CaseEvents, type CaseEvent } from './events.js';
import { allowedActions, authorise, maySeeRestricted } from './policy.js';
import { presentCase } from './presenter.js';
import type { CaseRepository, FullCase } from './repository.js';
import { accessInfo, toSnapshot } from './snapshot.js';
import { outboxPriority } from '../outbox/priority.js';

export interface PerformOptions {
  /** The version the client saw; a different current version is a 409 (optimistic concurrency). */
  expectedVersion?: number | undefined;
  /** For tests and jobs: the moment the step is taken. */
  now?: Date | undefined;
}

export function blockersError(blockers: Blocker[]): AppError {
  const first = blockers[0]!;
  const code = (first.code in ERROR_STATUS ? first.code : 'VALIDATION_FAILED') as ErrorCode;
  const message = {
    nl: blockers.map((b) => b.message.nl).join(' '),
    en: blockers.map((b) => b.message.en).join(' '),
  };
  return new AppError(code, message, undefined, {
    rule: first.rule,
    blockers: blockers.map((b) => ({ code: b.code, rule: b.rule, message: b.message })),
  });
}

const conflict = (nl: string, en: string, details?: Record<string, unknown>) =>
  new AppError('CASE_STATE_CONFLICT', { nl, en }, undefined, details);

/**
 * Takes one step on a case: policy (role × department × state), the step's preconditions, its
 * writes and its history events, all in one transaction behind a conditional version update, so
 * of two concurrent steps one wins and the other gets 409 CASE_STATE_CONFLICT with nothing written.
 */
export class WorkflowService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly repo: CaseRepository,
    private readonly organisation: OrganisationService,
    private readonly audit: AuditService,
  ) {}

  async perform(
    user: StaffUser,
    caseId: string,
    action: CaseAction,
    input: unknown,
    opts: PerformOptions = {},
  ): Promise<{ outboxIds: string[] }> {
    const def = ACTION_DEFINITIONS[action];
    const org = await this.organisation.get();
    const settings = await this.organisation.workflow();
    const now = opts.now ?? new Date();
    const today = amsterdamDate(now);
    const extraHolidays = org.settings.extraHolidays ?? [];
    const outboxIds: string[] = [];

    await this.db.transaction().execute(async (trx) => {
      const full = await this.repo.loadFull(caseId, trx);
      if (!full) throw notFound('case');
      if (opts.expectedVersion !== undefined && opts.expectedVersion !== full.row.version) {
        throw conflict(
          'Het dossier is intussen gewijzigd. Laad het opnieuw.',
          'The case changed in the meantime. Reload it.',
          { currentVersion: full.row.version },
        );
      }
      const auth = authorise(user, accessInfo(full), action);
      if (!auth.ok)
        throw new AppError(auth.code, auth.message, undefined, { action, status: full.row.status });
      // Who and when first (403/409), then what (422): a refused role learns nothing about the input.
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) {
        throw new AppError(
          'VALIDATION_FAILED',
          { nl: 'De invoer is niet geldig.', en: 'The input is not valid.' },
          parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
        );
      }
      const c = toSnapshot(full);
      const blockers = stateBlockers(action, c, { today, settings, extraHolidays });
      if (blockers.length) throw blockersError(blockers);

      // The row lock: of two concurrent steps on the same version, only one gets past this.
      const locked = await trx
        .updateTable('complaint_case')
        .set({ version: sql<number>`version + 1`, updated_at: now })
        .where('id', '=', caseId)
        .where('version', '=', c.version)
        .returning('version')
        .executeTakeFirst();
      if (!locked)
        throw conflict(
          'Iemand anders wijzigde het dossier tegelijk. Laad het opnieuw.',
          'Someone else changed the case at the same time. Reload it.',
        );

      const events: CaseEvent[] = [];
      const ctx: ActionContext<Record<string, unknown>> = {
        trx,
        user,
        input: parsed.data,
        c,
        full,
        org,
        settings,
        now,
        today,
        extraHolidays,
        fail: (b) => {
          throw blockersError(b);
        },
        update: async (values) => {
          if (Object.keys(values).length)
            await trx.updateTable('complaint_case').set(values).where('id', '=', caseId).execute();
        },
        task: async (t) => {
          const row = await trx
            .insertInto('case_task')
            .values({
              case_id: caseId,
              kind: t.kind,
              recipient: t.recipient ?? null,
              respondent_id: t.respondentId ?? null,
              remedy_id: t.remedyId ?? null,
              due_date: t.dueDate ?? null,
              rule: TASK_KINDS[t.kind].rule,
              data: JSON.stringify(t.data ?? {}),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          return row.id;
        },
        cancelTasks: async (kinds, reason) => {
          let q = trx
            .updateTable('case_task')
            .set({
              status: 'cancelled',
              completed_at: now,
              data: sql`data || ${JSON.stringify({ cancelReason: reason })}::jsonb`,
            })
            .where('case_id', '=', caseId)
            .where('status', '=', 'open');
          if (kinds !== 'all') q = q.where('kind', 'in', kinds);
          const res = await q.executeTakeFirst();
          return Number(res.numUpdatedRows);
        },
        completeTasks: async (w) => {
          let q = trx
            .updateTable('case_task')
            .set({ status: 'done', completed_at: now })
            .where('case_id', '=', caseId)
            .where('status', '=', 'open')
            .where('kind', '=', w.kind);
          if (w.respondentId) q = q.where('respondent_id', '=', w.respondentId);
          if (w.remedyId) q = q.where('remedy_id', '=', w.remedyId);
          const res = await q.executeTakeFirst();
          return Number(res.numUpdatedRows);
        },
        message: async (m) => {
          const row = await trx
            .insertInto('outbox')
            .values({
              case_id: caseId,
              kind: m.kind,
              priority: outboxPriority(m.kind),
              recipient: m.recipient,
              status: m.recipient ? 'pending' : 'no-recipient',
              subject: m.subject,
              body_text: m.text,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          if (m.recipient) outboxIds.push(row.id);
          return row.id;
        },
        event: (e) => events.push(e),
      };
      await def.run(ctx);

      if (changesStatus(action)) {
        const to = nextStatus(c.status, action, c.regime)!;
        await trx.updateTable('complaint_case').set({ status: to }).where('id', '=', caseId).execute();
        events.push({ type: 'case.status_changed', data: { from: c.status, to, action } });
      }
      for (const e of events) await CaseEvents.append(trx, caseId, user.id, e);
    });
    return { outboxIds };
  }

  /** The case as GET /api/v1/cases/{id} shows it, with the actions this user may take now. */
  async detail(user: StaffUser, caseId: string, lang: Lang, opts: { now?: Date | undefined } = {}) {
    const full = await this.repo.loadFull(caseId);
    if (!full) throw notFound('case');
    const history = await this.repo.history(caseId);
    // PRIV-09 / WKKGZ-12: every read of a case is logged.
    await this.audit.record(user.id, 'case.read', caseId);
    return this.present(user, full, history, lang, opts.now ?? new Date());
  }

  private async present(
    user: StaffUser,
    full: FullCase,
    history: Awaited<ReturnType<CaseRepository['history']>>,
    lang: Lang,
    now: Date,
  ) {
    const settings = await this.organisation.workflow();
    const org = await this.organisation.get();
    const today = amsterdamDate(now);
    const access = accessInfo(full);
    const c = toSnapshot(full);
    const ctx = { today, settings, extraHolidays: org.settings.extraHolidays ?? [] };
    const allowed = allowedActions(user, access).map((action) => ({
      action,
      blockers: stateBlockers(action, c, ctx),
    }));
    return presentCase(full, history, allowed, {
      lang,
      today,
      settings,
      restricted: !maySeeRestricted(user, access),
      extraHolidays: ctx.extraHolidays,
    });
  }
}
