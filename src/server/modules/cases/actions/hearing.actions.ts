import { z } from 'zod';
import { compareDates } from '../../../../domain/dates.js';
import { blocker } from '../../../../domain/workflow/blockers.js';
import {
  agreedDelayBlockers,
  extendedDeadline,
  extensionCheck,
  wkkgzNeedsConsent,
} from '../../../../domain/workflow/extension.js';
import {
  WAIVER_GROUNDS,
  copyBlockers,
  hearingFor,
  waiverBlockers,
} from '../../../../domain/workflow/hearings.js';
import { happenedBlockers } from '../../../../domain/workflow/time.js';
import { defineAction, type ActionContext } from './context.js';
import { instant, judgement, localDate, text } from './fields.js';
import type { StoredDeadlines } from '../snapshot.js';

// Copy to respondents (AWB-26), hearings (AWB-30..33), extension and agreed delay (AWB-41..43,
// WKKGZ-06/07), the advisory committee (AWB-52..54).

export const sendRespondentCopy = defineAction({
  action: 'send_respondent_copy',
  summary: 'Record the copy of the complaint sent to a respondent, or why it does not apply (AWB-26)',
  input: z.strictObject({
    respondentId: z.uuid(),
    sentAt: instant.optional(),
    notApplicableReason: text(1_000).optional(),
  }),
  async run(ctx) {
    const i = ctx.input;
    const r = ctx.c.respondents.find((x) => x.id === i.respondentId);
    if (!r)
      return ctx.fail([
        blocker('RESPONDENT_NOT_FOUND', 'AWB-26', 'Onbekende beklaagde.', 'Unknown respondent.'),
      ]);
    if (i.sentAt && i.notApplicableReason)
      return ctx.fail([
        blocker(
          'AMBIGUOUS',
          'AWB-26',
          'Geef een verzenddatum óf een reden, niet beide.',
          'Give a send date or a reason, not both.',
        ),
      ]);
    const when = happenedBlockers('sentAt', i.sentAt, frame(ctx), 'AWB-26');
    if (when.length) return ctx.fail(when);
    const sentAt = i.notApplicableReason ? null : (i.sentAt ?? ctx.now.toISOString());
    await ctx.trx
      .updateTable('respondent')
      .set({ copy_sent_at: sentAt, copy_not_applicable_reason: i.notApplicableReason ?? null })
      .where('id', '=', r.id)
      .execute();
    await ctx.completeTasks({ kind: 'respondent_copy', respondentId: r.id });
    ctx.event({
      type: 'case.respondent_copy',
      data: { respondentId: r.id, sentAt, notApplicableReason: i.notApplicableReason ?? null },
    });
  },
});

const party = z.enum(['complainant', 'respondent']);

const frame = (ctx: ActionContext<unknown>) => ({ receiptDate: ctx.c.receiptDate, now: ctx.now });

async function upsertHearing(
  ctx: ActionContext<unknown>,
  p: 'complainant' | 'respondent',
  respondentId: string | null,
  values: Record<string, unknown>,
) {
  const existing = hearingFor(ctx.c, p, respondentId);
  if (existing) await ctx.trx.updateTable('hearing').set(values).where('id', '=', existing.id).execute();
  else
    await ctx.trx
      .insertInto('hearing')
      .values({ case_id: ctx.c.id, party: p, respondent_id: respondentId, ...values })
      .execute();
}

function requireParty(
  ctx: ActionContext<unknown>,
  p: 'complainant' | 'respondent',
  respondentId: string | undefined,
): string | null {
  if (p === 'complainant') return null;
  if (!respondentId || !ctx.c.respondents.some((r) => r.id === respondentId)) {
    return ctx.fail([
      blocker(
        'RESPONDENT_NOT_FOUND',
        'AWB-30',
        'Kies de beklaagde die gehoord wordt.',
        'Choose the respondent to be heard.',
      ),
    ]);
  }
  return respondentId;
}

export const inviteHearing = defineAction({
  action: 'invite_hearing',
  summary:
    'Offer the complainant or a respondent a hearing (AWB-30); under Afd. 9.1.3 the committee hears (AWB-33)',
  input: z.strictObject({
    party,
    respondentId: z.uuid().optional(),
    invitedAt: instant.optional(),
    responseDeadline: localDate.optional(),
  }),
  async run(ctx) {
    const i = ctx.input;
    const respondentId = requireParty(ctx, i.party, i.respondentId);
    const when = happenedBlockers('invitedAt', i.invitedAt, frame(ctx), 'AWB-30');
    if (when.length) return ctx.fail(when);
    await upsertHearing(ctx, i.party, respondentId, {
      invited_at: i.invitedAt ?? ctx.now,
      response_deadline: i.responseDeadline ?? null,
      conducted_by: ctx.c.regime === 'awb-advisory' ? 'committee' : 'handler',
    });
    ctx.event({
      type: 'case.hearing_invited',
      data: { party: i.party, respondentId, responseDeadline: i.responseDeadline ?? null },
    });
  },
});

export const waiveHearing = defineAction({
  action: 'waive_hearing',
  summary:
    'Omit hearing the complainant on one of the three grounds of Awb 9:10 lid 2 (AWB-31); never for a respondent',
  input: z.strictObject({
    ground: z.enum(
      WAIVER_GROUNDS as ['manifestly_unfounded', 'declined_by_complainant', 'no_response_in_time'],
    ),
    responseDeadline: localDate.optional(),
    statement: text(5_000).optional(),
    decidedBy: z.enum(['handler', 'committee']).default('handler'),
    committeeMember: text(200).optional(),
  }),
  async run(ctx) {
    const i = ctx.input;
    const blockers = waiverBlockers(i, ctx.c.regime, ctx.today);
    if (blockers.length) return ctx.fail(blockers);
    const decidedBy =
      i.decidedBy === 'committee'
        ? `committee${i.committeeMember ? `: ${i.committeeMember}` : ''}`
        : `handler: ${ctx.user.name}`;
    await upsertHearing(ctx, 'complainant', null, {
      waiver_ground: i.ground,
      waiver_statement: i.statement ?? null,
      waiver_decided_by: decidedBy,
      ...(i.responseDeadline ? { response_deadline: i.responseDeadline } : {}),
    });
    ctx.event({ type: 'case.hearing_waived', data: { ground: i.ground, decidedBy: i.decidedBy } });
  },
});

export const recordHearing = defineAction({
  action: 'record_hearing',
  summary:
    'Record a hearing that took place, with its report (AWB-32); respondents have their copy first (AWB-26)',
  input: z.strictObject({
    party,
    respondentId: z.uuid().optional(),
    heldAt: instant,
    report: text(50_000).optional(),
    conductedBy: z.enum(['handler', 'committee']).optional(),
  }),
  async run(ctx) {
    const i = ctx.input;
    const respondentId = requireParty(ctx, i.party, i.respondentId);
    // Time is real: a hearing that "took place" cannot lie in the future or before the complaint.
    const when = happenedBlockers('heldAt', i.heldAt, frame(ctx), 'AWB-32');
    if (when.length) return ctx.fail(when);
    const conductedBy = i.conductedBy ?? (ctx.c.regime === 'awb-advisory' ? 'committee' : 'handler');
    if (ctx.c.regime === 'awb-advisory' && conductedBy !== 'committee') {
      return ctx.fail([
        blocker(
          'COMMITTEE_MUST_HEAR',
          'AWB-33',
          'Onder de adviesprocedure hoort de adviescommissie.',
          'Under the advisory procedure the committee conducts the hearing.',
        ),
      ]);
    }
    // AWB-26: each respondent has the copy of the complaint before the hearing.
    if (ctx.c.regime === 'awb' || ctx.c.regime === 'awb-advisory') {
      const missing = copyBlockers(ctx.c);
      const late = ctx.c.respondents.filter((r) => r.copySentAt && r.copySentAt > i.heldAt);
      if (missing.length) return ctx.fail(missing);
      if (late.length) {
        return ctx.fail([
          blocker(
            'RESPONDENT_COPY_MISSING',
            'AWB-26',
            'De kopie van de klacht moet vóór het hoorgesprek verstuurd zijn.',
            'The copy of the complaint must be sent before the hearing.',
          ),
        ]);
      }
    }
    await upsertHearing(ctx, i.party, respondentId, {
      held_at: i.heldAt,
      conducted_by: conductedBy,
      ...(i.report ? { report: i.report, report_recorded_at: ctx.now } : {}),
    });
    ctx.event({
      type: 'case.hearing_recorded',
      data: {
        party: i.party,
        respondentId,
        heldAt: i.heldAt,
        conductedBy,
        reportAttached: Boolean(i.report ?? hearingFor(ctx.c, i.party, respondentId)?.report),
      },
    });
  },
});

export const extend = defineAction({
  action: 'extend',
  summary:
    'Extend the term once by at most 4 weeks, before it expires, with notices to the parties (AWB-41/42, WKKGZ-06)',
  input: z.strictObject({
    weeks: z.number().int().min(1).max(52),
    // Written for the complainant; respondentReason: the respondents' notice in its own words (AWB-41).
    reason: text(2_000),
    respondentReason: text(2_000).optional(),
  }),
  async run(ctx) {
    const c = ctx.c;
    const check = extensionCheck(c, ctx.input.weeks, ctx.now, ctx.settings);
    if (check.blockers.length) return ctx.fail(check.blockers);
    const deadline = extendedDeadline(c.regime, c.termStart, ctx.input.weeks, ctx.extraHolidays);
    const stored = ctx.full.row.deadlines as unknown as StoredDeadlines;
    await ctx.update({
      decision_due: deadline.due,
      deadlines: JSON.stringify({ ...stored, decision: deadline, originalDecision: stored.decision }),
      extension: JSON.stringify({
        weeks: ctx.input.weeks,
        reason: ctx.input.reason,
        respondentReason: ctx.input.respondentReason ?? null,
        recordedAt: ctx.now.toISOString(),
        originalDue: c.originalDecisionDue,
        late: check.late,
      }),
      // AWB-42 [C] 'allow_overdue': recorded after expiry, so the case counts as overdue (AWB-44).
      overdue: check.late,
    });
    // AWB-41 / LET-10: written notice to the complainant and (Awb) each respondent, before expiry.
    const notices = [{ recipient: 'complainant' as const, respondentId: undefined as string | undefined }];
    if (c.regime !== 'wkkgz')
      for (const r of c.respondents) notices.push({ recipient: 'respondent' as never, respondentId: r.id });
    for (const n of notices) {
      await ctx.task({
        kind: 'letter.extension_notice',
        recipient: n.recipient,
        respondentId: n.respondentId,
        dueDate: c.originalDecisionDue,
        data: { newDue: deadline.due, weeks: ctx.input.weeks, reason: ctx.input.reason },
      });
    }
    ctx.event({
      type: 'case.extended',
      data: {
        weeks: ctx.input.weeks,
        originalDue: c.originalDecisionDue,
        newDue: deadline.due,
        late: check.late,
        notices: notices.length,
      },
    });
  },
});

export const agreeDelay = defineAction({
  action: 'agree_delay',
  summary: "Further delay with the complainant's written consent and an agreed date (AWB-43, WKKGZ-07)",
  input: z.strictObject({ agreedDate: localDate, consentDocument: text(500), consentReceivedOn: localDate }),
  async run(ctx) {
    const i = ctx.input;
    const c = ctx.c;
    const blockers = agreedDelayBlockers(i, c.decisionDue, c.regime);
    if (blockers.length) return ctx.fail(blockers);
    const stored = ctx.full.row.deadlines as unknown as StoredDeadlines;
    // DL-08: an agreed date is contractual: no Atw shift.
    const agreed = {
      due: i.agreedDate,
      raw: i.agreedDate,
      termType: 'AGREED' as const,
      rulesApplied: [
        c.regime === 'wkkgz'
          ? 'Wkkgz: uitstel met instemming klager (praktijk)'
          : 'Awb 9:11 lid 3: uitstel met schriftelijke instemming klager',
        'Atw niet van toepassing: overeengekomen termijn',
      ],
    };
    await ctx.update({
      decision_due: i.agreedDate,
      deadlines: JSON.stringify({ ...stored, agreed }),
      agreed_delay: JSON.stringify({
        ...i,
        previousDue: c.decisionDue,
        beyondWkkgzLimit:
          c.regime === 'wkkgz' &&
          wkkgzNeedsConsent(c.termStart, i.agreedDate, ctx.settings.wkkgzConsentBeyondWeeks),
      }),
      overdue: compareDates(i.agreedDate, ctx.today) < 0,
    });
    ctx.event({ type: 'case.delay_agreed', data: { previousDue: c.decisionDue, agreedDate: i.agreedDate } });
  },
});

export const requestAdvice = defineAction({
  action: 'request_advice',
  summary: 'Refer the complaint to the advisory committee (Afd. 9.1.3, AWB-53)',
  input: z.strictObject({ committee: text(300) }),
  async run(ctx) {
    // AWB-52: once given, the advice is the committee's; the body cannot have it redone case by case.
    if (ctx.c.advice?.advice)
      return ctx.fail([
        blocker(
          'ADVICE_LOCKED',
          'AWB-52',
          'Het advies is al uitgebracht.',
          'The advice has already been given.',
        ),
      ]);
    await ctx.update({
      advice: JSON.stringify({ committee: ctx.input.committee, requestedAt: ctx.now.toISOString() }),
    });
    ctx.event({ type: 'case.advice_requested', data: { committee: ctx.input.committee } });
  },
});

export const recordAdvice = defineAction({
  action: 'record_advice',
  summary: "Record the committee's report: findings, advice, recommendations and the hearing report (AWB-53)",
  input: z.strictObject({
    advice: text(50_000),
    advisedJudgement: judgement,
    recommendations: text(20_000).optional(),
    reportReceivedOn: localDate,
    hearingReportIncluded: z.literal(true),
  }),
  async run(ctx) {
    const i = ctx.input;
    if (ctx.c.advice?.advice)
      return ctx.fail([
        blocker(
          'ADVICE_LOCKED',
          'AWB-52',
          'Het advies is al vastgelegd en kan niet worden gewijzigd.',
          'The advice is recorded and cannot be changed.',
        ),
      ]);
    await ctx.update({
      advice: JSON.stringify({ ...(ctx.c.advice ?? {}), ...i, receivedAt: ctx.now.toISOString() }),
    });
    ctx.event({
      type: 'case.advice_recorded',
      data: { advisedJudgement: i.advisedJudgement, reportReceivedOn: i.reportReceivedOn },
    });
  },
});

export const hearingActions = [
  sendRespondentCopy,
  inviteHearing,
  waiveHearing,
  recordHearing,
  extend,
  agreeDelay,
  requestAdvice,
  recordAdvice,
];
