import { z } from 'zod';
import { addWorkingDays } from '../../../../domain/calendar.js';
import { isOnTime } from '../../../../domain/deadlines.js';
import { blocker } from '../../../../domain/workflow/blockers.js';
import { checkHandlerConflict, checkHandlerEligible } from '../../../../domain/workflow/conflict.js';
import { assessFormal, repairRequestText, type FormalChecks } from '../../../../domain/workflow/formal.js';
import {
  derivePriority,
  needsManagerAlert,
  type Assessment,
  type Priority,
} from '../../../../domain/workflow/priority.js';
import { acknowledgementTaskData } from '../../../../domain/workflow/tasks.js';
import { happenedBlockers } from '../../../../domain/workflow/time.js';
import { defineAction, type ActionContext } from './context.js';
import { contactChannel, instant, level, localDate, severity, text } from './fields.js';

const formalChecks = z.strictObject({
  signature: z.enum(['handwritten', 'digid', 'eherkenning', 'confirmed', 'none']),
  hasName: z.boolean(),
  hasAddress: z.boolean(),
  hasDate: z.boolean(),
  hasDescription: z.boolean(),
});

/** NO-02, AWB-03/04/05, NO-16, ISO-04: the intake completed by staff (partial updates). */
export const completeIntake = defineAction({
  action: 'complete_intake',
  summary:
    'Complete the intake: core, desired outcome, formal checks (AWB-03), vulnerability (NO-16), assessment (ISO-04)',
  input: z.strictObject({
    // NO-11: written for the complainant, in the second person ("U bent ontevreden over …").
    coreComplaint: text(5_000).optional(),
    desiredOutcome: text(5_000).optional(),
    // The salutation of letters ("Geachte heer De Vries", "Beste Anna").
    salutation: z.string().trim().max(200).nullable().optional(),
    incidentDate: localDate.optional(),
    behaviourTowards: z.enum(['complainant', 'other']).optional(),
    formalChecks: formalChecks.optional(),
    translationNeeded: z.boolean().optional(),
    vulnerability: z.string().trim().max(2_000).nullable().optional(),
    preferredChannel: z.enum(['email', 'phone', 'letter', 'in_person']).nullable().optional(),
    assessment: z
      .strictObject({ safety: z.boolean(), severity: level, complexity: level, impact: level })
      .optional(),
  }),
  async run(ctx) {
    const i = ctx.input;
    const row = ctx.full.row;
    const fields = Object.keys(i).filter((k) => (i as Record<string, unknown>)[k] !== undefined);
    if (fields.length === 0)
      return ctx.fail([
        blocker('NOTHING_TO_CHANGE', 'NO-02', 'Geef ten minste één veld op.', 'Give at least one field.'),
      ]);
    await ctx.update({
      ...(i.coreComplaint !== undefined ? { core_complaint: i.coreComplaint } : {}),
      ...(i.desiredOutcome !== undefined ? { desired_outcome: i.desiredOutcome } : {}),
      ...(i.salutation !== undefined ? { salutation: i.salutation || null } : {}),
      ...(i.incidentDate !== undefined ? { incident_date: i.incidentDate } : {}),
      ...(i.behaviourTowards !== undefined ? { behaviour_towards: i.behaviourTowards } : {}),
      ...(i.translationNeeded !== undefined ? { translation_needed: i.translationNeeded } : {}),
      ...(i.vulnerability !== undefined ? { vulnerability: i.vulnerability || null } : {}),
      ...(i.preferredChannel !== undefined ? { preferred_channel: i.preferredChannel } : {}),
    });

    let formal: ReturnType<typeof assessFormal> | undefined;
    const checks = i.formalChecks ?? (row.formal_checks as FormalChecks | null) ?? undefined;
    if (checks && (i.formalChecks || i.behaviourTowards)) {
      formal = assessFormal(
        row.channel,
        checks,
        i.behaviourTowards ?? (row.behaviour_towards as 'complainant' | 'other'),
      );
      await ctx.update({ formal_checks: JSON.stringify(checks), formal_procedure_applies: formal.applies });
      await requestRepair(ctx, formal.repairable);
    }
    ctx.event({
      type: 'case.intake_completed',
      data: {
        fields,
        ...(formal
          ? { formalProcedureApplies: formal.applies, defects: formal.defects, oral: formal.oral }
          : {}),
      },
    });
    if (i.assessment) await assess(ctx, i.assessment);
  },
});

/** AWB-03: missing elements lead to a request for repair, never to a silent rejection. */
async function requestRepair(ctx: ActionContext<unknown>, defects: string[]) {
  const open = ctx.full.tasks.find((t) => t.kind === 'repair_request' && t.status === 'open');
  if (defects.length === 0) {
    if (open) await ctx.completeTasks({ kind: 'repair_request' });
    return;
  }
  const same =
    open && JSON.stringify((open.data as { defects?: string[] }).defects) === JSON.stringify(defects);
  if (same) return; // already asked for exactly this
  if (open) await ctx.cancelTasks(['repair_request'], 'superseded');
  const row = ctx.full.row;
  await ctx.task({ kind: 'repair_request', recipient: 'complainant', data: { defects } });
  const msg = repairRequestText(defects as never, row.language === 'en' ? 'en' : 'nl', row.reference);
  if (row.complainant_email)
    await ctx.message({
      kind: 'repair-request',
      recipient: row.complainant_email,
      subject: msg.subject,
      text: msg.text,
    });
  ctx.event({
    type: 'case.repair_requested',
    data: { defects, rule: 'AWB-03', sentTo: row.complainant_email ? 'email' : null },
  });
}

/** ISO-04: priority from the assessment; a safety issue is urgent and alerts a manager. */
async function assess(ctx: ActionContext<unknown>, a: Assessment) {
  const before = ctx.full.row.priority as Priority;
  const priority = derivePriority(a);
  await ctx.update({ assessment: JSON.stringify(a), priority });
  let alerts = 0;
  if (needsManagerAlert(before, priority)) {
    const row = ctx.full.row;
    let q = ctx.trx
      .selectFrom('app_user')
      .select(['email', 'name'])
      .where('role', '=', 'manager')
      .where('active', '=', true);
    if (row.department_id)
      q = q.where((eb) =>
        eb.or([eb('department_id', '=', row.department_id), eb('department_id', 'is', null)]),
      );
    const managers = await q.execute();
    for (const m of managers) {
      await ctx.message({
        kind: 'manager-alert',
        recipient: m.email,
        subject: `SPOED: veiligheidsmelding in klacht ${row.reference}`,
        text: `Beste ${m.name},\n\nBij klacht ${row.reference} is bij de eerste beoordeling een veiligheidsrisico vastgesteld. De klacht heeft daarom prioriteit SPOED (ISO 10002, 8.5). Beoordeel direct welke maatregelen nodig zijn.\n\nRedress`,
      });
    }
    alerts = managers.length;
    await ctx.task({
      kind: 'safety_review',
      recipient: 'manager',
      dueDate: ctx.today,
      data: { managers: alerts },
    });
  }
  ctx.event({
    type: 'case.priority_set',
    data: { priority, from: before, safety: a.safety, managerAlerts: alerts, rule: 'ISO-04' },
  });
}

export const addItem = defineAction({
  action: 'add_item',
  summary: 'Add a complaint item (klachtonderdeel) with its severity and a title for letters',
  // letterTitle: the item's heading in letters, written for the complainant ("de wachttijd aan de balie").
  input: z.strictObject({ summary: text(2_000), severity, letterTitle: text(200).optional() }),
  async run(ctx) {
    const position = Math.max(0, ...ctx.c.items.map((i) => i.position)) + 1;
    const row = await ctx.trx
      .insertInto('complaint_item')
      .values({
        case_id: ctx.c.id,
        position,
        summary: ctx.input.summary,
        severity: ctx.input.severity,
        letter_title: ctx.input.letterTitle ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.event({ type: 'case.item_added', data: { itemId: row.id, position, severity: ctx.input.severity } });
  },
});

export const addRespondent = defineAction({
  action: 'add_respondent',
  summary:
    'Add a respondent (beklaagde): a staff member, a unit, or the body / its chair / a member (AWB-16)',
  input: z.strictObject({
    kind: z.enum(['staff', 'unit', 'body', 'chair', 'member']),
    userId: z.uuid().optional(),
    departmentId: z.uuid().optional(),
    name: text(200).optional(),
    email: z.email().optional(),
  }),
  async run(ctx) {
    const i = ctx.input;
    const user = i.userId
      ? await ctx.trx
          .selectFrom('app_user')
          .select(['id', 'name', 'email', 'role'])
          .where('id', '=', i.userId)
          .executeTakeFirst()
      : undefined;
    if (i.userId && !user)
      return ctx.fail([
        blocker('USER_NOT_FOUND', 'AWB-15', 'Onbekende medewerker.', 'Unknown staff member.'),
      ]);
    const name = i.name ?? user?.name;
    if (!name)
      return ctx.fail([
        blocker(
          'NAME_REQUIRED',
          'AWB-26',
          'Vul de naam van de beklaagde in.',
          "Enter the respondent's name.",
        ),
      ]);
    let warning: string | undefined;
    if (user && user.id === ctx.c.assigneeId) {
      const check = checkHandlerConflict(user.id, [
        {
          id: 'new',
          kind: i.kind,
          userId: user.id,
          name: name,
          copySentAt: null,
          copyNotApplicableReason: null,
        },
      ]);
      if (!check.ok) return ctx.fail([check.blocker]); // AWB-15: reassign first
      warning = check.warning ? 'AWB-16' : undefined;
    }
    const row = await ctx.trx
      .insertInto('respondent')
      .values({
        case_id: ctx.c.id,
        kind: i.kind,
        user_id: user?.id ?? null,
        department_id: i.departmentId ?? null,
        name: name,
        email: i.email ?? user?.email ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // AWB-26: the respondent gets a copy of the complaint and its documents.
    await ctx.task({ kind: 'respondent_copy', recipient: 'respondent', respondentId: row.id });
    ctx.event({
      type: 'case.respondent_added',
      data: { respondentId: row.id, kind: i.kind, userId: user?.id ?? null, ...(warning ? { warning } : {}) },
    });
  },
});

export const addRepresentative = defineAction({
  action: 'add_representative',
  summary: 'Link a representative (gemachtigde, AWB-06) or, under the Wkkgz, who files (WKKGZ-02)',
  input: z.strictObject({
    name: text(200),
    email: z.email().optional(),
    phone: text(30).optional(),
    address: text(500).optional(),
    relation: z.enum([
      'representative',
      'surviving_relative',
      'legal_guardian',
      'refused_representative',
      'other',
    ]),
    authorisationRequired: z.boolean().optional(),
  }),
  async run(ctx) {
    const i = ctx.input;
    const required = i.authorisationRequired ?? ctx.settings.requireRepresentativeAuthorisation;
    const row = await ctx.trx
      .insertInto('representative')
      .values({
        case_id: ctx.c.id,
        name: i.name,
        email: i.email ?? null,
        phone: i.phone ?? null,
        address: i.address ?? null,
        relation: i.relation,
        authorisation_required: required,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.event({
      type: 'case.representative_added',
      data: { representativeId: row.id, relation: i.relation, authorisationRequired: required },
    });
  },
});

export const recordAuthorisation = defineAction({
  action: 'record_authorisation',
  summary: "Record the representative's written authorisation (AWB-06)",
  input: z.strictObject({ representativeId: z.uuid(), document: text(500), receivedAt: instant.optional() }),
  async run(ctx) {
    const rep = ctx.full.representatives.find((r) => r.id === ctx.input.representativeId);
    if (!rep)
      return ctx.fail([
        blocker('REPRESENTATIVE_NOT_FOUND', 'AWB-06', 'Onbekende gemachtigde.', 'Unknown representative.'),
      ]);
    const when = happenedBlockers(
      'receivedAt',
      ctx.input.receivedAt,
      { receiptDate: ctx.c.receiptDate, now: ctx.now },
      'AWB-06',
    );
    if (when.length) return ctx.fail(when);
    await ctx.trx
      .updateTable('representative')
      .set({
        authorisation_document: ctx.input.document,
        authorisation_received_at: ctx.input.receivedAt ?? ctx.now,
      })
      .where('id', '=', rep.id)
      .execute();
    ctx.event({ type: 'case.authorisation_recorded', data: { representativeId: rep.id } });
  },
});

/** Routing: category → department → handler, with the AWB-15/16 guard; a reassignment needs a reason. */
export const assign = defineAction({
  action: 'assign',
  summary: 'Route and assign: category → department → handler (AWB-15/16); reassignment needs a reason',
  input: z.strictObject({
    categoryId: z.uuid().optional(),
    departmentId: z.uuid().optional(),
    handlerId: z.uuid().nullable().optional(),
    reason: text(1_000).optional(),
  }),
  async run(ctx) {
    const i = ctx.input;
    const row = ctx.full.row;
    // A handler takes the case for themselves; routing elsewhere is for intake and managers.
    if (ctx.user.role === 'handler' && (i.handlerId !== ctx.user.id || i.categoryId || i.departmentId)) {
      return ctx.fail([
        blocker(
          'HANDLER_TAKES_ONLY',
          'NO-13',
          'Als behandelaar kunt u een dossier alleen zelf oppakken.',
          'As a handler you can only take a case yourself.',
        ),
      ]);
    }
    let categoryId = row.category_id;
    let departmentId = row.department_id;
    if (i.categoryId) {
      const cat = await ctx.trx
        .selectFrom('category')
        .select(['id', 'department_id', 'active'])
        .where('id', '=', i.categoryId)
        .executeTakeFirst();
      if (!cat?.active)
        return ctx.fail([
          blocker(
            'CATEGORY_NOT_FOUND',
            'NO-06',
            'Onbekende of inactieve categorie.',
            'Unknown or inactive category.',
          ),
        ]);
      categoryId = cat.id;
      departmentId = cat.department_id ?? departmentId;
    }
    if (i.departmentId) {
      const dep = await ctx.trx
        .selectFrom('department')
        .select(['id', 'active'])
        .where('id', '=', i.departmentId)
        .executeTakeFirst();
      if (!dep?.active)
        return ctx.fail([
          blocker(
            'DEPARTMENT_NOT_FOUND',
            'NO-13',
            'Onbekende of inactieve afdeling.',
            'Unknown or inactive department.',
          ),
        ]);
      departmentId = dep.id;
    }
    let assigneeId = row.assignee_id;
    let warning: string | undefined;
    if (i.handlerId) {
      const h = await ctx.trx
        .selectFrom('app_user')
        .select(['id', 'name', 'role', 'active', 'department_id'])
        .where('id', '=', i.handlerId)
        .executeTakeFirst();
      if (!h)
        return ctx.fail([
          blocker('USER_NOT_FOUND', 'NO-13', 'Onbekende medewerker.', 'Unknown staff member.'),
        ]);
      const notEligible = checkHandlerEligible(
        { id: h.id, name: h.name, role: h.role, active: h.active, departmentId: h.department_id },
        i.departmentId || i.categoryId ? departmentId : null,
      );
      if (notEligible) return ctx.fail([notEligible]);
      const conflict = checkHandlerConflict(h.id, ctx.c.respondents);
      if (!conflict.ok) return ctx.fail([conflict.blocker]);
      if (conflict.warning) warning = `AWB-16: ${conflict.warning.respondent} (${conflict.warning.kind})`;
      assigneeId = h.id;
      departmentId = departmentId ?? h.department_id;
      if (h.department_id && departmentId !== h.department_id) departmentId = h.department_id;
    } else if (i.handlerId === null) {
      assigneeId = null;
    } else if (assigneeId && departmentId !== row.department_id) {
      // Routed to another department: the old handler no longer fits.
      assigneeId = null;
    }
    const reassigned = row.assignee_id !== null && assigneeId !== row.assignee_id;
    if (reassigned && !i.reason) {
      ctx.fail([
        blocker(
          'REASON_REQUIRED',
          'NO-13',
          'Geef een reden voor het overdragen van het dossier.',
          'Give a reason for reassigning the case.',
        ),
      ]);
    }
    if (
      categoryId === row.category_id &&
      departmentId === row.department_id &&
      assigneeId === row.assignee_id
    ) {
      ctx.fail([blocker('NOTHING_TO_CHANGE', 'NO-13', 'Er verandert niets.', 'Nothing changes.')]);
    }
    await ctx.update({ category_id: categoryId, department_id: departmentId, assignee_id: assigneeId });
    ctx.event({
      type: 'case.assigned',
      data: {
        from: { categoryId: row.category_id, departmentId: row.department_id, assigneeId: row.assignee_id },
        to: { categoryId, departmentId, assigneeId },
        reason: i.reason ?? null,
        ...(warning ? { warning } : {}),
      },
    });
  },
});

export const acknowledge = defineAction({
  action: 'acknowledge',
  summary: 'Acknowledge receipt in writing (AWB-12/13/14): creates the acknowledgement letter task',
  input: z.strictObject({}),
  async run(ctx) {
    const row = ctx.full.row;
    await ctx.update({ acknowledged_at: ctx.now });
    // AWB-12: the task exists since intake (done once the acknowledgement e-mail was sent); a case
    // registered before that has none yet and gets it now.
    const existing = ctx.full.tasks.some(
      (t) => t.kind === 'letter.acknowledgement' && t.status !== 'cancelled',
    );
    if (!existing)
      await ctx.task({
        kind: 'letter.acknowledgement',
        recipient: 'complainant',
        dueDate: row.acknowledgement_due,
        data: acknowledgementTaskData(row.regime, row.receipt_date, row.decision_due),
      });
    ctx.event({
      type: 'case.acknowledged',
      data: {
        acknowledgedAt: ctx.now.toISOString(),
        acknowledgementDue: row.acknowledgement_due,
        onTime: isOnTime(row.acknowledgement_due, ctx.now),
      },
    });
  },
});

/** NO-02 / NO-07: personal contact within N working days (default 5). */
export function firstContactDue(receiptDate: string, workingDays: number, extra: string[] = []): string {
  return addWorkingDays('NL-ATW', receiptDate, workingDays, extra);
}

export const recordFirstContact = defineAction({
  action: 'record_first_contact',
  summary: 'Record the first personal contact (NO-02: within 5 working days)',
  input: z.strictObject({ at: instant, channel: contactChannel }),
  async run(ctx) {
    // Time is real: not before the complaint arrived, not in the future.
    const when = happenedBlockers(
      'at',
      ctx.input.at,
      { receiptDate: ctx.c.receiptDate, now: ctx.now },
      'NO-02',
    );
    if (when.length) return ctx.fail(when);
    const due = firstContactDue(ctx.c.receiptDate, ctx.settings.contactWorkingDays, ctx.extraHolidays);
    await ctx.update({ first_contact_at: ctx.input.at, first_contact_channel: ctx.input.channel });
    ctx.event({
      type: 'case.first_contact',
      data: { at: ctx.input.at, channel: ctx.input.channel, due, onTime: isOnTime(due, ctx.input.at) },
    });
  },
});

export const recordContactAttempt = defineAction({
  action: 'record_contact_attempt',
  summary:
    'Record an attempt to reach the complainant that failed (NO-02: two documented attempts count as contact made)',
  // note: what was tried (number called, voicemail left, e-mail without answer).
  input: z.strictObject({ at: instant, channel: contactChannel, note: text(2_000) }),
  async run(ctx) {
    const i = ctx.input;
    const when = happenedBlockers('at', i.at, { receiptDate: ctx.c.receiptDate, now: ctx.now }, 'NO-02');
    if (when.length) return ctx.fail(when);
    const attempts = [...ctx.c.contactAttempts, { at: i.at, channel: i.channel }];
    const stored = ctx.full.row.contact_attempts ?? [];
    await ctx.update({
      contact_attempts: JSON.stringify([
        ...stored,
        { at: i.at, channel: i.channel, note: i.note, by: ctx.user.id },
      ]),
    });
    ctx.event({
      type: 'case.contact_attempt',
      data: { at: i.at, channel: i.channel, attempt: attempts.length },
    });
  },
});

export const startHandling = defineAction({
  action: 'start_handling',
  summary: 'Start handling (NO-02: core complaint and desired outcome recorded, handler assigned)',
  input: z.strictObject({}),
  async run(ctx) {
    ctx.event({ type: 'case.handling_started', data: {} });
  },
});

export const recordProgressUpdate = defineAction({
  action: 'record_progress_update',
  summary: 'Record a progress update to the complainant (WKKGZ-04, ISO-02)',
  input: z.strictObject({ channel: contactChannel }),
  async run(ctx) {
    await ctx.update({ last_progress_update_at: ctx.now });
    ctx.event({ type: 'case.progress_update', data: { channel: ctx.input.channel } });
  },
});

export const intakeActions = [
  completeIntake,
  addItem,
  addRespondent,
  addRepresentative,
  recordAuthorisation,
  assign,
  acknowledge,
  recordFirstContact,
  recordContactAttempt,
  startHandling,
  recordProgressUpdate,
];
