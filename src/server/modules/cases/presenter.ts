import { corePreview } from '../../../domain/letters/fields.js';
import { eventLabel } from './events.js';
import type { CaseRow } from '../../db/schema.js';
import {
  ACTION_LABELS,
  OPEN_STATUSES,
  STATUS_LABELS,
  type CaseAction,
  type CaseStatus,
} from '../../../domain/lifecycle.js';
import type { LocalDate } from '../../../domain/dates.js';
import type { Blocker } from '../../../domain/workflow/blockers.js';
import { declineNoticeDeadline } from '../../../domain/workflow/decline.js';
import { JUDGEMENT_LABELS, overallOutcome } from '../../../domain/workflow/judgement.js';
import type { WorkflowSettings } from '../../../domain/workflow/settings.js';
import type { Judgement } from '../../../domain/workflow/snapshot.js';
import { TASK_KINDS, type TaskKind } from '../../../domain/workflow/tasks.js';
import type { RegimeId } from '../../../domain/deadlines.js';
import type { Lang } from '../../errors.js';
import { firstContactDue } from './actions/intake.actions.js';
import type { CaseListRow, FullCase } from './repository.js';
import { storedDeadlines } from './snapshot.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export function isOverdue(
  row: { status: string; decision_due: string; overdue?: boolean },
  today: string,
): boolean {
  // AWB-44: a deadline that passed without a final letter (or flagged by the monitoring job).
  return (
    (OPEN_STATUSES as readonly string[]).includes(row.status) &&
    (row.decision_due < today || row.overdue === true)
  );
}

export function presentSummary(row: CaseListRow, lang: Lang, today: string) {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status as CaseStatus,
    statusLabel: STATUS_LABELS[row.status as CaseStatus]?.[lang] ?? row.status,
    regime: row.regime,
    channel: row.channel as 'web',
    receivedAt: iso(row.received_at),
    receiptDate: row.receipt_date,
    complainantName: row.complainant_name,
    summary: row.description.length > 157 ? `${row.description.slice(0, 157)}…` : row.description,
    categoryId: row.category_id,
    departmentId: row.department_id,
    assigneeId: row.assignee_id,
    decisionDue: row.decision_due,
    overdue: isOverdue(row, today),
  };
}

export interface PresentOptions {
  lang: Lang;
  today: LocalDate;
  settings: WorkflowSettings;
  /** NO-16: hide vulnerability and preferred channel from this user. */
  restricted: boolean;
  extraHolidays: LocalDate[];
}

/** The full case: intake, decision data (for the letters), tasks, history and allowed actions. */
export function presentCase(
  full: FullCase,
  history: {
    id: string;
    type: string;
    actor_id: string | null;
    created_at: Date;
    data: Record<string, unknown>;
  }[],
  allowed: { action: CaseAction; blockers: Blocker[] }[],
  o: PresentOptions,
) {
  const row: CaseRow = full.row;
  const lang = o.lang;
  const d = storedDeadlines(full);
  const regime = row.regime as RegimeId;
  const declineNotice =
    regime === 'awb' || regime === 'awb-advisory'
      ? declineNoticeDeadline(regime, row.receipt_date, o.extraHolidays)
      : null;
  const items = full.items.map((i) => ({
    id: i.id,
    position: i.position,
    summary: i.summary,
    letterTitle: i.letter_title,
    severity: i.severity as 'light' | 'medium' | 'heavy',
    judgement: i.judgement as Judgement | null,
    judgementLabel: i.judgement ? JUDGEMENT_LABELS[i.judgement as Judgement][lang] : null,
    findings: i.findings,
    reasons: i.reasons,
    judgedAt: isoOrNull(i.judged_at),
  }));
  return {
    ...presentSummary(row, lang, o.today),
    submittedAt: iso(row.submitted_at),
    complainant: {
      name: row.complainant_name,
      email: row.complainant_email,
      phone: row.complainant_phone,
      address: row.complainant_address,
    },
    description: row.description,
    desiredOutcome: row.desired_outcome,
    incidentDate: row.incident_date,
    language: row.language,
    // NO-11: how the letter fields read to the complainant (the sentence printed, or why it is not).
    letterFields: {
      salutation: row.salutation,
      requestAnswer: row.request_answer,
      core: row.core_complaint ? corePreview(row.core_complaint, row.language === 'en' ? 'en' : 'nl') : null,
    },
    intake: {
      coreComplaint: row.core_complaint,
      behaviourTowards: row.behaviour_towards as 'complainant' | 'other',
      formalChecks: row.formal_checks ?? null,
      formalProcedureApplies: row.formal_procedure_applies,
      translationNeeded: row.translation_needed,
      priority: row.priority as 'low' | 'normal' | 'high' | 'urgent',
      assessment: row.assessment ?? null,
      restricted: o.restricted,
      vulnerability: o.restricted ? null : row.vulnerability,
      preferredChannel: o.restricted ? null : row.preferred_channel,
      acknowledgedAt: isoOrNull(row.acknowledged_at),
      firstContactAt: isoOrNull(row.first_contact_at),
      firstContactChannel: row.first_contact_channel,
    },
    deadlines: {
      acknowledgement: d.acknowledgement,
      decision: d.decision,
      originalDecision: d.originalDecision ?? null,
      agreed: d.agreed ?? null,
      firstContact: firstContactDue(row.receipt_date, o.settings.contactWorkingDays, o.extraHolidays),
      declineNotice: declineNotice?.due ?? null,
    },
    extension: row.extension ?? null,
    agreedDelay: row.agreed_delay ?? null,
    items,
    respondents: full.respondents.map((r) => ({
      id: r.id,
      kind: r.kind,
      userId: r.user_id,
      departmentId: r.department_id,
      name: r.name,
      email: r.email,
      copySentAt: isoOrNull(r.copy_sent_at),
      copyNotApplicableReason: r.copy_not_applicable_reason,
    })),
    representatives: full.representatives.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      phone: r.phone,
      address: r.address,
      relation: r.relation,
      authorisationRequired: r.authorisation_required,
      authorisationReceivedAt: isoOrNull(r.authorisation_received_at),
      // AWB-06: no case content to a representative until the authorisation is in.
      mayReceiveCaseContent: !r.authorisation_required || r.authorisation_received_at !== null,
    })),
    hearings: full.hearings.map((h) => ({
      id: h.id,
      party: h.party as 'complainant' | 'respondent',
      respondentId: h.respondent_id,
      invitedAt: isoOrNull(h.invited_at),
      responseDeadline: h.response_deadline,
      heldAt: isoOrNull(h.held_at),
      conductedBy: h.conducted_by,
      report: h.report,
      waiverGround: h.waiver_ground,
      waiverDecidedBy: h.waiver_decided_by,
    })),
    decision: {
      outcome: row.outcome,
      overallJudgement: overallOutcome(items),
      findings: row.findings,
      conclusions: row.conclusions,
      decidedAt: isoOrNull(row.decided_at),
      deviationReason: row.deviation_reason,
      advice: row.advice ?? null,
      rootCause: row.root_cause,
      lessons: row.lessons,
      improvementAction: row.improvement_action,
      complainantReaction: row.complainant_reaction,
      remedies: full.remedies.map((m) => ({
        id: m.id,
        itemId: m.item_id,
        kind: m.kind as 'apology' | 'compensation' | 'correction' | 'measure',
        description: m.description,
        amount: m.amount === null ? null : Number(m.amount),
        realisationDate: m.realisation_date,
        performer: m.performer as 'organisation' | 'complainant',
        completedAt: isoOrNull(m.completed_at),
      })),
      decline: row.decline ?? null,
      forwarding: row.forwarding ?? null,
      informalResolution: row.informal_resolution ?? null,
      withdrawal: row.withdrawal ?? null,
    },
    escalations: full.escalations.map((e) => ({
      id: e.id,
      bodyKind: e.body_kind,
      bodyName: e.body_name,
      submittedOn: e.submitted_on,
      reference: e.reference,
      outcome: e.outcome,
      outcomeOn: e.outcome_on,
      outcomeNotes: e.outcome_notes,
    })),
    tasks: full.tasks.map((t) => ({
      id: t.id,
      kind: t.kind,
      label: TASK_KINDS[t.kind as TaskKind]?.[lang] ?? t.kind,
      rule: t.rule,
      recipient: t.recipient,
      respondentId: t.respondent_id,
      remedyId: t.remedy_id,
      status: t.status as 'open' | 'done' | 'cancelled' | 'not_applicable',
      dueDate: t.due_date,
      data: t.data,
      createdAt: iso(t.created_at),
      completedAt: isoOrNull(t.completed_at),
    })),
    closedAt: isoOrNull(row.closed_at),
    reopenCount: row.reopen_count,
    history: history.map((e) => ({
      id: String(e.id),
      type: e.type,
      label: eventLabel(e.type, lang),
      actorId: e.actor_id,
      at: iso(e.created_at),
      data: e.data,
    })),
    allowedActions: allowed.map((a) => ({
      action: a.action,
      label: ACTION_LABELS[a.action][lang],
      ready: a.blockers.length === 0,
      blockers: a.blockers.map((b) => ({ code: b.code, rule: b.rule, message: b.message[lang] })),
    })),
    version: row.version,
  };
}
