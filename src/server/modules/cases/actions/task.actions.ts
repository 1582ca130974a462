import { z } from 'zod';
import { blocker } from '../../../../domain/workflow/blockers.js';
import { manuallyCompleted } from '../../../../domain/workflow/preconditions.js';
import { happenedBlockers } from '../../../../domain/workflow/time.js';
import { defineAction } from './context.js';
import { instant, localDate, text } from './fields.js';

// Tasks that no letter completes: the manager's review of a safety issue (ISO-04) and the
// confirmations that have no letter kind (withdrawal, satisfaction check). Every task in
// src/domain/workflow/tasks.ts names what completes it; these steps are the ones for the rest.

export const reviewSafety = defineAction({
  action: 'review_safety',
  summary: 'Record the review of a safety issue and the measures taken; completes the ISO-04 task',
  input: z.strictObject({
    // What was assessed and what was done about the risk (written for colleagues).
    assessment: text(5_000),
    measures: text(5_000),
    reviewedAt: instant.optional(),
  }),
  async run(ctx) {
    const at = ctx.input.reviewedAt ?? ctx.now.toISOString();
    const late = happenedBlockers(
      'reviewedAt',
      at,
      { receiptDate: ctx.c.receiptDate, now: ctx.now },
      'ISO-04',
    );
    if (late.length) return ctx.fail(late);
    const done = await ctx.completeTasks({ kind: 'safety_review' });
    ctx.event({
      type: 'case.safety_reviewed',
      data: { reviewedAt: at, tasksCompleted: done, rule: 'ISO-04' },
    });
  },
});

export const completeTask = defineAction({
  action: 'complete_task',
  summary:
    'Complete a task that no letter or other step completes (withdrawal confirmation, satisfaction check)',
  input: z.strictObject({ taskId: z.uuid(), doneOn: localDate, note: text(2_000) }),
  async run(ctx) {
    const task = ctx.c.openTasks.find((t) => t.id === ctx.input.taskId);
    if (!task)
      return ctx.fail([
        blocker('TASK_NOT_FOUND', 'ISO-02', 'Onbekende of al afgeronde taak.', 'Unknown or completed task.'),
      ]);
    if (!manuallyCompleted(task.kind))
      return ctx.fail([
        blocker(
          'TASK_NOT_FOUND',
          task.rule ?? 'ISO-02',
          'Deze taak wordt afgerond door de brief of de stap die erbij hoort, niet met deze stap.',
          'This task is completed by its own letter or step, not by this one.',
        ),
      ]);
    const late = happenedBlockers(
      'doneOn',
      ctx.input.doneOn,
      { receiptDate: ctx.c.receiptDate, now: ctx.now },
      'ISO-02',
    );
    if (late.length) return ctx.fail(late);
    await ctx.trx
      .updateTable('case_task')
      .set({ status: 'done', completed_at: ctx.now })
      .where('id', '=', task.id)
      .where('status', '=', 'open')
      .execute();
    ctx.event({
      type: 'case.task_completed',
      data: { taskId: task.id, kind: task.kind, doneOn: ctx.input.doneOn },
    });
  },
});

export const taskActions = [reviewSafety, completeTask];
