// The case lifecycle as ONE declarative table (GUIDE habit 1, after Amsterdam/signals workflow.py).
// The server enforces it and computes `allowedActions` from it; the UI shows only what the API says.
// Every step a handler takes is an action here: either a transition to another status or a step
// that keeps the status ('same') but still has preconditions and writes a history event.

import type { RegimeId } from './deadlines.js';

export const CASE_STATUSES = [
  'received', // ontvangen
  'acknowledged', // ontvangst bevestigd (AWB-12)
  'in_progress', // in behandeling
  'with_committee', // bij de adviescommissie (AWB-53, Afd. 9.1.3)
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
export const FINAL_STATUSES: readonly CaseStatus[] = [
  'informally_resolved',
  'declined',
  'forwarded',
  'withdrawn',
  'closed',
  'escalated',
];
/** Statuses in which the decision deadline still runs (AWB-44 overdue applies). */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'received',
  'acknowledged',
  'in_progress',
  'with_committee',
];

export const CASE_ACTIONS = [
  // intake completion (NO-02, AWB-03, AWB-06, NO-16, ISO-04)
  'complete_intake',
  'add_item',
  'add_respondent',
  'add_representative',
  'record_authorisation',
  // routing and assignment (AWB-15/16)
  'assign',
  // handling
  'acknowledge',
  'record_first_contact',
  'record_contact_attempt',
  'start_handling',
  'send_respondent_copy',
  'record_progress_update',
  'resolve_informally',
  'decline',
  'forward',
  'withdraw',
  'invite_hearing',
  'waive_hearing',
  'record_hearing',
  'extend',
  'agree_delay',
  'request_advice',
  'record_advice',
  'judge_item',
  'add_remedy',
  'record_learning',
  'decide',
  'close',
  'reopen',
  'escalate',
  'record_escalation_outcome',
  'complete_measure',
  // tasks that no letter completes (ISO-04 safety review; confirmations outside a letter kind)
  'review_safety',
  'complete_task',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export interface Transition {
  action: CaseAction;
  from: readonly CaseStatus[];
  /** The status after the action; 'same' for a step that keeps the status. */
  to: CaseStatus | 'same';
  /** Rule IDs this step implements (its preconditions live in src/domain/workflow/preconditions.ts). */
  rules: readonly string[];
  /** Only under these regimes (absent: all). */
  regimes?: readonly RegimeId[];
}

const BEFORE_DECISION: readonly CaseStatus[] = ['received', 'acknowledged', 'in_progress'];
const OPEN: readonly CaseStatus[] = OPEN_STATUSES;
const HANDLING: readonly CaseStatus[] = ['in_progress', 'with_committee'];
const AWB: readonly RegimeId[] = ['awb', 'awb-advisory'];

export const TRANSITIONS: readonly Transition[] = [
  {
    action: 'complete_intake',
    from: OPEN,
    to: 'same',
    rules: ['NO-02', 'AWB-03', 'AWB-04', 'AWB-05', 'NO-16', 'ISO-04'],
  },
  { action: 'add_item', from: OPEN, to: 'same', rules: ['NO-10', 'AWB-50'] },
  { action: 'add_respondent', from: OPEN, to: 'same', rules: ['AWB-15', 'AWB-26'] },
  { action: 'add_representative', from: OPEN, to: 'same', rules: ['AWB-06', 'WKKGZ-02'] },
  { action: 'record_authorisation', from: [...OPEN, 'decided'], to: 'same', rules: ['AWB-06'] },
  { action: 'assign', from: OPEN, to: 'same', rules: ['AWB-15', 'AWB-16', 'NO-13', 'WKKGZ-03'] },
  {
    action: 'acknowledge',
    from: ['received'],
    to: 'acknowledged',
    rules: ['AWB-12', 'AWB-13', 'AWB-14', 'ISO-03'],
  },
  { action: 'record_first_contact', from: OPEN, to: 'same', rules: ['NO-02', 'NO-07'] },
  // NO-02: two documented attempts that failed count as contact made (the complainant could not be reached).
  { action: 'record_contact_attempt', from: OPEN, to: 'same', rules: ['NO-02'] },
  {
    action: 'start_handling',
    from: ['received', 'acknowledged'],
    to: 'in_progress',
    rules: ['NO-02', 'ISO-01'],
  },
  // AWB-25: no copy once declined (declined is not in `from`).
  { action: 'send_respondent_copy', from: OPEN, to: 'same', rules: ['AWB-26'] },
  { action: 'record_progress_update', from: OPEN, to: 'same', rules: ['WKKGZ-04', 'ISO-02', 'NO-11'] },
  // NO-03: solving the problem first is offered before the formal 9:8 step.
  {
    action: 'resolve_informally',
    from: BEFORE_DECISION,
    to: 'informally_resolved',
    rules: ['AWB-10', 'AWB-11', 'NO-03'],
  },
  {
    action: 'decline',
    from: BEFORE_DECISION,
    to: 'declined',
    rules: ['AWB-20', 'AWB-21', 'AWB-22', 'AWB-23', 'AWB-24', 'AWB-25'],
    regimes: AWB,
  },
  { action: 'forward', from: BEFORE_DECISION, to: 'forwarded', rules: ['AWB-07'] },
  { action: 'withdraw', from: OPEN, to: 'withdrawn', rules: [] },
  { action: 'invite_hearing', from: HANDLING, to: 'same', rules: ['AWB-30', 'AWB-33'] },
  { action: 'waive_hearing', from: HANDLING, to: 'same', rules: ['AWB-31', 'AWB-33'] },
  { action: 'record_hearing', from: HANDLING, to: 'same', rules: ['AWB-26', 'AWB-32', 'AWB-33'] },
  { action: 'extend', from: OPEN, to: 'same', rules: ['AWB-41', 'AWB-42', 'WKKGZ-06', 'LET-10'] },
  { action: 'agree_delay', from: OPEN, to: 'same', rules: ['AWB-43', 'WKKGZ-07', 'DL-08'] },
  {
    action: 'request_advice',
    from: ['in_progress'],
    to: 'with_committee',
    rules: ['AWB-14', 'AWB-53'],
    regimes: ['awb-advisory'],
  },
  {
    action: 'record_advice',
    from: ['with_committee'],
    to: 'in_progress',
    rules: ['AWB-52', 'AWB-53'],
    regimes: ['awb-advisory'],
  },
  { action: 'judge_item', from: ['in_progress'], to: 'same', rules: ['NO-10', 'AWB-50'] },
  {
    action: 'add_remedy',
    from: ['in_progress'],
    to: 'same',
    rules: ['NO-04', 'NO-14', 'WKKGZ-05', 'ISO-06'],
  },
  { action: 'record_learning', from: ['in_progress', 'decided'], to: 'same', rules: ['NO-06'] },
  {
    action: 'decide',
    from: ['in_progress'],
    to: 'decided',
    rules: [
      'AWB-30',
      'AWB-32',
      'AWB-26',
      'AWB-50',
      'AWB-51',
      'AWB-54',
      'NO-04',
      'NO-10',
      'WKKGZ-05',
      'ISO-07',
    ],
  },
  { action: 'close', from: ['decided'], to: 'closed', rules: ['ISO-08', 'NO-05', 'NO-06', 'ISO-10'] },
  // AWB-11: a complainant who was not satisfied after all reopens the case (original dates kept).
  {
    action: 'reopen',
    from: ['informally_resolved', 'closed', 'decided'],
    to: 'in_progress',
    rules: ['AWB-11'],
  },
  {
    action: 'escalate',
    from: ['decided', 'closed', 'declined', 'informally_resolved'],
    to: 'escalated',
    rules: ['ISO-10', 'AWB-51', 'WKKGZ-08', 'WKKGZ-09'],
  },
  { action: 'record_escalation_outcome', from: ['escalated'], to: 'same', rules: ['ISO-10', 'WKKGZ-10'] },
  {
    action: 'complete_measure',
    from: ['in_progress', 'decided', 'closed', 'escalated'],
    to: 'same',
    rules: ['NO-14'],
  },
  // ISO-04: the manager's review of a safety issue completes the safety_review task, whatever the status.
  { action: 'review_safety', from: CASE_STATUSES, to: 'same', rules: ['ISO-04'] },
  // A task that no letter or other step completes (withdrawal confirmation, satisfaction check).
  { action: 'complete_task', from: CASE_STATUSES, to: 'same', rules: ['ISO-02', 'NO-05'] },
];

export function transitionFor(
  status: CaseStatus,
  action: CaseAction,
  regime?: RegimeId,
): Transition | undefined {
  return TRANSITIONS.find(
    (t) =>
      t.action === action && t.from.includes(status) && (!regime || !t.regimes || t.regimes.includes(regime)),
  );
}

export function nextStatus(
  status: CaseStatus,
  action: CaseAction,
  regime?: RegimeId,
): CaseStatus | undefined {
  const t = transitionFor(status, action, regime);
  if (!t) return undefined;
  return t.to === 'same' ? status : t.to;
}

/** Actions the table allows from a status (for a regime, when given). */
export function actionsFrom(status: CaseStatus, regime?: RegimeId): CaseAction[] {
  return TRANSITIONS.filter(
    (t) => t.from.includes(status) && (!regime || !t.regimes || t.regimes.includes(regime)),
  ).map((t) => t.action);
}

/** True when the action moves the case to another status. */
export function changesStatus(action: CaseAction): boolean {
  return TRANSITIONS.some((t) => t.action === action && t.to !== 'same');
}

export function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

/** Dutch and English labels: the server is the single source of labels for statuses and actions. */
export const STATUS_LABELS: Record<CaseStatus, { nl: string; en: string }> = {
  received: { nl: 'Ontvangen', en: 'Received' },
  acknowledged: { nl: 'Ontvangst bevestigd', en: 'Acknowledged' },
  in_progress: { nl: 'In behandeling', en: 'In progress' },
  with_committee: { nl: 'Bij de adviescommissie', en: 'With the advisory committee' },
  informally_resolved: { nl: 'Informeel afgehandeld', en: 'Resolved informally' },
  declined: { nl: 'Niet in behandeling genomen', en: 'Declined' },
  forwarded: { nl: 'Doorgezonden', en: 'Forwarded' },
  withdrawn: { nl: 'Ingetrokken', en: 'Withdrawn' },
  decided: { nl: 'Beslist', en: 'Decided' },
  closed: { nl: 'Afgesloten', en: 'Closed' },
  escalated: { nl: 'Geëscaleerd', en: 'Escalated' },
};

export const ACTION_LABELS: Record<CaseAction, { nl: string; en: string }> = {
  complete_intake: { nl: 'Intake aanvullen', en: 'Complete intake' },
  add_item: { nl: 'Klachtonderdeel toevoegen', en: 'Add complaint item' },
  add_respondent: { nl: 'Beklaagde toevoegen', en: 'Add respondent' },
  add_representative: { nl: 'Gemachtigde toevoegen', en: 'Add representative' },
  record_authorisation: { nl: 'Machtiging vastleggen', en: 'Record authorisation' },
  assign: { nl: 'Toewijzen', en: 'Assign' },
  acknowledge: { nl: 'Ontvangst bevestigen', en: 'Acknowledge' },
  record_first_contact: { nl: 'Eerste contact vastleggen', en: 'Record first contact' },
  record_contact_attempt: {
    nl: 'Mislukte contactpoging vastleggen',
    en: 'Record a failed contact attempt',
  },
  start_handling: { nl: 'In behandeling nemen', en: 'Start handling' },
  send_respondent_copy: { nl: 'Kopie aan beklaagde vastleggen', en: 'Record copy to respondent' },
  record_progress_update: { nl: 'Voortgangsbericht vastleggen', en: 'Record progress update' },
  resolve_informally: { nl: 'Informeel afhandelen', en: 'Resolve informally' },
  decline: { nl: 'Niet in behandeling nemen', en: 'Decline' },
  forward: { nl: 'Doorzenden', en: 'Forward' },
  withdraw: { nl: 'Intrekking vastleggen', en: 'Record withdrawal' },
  invite_hearing: { nl: 'Uitnodigen voor hoorgesprek', en: 'Invite to hearing' },
  waive_hearing: { nl: 'Afzien van horen klager', en: 'Waive hearing the complainant' },
  record_hearing: { nl: 'Hoorgesprek en verslag vastleggen', en: 'Record hearing and report' },
  extend: { nl: 'Afhandeling verdagen', en: 'Extend the term' },
  agree_delay: { nl: 'Uitstel met instemming vastleggen', en: 'Record agreed delay' },
  request_advice: { nl: 'Voorleggen aan adviescommissie', en: 'Refer to advisory committee' },
  record_advice: { nl: 'Advies vastleggen', en: 'Record advice' },
  judge_item: { nl: 'Klachtonderdeel beoordelen', en: 'Judge complaint item' },
  add_remedy: { nl: 'Maatregel of tegemoetkoming toevoegen', en: 'Add remedy' },
  record_learning: { nl: 'Oorzaak en leerpunten vastleggen', en: 'Record root cause and lessons' },
  decide: { nl: 'Beslissen', en: 'Decide' },
  close: { nl: 'Afsluiten', en: 'Close' },
  reopen: { nl: 'Heropenen', en: 'Reopen' },
  escalate: { nl: 'Escalatie vastleggen', en: 'Record escalation' },
  record_escalation_outcome: { nl: 'Uitkomst escalatie vastleggen', en: 'Record escalation outcome' },
  complete_measure: { nl: 'Maatregel gerealiseerd', en: 'Measure completed' },
  review_safety: { nl: 'Veiligheidsmelding beoordelen', en: 'Review the safety issue' },
  complete_task: { nl: 'Taak afronden', en: 'Complete a task' },
};
