import { z } from 'zod';
import { addWorkingDays } from '../../../../domain/calendar.js';
import { isOnTime, ombudsmanTermEnd } from '../../../../domain/deadlines.js';
import { blocker } from '../../../../domain/workflow/blockers.js';
import { isSentence } from '../../../../domain/workflow/decline.js';
import { overallOutcome } from '../../../../domain/workflow/judgement.js';
import { deviatesFromAdvice, deviationBlockers } from '../../../../domain/workflow/preconditions.js';
import { happenedBlockers } from '../../../../domain/workflow/time.js';
import { defineAction } from './context.js';
import { instant, judgement, localDate, text } from './fields.js';

// Judgement, remedies, learning, decision, closing, reopening, escalation (NO-04..14, AWB-50..54,
// ISO-07..10, WKKGZ-05/08..10).

export const judgeItem = defineAction({
  action: 'judge_item',
  summary: 'Judge one complaint item: upheld / partly upheld / not upheld, with findings and reasons (NO-10)',
  input: z.strictObject({
    itemId: z.uuid(),
    judgement,
    findings: text(20_000),
    reasons: text(20_000),
    letterTitle: text(200).optional(),
  }),
  async run(ctx) {
    const i = ctx.input;
    const item = ctx.c.items.find((x) => x.id === i.itemId);
    if (!item)
      return ctx.fail([
        blocker('ITEM_NOT_FOUND', 'NO-10', 'Onbekend klachtonderdeel.', 'Unknown complaint item.'),
      ]);
    // NO-10: an explanation, not a bare "gegrond/ongegrond".
    if (!isSentence(i.reasons))
      return ctx.fail([
        blocker(
          'REASONS_REQUIRED',
          'NO-10',
          'Motiveer het oordeel in ten minste één zin.',
          'Explain the judgement in at least one sentence.',
        ),
      ]);
    await ctx.trx
      .updateTable('complaint_item')
      .set({
        judgement: i.judgement,
        findings: i.findings,
        reasons: i.reasons,
        ...(i.letterTitle !== undefined ? { letter_title: i.letterTitle } : {}),
        judged_at: ctx.now,
        judged_by: ctx.user.id,
      })
      .where('id', '=', item.id)
      .execute();
    ctx.event({
      type: 'case.item_judged',
      data: { itemId: item.id, judgement: i.judgement, previous: item.judgement },
    });
  },
});

export const addRemedy = defineAction({
  action: 'add_remedy',
  summary:
    'Add a remedy: apology, compensation (amount), correction, or a measure with a realisation date (NO-14, WKKGZ-05)',
  input: z.strictObject({
    kind: z.enum(['apology', 'compensation', 'correction', 'measure']),
    itemId: z.uuid().optional(),
    description: text(5_000),
    amount: z.number().positive().max(10_000_000).multipleOf(0.01).optional(),
    realisationDate: localDate.optional(),
    // LET-04: who acts: the organisation (default) or the complainant ("U kunt … tot en met …").
    performer: z.enum(['organisation', 'complainant']).default('organisation'),
  }),
  async run(ctx) {
    const i = ctx.input;
    if (i.itemId && !ctx.c.items.some((x) => x.id === i.itemId))
      return ctx.fail([
        blocker('ITEM_NOT_FOUND', 'NO-10', 'Onbekend klachtonderdeel.', 'Unknown complaint item.'),
      ]);
    if (i.kind === 'compensation' && i.amount === undefined)
      return ctx.fail([
        blocker(
          'AMOUNT_REQUIRED',
          'ISO-06',
          'Vul het bedrag van de tegemoetkoming in.',
          'Enter the compensation amount.',
        ),
      ]);
    // LET-04: a payment says when the money is in the complainant's account.
    if (i.kind === 'compensation' && !i.realisationDate)
      return ctx.fail([
        blocker(
          'REALISATION_DATE_REQUIRED',
          'LET-04',
          'Vul de datum in waarop het bedrag is betaald.',
          'Enter the date by which the amount is paid.',
        ),
      ]);
    // WKKGZ-05 / NO-14: a measure says by when it is realised.
    if (i.kind === 'measure' && !i.realisationDate)
      return ctx.fail([
        blocker(
          'REALISATION_DATE_REQUIRED',
          'WKKGZ-05',
          'Vul de datum in waarop de maatregel gerealiseerd is.',
          'Enter the date by which the measure will be realised.',
        ),
      ]);
    if (i.realisationDate && i.realisationDate < ctx.today)
      return ctx.fail([
        blocker(
          'DATE_IN_PAST',
          'NO-14',
          'De realisatiedatum ligt in het verleden.',
          'The realisation date is in the past.',
        ),
      ]);
    const row = await ctx.trx
      .insertInto('remedy')
      .values({
        case_id: ctx.c.id,
        item_id: i.itemId ?? null,
        kind: i.kind,
        description: i.description,
        amount: i.amount ?? null,
        realisation_date: i.realisationDate ?? null,
        performer: i.performer,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // NO-14: every dated commitment becomes a tracked follow-up.
    if (i.realisationDate)
      await ctx.task({
        kind: 'measure_follow_up',
        recipient: 'handler',
        remedyId: row.id,
        dueDate: i.realisationDate,
        data: { description: i.description },
      });
    ctx.event({
      type: 'case.remedy_added',
      data: {
        remedyId: row.id,
        kind: i.kind,
        itemId: i.itemId ?? null,
        realisationDate: i.realisationDate ?? null,
      },
    });
  },
});

export const recordLearning = defineAction({
  action: 'record_learning',
  summary: 'Record root cause, lessons and improvement action (NO-06)',
  input: z.strictObject({
    rootCause: text(5_000).optional(),
    lessons: text(5_000).optional(),
    improvementAction: text(5_000).optional(),
  }),
  async run(ctx) {
    const i = ctx.input;
    const fields = Object.entries(i)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k);
    if (!fields.length)
      return ctx.fail([
        blocker('NOTHING_TO_CHANGE', 'NO-06', 'Geef ten minste één veld op.', 'Give at least one field.'),
      ]);
    await ctx.update({
      ...(i.rootCause !== undefined ? { root_cause: i.rootCause } : {}),
      ...(i.lessons !== undefined ? { lessons: i.lessons } : {}),
      ...(i.improvementAction !== undefined ? { improvement_action: i.improvementAction } : {}),
    });
    ctx.event({ type: 'case.learning_recorded', data: { fields } });
  },
});

export const decide = defineAction({
  action: 'decide',
  summary:
    'Decide: findings, judgement per item and conclusions (AWB-50/51/54); creates the decision letter tasks',
  input: z.strictObject({
    findings: text(50_000),
    // The overall conclusion, printed in the letter's slot: written for the complainant.
    conclusions: text(50_000),
    deviationReason: text(10_000).optional(),
    // NO-02 / ISO-01: the answer to the desired outcome ("U vroeg om … Dat doen wij / Dat kan niet, omdat …").
    requestAnswer: text(5_000).optional(),
  }),
  async run(ctx) {
    const c = ctx.c;
    const i = ctx.input;
    const dev = deviationBlockers(c, i.deviationReason);
    if (dev.length) return ctx.fail(dev);
    const outcome = overallOutcome(c.items)!;
    const onTime = isOnTime(c.decisionDue, ctx.now); // CONV-04
    await ctx.update({
      outcome,
      findings: i.findings,
      conclusions: i.conclusions,
      deviation_reason: i.deviationReason ?? null,
      ...(i.requestAnswer !== undefined ? { request_answer: i.requestAnswer } : {}),
      decided_at: ctx.now,
    });
    const body = ctx.org.settings.externalBody ?? null;
    await ctx.task({
      kind: 'letter.decision',
      recipient: 'complainant',
      dueDate: c.decisionDue,
      data: {
        outcome,
        externalBody: body,
        // AWB-51: the ombudsman term runs one year from the letter (no Atw); AWB-71: from the due date when late.
        ...(c.regime === 'awb' || c.regime === 'awb-advisory'
          ? {
              ombudsmanTermEnd: ombudsmanTermEnd(ctx.today),
              ...(onTime ? {} : { ombudsmanTermFrom: c.decisionDue }),
            }
          : {}),
        // WKKGZ-08/09/11: the disputes body, within a year after reporting the complaint.
        ...(c.regime === 'wkkgz'
          ? { disputesBody: body, disputesTerm: 'binnen een jaar na het melden van uw klacht' }
          : {}),
        // AWB-54: the advice is enclosed with the notification.
        encloseAdvice: c.regime === 'awb-advisory',
        deviatesFromAdvice: deviatesFromAdvice(c),
      },
    });
    // ISO-07: the personnel involved are told the decision.
    for (const r of c.respondents)
      await ctx.task({
        kind: 'letter.decision_notice',
        recipient: 'respondent',
        respondentId: r.id,
        dueDate: c.decisionDue,
        data: { outcome },
      });
    ctx.event({
      type: 'case.decided',
      data: { outcome, decisionDue: c.decisionDue, onTime, deviatesFromAdvice: deviatesFromAdvice(c) },
    });
  },
});

export const close = defineAction({
  action: 'close',
  summary: "Close with the complainant's reaction (ISO-08); a satisfaction check follows (NO-05, ISO-10)",
  input: z.strictObject({
    complainantReaction: z.enum(['accepted', 'rejected', 'no_reaction']),
    note: text(5_000).optional(),
    // Closing while a legal task is open (a letter sent outside Redress, say) needs an explicit
    // override with its reason; it is recorded in the history and shown on the dashboard.
    overrideReason: text(2_000).optional(),
  }),
  async run(ctx) {
    await ctx.update({ complainant_reaction: ctx.input.complainantReaction, closed_at: ctx.now });
    await ctx.task({
      kind: 'satisfaction_check',
      recipient: 'complainant',
      dueDate: addWorkingDays('NL-ATW', ctx.today, 10, ctx.extraHolidays),
    });
    // ISO-08: a rejected response shows the external route.
    const body =
      ctx.input.complainantReaction === 'rejected' ? (ctx.org.settings.externalBody?.name ?? null) : null;
    ctx.event({
      type: 'case.closed',
      data: { complainantReaction: ctx.input.complainantReaction, externalBody: body },
    });
  },
});

export const reopen = defineAction({
  action: 'reopen',
  summary: 'Reopen, keeping the original receipt date and deadline (AWB-11)',
  input: z.strictObject({ reason: text(2_000) }),
  async run(ctx) {
    const row = ctx.full.row;
    // AWB-11: the original receipt date and deadline stay; nothing is recomputed.
    await ctx.update({
      closed_at: null,
      outcome: null,
      decided_at: null,
      complainant_reaction: null,
      reopen_count: row.reopen_count + 1,
    });
    ctx.event({
      type: 'case.reopened',
      data: {
        reason: ctx.input.reason,
        previousStatus: row.status,
        keptReceiptDate: row.receipt_date,
        keptDecisionDue: row.decision_due,
      },
    });
  },
});

export const escalate = defineAction({
  action: 'escalate',
  summary: 'Record an escalation to a second stage, the ombudsman or the disputes body (ISO-10, WKKGZ-08)',
  input: z.strictObject({
    bodyKind: z.enum(['second_stage', 'ombudsman', 'disputes_body', 'other']),
    bodyName: text(300).optional(),
    submittedOn: localDate,
    reference: text(200).optional(),
  }),
  async run(ctx) {
    const i = ctx.input;
    const name =
      i.bodyName ?? (i.bodyKind === 'second_stage' ? 'Tweede lijn' : ctx.org.settings.externalBody?.name);
    if (!name)
      return ctx.fail([
        blocker(
          'BODY_NAME_REQUIRED',
          'ISO-10',
          'Vul de naam van de instantie in.',
          'Enter the name of the body.',
        ),
      ]);
    const when = happenedBlockers(
      'submittedOn',
      i.submittedOn,
      { receiptDate: ctx.c.receiptDate, now: ctx.now },
      'ISO-10',
    );
    if (when.length) return ctx.fail(when);
    const row = await ctx.trx
      .insertInto('escalation')
      .values({
        case_id: ctx.c.id,
        body_kind: i.bodyKind,
        body_name: name,
        submitted_on: i.submittedOn,
        reference: i.reference ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.event({
      type: 'case.escalated',
      data: { escalationId: row.id, bodyKind: i.bodyKind, bodyName: name, submittedOn: i.submittedOn },
    });
  },
});

export const recordEscalationOutcome = defineAction({
  action: 'record_escalation_outcome',
  summary: 'Record the outcome of an escalation (ISO-10, WKKGZ-10)',
  input: z.strictObject({
    escalationId: z.uuid(),
    outcome: z.enum(['upheld', 'partly_upheld', 'not_upheld', 'settled', 'not_investigated', 'withdrawn']),
    outcomeOn: localDate,
    notes: text(10_000).optional(),
  }),
  async run(ctx) {
    const i = ctx.input;
    const esc = ctx.full.escalations.find((e) => e.id === i.escalationId);
    if (!esc)
      return ctx.fail([
        blocker('ESCALATION_NOT_FOUND', 'ISO-10', 'Onbekende escalatie.', 'Unknown escalation.'),
      ]);
    if (esc.outcome)
      return ctx.fail([
        blocker(
          'OUTCOME_RECORDED',
          'ISO-10',
          'De uitkomst is al vastgelegd.',
          'The outcome is already recorded.',
        ),
      ]);
    if (i.outcomeOn < esc.submitted_on)
      return ctx.fail([
        blocker(
          'DATE_INVALID',
          'ISO-10',
          'De uitspraak ligt vóór het indienen.',
          'The outcome date is before submission.',
        ),
      ]);
    await ctx.trx
      .updateTable('escalation')
      .set({ outcome: i.outcome, outcome_on: i.outcomeOn, outcome_notes: i.notes ?? null })
      .where('id', '=', esc.id)
      .execute();
    ctx.event({
      type: 'case.escalation_outcome',
      data: { escalationId: esc.id, outcome: i.outcome, outcomeOn: i.outcomeOn },
    });
  },
});

export const completeMeasure = defineAction({
  action: 'complete_measure',
  summary: 'Mark a promised measure as realised (NO-14)',
  input: z.strictObject({ remedyId: z.uuid(), completedAt: instant.optional() }),
  async run(ctx) {
    const m = ctx.c.remedies.find((r) => r.id === ctx.input.remedyId && r.kind === 'measure');
    if (!m)
      return ctx.fail([blocker('REMEDY_NOT_FOUND', 'NO-14', 'Onbekende maatregel.', 'Unknown measure.')]);
    if (m.completedAt)
      return ctx.fail([
        blocker(
          'MEASURE_COMPLETED',
          'NO-14',
          'Deze maatregel is al gerealiseerd.',
          'This measure is already completed.',
        ),
      ]);
    const when = happenedBlockers(
      'completedAt',
      ctx.input.completedAt,
      { receiptDate: ctx.c.receiptDate, now: ctx.now },
      'NO-14',
    );
    if (when.length) return ctx.fail(when);
    const completedAt = ctx.input.completedAt ?? ctx.now.toISOString();
    await ctx.trx.updateTable('remedy').set({ completed_at: completedAt }).where('id', '=', m.id).execute();
    await ctx.completeTasks({ kind: 'measure_follow_up', remedyId: m.id });
    ctx.event({
      type: 'case.measure_completed',
      data: { remedyId: m.id, completedAt, realisationDate: m.realisationDate },
    });
  },
});

export const decisionActions = [
  judgeItem,
  addRemedy,
  recordLearning,
  decide,
  close,
  reopen,
  escalate,
  recordEscalationOutcome,
  completeMeasure,
];
