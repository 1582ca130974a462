import type { CaseRow } from '../../db/schema.js';
import { ACTION_LABELS, OPEN_STATUSES, STATUS_LABELS, type CaseAction, type CaseStatus } from '../../../domain/lifecycle.js';
import type { Lang } from '../../errors.js';
import type { CaseListRow } from './repository.js';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function isOverdue(row: { status: string; decision_due: string }, today: string): boolean {
  // AWB-44: a deadline that passed without a final letter.
  return (OPEN_STATUSES as readonly string[]).includes(row.status) && row.decision_due < today;
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

export function presentDetail(
  row: CaseRow,
  history: { id: string; type: string; actor_id: string | null; created_at: Date; data: Record<string, unknown> }[],
  allowed: CaseAction[],
  lang: Lang,
  today: string,
) {
  const deadlines = row.deadlines as { acknowledgement: never; decision: never };
  return {
    ...presentSummary(row, lang, today),
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
    deadlines: { acknowledgement: deadlines.acknowledgement, decision: deadlines.decision },
    items: [],
    history: history.map((e) => ({ id: String(e.id), type: e.type, actorId: e.actor_id, at: iso(e.created_at), data: e.data })),
    allowedActions: allowed.map((a) => ({ action: a, label: ACTION_LABELS[a][lang] })),
    version: row.version,
  };
}
