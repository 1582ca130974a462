// The case lifecycle as ONE declarative table (GUIDE habit 1, after Amsterdam/signals workflow.py).
// The server enforces it and computes `allowedActions` from it; the UI shows only what the API says.

export const CASE_STATUSES = [
  'received', // ontvangen
  'acknowledged', // ontvangst bevestigd (AWB-12)
  'in_progress', // in behandeling
  'informally_resolved', // informeel afgehandeld (AWB-10)
  'declined', // niet in behandeling genomen (Awb 9:8, AWB-20)
  'forwarded', // doorgezonden (AWB-07)
  'withdrawn', // ingetrokken
  'decided', // beslist: oordeel verzonden (AWB-50)
  'closed', // afgesloten (ISO-08)
  'escalated', // voorgelegd aan ombudsman / geschilleninstantie (ISO-10)
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which handling has ended (the case no longer runs against a deadline). */
export const FINAL_STATUSES: readonly CaseStatus[] = ['informally_resolved', 'declined', 'forwarded', 'withdrawn', 'closed', 'escalated'];
/** Statuses in which the decision deadline still runs (AWB-44 overdue applies). */
export const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'acknowledged', 'in_progress'];

export const CASE_ACTIONS = [
  'acknowledge',
  'start_handling',
  'resolve_informally',
  'decline',
  'forward',
  'withdraw',
  'decide',
  'close',
  'reopen',
  'escalate',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export interface Transition {
  action: CaseAction;
  from: readonly CaseStatus[];
  to: CaseStatus;
  /** Rule IDs this transition implements; preconditions are enforced by later steps. */
  rules: readonly string[];
}

const BEFORE_DECISION: readonly CaseStatus[] = ['received', 'acknowledged', 'in_progress'];

export const TRANSITIONS: readonly Transition[] = [
  { action: 'acknowledge', from: ['received'], to: 'acknowledged', rules: ['AWB-12', 'AWB-13', 'ISO-03'] },
  { action: 'start_handling', from: ['received', 'acknowledged'], to: 'in_progress', rules: ['NO-02'] },
  // NO-03: solving the problem first is offered before the formal 9:8 step.
  { action: 'resolve_informally', from: BEFORE_DECISION, to: 'informally_resolved', rules: ['AWB-10', 'AWB-11'] },
  { action: 'decline', from: BEFORE_DECISION, to: 'declined', rules: ['AWB-20', 'AWB-23', 'AWB-25'] },
  { action: 'forward', from: BEFORE_DECISION, to: 'forwarded', rules: ['AWB-07'] },
  { action: 'withdraw', from: BEFORE_DECISION, to: 'withdrawn', rules: [] },
  { action: 'decide', from: ['in_progress'], to: 'decided', rules: ['AWB-50', 'AWB-51', 'WKKGZ-05'] },
  { action: 'close', from: ['decided'], to: 'closed', rules: ['ISO-08', 'NO-05'] },
  // AWB-11: a complainant who was not satisfied after all reopens the case (original dates kept).
  { action: 'reopen', from: ['informally_resolved', 'closed', 'decided'], to: 'in_progress', rules: ['AWB-11', 'RET-02'] },
  { action: 'escalate', from: ['decided', 'closed', 'declined'], to: 'escalated', rules: ['ISO-10', 'AWB-51', 'WKKGZ-08'] },
];

export function transitionFor(status: CaseStatus, action: CaseAction): Transition | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from.includes(status));
}

export function nextStatus(status: CaseStatus, action: CaseAction): CaseStatus | undefined {
  return transitionFor(status, action)?.to;
}

export function actionsFrom(status: CaseStatus): CaseAction[] {
  return TRANSITIONS.filter((t) => t.from.includes(status)).map((t) => t.action);
}

export function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

/** Dutch and English labels: the server is the single source of labels for statuses and actions. */
export const STATUS_LABELS: Record<CaseStatus, { nl: string; en: string }> = {
  received: { nl: 'Ontvangen', en: 'Received' },
  acknowledged: { nl: 'Ontvangst bevestigd', en: 'Acknowledged' },
  in_progress: { nl: 'In behandeling', en: 'In progress' },
  informally_resolved: { nl: 'Informeel afgehandeld', en: 'Resolved informally' },
  declined: { nl: 'Niet in behandeling genomen', en: 'Declined' },
  forwarded: { nl: 'Doorgezonden', en: 'Forwarded' },
  withdrawn: { nl: 'Ingetrokken', en: 'Withdrawn' },
  decided: { nl: 'Beslist', en: 'Decided' },
  closed: { nl: 'Afgesloten', en: 'Closed' },
  escalated: { nl: 'Geëscaleerd', en: 'Escalated' },
};

export const ACTION_LABELS: Record<CaseAction, { nl: string; en: string }> = {
  acknowledge: { nl: 'Ontvangst bevestigen', en: 'Acknowledge' },
  start_handling: { nl: 'In behandeling nemen', en: 'Start handling' },
  resolve_informally: { nl: 'Informeel afhandelen', en: 'Resolve informally' },
  decline: { nl: 'Niet in behandeling nemen', en: 'Decline' },
  forward: { nl: 'Doorzenden', en: 'Forward' },
  withdraw: { nl: 'Intrekking vastleggen', en: 'Record withdrawal' },
  decide: { nl: 'Beslissen', en: 'Decide' },
  close: { nl: 'Afsluiten', en: 'Close' },
  reopen: { nl: 'Heropenen', en: 'Reopen' },
  escalate: { nl: 'Escalatie vastleggen', en: 'Record escalation' },
};
