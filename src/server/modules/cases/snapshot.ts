import { amsterdamDate } from '../../../domain/dates.js';
import type { Deadline, RegimeId } from '../../../domain/deadlines.js';
import type { CaseStatus } from '../../../domain/lifecycle.js';
import type {
  AdviceSnapshot,
  CaseSnapshot,
  HearingSnapshot,
  ItemSnapshot,
  RemedySnapshot,
  RespondentSnapshot,
} from '../../../domain/workflow/snapshot.js';
import type { CaseAccessInfo } from './policy.js';
import type { CaseReadInfo } from './read-policy.js';
import type { FullCase } from './repository.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export interface StoredDeadlines {
  acknowledgement: Deadline;
  decision: Deadline;
  /** The decision deadline before an extension (AWB-42). */
  originalDecision?: Deadline;
  /** AWB-43: a date agreed with the complainant (termType AGREED, no Atw). */
  agreed?: { due: string; raw: string; termType: 'AGREED'; rulesApplied: string[] };
  [key: string]: unknown;
}

export function storedDeadlines(full: FullCase): StoredDeadlines {
  return full.row.deadlines as unknown as StoredDeadlines;
}

/** The pure view of a case the domain rules work on. */
export function toSnapshot(full: FullCase): CaseSnapshot {
  const r = full.row;
  const d = storedDeadlines(full);
  return {
    id: r.id,
    status: r.status as CaseStatus,
    regime: r.regime as RegimeId,
    channel: r.channel,
    receiptDate: r.receipt_date,
    filingDate: amsterdamDate(r.submitted_at),
    incidentDate: r.incident_date,
    categoryId: r.category_id,
    departmentId: r.department_id,
    assigneeId: r.assignee_id,
    coreComplaint: r.core_complaint,
    desiredOutcome: r.desired_outcome,
    formalProcedureApplies: r.formal_procedure_applies,
    decisionDue: r.decision_due,
    originalDecisionDue: (d.originalDecision ?? d.decision).due,
    termStart: d.decision.start,
    extensionWeeks: d.decision.extensionWeeks,
    agreedDue: d.agreed?.due ?? null,
    rootCause: r.root_cause,
    lessons: r.lessons,
    advice: (r.advice as unknown as AdviceSnapshot | null) ?? null,
    items: full.items.map((i): ItemSnapshot => ({
      id: i.id,
      position: i.position,
      summary: i.summary,
      severity: i.severity as ItemSnapshot['severity'],
      judgement: i.judgement as ItemSnapshot['judgement'],
      findings: i.findings,
      reasons: i.reasons,
    })),
    respondents: full.respondents.map((x): RespondentSnapshot => ({
      id: x.id,
      kind: x.kind as RespondentSnapshot['kind'],
      userId: x.user_id,
      name: x.name,
      copySentAt: iso(x.copy_sent_at),
      copyNotApplicableReason: x.copy_not_applicable_reason,
    })),
    hearings: full.hearings.map((h): HearingSnapshot => ({
      id: h.id,
      party: h.party as HearingSnapshot['party'],
      respondentId: h.respondent_id,
      invitedAt: iso(h.invited_at),
      responseDeadline: h.response_deadline,
      heldAt: iso(h.held_at),
      conductedBy: h.conducted_by as HearingSnapshot['conductedBy'],
      report: h.report,
      waiverGround: h.waiver_ground as HearingSnapshot['waiverGround'],
      scheduledAt: iso(h.scheduled_at),
    })),
    remedies: full.remedies.map((m): RemedySnapshot => ({
      id: m.id,
      itemId: m.item_id,
      kind: m.kind as RemedySnapshot['kind'],
      realisationDate: m.realisation_date,
      completedAt: iso(m.completed_at),
    })),
    firstContactAt: iso(r.first_contact_at),
    contactAttempts: ((r.contact_attempts ?? []) as unknown as { at: string; channel: string }[]).map(
      (a) => ({
        at: a.at,
        channel: a.channel,
      }),
    ),
    openTasks: full.tasks
      .filter((t) => t.status === 'open')
      .map((t) => ({ id: t.id, kind: t.kind, rule: t.rule })),
    version: r.version,
  };
}

/** What the read policy needs (cases/read-policy.ts). */
export function readInfo(full: FullCase): CaseReadInfo {
  return {
    departmentId: full.row.department_id,
    assigneeId: full.row.assignee_id,
    confidential: full.row.confidential,
    respondentUserIds: full.respondents.flatMap((r) => (r.user_id ? [r.user_id] : [])),
  };
}

export function accessInfo(full: FullCase): CaseAccessInfo {
  return {
    status: full.row.status as CaseStatus,
    regime: full.row.regime as RegimeId,
    departmentId: full.row.department_id,
    assigneeId: full.row.assignee_id,
    respondentUserIds: full.respondents.flatMap((r) => (r.user_id ? [r.user_id] : [])),
  };
}
