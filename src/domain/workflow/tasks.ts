// Work a case still needs. Each task names what completes it (`completedBy`): a letter of that kind
// sent by the letters module, or a handling step. `legal` marks the duties the law (or the
// standard the organisation follows) puts on the body: a case is not closed while one is open,
// unless a handler overrides with a reason (recorded in the history, shown on the dashboard).

import type { CaseAction } from '../lifecycle.js';

/** What completes a task: a sent letter of this kind, a handling step, or something the system sees. */
export type TaskCompletion =
  { letter: string } | { action: CaseAction } | { letter: string; orEmail: string } | { event: string };

interface TaskKindDefinition {
  rule: string;
  nl: string;
  en: string;
  legal: boolean;
  completedBy: TaskCompletion;
}

export const TASK_KINDS = {
  // AWB-12/13/14: the written acknowledgement (the automatic e-mail at intake also completes it).
  'letter.acknowledgement': {
    rule: 'AWB-12',
    nl: 'Ontvangstbevestiging versturen',
    en: 'Send the acknowledgement',
    legal: true,
    completedBy: { letter: 'acknowledgement', orEmail: 'acknowledgement' },
  },
  // AWB-41/42, WKKGZ-06, LET-10: one per recipient, before the original deadline.
  'letter.extension_notice': {
    rule: 'AWB-41',
    nl: 'Verdagingsbericht versturen',
    en: 'Send the extension notice',
    legal: true,
    completedBy: { letter: 'extension' },
  },
  // AWB-23, LET-09: within four weeks after receipt.
  'letter.decline_notice': {
    rule: 'AWB-23',
    nl: 'Besluit niet-behandelen versturen',
    en: 'Send the decline notice',
    legal: true,
    completedBy: { letter: 'decline' },
  },
  // AWB-07: the forwarding letter to the competent body and the notice to the complainant, same date.
  'letter.forward': {
    rule: 'AWB-07',
    nl: 'Klacht doorzenden aan het bevoegde orgaan',
    en: 'Forward the complaint to the competent body',
    legal: true,
    // No letter kind to the competent body yet: the handler records it as sent (with a note).
    completedBy: { action: 'complete_task' },
  },
  'letter.forward_notice': {
    rule: 'AWB-07',
    nl: 'Klager informeren over doorzending',
    en: 'Tell the complainant about forwarding',
    legal: true,
    completedBy: { letter: 'forwarding' },
  },
  // AWB-11: confirm the informal settlement in writing.
  'letter.informal_confirmation': {
    rule: 'AWB-11',
    nl: 'Informele afhandeling bevestigen',
    en: 'Confirm the informal resolution',
    legal: true,
    completedBy: { letter: 'informal-resolution' },
  },
  'letter.withdrawal_confirmation': {
    rule: 'ISO-02',
    nl: 'Intrekking bevestigen',
    en: 'Confirm the withdrawal',
    legal: false,
    completedBy: { action: 'complete_task' },
  },
  // AWB-50/51/54, WKKGZ-05/08, NO-05: the final letter; ISO-07: a notice to each respondent.
  'letter.decision': {
    rule: 'AWB-50',
    nl: 'Beslissing (eindbrief) versturen',
    en: 'Send the decision letter',
    legal: true,
    completedBy: { letter: 'decision' },
  },
  'letter.decision_notice': {
    rule: 'ISO-07',
    nl: 'Beklaagde informeren over de beslissing',
    en: 'Inform the respondent of the decision',
    legal: true,
    completedBy: { letter: 'decision-notice' },
  },
  // AWB-26: a copy of the complaint and its documents to each respondent.
  respondent_copy: {
    rule: 'AWB-26',
    nl: 'Kopie klacht aan beklaagde',
    en: 'Copy of the complaint to the respondent',
    legal: true,
    completedBy: { action: 'send_respondent_copy' },
  },
  // AWB-03: a request for repair, never a silent rejection; completed when the intake is complete.
  repair_request: {
    rule: 'AWB-03',
    nl: 'Wacht op aanvulling door klager',
    en: 'Waiting for the complainant to complete the complaint',
    legal: false,
    completedBy: { action: 'complete_intake' },
  },
  // ISO-04: a safety issue alerts a manager, who records the review and the measures taken.
  safety_review: {
    rule: 'ISO-04',
    nl: 'Veiligheidsmelding beoordelen',
    en: 'Review the safety issue',
    legal: true,
    completedBy: { action: 'review_safety' },
  },
  // NO-14: a promised measure is followed up until done.
  measure_follow_up: {
    rule: 'NO-14',
    nl: 'Toegezegde maatregel realiseren',
    en: 'Carry out the promised measure',
    legal: false,
    completedBy: { action: 'complete_measure' },
  },
  // NO-05, ISO-10 (ISO 10004): check satisfaction after closing.
  satisfaction_check: {
    rule: 'NO-05',
    nl: 'Tevredenheid nagaan',
    en: 'Check satisfaction',
    legal: false,
    completedBy: { action: 'complete_task' },
  },
} as const satisfies Record<string, TaskKindDefinition>;
export type TaskKind = keyof typeof TASK_KINDS;

/**
 * AWB-12/13/14, WKKGZ-01: what the written acknowledgement must mention. The task is created at
 * intake for every complaint (with or without e-mail); the acknowledgement e-mail, once sent, or a
 * sent acknowledgement letter completes it.
 */
export function acknowledgementTaskData(regime: string, receiptDate: string, decisionDue: string) {
  return {
    mustMention: [
      'receiptDate',
      'decisionDue',
      'hearing',
      ...(regime === 'awb-advisory' ? ['advisoryCommittee'] : []),
      ...(regime === 'wkkgz' ? ['complaintRegulationUrl'] : []),
    ],
    receiptDate,
    decisionDue,
  };
}

/** Whether an open task of this kind keeps a case from being closed (without an override). */
export function isLegalTask(kind: string): boolean {
  return (TASK_KINDS as Record<string, TaskKindDefinition>)[kind]?.legal ?? false;
}
