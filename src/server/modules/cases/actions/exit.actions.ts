import { z } from 'zod';
import {
  DECLINE_GROUNDS,
  DECLINE_GROUND_LABELS,
  declineBlockers,
  declineNoticeDeadline,
} from '../../../../domain/workflow/decline.js';
import { happenedBlockers } from '../../../../domain/workflow/time.js';
import { defineAction } from './context.js';
import { contactChannel, localDate, text } from './fields.js';

// The ways a case ends before a decision: informal resolution, decline (9:8), forward, withdrawal.

export const resolveInformally = defineAction({
  action: 'resolve_informally',
  summary: "Resolve informally to the complainant's satisfaction, with proof (AWB-10/11)",
  input: z.strictObject({
    // AWB-10: the complainant's satisfaction, not the body's own view, ends the formal duty.
    satisfactionConfirmed: z.literal(true),
    confirmedOn: localDate,
    channel: contactChannel,
    // AWB-11: how satisfaction can be proven (a call note, an e-mail from the complainant).
    proof: text(2_000),
    summary: text(5_000),
    // NO-08: the rung of the klachtbehandelingsladder that solved it.
    resolvedBy: z.enum(['employee', 'handler']).default('handler'),
  }),
  async run(ctx) {
    const i = ctx.input;
    const when = happenedBlockers(
      'confirmedOn',
      i.confirmedOn,
      { receiptDate: ctx.c.receiptDate, now: ctx.now },
      'AWB-10',
    );
    if (when.length) return ctx.fail(when);
    await ctx.update({
      outcome: 'informally_resolved',
      informal_resolution: JSON.stringify({
        confirmedOn: i.confirmedOn,
        channel: i.channel,
        proof: i.proof,
        summary: i.summary,
        resolvedBy: i.resolvedBy,
      }),
      closed_at: ctx.now,
    });
    // AWB-11: confirm in writing ("laat het ons weten als dat niet zo is").
    await ctx.task({ kind: 'letter.informal_confirmation', recipient: 'complainant', dueDate: ctx.today });
    ctx.event({
      type: 'case.resolved_informally',
      data: { confirmedOn: i.confirmedOn, channel: i.channel, resolvedBy: i.resolvedBy },
    });
  },
});

export const decline = defineAction({
  action: 'decline',
  summary:
    'Decline under Awb 9:8 with a ground and motivation; the notice is due within 4 weeks of receipt (AWB-20..25)',
  input: z.strictObject({
    ground: z.enum(DECLINE_GROUNDS),
    motivation: text(5_000),
    behaviourDate: localDate.optional(),
    // NO-03: what happens with the problem behind the complaint; NO-02: the answer to the request.
    underlyingProblem: text(5_000).optional(),
    requestAnswer: text(5_000).optional(),
  }),
  async run(ctx) {
    const i = ctx.input;
    const c = ctx.c;
    const blockers = declineBlockers(i, c, ctx.today, ctx.extraHolidays);
    if (blockers.length) return ctx.fail(blockers);
    const notice = declineNoticeDeadline(c.regime, c.receiptDate, ctx.extraHolidays);
    await ctx.update({
      outcome: 'declined',
      decline: JSON.stringify({
        ground: i.ground,
        groundLabel: DECLINE_GROUND_LABELS[i.ground],
        motivation: i.motivation,
        behaviourDate: i.behaviourDate ?? null,
        noticeDue: notice.due,
        notice,
        underlyingProblem: i.underlyingProblem ?? null,
      }),
      ...(i.requestAnswer !== undefined ? { request_answer: i.requestAnswer } : {}),
      closed_at: ctx.now,
    });
    // AWB-25: a declined complaint is not sent to the person complained about.
    const cancelled = await ctx.cancelTasks(['respondent_copy'], 'AWB-25: niet in behandeling genomen');
    await ctx.task({
      kind: 'letter.decline_notice',
      recipient: 'complainant',
      dueDate: notice.due,
      // LET-09 / AWB-23: the ground, and the ombudsman with the one-year term.
      data: {
        ground: i.ground,
        groundLabel: DECLINE_GROUND_LABELS[i.ground],
        externalBody: ctx.org.settings.externalBody ?? null,
        ombudsmanTerm: 'P1Y',
      },
    });
    ctx.event({
      type: 'case.declined',
      data: { ground: i.ground, noticeDue: notice.due, cancelledCopyTasks: cancelled },
    });
  },
});

export const forward = defineAction({
  action: 'forward',
  summary: 'Forward to the competent organisation and tell the complainant the same day (AWB-07)',
  input: z.strictObject({
    organisation: text(300),
    address: text(500).optional(),
    email: z.email().optional(),
    reason: text(2_000),
  }),
  async run(ctx) {
    const i = ctx.input;
    await ctx.update({
      outcome: 'forwarded',
      forwarding: JSON.stringify({
        organisation: i.organisation,
        address: i.address ?? null,
        email: i.email ?? null,
        reason: i.reason,
        forwardedOn: ctx.today,
      }),
      closed_at: ctx.now,
    });
    await ctx.cancelTasks(['respondent_copy', 'repair_request'], 'AWB-07: doorgezonden');
    // AWB-07: both letters on the same date.
    await ctx.task({
      kind: 'letter.forward',
      recipient: 'other_organisation',
      dueDate: ctx.today,
      data: { organisation: i.organisation },
    });
    await ctx.task({
      kind: 'letter.forward_notice',
      recipient: 'complainant',
      dueDate: ctx.today,
      data: { organisation: i.organisation },
    });
    ctx.event({ type: 'case.forwarded', data: { organisation: i.organisation, forwardedOn: ctx.today } });
  },
});

export const withdraw = defineAction({
  action: 'withdraw',
  summary: 'Record that the complainant withdrew the complaint',
  input: z.strictObject({ withdrawnOn: localDate, channel: contactChannel, reason: text(2_000).optional() }),
  async run(ctx) {
    const i = ctx.input;
    const when = happenedBlockers(
      'withdrawnOn',
      i.withdrawnOn,
      { receiptDate: ctx.c.receiptDate, now: ctx.now },
      'ISO-02',
    );
    if (when.length) return ctx.fail(when);
    await ctx.update({
      outcome: 'withdrawn',
      withdrawal: JSON.stringify({
        withdrawnOn: i.withdrawnOn,
        channel: i.channel,
        reason: i.reason ?? null,
      }),
      closed_at: ctx.now,
    });
    await ctx.cancelTasks('all', 'ingetrokken');
    await ctx.task({ kind: 'letter.withdrawal_confirmation', recipient: 'complainant', dueDate: ctx.today });
    ctx.event({ type: 'case.withdrawn', data: { withdrawnOn: i.withdrawnOn, channel: i.channel } });
  },
});

export const exitActions = [resolveInformally, decline, forward, withdraw];
