import { sql, type Kysely } from 'kysely';
import { amsterdamDate } from '../../../domain/dates.js';
import { changesStatus, nextStatus, type CaseAction } from '../../../domain/lifecycle.js';
import { fieldBlocker, type Blocker } from '../../../domain/workflow/blockers.js';
import { isSentence } from '../../../domain/workflow/decline.js';
import { stateBlockers } from '../../../domain/workflow/preconditions.js';
import { TASK_KINDS } from '../../../domain/workflow/tasks.js';
import type { Database } from '../../db/schema.js';
import { AppError, ERROR_STATUS, notFound, type ErrorCode, type Lang } from '../../errors.js';
import type { AuditService, Reader } from '../audit/service.js';
import type { CaseAccessService } from './access.service.js';
import type { OrganisationService } from '../organisation/service.js';
import type { StaffUser } from '../users/service.js';
import { ACTION_DEFINITIONS } from './actions/index.js';
import type { ActionContext } from './actions/context.js';
import { CaseEvents, type CaseEvent } from './events.js';
import { allowedActions, authorise, maySeeRestricted } from './policy.js';
import { presentCase } from './presenter.js';
import type { CaseRepository, FullCase } from './repository.js';
import { accessInfo, readInfo, toSnapshot } from './snapshot.js';
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
  // When every blocker may be overridden, the message says how (the close gate: override with a reason, ADR 0011).
  const hint = blockers.every((b) => b.overridable)
    ? {
        nl: ' Rond dit eerst af, of zet de stap met een uitzondering: geef de reden op in overrideReason.',
        en: ' Complete this first, or take the step with an override: give the reason in overrideReason.',
      }
    : { nl: '', en: '' };
  const message = {
    nl: blockers.map((b) => b.message.nl).join(' ') + hint.nl,
    en: blockers.map((b) => b.message.en).join(' ') + hint.en,
  };
  const fields = blockers.flatMap((b) => (b.field ? [{ path: b.field, message: b.message }] : []));
  return new AppError(code, message, fields.length ? fields : undefined, {
    rule: first.rule,
    blockers: blockers.map((b) => ({
      code: b.code,
      rule: b.rule,
      message: b.message,
      ...(b.field ? { field: b.field } : {}),
      ...(b.overridable ? { overridable: true } : {}),
    })),
  });
}

/**
 * A step with blockers is refused, unless every blocker is overridable and the input gives an
 * `overrideReason` of at least one sentence: then the step goes ahead and the override is recorded
 * (history, dashboard). Blockers that are not overridable are never passed.
 */
export function checkOverride(
  blockers: Blocker[],
  reason: string | undefined,
): { reason: string; blockers: Blocker[] } | undefined {
  if (!blockers.length) return undefined;
  const hard = blockers.filter((b) => !b.overridable);
  if (hard.length || reason === undefined)
    throw blockersError([...hard, ...blockers.filter((b) => b.overridable)]);
  if (!isSentence(reason))
    throw blockersError([
      fieldBlocker(
        'overrideReason',
        'OVERRIDE_NOT_ALLOWED',
        blockers[0]!.rule,
        'Een uitzondering vraagt een reden van ten minste één zin.',
        'An override needs a reason of at least one sentence.',
      ),
    ]);
  return { reason, blockers };
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
    private readonly access: CaseAccessService,
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
      // PRIV-09: whoever may not read the case (e.g. a confidential one) may not act on it either.
      await this.access.assertMayRead(user, caseId, readInfo(full));
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
      const overridden = checkOverride(blockers, (parsed.data as { overrideReason?: string }).overrideReason);

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
      if (overridden) {
        events.push({
          type: 'case.gate_overridden',
          data: {
            action,
            reason: overridden.reason,
            blockers: overridden.blockers.map((b) => ({ code: b.code, rule: b.rule })),
          },
        });
      }
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
  async detail(
    user: StaffUser,
    caseId: string,
    lang: Lang,
    opts: { now?: Date | undefined; reader?: Reader | undefined } = {},
  ) {
    const full = await this.repo.loadFull(caseId);
    if (!full) throw notFound('case');
    await this.access.assertMayRead(user, caseId, readInfo(full));
    const history = await this.repo.history(caseId);
    // PRIV-09 / WKKGZ-12: every read of a case is logged.
    await this.audit.read(opts.reader ?? { staff: user }, 'case.read', caseId);
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
